/* textcache.c: pages' searchable text kept on disk (see textcache.h).
 *
 * The file, every number a little-endian uint64 ("u64"), every string a
 * u64 length and its bytes:
 *
 *   header   MAGIC, u64 FORMAT, string stamp (version), string root,
 *            string lang
 *   bodies   per entry: string title, u64 npars, npars x (u64 off,
 *            u64 len, u64 src_line, u64 folded off), string ptext,
 *            string folded (ptext folded for matching: gn_fold)
 *   index    per entry: string path, u64 size, u64 mtime seconds, u64
 *            mtime nanoseconds, u64 inode, u64 body offset, u64 body
 *            length, u64 body hash (see hash(): a damaged body is not used)
 *   trailer  u64 index offset, u64 entries, TRAILER
 *
 * New entries are written to a temporary file as they are put; saving
 * copies the old entries still wanted after them, writes the index and
 * renames the file over the old one. Old entries are wanted unless
 * replaced, damaged, or pruned: not asked for by a search that asked for
 * every page of the source (a page deleted, renamed or taken out of the
 * table of contents). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guidenav/search.h"
#include "guidenav/strmap.h"
#include "guidenav/text.h"
#include "guidenav/textcache.h"

#define MAGIC "guidenav text cache\n"
#define TRAILER "gn-tc-end\n"
/* Bump when the text search sees changes for the same page, or the
 * bodies change (2: the text of collapsible blocks, "+++Title" lines no
 * more; 3: the folded text). */
#define FORMAT 3
#define STAMP GN_VERSION
#define MAX_HEADER 65536
#define WINDOW ((size_t)1 << 17)
#define MAX_INDEX ((uint64_t)1 << 30)
#define TRAILER_SIZE (16 + sizeof TRAILER - 1)
#define INDEX_NUMBERS 7
#define MIN_INDEX_RECORD (8 * (1 + INDEX_NUMBERS)) /* an empty path and the numbers */

typedef struct entry {
    char *path;
    uint64_t size, mtime_s, mtime_ns, ino;
    uint64_t body_off, body_len, body_hash;
    bool fresh;    /* in the temporary file, else in the old one */
    bool dropped;  /* replaced, found damaged, or pruned */
    bool asked;    /* looked up since the file was opened */
} entry;

struct gn_textcache {
    char *file;      /* the cache file's path; NULL: no folder, no cache */
    char *root, *lang;
    int fd;          /* the old file, or -1 */
    unsigned char *win; /* a read-ahead window of the old file */
    uint64_t win_off;
    size_t win_len;
    entry *v;
    size_t n, cap;
    gn_strmap at;    /* path -> index in v of its live entry */
    char *tmp;       /* the temporary file's path, once created */
    int tmp_fd;
    uint64_t tmp_end;
    char *failed;    /* why the temporary file could not be written */
    bool pruned;     /* old entries were dropped: the file must be rewritten */
    char *refused;   /* why the folder or file is not used, or NULL */
};

/* ---- encoding ---------------------------------------------------------- */

static void put_u64(gn_buf *b, uint64_t v)
{
    char le[8];
    for (int i = 0; i < 8; i++)
        le[i] = (char)(v >> (8 * i));
    gn_buf_add(b, le, 8);
}

static void put_str(gn_buf *b, const char *s, size_t n)
{
    put_u64(b, n);
    gn_buf_add(b, s, n);
}

/* A bounded reader: any read past the end sets bad and yields zeros. */
typedef struct reader {
    const unsigned char *p;
    size_t n, at;
    bool bad;
} reader;

static uint64_t get_u64(reader *r)
{
    if (r->bad || r->n - r->at < 8) {
        r->bad = true;
        return 0;
    }
    uint64_t v = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&v, r->p + r->at, 8);
#else
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)r->p[r->at + (size_t)i] << (8 * i);
#endif
    r->at += 8;
    return v;
}

/* A string of the reader: a pointer into its bytes and the length. */
static const char *get_str(reader *r, size_t *len)
{
    uint64_t n = get_u64(r);
    if (r->bad || n > r->n - r->at) {
        r->bad = true;
        *len = 0;
        return "";
    }
    const char *s = (const char *)r->p + r->at;
    r->at += (size_t)n;
    *len = (size_t)n;
    return s;
}

/* True when the next string of r equals s. */
static bool get_str_is(reader *r, const char *s)
{
    size_t n;
    const char *got = get_str(r, &n);
    return !r->bad && n == strlen(s) && memcmp(got, s, n) == 0;
}

static void put_header(gn_buf *b, const gn_textcache *c)
{
    gn_buf_add(b, MAGIC, sizeof MAGIC - 1);
    put_u64(b, FORMAT);
    put_str(b, STAMP, strlen(STAMP));
    put_str(b, c->root, strlen(c->root));
    put_str(b, c->lang, strlen(c->lang));
}

/* ---- the folder and the file ---------------------------------------------- */

char *gn_textcache_dir(void)
{
    return gn_user_dir("XDG_CACHE_HOME", ".cache");
}

/* A 64-bit hash of n bytes, eight at a time (multiply and shift, as in
 * the finalisers of MurmurHash and splitmix64): it tells a damaged body
 * from a whole one, and names the cache files. Not cryptographic. */
static uint64_t hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = UINT64_C(0x9e3779b97f4a7c15) ^ n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * UINT64_C(0xbf58476d1ce4e5b9);
        h ^= h >> 31;
    }
    for (; n > 0; s++, n--)
        h = (h ^ *s) * UINT64_C(0x94d049bb133111eb);
    h ^= h >> 29;
    h *= UINT64_C(0xbf58476d1ce4e5b9);
    return h ^ (h >> 32);
}

/* The cache file of root and lang in dir: 16 hex digits of the hash of
 * "root\nlang", then ".text". */
static char *file_name(const char *dir, const char *root, const char *lang)
{
    char *key = gn_xasprintf("%s\n%s", root, lang);
    uint64_t h = hash(key, strlen(key));
    free(key);
    char name[32];
    snprintf(name, sizeof name, "%016" PRIx64 ".text", h);
    return gn_path_join(dir, name);
}

/* Read exactly n bytes at off of fd into buf; false on a short read. */
static bool read_at(int fd, void *buf, size_t n, uint64_t off)
{
    for (size_t got = 0; got < n;) {
        ssize_t k = pread(fd, (char *)buf + got, n - got, (off_t)(off + got));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        got += (size_t)k;
    }
    return true;
}

/* Write n bytes to fd at off; false on failure. */
static bool write_at(int fd, const void *buf, size_t n, uint64_t off)
{
    for (size_t put = 0; put < n;) {
        ssize_t k = pwrite(fd, (const char *)buf + put, n - put, (off_t)(off + put));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        put += (size_t)k;
    }
    return true;
}

static entry *add_entry(gn_textcache *c, char *path)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->v = gn_xreallocarray(c->v, c->cap, sizeof *c->v);
    }
    entry *e = &c->v[c->n];
    memset(e, 0, sizeof *e);
    e->path = path;
    size_t was;
    if (gn_strmap_get(&c->at, path, &was))
        c->v[was].dropped = true;
    gn_strmap_put(&c->at, path, c->n++);
    return e;
}

/* Read the index of the open file c->fd (of size bytes) into c->v; false
 * when the file is not a cache of this root, language and version, or is
 * damaged anywhere in its header, trailer or index. */
static bool read_index(gn_textcache *c, uint64_t size)
{
    size_t hn = size < MAX_HEADER ? (size_t)size : MAX_HEADER;
    unsigned char *head = gn_xmalloc(hn ? hn : 1);
    reader r = {head, hn, 0, !read_at(c->fd, head, hn, 0)};
    bool ok = !r.bad && hn >= sizeof MAGIC - 1 && memcmp(head, MAGIC, sizeof MAGIC - 1) == 0;
    r.at = sizeof MAGIC - 1;
    ok = ok && get_u64(&r) == FORMAT && get_str_is(&r, STAMP) && get_str_is(&r, c->root) &&
         get_str_is(&r, c->lang);
    uint64_t bodies = r.at;
    free(head);
    unsigned char tail[TRAILER_SIZE];
    if (!ok || size < bodies + TRAILER_SIZE || !read_at(c->fd, tail, sizeof tail, size - sizeof tail) ||
        memcmp(tail + 16, TRAILER, sizeof TRAILER - 1) != 0)
        return false;
    reader t = {tail, sizeof tail, 0, false};
    uint64_t index_off = get_u64(&t), count = get_u64(&t);
    uint64_t index_end = size - TRAILER_SIZE;
    if (index_off < bodies || index_off > index_end || index_end - index_off > MAX_INDEX ||
        count > (index_end - index_off) / MIN_INDEX_RECORD)
        return false;
    size_t in = (size_t)(index_end - index_off);
    unsigned char *index = gn_xmalloc(in ? in : 1);
    reader x = {index, in, 0, !read_at(c->fd, index, in, index_off)};
    for (uint64_t i = 0; i < count && !x.bad; i++) {
        size_t plen;
        const char *path = get_str(&x, &plen);
        uint64_t num[INDEX_NUMBERS];
        for (int k = 0; k < INDEX_NUMBERS; k++)
            num[k] = get_u64(&x);
        if (x.bad || memchr(path, '\0', plen) || num[4] < bodies || num[4] > index_off ||
            num[5] > index_off - num[4]) {
            x.bad = true;
            break;
        }
        entry *e = add_entry(c, gn_xstrndup(path, plen));
        e->size = num[0];
        e->mtime_s = num[1];
        e->mtime_ns = num[2];
        e->ino = num[3];
        e->body_off = num[4];
        e->body_len = num[5];
        e->body_hash = num[6];
    }
    ok = !x.bad && x.at == in;
    free(index);
    return ok;
}

/* Forget the entries and close the files (the temporary one removed). */
static void reset(gn_textcache *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->v[i].path);
    free(c->v);
    c->v = NULL;
    c->n = c->cap = 0;
    gn_strmap_free(&c->at);
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    free(c->win);
    c->win = NULL;
    c->win_off = c->win_len = 0;
    if (c->tmp_fd >= 0)
        close(c->tmp_fd);
    c->tmp_fd = -1;
    if (c->tmp)
        unlink(c->tmp);
    free(c->tmp);
    c->tmp = NULL;
    c->tmp_end = 0;
    free(c->failed);
    c->failed = NULL;
    c->pruned = false;
}

/* Why the cache folder or file, whose status is st, may not be trusted:
 * NULL when it is the user's own and only the user can write it. Another
 * user who could write it could make a search show what the pages do not
 * say. */
static const char *untrusted(const struct stat *st)
{
    return st->st_uid != geteuid()   ? "owned by another user"
           : (st->st_mode & S_IWOTH) ? "writable by others"
           : (st->st_mode & S_IWGRP) ? "writable by its group"
                                     : NULL;
}

/* Stop using the cache, saying why in terms of path (the messages are
 * sanitized where they are shown). */
static void refuse(gn_textcache *c, const char *path, const char *why)
{
    c->refused = gn_xasprintf("%s: %s; the search cache is not used", path, why);
}

/* Open the cache file, if any, and read its index (none when damaged).
 * Neither the file nor its folder is used (c->refused says why) when
 * another user could have written it; the file is opened without
 * following a link or waiting on a FIFO, and must be a regular file. */
static void load(gn_textcache *c)
{
    c->fd = -1;
    if (!c->file || c->refused)
        return;
    struct stat st;
    char *dir = gn_path_dirname(c->file);
    const char *why = stat(dir, &st) == 0 ? untrusted(&st) : NULL;
    if (why)
        refuse(c, dir, why);
    free(dir);
    if (c->refused)
        return;
    c->fd = open(c->file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (c->fd < 0) {
        if (errno != ENOENT)
            refuse(c, c->file, errno == ELOOP ? "a symbolic link" : strerror(errno));
        return;
    }
    why = fstat(c->fd, &st) != 0 || !S_ISREG(st.st_mode) ? "not a regular file" : untrusted(&st);
    if (why)
        refuse(c, c->file, why);
    if (c->refused || !read_index(c, (uint64_t)st.st_size))
        reset(c);
}

gn_textcache *gn_textcache_open(const char *dir, const char *root, const char *lang)
{
    gn_textcache *c = gn_xcalloc(1, sizeof *c);
    c->fd = c->tmp_fd = -1;
    c->root = gn_xstrdup(root);
    c->lang = gn_xstrdup(lang ? lang : "");
    c->file = dir ? file_name(dir, c->root, c->lang) : NULL;
    load(c);
    return c;
}

void gn_textcache_free(gn_textcache *c)
{
    if (!c)
        return;
    reset(c);
    free(c->refused);
    free(c->file);
    free(c->root);
    free(c->lang);
    free(c);
}

/* ---- entries ------------------------------------------------------------ */

void gn_pagetext_fold(gn_pagetext *t)
{
    const char *p = t->ptext.data ? t->ptext.data : "";
    gn_buf_reset(&t->folded);
    free(t->fpars);
    t->fpars = gn_xcalloc(t->npars ? t->npars : 1, sizeof *t->fpars);
    /* Folding is per code point: the text folded a piece at a time, each
     * paragraph one, is the text folded whole. */
    size_t at = 0;
    for (size_t i = 0; i < t->npars; i++) {
        size_t off = t->pars[i].off < at ? at : t->pars[i].off;
        gn_fold(p + at, off - at, &t->folded);
        t->fpars[i] = t->folded.len;
        at = off;
    }
    gn_fold(p + at, t->ptext.len - at, &t->folded);
}

bool gn_pagetext_check(const gn_pagetext *t)
{
    return gn_text_is_sanitized(t->title ? t->title : "", t->title ? strlen(t->title) : 0) &&
           gn_text_is_sanitized(t->ptext.data ? t->ptext.data : "", t->ptext.len);
}

void gn_pagetext_free(gn_pagetext *t)
{
    free(t->title);
    gn_buf_free(&t->ptext);
    gn_buf_free(&t->folded);
    free(t->pars);
    free(t->fpars);
    memset(t, 0, sizeof *t);
}

/* Decode the body buf[0..n) into out (new copies); false when it is
 * damaged. */
static bool decode_body(const unsigned char *buf, size_t n, gn_pagetext *out)
{
    memset(out, 0, sizeof *out);
    reader r = {buf, n, 0, false};
    size_t tlen;
    const char *title = get_str(&r, &tlen);
    uint64_t npars = get_u64(&r);
    if (r.bad || memchr(title, '\0', tlen) || npars > (n - r.at) / 32)
        return false;
    gn_par *pars = gn_xcalloc(npars ? (size_t)npars : 1, sizeof *pars);
    size_t *fpars = gn_xcalloc(npars ? (size_t)npars : 1, sizeof *fpars);
    for (uint64_t i = 0; i < npars; i++) {
        pars[i].off = (size_t)get_u64(&r);
        pars[i].len = (size_t)get_u64(&r);
        uint64_t line = get_u64(&r);
        pars[i].src_line = line <= INT32_MAX ? (int)line : 0;
        fpars[i] = (size_t)get_u64(&r);
    }
    size_t plen, flen;
    const char *ptext = get_str(&r, &plen);
    const char *folded = get_str(&r, &flen);
    bool ok = !r.bad && r.at == n;
    for (uint64_t i = 0; ok && i < npars; i++)
        ok = pars[i].off <= plen && pars[i].len <= plen - pars[i].off && fpars[i] <= flen &&
             (i == 0 || fpars[i] >= fpars[i - 1]);
    if (!ok) {
        free(pars);
        free(fpars);
        return false;
    }
    out->title = gn_xstrndup(title, tlen);
    gn_buf_add(&out->ptext, ptext, plen);
    gn_buf_add(&out->folded, folded, flen);
    out->pars = pars;
    out->fpars = fpars;
    out->npars = (size_t)npars;
    return true;
}

/* The body of e, n bytes: in the read-ahead window of the old file when
 * it lies there, else read into the window (old entries are mostly asked
 * for in the order they were written) or, when larger than half of it,
 * into *own, a new buffer. NULL when it cannot be read. */
static const unsigned char *body_of(gn_textcache *c, const entry *e, size_t n, unsigned char **own)
{
    *own = NULL;
    if (!e->fresh && c->fd >= 0 && n <= WINDOW / 2) {
        if (e->body_off < c->win_off || e->body_off - c->win_off > c->win_len ||
            n > c->win_len - (e->body_off - c->win_off)) {
            if (!c->win)
                c->win = gn_xmalloc(WINDOW);
            ssize_t got;
            do
                got = pread(c->fd, c->win, WINDOW, (off_t)e->body_off);
            while (got < 0 && errno == EINTR);
            c->win_off = e->body_off;
            c->win_len = got > 0 ? (size_t)got : 0;
            if (n > c->win_len)
                return NULL;
        }
        return c->win + (e->body_off - c->win_off);
    }
    int fd = e->fresh ? c->tmp_fd : c->fd;
    *own = malloc(n ? n : 1);
    if (!*own || fd < 0 || !read_at(fd, *own, n, e->body_off))
        return NULL;
    return *own;
}

/* The live entry of path when st matches it, marked asked; else NULL. */
static entry *entry_for(gn_textcache *c, const char *path, const struct stat *st)
{
    size_t i;
    if (!gn_strmap_get(&c->at, path, &i))
        return NULL;
    entry *e = &c->v[i];
    e->asked = true;
    if (e->dropped || e->size != (uint64_t)st->st_size || e->mtime_s != (uint64_t)st->st_mtim.tv_sec ||
        e->mtime_ns != (uint64_t)st->st_mtim.tv_nsec || e->ino != (uint64_t)st->st_ino ||
        e->body_len > SIZE_MAX - 1)
        return NULL;
    return e;
}

bool gn_textcache_fetch(gn_textcache *c, const char *path, const struct stat *st, gn_buf *body,
                        uint64_t *sum)
{
    entry *e = entry_for(c, path, st);
    if (!e)
        return false;
    size_t n = (size_t)e->body_len;
    unsigned char *own;
    const unsigned char *b = body_of(c, e, n, &own);
    if (b) {
        gn_buf_reset(body);
        gn_buf_add(body, (const char *)b, n);
        *sum = e->body_hash;
    } else {
        e->dropped = true;
    }
    free(own);
    return b != NULL;
}

bool gn_textcache_decode(const char *body, size_t n, uint64_t sum, gn_pagetext *out)
{
    memset(out, 0, sizeof *out);
    return hash(body, n) == sum && decode_body((const unsigned char *)body, n, out);
}

void gn_textcache_forget(gn_textcache *c, const char *path)
{
    size_t i;
    if (gn_strmap_get(&c->at, path, &i))
        c->v[i].dropped = true;
}

bool gn_textcache_get(gn_textcache *c, const char *path, const struct stat *st,
                      gn_pagetext *out)
{
    gn_buf body = GN_BUF_INIT;
    uint64_t sum;
    bool ok = gn_textcache_fetch(c, path, st, &body, &sum) &&
              gn_textcache_decode(body.data, body.len, sum, out);
    if (!ok && body.data)
        gn_textcache_forget(c, path);
    gn_buf_free(&body);
    return ok;
}

/* Give up writing the temporary file, saying why. */
static void fail_tmp(gn_textcache *c, const char *what)
{
    if (!c->failed)
        c->failed = gn_xasprintf("%s: %s", what, strerror(errno));
    if (c->tmp_fd >= 0)
        close(c->tmp_fd);
    c->tmp_fd = -1;
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].fresh)
            c->v[i].dropped = true;
}

/* Create the temporary file and write the header; false when it cannot. */
static bool start_tmp(gn_textcache *c)
{
    char *dir = gn_path_dirname(c->file);
    gn_error err;
    if (gn_make_dirs(dir, &err) != 0) {
        c->failed = gn_xstrdup(err.msg);
        free(dir);
        return false;
    }
    free(dir);
    c->tmp = gn_xasprintf("%s.XXXXXX", c->file);
    c->tmp_fd = mkostemp(c->tmp, O_CLOEXEC);
    if (c->tmp_fd < 0) {
        fail_tmp(c, c->tmp);
        free(c->tmp);
        c->tmp = NULL;
        return false;
    }
    gn_buf b = GN_BUF_INIT;
    put_header(&b, c);
    bool ok = write_at(c->tmp_fd, b.data, b.len, 0);
    c->tmp_end = b.len;
    gn_buf_free(&b);
    if (!ok)
        fail_tmp(c, c->tmp);
    return ok;
}

void gn_textcache_put(gn_textcache *c, const char *path, const struct stat *st,
                      const gn_pagetext *t)
{
    if (!c->file || c->refused || c->failed || (!c->tmp && !start_tmp(c)))
        return;
    gn_buf b = GN_BUF_INIT;
    const char *title = t->title ? t->title : "";
    put_str(&b, title, strlen(title));
    put_u64(&b, t->npars);
    for (size_t i = 0; i < t->npars; i++) {
        put_u64(&b, t->pars[i].off);
        put_u64(&b, t->pars[i].len);
        put_u64(&b, t->pars[i].src_line > 0 ? (uint64_t)t->pars[i].src_line : 0);
        put_u64(&b, t->fpars ? t->fpars[i] : 0);
    }
    put_str(&b, t->ptext.data ? t->ptext.data : "", t->ptext.len);
    put_str(&b, t->folded.data ? t->folded.data : "", t->folded.len);
    if (write_at(c->tmp_fd, b.data, b.len, c->tmp_end)) {
        entry *e = add_entry(c, gn_xstrdup(path));
        e->size = (uint64_t)st->st_size;
        e->mtime_s = (uint64_t)st->st_mtim.tv_sec;
        e->mtime_ns = (uint64_t)st->st_mtim.tv_nsec;
        e->ino = (uint64_t)st->st_ino;
        e->body_off = c->tmp_end;
        e->body_len = b.len;
        e->body_hash = hash(b.data, b.len);
        e->fresh = true;
        c->tmp_end += b.len;
    } else {
        fail_tmp(c, c->tmp);
    }
    gn_buf_free(&b);
}

void gn_textcache_prune(gn_textcache *c)
{
    for (size_t i = 0; i < c->n; i++) {
        entry *e = &c->v[i];
        if (!e->fresh && !e->dropped && !e->asked) {
            e->dropped = true;
            c->pruned = true;
        }
    }
}

/* Copy the body of old entry e to the end of the temporary file, which it
 * then points to. -1 when the temporary file cannot be written; 1 when
 * the old body cannot be read (e is then dropped); 0 when copied. */
static int copy_old(gn_textcache *c, entry *e)
{
    char buf[65536];
    uint64_t from = e->body_off, to = c->tmp_end;
    for (uint64_t left = e->body_len; left > 0;) {
        size_t n = left < sizeof buf ? (size_t)left : sizeof buf;
        if (!read_at(c->fd, buf, n, from)) {
            e->dropped = true;
            return 1;
        }
        if (!write_at(c->tmp_fd, buf, n, to))
            return -1;
        from += n;
        to += n;
        left -= n;
    }
    e->body_off = c->tmp_end;
    e->fresh = true;
    c->tmp_end = to;
    return 0;
}

int gn_textcache_save(gn_textcache *c, gn_error *err)
{
    if (c->refused)
        return gn_fail(err, "%s", c->refused);
    if (c->pruned && !c->tmp && c->file && !c->failed)
        start_tmp(c);
    if (c->failed) {
        gn_fail(err, "%s", c->failed);
        reset(c);
        load(c);
        return -1;
    }
    if (!c->tmp)
        return 0;
    bool ok = true;
    for (size_t i = 0; ok && i < c->n; i++)
        if (!c->v[i].fresh && !c->v[i].dropped)
            ok = copy_old(c, &c->v[i]) >= 0;
    gn_buf b = GN_BUF_INIT;
    uint64_t count = 0;
    for (size_t i = 0; i < c->n; i++) {
        const entry *e = &c->v[i];
        if (!e->fresh || e->dropped)
            continue;
        put_str(&b, e->path, strlen(e->path));
        uint64_t num[INDEX_NUMBERS] = {e->size,     e->mtime_s,  e->mtime_ns, e->ino,
                                       e->body_off, e->body_len, e->body_hash};
        for (size_t k = 0; k < INDEX_NUMBERS; k++)
            put_u64(&b, num[k]);
        count++;
    }
    put_u64(&b, c->tmp_end);
    put_u64(&b, count);
    gn_buf_add(&b, TRAILER, sizeof TRAILER - 1);
    ok = ok && write_at(c->tmp_fd, b.data, b.len, c->tmp_end);
    gn_buf_free(&b);
    ok = close(c->tmp_fd) == 0 && ok;
    c->tmp_fd = -1;
    int rc = 0;
    if (!ok)
        rc = gn_fail(err, "%s: cannot write: %s", c->tmp, strerror(errno));
    else if (rename(c->tmp, c->file) != 0)
        rc = gn_fail(err, "%s: cannot replace: %s", c->file, strerror(errno));
    else {
        free(c->tmp); /* renamed: nothing to remove */
        c->tmp = NULL;
    }
    reset(c);
    load(c);
    return rc;
}
