/* sarif.h: --check's problems as a SARIF 2.1.0 log, for code-scanning
 * dashboards in CI. */
#ifndef GUIDENAV_SARIF_H
#define GUIDENAV_SARIF_H

#include <stdbool.h>
#include <stdio.h>
#include "guidenav/check.h"
#include "guidenav/source.h"

/* Write the problems of p whose kind is chosen (a flag per
 * gn_check_kinds entry) to out as one SARIF run of the tool guidenav
 * (version), a rule per kind. Each result's location is its file as a URI
 * reference, relative to the current folder when the file lies below it,
 * else a file: URI, with its line when it has one; its locale is a
 * property. set gives each locale's folder. */
void gn_sarif_write(FILE *out, const gn_problems *p, const bool *chosen,
                    const gn_localeset *set, const char *version);

#endif
