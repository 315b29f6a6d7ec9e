/* unit.h: what every cmocka unit test includes. */
#ifndef GUIDENAV_TESTS_UNIT_H
#define GUIDENAV_TESTS_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Tests run from the project root; the shared data (seeds, corpus) lives
 * beside the checkout and may be absent. */
#define GN_SHARED "../shared"
#define GN_FIXTURES "tests/fixtures"

#endif
