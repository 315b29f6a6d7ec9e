/* fuzz_textcache.c: libFuzzer harness for the search cache's file
 * (gn_textcache, textcache.h).
 *
 * The input is written as the cache file of a locale source, which is then
 * opened and asked for a page; an entry found must be whole (paragraphs
 * inside the text). A new entry is put and saved over it (the old entries
 * copied), and the saved file must give that entry back. Build and run:
 * make fuzz FUZZ=textcache. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "guidenav/textcache.h"
#include "fuzz.h"

#define ROOT "/fuzz/set.ja-JP"
#define PAGE ROOT "/help/guide/page.md"

static char folder[64];
static char *file; /* the cache file of ROOT in folder */

static struct stat page_stat(void)
{
    struct stat st;
    memset(&st, 0, sizeof st);
    st.st_size = 1000;
    st.st_mtim.tv_sec = 1700000000;
    st.st_ino = 7;
    return st;
}

static gn_pagetext page_text(void)
{
    gn_pagetext t = {.title = strdup("Page")};
    gn_buf_adds(&t.ptext, "日本語の段落。\nSecond.\n");
    t.npars = 2;
    t.pars = calloc(2, sizeof *t.pars);
    t.pars[0] = (gn_par){0, 21, 3};
    t.pars[1] = (gn_par){22, 7, 5};
    return t;
}

/* Remove the folder at exit (libFuzzer ends with exit). */
static void remove_folder(void)
{
    unlink(file);
    rmdir(folder);
}

/* Make the folder and learn the cache file's name by saving one entry. */
static void init(void)
{
    snprintf(folder, sizeof folder, "/tmp/gn-fuzz-textcache-XXXXXX");
    CHECK(mkdtemp(folder) != NULL);
    gn_textcache *c = gn_textcache_open(folder, ROOT, "ja-JP");
    gn_pagetext t = page_text();
    struct stat st = page_stat();
    gn_textcache_put(c, PAGE, &st, &t);
    gn_error err;
    CHECK(gn_textcache_save(c, &err) == 0);
    gn_textcache_free(c);
    gn_pagetext_free(&t);
    DIR *d = opendir(folder);
    CHECK(d != NULL);
    for (struct dirent *e; (e = readdir(d));)
        if (strstr(e->d_name, ".text"))
            file = gn_path_join(folder, e->d_name);
    closedir(d);
    CHECK(file != NULL);
    atexit(remove_folder);
}

/* Ask c for PAGE (and another page); what comes back must be whole. */
static void ask(gn_textcache *c)
{
    struct stat st = page_stat();
    gn_pagetext got;
    const char *pages[] = {PAGE, ROOT "/help/guide/other.md"};
    for (size_t p = 0; p < 2; p++) {
        if (!gn_textcache_get(c, pages[p], &st, &got))
            continue;
        CHECK(got.title != NULL);
        for (size_t i = 0; i < got.npars; i++)
            CHECK(got.pars[i].off + got.pars[i].len <= got.ptext.len);
        gn_pagetext_free(&got);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!file)
        init();
    FILE *f = fopen(file, "wb");
    CHECK(f != NULL);
    CHECK(fwrite(data, 1, size, f) == size);
    fclose(f);

    gn_textcache *c = gn_textcache_open(folder, ROOT, "ja-JP");
    ask(c);
    gn_pagetext t = page_text();
    t.title[0] = 'X'; /* tell the new entry from any old one */
    struct stat st = page_stat();
    st.st_ino = 8;
    gn_textcache_put(c, PAGE, &st, &t);
    gn_error err;
    CHECK(gn_textcache_save(c, &err) == 0);
    gn_textcache_free(c);

    c = gn_textcache_open(folder, ROOT, "ja-JP");
    gn_pagetext got;
    CHECK(gn_textcache_get(c, PAGE, &st, &got));
    CHECK(strcmp(got.title, t.title) == 0 && got.npars == 2 && got.ptext.len == t.ptext.len);
    CHECK(memcmp(got.ptext.data, t.ptext.data, t.ptext.len) == 0);
    gn_pagetext_free(&got);
    ask(c);
    gn_textcache_free(c);
    gn_pagetext_free(&t);
    return 0;
}
