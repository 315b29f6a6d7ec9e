/* util.c: memory, buffers, files and paths (see util.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "guidenav/text.h"
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

void gn_buf_reserve(gn_buf *b, size_t extra)
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
    gn_buf_reserve(b, n);
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
    gn_buf_reserve(b, (size_t)n);
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

static size_t max_file_size = GN_MAX_FILE_SIZE_DEFAULT;

void gn_set_max_file_size(size_t bytes)
{
    max_file_size = bytes;
}

size_t gn_max_file_size(void)
{
    return max_file_size;
}

/* The limit as people write it: "16 MiB", "64 KiB" or "1000 bytes". */
static void limit_text(char *out, size_t size, size_t bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        snprintf(out, size, "%zu MiB", bytes / (1024 * 1024));
    else if (bytes >= 1024 && bytes % 1024 == 0)
        snprintf(out, size, "%zu KiB", bytes / 1024);
    else
        snprintf(out, size, "%zu byte%s", bytes, bytes == 1 ? "" : "s");
}

static int read_failed(gn_error *err, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int too_large(gn_error *err, const char *path, unsigned long long size)
{
    char limit[64];
    limit_text(limit, sizeof limit, max_file_size);
    return read_failed(err, path, "larger than %s (%llu bytes); --max-file-size raises the limit",
                       limit, size);
}

/* The failure of gn_read_file, naming the file sanitised (a file name
 * may hold an ESC). */
static int read_failed(gn_error *err, const char *path, const char *fmt, ...)
{
    char *shown = gn_text_sanitized(path);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *what = gn_xmalloc(n > 0 ? (size_t)n + 1 : 1);
    what[0] = '\0';
    va_start(ap, fmt);
    if (n > 0)
        vsnprintf(what, (size_t)n + 1, fmt, ap);
    va_end(ap);
    int rc = gn_fail(err, "%s: %s", shown, what);
    free(what);
    free(shown);
    return rc;
}

/* Read f to its end into a newly allocated NUL-terminated buffer: at most
 * the size limit (checked as it grows, so a growing file or an endless
 * stream stops there), and no NUL byte; failures name path. The one
 * reading loop of gn_read_file_within and gn_read_stream. */
static int read_all(FILE *f, const char *path, char **data, size_t *len, gn_error *err)
{
    size_t limit = max_file_size;
    gn_buf b = GN_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (limit && b.len + n > limit) {
            unsigned long long seen = (unsigned long long)b.len + n;
            gn_buf_free(&b);
            return too_large(err, path, seen);
        }
        gn_buf_add(&b, chunk, n);
    }
    if (ferror(f)) {
        gn_buf_free(&b);
        return read_failed(err, path, "read error");
    }
    const char *nul = b.len ? memchr(b.data, '\0', b.len) : NULL;
    if (nul) {
        size_t at = (size_t)(nul - b.data);
        gn_buf_free(&b);
        return read_failed(err, path, "a binary file (NUL byte at offset %zu)", at);
    }
    *len = b.len;
    *data = gn_buf_take(&b);
    return 0;
}

/* The size is checked twice: with fstat before reading, and while reading,
 * so that a file growing as it is read stops at the limit instead of
 * filling memory. The file is opened without blocking and its kind taken
 * from the open descriptor, so a FIFO or a device (even one swapped in
 * for the file after a caller's stat) is refused, never waited on. */
int gn_read_file(const char *path, char **data, size_t *len, gn_error *err)
{
    return gn_read_file_within(path, NULL, data, len, err);
}

/* Whether the file open on fd lies at or below real_root, as the kernel
 * names it (/proc/self/fd); where /proc cannot say, as realpath(path) does. */
static bool fd_within(int fd, const char *path, const char *real_root)
{
    char link[64], real[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, real, sizeof real - 1);
    char *resolved = NULL;
    if (n > 0 && real[0] == '/') {
        real[n] = '\0';
    } else {
        resolved = realpath(path, NULL);
        if (!resolved)
            return false;
    }
    bool in = gn_path_below(resolved ? resolved : real, real_root);
    free(resolved);
    return in;
}

int gn_read_file_within(const char *path, const char *real_root, char **data, size_t *len,
                        gn_error *err)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return read_failed(err, path, "%s", strerror(errno));
    struct stat st;
    int fl;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return read_failed(err, path, "not a regular file");
    }
    if (real_root && !fd_within(fd, path, real_root)) {
        close(fd);
        return gn_fail(err, "%s: outside the guide, not read", path);
    }
    /* A regular file: reads no longer need the flag (and a file on some
     * network file systems might answer EAGAIN with it). */
    if ((fl = fcntl(fd, F_GETFL)) == -1 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1) {
        int e = errno;
        close(fd);
        return read_failed(err, path, "%s", strerror(e));
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        int e = errno;
        close(fd);
        return read_failed(err, path, "%s", strerror(e));
    }
    size_t limit = max_file_size;
    if (limit && st.st_size > 0 && (unsigned long long)st.st_size > limit) {
        fclose(f);
        return too_large(err, path, (unsigned long long)st.st_size);
    }
    int rc = read_all(f, path, data, len, err);
    fclose(f);
    return rc;
}

int gn_read_stream(int fd, const char *name, char **data, size_t *len, gn_error *err)
{
    int copy = dup(fd);
    FILE *f = copy >= 0 ? fdopen(copy, "rb") : NULL;
    if (!f) {
        int e = errno;
        if (copy >= 0)
            close(copy);
        return read_failed(err, name, "%s", strerror(e));
    }
    int rc = read_all(f, name, data, len, err);
    fclose(f);
    return rc;
}

int gn_terminal_open(gn_error *err)
{
    int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return read_failed(err, "/dev/tty", "%s", strerror(errno));
    if (!isatty(fd)) {
        close(fd);
        return read_failed(err, "/dev/tty", "not a terminal");
    }
    return fd;
}

int gn_write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

bool gn_path_below(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/')
        return path[0] == '/';
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
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

bool gn_holds(const char *s, size_t len, const char *needle, size_t n)
{
    for (const char *p = s, *end = s + len; (size_t)(end - p) >= n; p++) {
        p = memchr(p, needle[0], (size_t)(end - p) - (n - 1));
        if (!p)
            return false;
        if (memcmp(p + 1, needle + 1, n - 1) == 0)
            return true;
    }
    return false;
}

void gn_sort_strings(char **v, size_t n)
{
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_strings);
}

uint64_t gn_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * UINT64_C(0x100000001b3);
    return h;
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

/* Create folder dir and each missing folder above it, with mode 0700
 * (before the umask). Existing folders are left as they are; a folder
 * another process creates meanwhile is fine. */
int gn_make_dirs(const char *dir, gn_error *err)
{
    if (gn_is_dir(dir))
        return 0;
    char *p = gn_xstrdup(dir);
    int rc = 0;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        if (s[-1] != '/' && !gn_is_dir(p) && mkdir(p, 0700) != 0) {
            int e = errno;
            if (e != EEXIST || !gn_is_dir(p)) {
                if (e == EEXIST)
                    rc = gn_fail(err, "%s: cannot create folder: a file is in the way", p);
                else
                    rc = gn_fail(err, "%s: cannot create folder: %s", p, strerror(e));
                break;
            }
        }
        *s = c;
        if (c == '\0')
            break;
    }
    free(p);
    return rc;
}

char *gn_user_dir(const char *xdg_var, const char *home_sub)
{
    const char *xdg = getenv(xdg_var);
    if (xdg && xdg[0] == '/')
        return gn_path_join(xdg, "guidenav");
    const char *home = getenv("HOME");
    if (!home || home[0] != '/' || !gn_is_dir(home))
        return NULL; /* a HOME that does not exist is not made */
    char *sub = gn_path_join(home, home_sub);
    char *dir = gn_path_join(sub, "guidenav");
    free(sub);
    return dir;
}
