/* state.c: the saved place and bookmarks of a locale set (see state.h).
 *
 * The file is text: a first line "guidenav-state 1", then one
 * "key<TAB>value" line per item:
 *
 *     last     LOCALE<TAB>GUIDE<TAB>PAGE<TAB>TOP   where the reader quit
 *     compare  0 | 1                               side-by-side view on
 *     right    LOCALE                              its second locale
 *     mark.a   LOCALE<TAB>GUIDE<TAB>PAGE<TAB>TOP[<TAB>SET]
 *                                                  bookmarks, a..z; SET is
 *                                                  when it was set (seconds
 *                                                  since 1970), left out
 *                                                  when unknown (0)
 *     mark.a   <TAB><TAB><TAB>0<TAB>SET            bookmark a deleted at SET
 *
 * In values, TAB, newline and backslash are written \t, \n and \\; a NULL
 * string is written (and read back) as the empty string. Unknown keys and
 * fields past the fourth of a spot (the fifth of a bookmark) are ignored,
 * so a newer guidenav can add to the format without an older one calling
 * its files corrupt; an older one reads a bookmark's SET as such a field.
 *
 * Two guidenavs on one locale set share the file. A save holds an
 * exclusive flock on "FILE.lock" beside it while it reads the file again,
 * merges it with what it saves (its own place; the bookmarks of both, the
 * later-set one for a letter both have, a deletion counting as a setting)
 * and renames its new file in. A
 * file that cannot be read or parsed is never destroyed: it is renamed to
 * "FILE.bad" (replacing an older one), under the same lock, by the load
 * that finds it or by the save. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "guidenav/state.h"
#include "guidenav/util.h"

#define STATE_MAGIC "guidenav-state 1"
#define STATE_MAX_SIZE ((size_t)1 << 20) /* 1 MiB: far above any real state */
#define SPOT_FIELDS 4 /* and a bookmark's set time, when known */
#define LOCK_WAIT_MS 5000 /* a save waits this long for the lock */

/* ---------- spots and states ---------- */

/* Replace each string of s by a copy of the argument (NULL stays NULL).
 * The copies are made before the old strings are freed, so arguments may
 * point into s itself. */
void gn_spot_set(gn_spot *s, const char *locale, const char *guide, const char *page, size_t top)
{
    char *l = locale ? gn_xstrdup(locale) : NULL;
    char *g = guide ? gn_xstrdup(guide) : NULL;
    char *p = page ? gn_xstrdup(page) : NULL;
    free(s->locale);
    free(s->guide);
    free(s->page);
    s->locale = l;
    s->guide = g;
    s->page = p;
    s->top = top;
    s->set = 0;
}

void gn_spot_delete(gn_spot *s, uint64_t when)
{
    gn_spot_set(s, NULL, NULL, NULL, 0);
    s->set = when;
}

static void spot_free(gn_spot *s)
{
    free(s->locale);
    free(s->guide);
    free(s->page);
    memset(s, 0, sizeof *s);
}

/* Free every string st owns and zero it (st is reusable afterwards). */
void gn_state_free(gn_state *st)
{
    spot_free(&st->last);
    free(st->right_locale);
    for (size_t i = 0; i < 26; i++)
        spot_free(&st->marks[i]);
    memset(st, 0, sizeof *st);
}

/* ---------- the file's name ---------- */

/* The folder that holds state files: state_home/guidenav when state_home
 * is given (and not empty), else $XDG_STATE_HOME/guidenav when that is set
 * and absolute (the XDG spec says to ignore relative values), else
 * $HOME/.local/state/guidenav when HOME is absolute; NULL otherwise, since
 * a relative folder would move with the current folder. Newly allocated. */
static char *state_dir(const char *state_home)
{
    if (state_home && *state_home)
        return gn_path_join(state_home, "guidenav");
    return gn_user_dir("XDG_STATE_HOME", ".local/state");
}

/* The state file of set: in state_dir(state_home), named by 16 lowercase
 * hex digits of the FNV-1a hash of the sources' roots, sorted in byte
 * order (so the order they were given in does not matter) and joined by
 * '\n', then ".state". Newly allocated; NULL when no folder can be named. */
char *gn_state_path(const gn_localeset *set, const char *state_home)
{
    char *dir = state_dir(state_home);
    if (!dir)
        return NULL;
    size_t n = set ? set->n : 0;
    char **roots = gn_xcalloc(n ? n : 1, sizeof *roots);
    for (size_t i = 0; i < n; i++)
        roots[i] = set->v[i].root ? set->v[i].root : "";
    gn_sort_strings(roots, n);
    uint64_t h = GN_HASH_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            h = gn_hash_bytes(h, "\n", 1);
        h = gn_hash_bytes(h, roots[i], strlen(roots[i]));
    }
    free(roots);
    char name[32];
    snprintf(name, sizeof name, "%016" PRIx64 ".state", h);
    char *path = gn_path_join(dir, name);
    free(dir);
    return path;
}

/* ---------- writing ---------- */

/* Append s (NULL: empty) with TAB, newline and backslash escaped. */
static void put_value(gn_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '\t': gn_buf_add(b, "\\t", 2); break;
        case '\n': gn_buf_add(b, "\\n", 2); break;
        case '\\': gn_buf_add(b, "\\\\", 2); break;
        default: gn_buf_addc(b, *s); break;
        }
    }
}

static bool spot_empty(const gn_spot *s)
{
    return !s->locale && !s->guide && !s->page && s->top == 0;
}

/* Append "key<TAB>locale<TAB>guide<TAB>page<TAB>top\n" (with "<TAB>set"
 * before the newline for a bookmark whose set time is known: a deleted
 * one's too), unless the spot is wholly empty (then it is left out, and
 * reads back empty). */
static void put_spot(gn_buf *b, const char *key, const gn_spot *s, bool mark)
{
    if (spot_empty(s) && !(mark && s->set))
        return;
    gn_buf_adds(b, key);
    gn_buf_addc(b, '\t');
    put_value(b, s->locale);
    gn_buf_addc(b, '\t');
    put_value(b, s->guide);
    gn_buf_addc(b, '\t');
    put_value(b, s->page);
    gn_buf_addf(b, "\t%zu", s->top);
    if (mark && s->set)
        gn_buf_addf(b, "\t%" PRIu64, s->set);
    gn_buf_addc(b, '\n');
}

/* The file's text for st. */
static void format_state(gn_buf *b, const gn_state *st)
{
    gn_buf_adds(b, STATE_MAGIC "\n");
    put_spot(b, "last", &st->last, false);
    gn_buf_addf(b, "compare\t%d\n", st->compare ? 1 : 0);
    if (st->right_locale) {
        gn_buf_adds(b, "right\t");
        put_value(b, st->right_locale);
        gn_buf_addc(b, '\n');
    }
    for (int i = 0; i < 26; i++) {
        char key[8];
        snprintf(key, sizeof key, "mark.%c", 'a' + i);
        put_spot(b, key, &st->marks[i], true);
    }
}

/* Write st to path (in folder dir, which exists) atomically: render it,
 * write a temporary "PATH.XXXXXX" beside it (mkstemp, so mode 0600), flush
 * and fsync it, rename it over path, then fsync the folder so the rename
 * itself survives a crash (errors of that last fsync are ignored: the file
 * is whole either way). On failure the temporary file is removed, path is
 * untouched, and err names the path and the system's reason. */
static int write_atomically(const char *path, const char *dir, const gn_state *st,
                            gn_error *err)
{
    gn_buf text = GN_BUF_INIT;
    format_state(&text, st);

    char *tmp = gn_xasprintf("%s.XXXXXX", path);
    int rc = -1;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        gn_fail(err, "%s: cannot create temporary file: %s", path, strerror(errno));
        goto out;
    }
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        gn_fail(err, "%s: %s", path, strerror(errno));
        close(fd);
        unlink(tmp);
        goto out;
    }
    if (fwrite(text.data, 1, text.len, f) != text.len || fflush(f) != 0
        || fsync(fd) != 0) {
        int e = errno;
        fclose(f);
        unlink(tmp);
        gn_fail(err, "%s: cannot write: %s", path, strerror(e));
        goto out;
    }
    if (fclose(f) != 0) {
        int e = errno;
        unlink(tmp);
        gn_fail(err, "%s: cannot write: %s", path, strerror(e));
        goto out;
    }
    if (rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        gn_fail(err, "%s: cannot replace: %s", path, strerror(e));
        goto out;
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    rc = 0;
out:
    free(tmp);
    gn_buf_free(&text);
    return rc;
}

/* ---------- reading ---------- */

/* Read at most STATE_MAX_SIZE bytes of the regular file at path into a
 * NUL-terminated buffer. Returns 1 when the file does not exist, 0 on
 * success, -1 with err set otherwise (unreadable, not a file, too big).
 * *found is set when something is at path (whatever the result), with
 * what stat says of it in *sb (for a file that could be opened, of the
 * very file read). */
static int read_limited(const char *path, gn_buf *out, struct stat *sb, bool *found,
                        gn_error *err)
{
    *found = false;
    /* O_NONBLOCK: a FIFO put there must not hang the start-up. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        if (e == ENOENT)
            return 1;
        *found = stat(path, sb) == 0;
        return gn_fail(err, "%s: %s", path, strerror(e));
    }
    if (fstat(fd, sb) != 0) {
        int e = errno;
        close(fd);
        return gn_fail(err, "%s: %s", path, strerror(e));
    }
    *found = true;
    if (!S_ISREG(sb->st_mode)) {
        close(fd);
        return gn_fail(err, "%s: not a regular file", path);
    }
    char chunk[16384];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            return gn_fail(err, "%s: %s", path, strerror(e));
        }
        if (n == 0)
            break;
        if ((size_t)n > STATE_MAX_SIZE - out->len) {
            close(fd);
            return gn_fail(err, "%s: corrupt state file: larger than 1 MiB", path);
        }
        gn_buf_add(out, chunk, (size_t)n);
    }
    close(fd);
    if (!out->data)
        gn_buf_add(out, "", 0);
    return 0;
}

/* Split line (NUL-terminated, modified in place) at TABs into at most max
 * fields; returns how many there were (fields past max are dropped). */
static size_t split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *s = line;
    for (;;) {
        char *tab = strchr(s, '\t');
        if (n < max)
            fields[n] = s;
        n++;
        if (!tab)
            break;
        *tab = '\0';
        s = tab + 1;
    }
    return n;
}

/* The unescaped copy of field (empty: NULL) into *out; -1 with err set on
 * a backslash not followed by t, n or a backslash. */
static int get_value(const char *field, char **out, const char *path, size_t lineno,
                     gn_error *err)
{
    *out = NULL;
    if (!*field)
        return 0;
    gn_buf b = GN_BUF_INIT;
    for (const char *s = field; *s; s++) {
        if (*s != '\\') {
            gn_buf_addc(&b, *s);
            continue;
        }
        s++;
        switch (*s) {
        case 't': gn_buf_addc(&b, '\t'); break;
        case 'n': gn_buf_addc(&b, '\n'); break;
        case '\\': gn_buf_addc(&b, '\\'); break;
        default:
            gn_buf_free(&b);
            if (!*s)
                return gn_fail(err, "%s:%zu: corrupt state file: backslash at the end of a value",
                               path, lineno);
            return gn_fail(err, "%s:%zu: corrupt state file: unknown escape \"\\%c\"",
                           path, lineno, *s);
        }
    }
    *out = gn_buf_take(&b);
    return 0;
}

/* A decimal number without sign, spaces or overflow of max. */
static bool get_u64(const char *s, uint64_t max, uint64_t *out)
{
    if (!*s)
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        uint64_t d = (uint64_t)(*s - '0');
        if (v > (max - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

/* The same, for a size_t. */
static bool get_number(const char *s, size_t *out)
{
    uint64_t v;
    if (!get_u64(s, SIZE_MAX, &v))
        return false;
    *out = (size_t)v;
    return true;
}

/* Parse the fields of a spot line into s (replacing what it held); a
 * bookmark's (mark) fifth field, when there is one, is its set time. */
static int get_spot(char **fields, size_t nfields, gn_spot *s, const char *key, bool mark,
                    const char *path, size_t lineno, gn_error *err)
{
    if (nfields < SPOT_FIELDS)
        return gn_fail(err, "%s:%zu: corrupt state file: %s needs %d fields, not %zu",
                       path, lineno, key, SPOT_FIELDS, nfields);
    size_t top;
    if (!get_number(fields[3], &top))
        return gn_fail(err, "%s:%zu: corrupt state file: bad number \"%.40s\"",
                       path, lineno, fields[3]);
    uint64_t set = 0;
    if (mark && nfields > SPOT_FIELDS && !get_u64(fields[SPOT_FIELDS], UINT64_MAX, &set))
        return gn_fail(err, "%s:%zu: corrupt state file: bad number \"%.40s\"",
                       path, lineno, fields[SPOT_FIELDS]);
    char *v[3];
    for (int i = 0; i < 3; i++) {
        if (get_value(fields[i], &v[i], path, lineno, err) != 0) {
            for (int j = 0; j < i; j++)
                free(v[j]);
            return -1;
        }
    }
    spot_free(s);
    *s = (gn_spot){v[0], v[1], v[2], top, set};
    return 0;
}

/* Apply one "key<TAB>value" line (NUL-terminated, modified) to st. */
static int parse_line(char *line, gn_state *st, const char *path, size_t lineno,
                      gn_error *err)
{
    char *tab = strchr(line, '\t');
    if (!tab)
        return gn_fail(err, "%s:%zu: corrupt state file: line without a TAB", path, lineno);
    *tab = '\0';
    const char *key = line;
    char *fields[SPOT_FIELDS + 1];
    size_t nfields = split_tabs(tab + 1, fields, SPOT_FIELDS + 1);

    if (strcmp(key, "last") == 0)
        return get_spot(fields, nfields, &st->last, key, false, path, lineno, err);
    if (strncmp(key, "mark.", 5) == 0 && key[5] >= 'a' && key[5] <= 'z' && !key[6])
        return get_spot(fields, nfields, &st->marks[key[5] - 'a'], key, true, path, lineno,
                        err);
    if (strcmp(key, "compare") == 0) {
        size_t v;
        if (!get_number(fields[0], &v) || v > 1)
            return gn_fail(err, "%s:%zu: corrupt state file: bad number \"%.40s\" (compare is 0 or 1)",
                           path, lineno, fields[0]);
        st->compare = v == 1;
        return 0;
    }
    if (strcmp(key, "right") == 0) {
        char *v;
        if (get_value(fields[0], &v, path, lineno, err) != 0)
            return -1;
        free(st->right_locale);
        st->right_locale = v;
        return 0;
    }
    return 0; /* a key from a newer guidenav */
}

/* Zero st, then fill it from the file at path. A missing file leaves st
 * empty and returns 0. An unreadable, oversized (over 1 MiB) or corrupt
 * file (wrong first line, a line without a TAB, a bad number or escape, a
 * NUL byte) returns -1 with "PATH:LINE: ..." in err and st empty. The
 * previous contents of st are not freed: pass an empty or freed state.
 * A later line with the same key replaces the earlier one. *found and *sb
 * tell what is at path, as read_limited says. */
static int read_state(const char *path, gn_state *st, struct stat *sb, bool *found,
                      gn_error *err)
{
    memset(st, 0, sizeof *st);
    gn_buf text = GN_BUF_INIT;
    int r = read_limited(path, &text, sb, found, err);
    if (r != 0) {
        gn_buf_free(&text);
        return r > 0 ? 0 : -1;
    }

    /* A NUL byte would cut a line short unseen: refuse it first. */
    const char *nul = memchr(text.data, '\0', text.len);
    if (nul) {
        size_t lineno = 1;
        for (const char *s = text.data; s < nul; s++)
            lineno += *s == '\n';
        gn_buf_free(&text);
        return gn_fail(err, "%s:%zu: corrupt state file: NUL byte", path, lineno);
    }

    int rc = 0;
    size_t lineno = 0;
    char *s = text.data, *end = text.data + text.len;
    while (s < end) {
        char *nl = memchr(s, '\n', (size_t)(end - s));
        char *next = nl ? nl + 1 : end;
        if (nl)
            *nl = '\0';
        lineno++;
        if (lineno == 1) {
            if (strcmp(s, STATE_MAGIC) != 0) {
                rc = gn_fail(err, "%s:1: corrupt state file: first line is not \"" STATE_MAGIC "\"",
                             path);
                break;
            }
        } else if (parse_line(s, st, path, lineno, err) != 0) {
            rc = -1;
            break;
        }
        s = next;
    }
    if (rc == 0 && lineno == 0)
        rc = gn_fail(err, "%s:1: corrupt state file: empty", path);
    gn_buf_free(&text);
    if (rc != 0)
        gn_state_free(st);
    return rc;
}

/* ---------- the lock, bad files, merging ---------- */

/* Add to the end of err's message (when err is not NULL). */
static void add_to_error(gn_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void add_to_error(gn_error *err, const char *fmt, ...)
{
    if (!err)
        return;
    size_t n = strnlen(err->msg, sizeof err->msg);
    if (n + 1 >= sizeof err->msg)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg + n, sizeof err->msg - n, fmt, ap);
    va_end(ap);
}

/* Take the exclusive lock of the state file at path: flock on
 * "PATH.lock" (created 0600 if needed; not followed if a symbolic link),
 * waiting up to LOCK_WAIT_MS for another holder. Returns the descriptor,
 * whose close releases the lock, or -1 with err naming the lock file. */
static int lock_state(const char *path, gn_error *err)
{
    char *lock = gn_xasprintf("%s.lock", path);
    int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        gn_fail(err, "%s: cannot lock: %s", lock, strerror(errno));
        free(lock);
        return -1;
    }
    for (int waited = 0;;) {
        if (flock(fd, LOCK_EX | LOCK_NB) == 0)
            break;
        int e = errno;
        if (e == EINTR)
            continue;
        if (e != EWOULDBLOCK || waited >= LOCK_WAIT_MS) {
            if (e == EWOULDBLOCK)
                gn_fail(err, "%s: cannot lock: held by another process for %d s", lock,
                        LOCK_WAIT_MS / 1000);
            else
                gn_fail(err, "%s: cannot lock: %s", lock, strerror(e));
            close(fd);
            free(lock);
            return -1;
        }
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
        waited += 10;
    }
    free(lock);
    return fd;
}

/* The state file at path could not be read or parsed; seen is what stat
 * said of it then. Unless it is a folder (left alone), rename it to
 * "PATH.bad", replacing an older one, and return that name (newly
 * allocated); NULL when it was not kept aside, with why it could not be
 * added to err's message. Done under the lock (taken here unless locked),
 * and only if path is still the file seen: a file another guidenav has
 * since saved there is not the bad one. */
static char *keep_aside(const char *path, const struct stat *seen, bool locked, gn_error *err)
{
    if (S_ISDIR(seen->st_mode))
        return NULL;
    int lock = -1;
    if (!locked) {
        gn_error lerr;
        lock = lock_state(path, &lerr);
        if (lock < 0) {
            add_to_error(err, "; not kept aside: %s", lerr.msg);
            return NULL;
        }
    }
    char *bad = NULL;
    struct stat now;
    if (stat(path, &now) == 0 && now.st_dev == seen->st_dev && now.st_ino == seen->st_ino) {
        bad = gn_xasprintf("%s.bad", path);
        if (rename(path, bad) != 0) {
            add_to_error(err, "; could not be kept as %s: %s", bad, strerror(errno));
            free(bad);
            bad = NULL;
        }
    }
    if (lock >= 0)
        close(lock);
    return bad;
}

/* Zero st, then fill it from the file at path (see read_state); a file
 * that cannot be read or parsed is kept aside (see keep_aside), and the
 * name it was kept under goes to *kept when kept is not NULL. */
int gn_state_load(const char *path, gn_state *st, char **kept, gn_error *err)
{
    if (kept)
        *kept = NULL;
    struct stat sb;
    bool found;
    if (read_state(path, st, &sb, &found, err) == 0)
        return 0;
    char *bad = found ? keep_aside(path, &sb, false, err) : NULL;
    if (kept)
        *kept = bad;
    else
        free(bad);
    return -1;
}

/* Whether bookmark spot s says something: it is set, or was deleted at a
 * known time. */
static bool mark_known(const gn_spot *s)
{
    return s->page || s->set;
}

/* Move into st the bookmarks of disk that st knows nothing of or that
 * were set (or deleted) later than st's of the same letter (a tie keeps
 * st's). */
static void merge_marks(gn_state *st, gn_state *disk)
{
    for (int i = 0; i < 26; i++) {
        gn_spot *mine = &st->marks[i], *theirs = &disk->marks[i];
        if (mark_known(theirs) && (!mark_known(mine) || theirs->set > mine->set)) {
            gn_spot t = *mine;
            *mine = *theirs;
            *theirs = t;
        }
    }
}

/* Save st to path: make the folder, take the lock, read the file again
 * (a bad one is kept aside, silently: the save goes on; when it cannot be,
 * the save fails rather than overwrite it), merge its bookmarks into st,
 * write atomically, release the lock. err names the path (or the lock
 * file) and the reason on failure; st may be merged even then. */
int gn_state_save(const char *path, gn_state *st, gn_error *err)
{
    char *dir = gn_path_dirname(path);
    if (gn_make_dirs(dir, err) != 0) {
        free(dir);
        return -1;
    }
    int lock = lock_state(path, err);
    if (lock < 0) {
        free(dir);
        return -1;
    }
    gn_state disk;
    struct stat sb;
    bool found;
    gn_error rerr;
    int rc = 0;
    if (read_state(path, &disk, &sb, &found, &rerr) == 0) {
        merge_marks(st, &disk);
        gn_state_free(&disk);
    } else if (found && !S_ISDIR(sb.st_mode)) { /* a folder: the rename fails */
        char *bad = keep_aside(path, &sb, true, &rerr);
        if (!bad)
            rc = gn_fail(err, "%s", rerr.msg);
        free(bad);
    }
    if (rc == 0)
        rc = write_atomically(path, dir, st, err);
    close(lock);
    free(dir);
    return rc;
}
