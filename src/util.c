/* util.c: memory, buffers, files and paths (see util.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "guidenav/util.h"

static void out_of_memory(void)
{
    fputs("guidenav: out of memory\n", stderr);
    abort();
}

void *gn_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *gn_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *gn_xreallocarray(void *p, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        out_of_memory();
    size_t bytes = count * size;
    p = realloc(p, bytes ? bytes : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *gn_xstrdup(const char *s)
{
    return gn_xstrndup(s, strlen(s));
}

char *gn_xstrndup(const char *s, size_t n)
{
    char *p = gn_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *gn_xasprintf(const char *fmt, ...)
{
    gn_buf b = GN_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return gn_xstrdup("");
    b.cap = (size_t)n + 1;
    b.data = gn_xmalloc(b.cap);
    va_start(ap, fmt);
    vsnprintf(b.data, b.cap, fmt, ap);
    va_end(ap);
    return b.data;
}

static void buf_reserve(gn_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2)
            out_of_memory();
        cap *= 2;
    }
    b->data = gn_xreallocarray(b->data, cap, 1);
    b->cap = cap;
}

void gn_buf_add(gn_buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void gn_buf_adds(gn_buf *b, const char *s)
{
    gn_buf_add(b, s, strlen(s));
}

void gn_buf_addc(gn_buf *b, char c)
{
    gn_buf_add(b, &c, 1);
}

void gn_buf_addf(gn_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void gn_buf_reset(gn_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *gn_buf_take(gn_buf *b)
{
    char *s = b->data ? b->data : gn_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void gn_buf_free(gn_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int gn_read_file(const char *path, char **data, size_t *len, gn_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return gn_fail(err, "%s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return gn_fail(err, "%s: not a regular file", path);
    }
    gn_buf b = GN_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        gn_buf_add(&b, chunk, n);
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        gn_buf_free(&b);
        return gn_fail(err, "%s: read error", path);
    }
    *len = b.len;
    *data = gn_buf_take(&b);
    return 0;
}

char *gn_path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    if (n == 0)
        return gn_xstrdup(name);
    if (dir[n - 1] == '/')
        return gn_xasprintf("%s%s", dir, name);
    return gn_xasprintf("%s/%s", dir, name);
}

char *gn_path_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return gn_xstrdup(".");
    if (slash == path)
        return gn_xstrdup("/");
    return gn_xstrndup(path, (size_t)(slash - path));
}

const char *gn_path_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

char *gn_path_absolute(const char *path)
{
    gn_buf in = GN_BUF_INIT;
    if (path[0] != '/') {
        char *cwd = getcwd(NULL, 0);
        if (!cwd)
            return NULL;
        gn_buf_adds(&in, cwd);
        gn_buf_addc(&in, '/');
        free(cwd);
    }
    gn_buf_adds(&in, path);

    /* Resolve "." and ".." component by component. */
    gn_buf out = GN_BUF_INIT;
    const char *p = in.data;
    while (*p) {
        while (*p == '/')
            p++;
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.')) {
            /* skip */
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            char *slash = out.data ? strrchr(out.data, '/') : NULL;
            out.len = slash ? (size_t)(slash - out.data) : 0;
            if (out.data)
                out.data[out.len] = '\0';
        } else {
            gn_buf_addc(&out, '/');
            gn_buf_add(&out, p, n);
        }
        p += n;
    }
    gn_buf_free(&in);
    if (out.len == 0)
        gn_buf_addc(&out, '/');
    return gn_buf_take(&out);
}

bool gn_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool gn_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int cmp_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void gn_sort_strings(char **v, size_t n)
{
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_strings);
}

void gn_base64(gn_buf *out, const char *s, size_t len)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)p[i] << 16;
        if (i + 1 < len)
            v |= (unsigned)p[i + 1] << 8;
        if (i + 2 < len)
            v |= p[i + 2];
        char quad[4] = {digits[v >> 18 & 63], digits[v >> 12 & 63],
                        i + 1 < len ? digits[v >> 6 & 63] : '=',
                        i + 2 < len ? digits[v & 63] : '='};
        gn_buf_add(out, quad, 4);
    }
}
