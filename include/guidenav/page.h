/* page.h: a guide page: front matter and its cmark-gfm document. */
#ifndef GUIDENAV_PAGE_H
#define GUIDENAV_PAGE_H

#include <stdbool.h>
#include <cmark-gfm.h>
#include "guidenav/error.h"
#include "guidenav/meta.h"

typedef struct gn_page {
    char *path;
    gn_meta meta;
    cmark_node *doc; /* body, parsed with the GFM table extension */
    int body_line;   /* line of the file where the body starts */
} gn_page;

/* Read and parse the page at path. On failure err names the file (and line
 * for front matter). gn_page_free releases the page either way. */
int gn_page_load(const char *path, gn_page *page, gn_error *err);
/* The same, confined: the file as opened must lie at or below real_root
 * (a locale source's real_repo), so a page swapped for a link out after
 * gn_source_check_read is refused (gn_read_file_within). */
int gn_page_load_within(const char *path, const char *real_root, gn_page *page,
                        gn_error *err);
/* Parse page text already in memory. */
int gn_page_parse(const char *path, const char *text, size_t len,
                  gn_page *page, gn_error *err);
void gn_page_free(gn_page *page);

/* The page title: front matter "title" (markup rendered), else the first
 * heading, else the file name. Newly allocated; the caller frees it. */
char *gn_page_title(const gn_page *page);

/* Literal text of node's inline descendants: text and code as cmark
 * decoded them (entities included), breaks as spaces. Newly allocated,
 * never NULL. */
char *gn_node_text(cmark_node *node);

/* Parse Markdown text with the GFM extensions guidenav uses (tables,
 * strikethrough, autolinks). The caller frees the node with cmark_node_free.
 * NULL when a stop was asked for first (interrupt.h): while the host
 * watches for one, the parse runs through gn_interruptible; the page and
 * TOC loaders then fail with "PATH: interrupted". */
cmark_node *gn_markdown_parse(const char *text, size_t len);
/* The same, with the table extension alone when inline_extensions is
 * false (TOCs: a bare "www.example.com" in a group's title stays text).
 * Either way the text goes first through the pre-pass that bounds what
 * makes cmark quadratic (bound.h); with inline_extensions (pages), Adobe's
 * collapsible blocks become custom blocks (collapse.h). */
cmark_node *gn_markdown_parse_with(const char *text, size_t len, bool inline_extensions);
/* From now on, parse on this thread into an arena (arena.h): allocation
 * is a pointer bump, and a node freed gives its memory back to the arena
 * only. For a process that renders a page or two and exits (--dump). A
 * thread that has an arena already keeps it. */
void gn_markdown_use_arena(void);
/* Free the thread's arena (if any), and with it every node parsed there
 * at once: none may be used or freed after. Dropping a page's tree costs
 * one free this way, where cmark_node_free visits every node. */
void gn_markdown_drop_arena(void);
/* Register cmark-gfm's extensions, once for the process: done by the
 * first parse, and to be done before parses start on several threads. */
void gn_markdown_ready(void);
/* Feed text[0..len) to parser and finish it (its document, or NULL):
 * every parse of the process goes through it. cmark-gfm's inline parser
 * shares a table of the whole process across parses while it runs, so
 * the finish runs one thread at a time (and the feed too, with a
 * cmark-gfm newer than the one audited, whose table extension parses
 * inlines as lines come); the rest may run on several threads at once,
 * each in its own arena or with the default allocator. */
cmark_node *gn_markdown_run(cmark_parser *parser, const char *text, size_t len);

/* The line of the parsed text where node starts: its own when cmark
 * records one, else that of the nearest block holding it; 1 when none
 * does. */
int gn_node_line(cmark_node *node);

#endif
