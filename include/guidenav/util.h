/* util.h: memory, growable buffers, files and paths.
 *
 * Allocation failure is not recoverable here: the x* allocators print a
 * message and abort, so callers never test for NULL. */
#ifndef GUIDENAV_UTIL_H
#define GUIDENAV_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "guidenav/error.h"

void *gn_xmalloc(size_t n);
void *gn_xcalloc(size_t count, size_t size);
/* Grow (or shrink) p to count elements of size bytes, checking overflow. */
void *gn_xreallocarray(void *p, size_t count, size_t size);
char *gn_xstrdup(const char *s);
char *gn_xstrndup(const char *s, size_t n);
/* printf into a newly allocated string; the caller frees it. */
char *gn_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer, always NUL-terminated when data is not NULL.
 * Start from GN_BUF_INIT; gn_buf_free releases it; gn_buf_take hands the
 * string to the caller (who frees it) and leaves the buffer empty. */
typedef struct gn_buf {
    char *data;
    size_t len, cap;
} gn_buf;
#define GN_BUF_INIT {NULL, 0, 0}

void gn_buf_add(gn_buf *b, const char *s, size_t n);
void gn_buf_adds(gn_buf *b, const char *s);
void gn_buf_addc(gn_buf *b, char c);
void gn_buf_addf(gn_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gn_buf_reset(gn_buf *b);
/* Make room for extra more bytes (and the NUL) without another allocation. */
void gn_buf_reserve(gn_buf *b, size_t extra);
char *gn_buf_take(gn_buf *b);
void gn_buf_free(gn_buf *b);

/* Read a whole regular file into a newly allocated NUL-terminated buffer
 * (*len excludes the NUL). Fails with a message naming the path: when it
 * cannot be read, is not a regular file, is larger than the limit below
 * ("PATH: larger than 16 MiB (N bytes); --max-file-size raises the limit",
 * checked before reading and again while reading, for a growing file), or
 * holds a NUL byte ("PATH: a binary file (NUL byte at offset N)"). It
 * never waits on a FIFO or a device: the file is opened with O_NONBLOCK
 * and its kind taken from the open descriptor (fstat), so one swapped in
 * for a regular file after a caller's stat is refused too. */
int gn_read_file(const char *path, char **data, size_t *len, gn_error *err);
/* The same, and the file as opened (the descriptor, not the path, so a
 * swap after a check cannot fool it) must lie at or below real_root (a
 * realpath; NULL: anywhere), else "PATH: outside the guide, not read". */
int gn_read_file_within(const char *path, const char *real_root, char **data, size_t *len,
                        gn_error *err);

/* Read a stream (standard input: fd 0) to its end the same way: at most
 * the size limit, no NUL byte; failures name it as name ("standard
 * input: larger than 16 MiB ..."). fd stays open. */
int gn_read_stream(int fd, const char *name, char **data, size_t *len, gn_error *err);
/* The controlling terminal (/dev/tty), opened to read and write and closed
 * on exec: where a program whose standard input is a page's text takes
 * its keys, as less does. The descriptor, or -1 with err when the process
 * has no terminal. */
int gn_terminal_open(gn_error *err);
/* Write the n bytes at p to descriptor fd, again after a partial write or
 * a signal; 0, or -1 (errno set) when a write fails. */
int gn_write_all(int fd, const char *p, size_t n);

/* The size limit of gn_read_file, in bytes, for the whole process:
 * GN_MAX_FILE_SIZE_DEFAULT (16 MiB) until set; 0 lifts it. */
#define GN_MAX_FILE_SIZE_DEFAULT ((size_t)16 * 1024 * 1024)
void gn_set_max_file_size(size_t bytes);
size_t gn_max_file_size(void);

/* Paths. All returned strings are newly allocated; the caller frees them. */
char *gn_path_join(const char *dir, const char *name);
/* True when path is dir or lies below it, as spelled (no link resolved;
 * "/a/bc" is not below "/a/b"). */
bool gn_path_below(const char *path, const char *dir);
char *gn_path_dirname(const char *path);
const char *gn_path_basename(const char *path); /* points into path */
/* An absolute, normalised form of path ("." and ".." resolved textually,
 * symbolic links kept); NULL only when the current folder is unknown. */
char *gn_path_absolute(const char *path);
bool gn_is_dir(const char *path);
bool gn_is_file(const char *path);
/* The user's folder of a kind, for guidenav: $xdg_var/guidenav when that
 * variable is an absolute path (the XDG spec says to ignore relative
 * ones), else $HOME/home_sub/guidenav when HOME is absolute and an
 * existing folder (a missing HOME is never created below); NULL otherwise.
 * Newly allocated. */
char *gn_user_dir(const char *xdg_var, const char *home_sub);
/* Create folder dir and each missing folder above it, mode 0700; -1 with
 * err naming the folder that cannot be made. */
int gn_make_dirs(const char *dir, gn_error *err);

/* Append the base64 encoding (RFC 4648, with padding) of s[0..len). */
void gn_base64(gn_buf *out, const char *s, size_t len);

/* Whether s[0..len) holds needle[0..n) (n >= 1), as memmem answers, but
 * found by memchr of its first byte: for short needles that start with a
 * byte rare in text ("+++", "[!"), a fraction of glibc's memmem's cost. */
bool gn_holds(const char *s, size_t len, const char *needle, size_t n);

/* Sort an array of strings in byte order (strcmp). */
void gn_sort_strings(char **v, size_t n);

/* 64-bit FNV-1a of n bytes at p, continuing from h (GN_HASH_INIT to
 * start). */
#define GN_HASH_INIT UINT64_C(0xcbf29ce484222325)
uint64_t gn_hash_bytes(uint64_t h, const void *p, size_t n);


#endif
