/* sarif.c: problems as a SARIF 2.1.0 log (see sarif.h). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guidenav/sarif.h"
#include "guidenav/text.h"
#include "guidenav/util.h"

/* s as a JSON string: invalid UTF-8 and controls made safe first
 * (gn_text_sanitized), then '"', '\\' and what is left below U+0020
 * escaped. */
static void json_string(FILE *out, const char *s)
{
    char *clean = gn_text_sanitized(s ? s : "");
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)clean; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
    free(clean);
}

/* path as a URI reference: bytes other than unreserved ones and '/'
 * percent-encoded. */
static void uri_encode(gn_buf *b, const char *path)
{
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            gn_buf_addc(b, (char)*p);
        else
            gn_buf_addf(b, "%%%02X", *p);
    }
}

/* The URI of file (as its locale source names it) of the locale tag:
 * relative to cwd (absolute) when below it, else a file: URI. Newly
 * allocated. */
static char *file_uri(const gn_localeset *set, const char *tag, const char *file, const char *cwd)
{
    const char *root = NULL;
    for (size_t i = 0; i < set->n && !root; i++)
        if (strcmp(set->v[i].tag, tag) == 0)
            root = set->v[i].root;
    char *path = root && file[0] != '/' ? gn_path_join(root, file) : gn_xstrdup(file);
    gn_buf b = GN_BUF_INIT;
    size_t n = cwd ? strlen(cwd) : 0;
    if (cwd && strncmp(path, cwd, n) == 0 && path[n] == '/') {
        uri_encode(&b, path + n + 1);
    } else {
        gn_buf_adds(&b, "file://");
        uri_encode(&b, path);
    }
    free(path);
    return gn_buf_take(&b);
}

void gn_sarif_write(FILE *out, const gn_problems *p, const bool *chosen,
                    const gn_localeset *set, const char *version)
{
    char *cwd = getcwd(NULL, 0);
    fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
          "  \"version\": \"2.1.0\",\n  \"runs\": [{\n    \"tool\": {\"driver\": {\n"
          "      \"name\": \"guidenav\",\n      \"version\": ", out);
    json_string(out, version);
    fputs(",\n      \"informationUri\": \"https://manpages.debian.org/guidenav\",\n"
          "      \"rules\": [", out);
    for (size_t k = 0; k < gn_check_nkinds; k++) {
        fputs(k ? ",\n        {\"id\": " : "\n        {\"id\": ", out);
        json_string(out, gn_check_kinds[k].name);
        fputs(", \"shortDescription\": {\"text\": ", out);
        json_string(out, gn_check_kinds[k].what);
        fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
                gn_check_kinds[k].counts ? "error" : "note");
    }
    fputs("\n      ]\n    }},\n    \"results\": [", out);
    bool first = true;
    for (size_t i = 0; i < p->n; i++) {
        const gn_problem *pr = &p->v[i];
        long k = gn_check_kind_index(pr->kind, strlen(pr->kind));
        if (k < 0 || !chosen[k])
            continue;
        fputs(first ? "\n      {\"ruleId\": " : ",\n      {\"ruleId\": ", out);
        first = false;
        json_string(out, pr->kind);
        fprintf(out, ", \"ruleIndex\": %ld, \"level\": \"%s\",\n       \"message\": {\"text\": ", k,
                gn_check_kinds[k].counts ? "error" : "note");
        json_string(out, pr->detail && *pr->detail ? pr->detail : gn_check_kinds[k].what);
        char *uri = file_uri(set, pr->locale, pr->file, cwd);
        fputs("},\n       \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
        json_string(out, uri);
        free(uri);
        fputc('}', out);
        if (pr->line > 0)
            fprintf(out, ", \"region\": {\"startLine\": %d}", pr->line);
        fputs("}}],\n       \"properties\": {\"locale\": ", out);
        json_string(out, pr->locale);
        fputs("}}", out);
    }
    fputs(first ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n", out);
    free(cwd);
}
