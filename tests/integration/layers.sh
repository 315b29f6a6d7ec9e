#!/usr/bin/env bash
# scripts/check-layers: first on a small fake tree, where it must report
# exactly the violations planted there (curses included outside src/ui/;
# src/ui/ calling functions that read or stat files or parse guide data)
# and nothing in comments, strings or member calls; then on this project.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
bad() { echo "not ok - $1"; [ -f "${2:-}" ] && sed 's/^/#   /' "$2" | head -40; }
check=$PWD/scripts/check-layers

fake=$tmp/fake
mkdir -p "$fake/src/ui" "$fake/include/guidenav"
cat >"$fake/src/ui/bad.c" <<'C'
#include <curses.h>
#include <stdio.h>
/* fopen( in a comment is not a call,
   nor stat( on the next line of it */
static const char *s = "open(";
int f(void) {
    FILE *fp = fopen("x", "r");
    view->open(v); ops.stat(x);
    gn_meta_get(m, "title"); if (stat (p, &st)) return 1;
    reopen(x); my_stat(y); gn_toc_free(t); // gn_toc_load( in a comment
    char c = '('; getenv("HOME");
    return gn_read_file(p, &d, &n, &e);
}
C
cat >"$fake/src/ui/clean.c" <<'C'
#include <ncursesw/curses.h>
#include <unistd.h>
void g(void) { write(1, "stat(", 5); getenv("TERM"); }
C
cat >"$fake/src/core.c" <<'C'
#include <ncursesw/curses.h>
void h(void) { fopen("x", "r"); }
C
cat >"$fake/src/other.c" <<'C'
/* #include <curses.h> in a comment */
  #  include "term.h"
// #include <ncurses.h>
C
cat >"$fake/include/guidenav/x.h" <<'C'
#include <ncurses/ncurses.h>
C

# What it says, without the reasons: FILE:LINE: what.
"$check" "$fake" >"$tmp/out"
rc=$?
sed 's/^\(not ok - [^ ]* calls [^:]*\):.*/\1/; s/, but only src\/ui\/ may include curses$//' \
    "$tmp/out" >"$tmp/got"
cat >"$tmp/want" <<'W'
not ok - include/guidenav/x.h:1: includes <ncurses/ncurses.h>
not ok - src/core.c:1: includes <ncursesw/curses.h>
not ok - src/other.c:2: includes "term.h"
not ok - src/ui/bad.c:7: calls fopen
not ok - src/ui/bad.c:9: calls stat
not ok - src/ui/bad.c:9: calls gn_meta_get
not ok - src/ui/bad.c:12: calls gn_read_file
# 7 violation(s): 3 curses include(s) outside src/ui/, 4 call(s) in src/ui/
W
if diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
    ok "check-layers reports exactly the violations of a fake tree"
else
    bad "check-layers on a fake tree" "$tmp/diff"
fi
if [ $rc -eq 1 ]; then ok "check-layers exits 1 on a violation"
else bad "check-layers exited $rc, not 1"; fi
if grep -q '^not ok - src/ui/bad.c:7: calls fopen: opens a file$' "$tmp/out"; then
    ok "check-layers says why a call is not the UI's"
else
    bad "check-layers gives no reason" "$tmp/out"
fi

# The same tree without its violations.
rm "$fake/src/ui/bad.c" "$fake/src/other.c" "$fake/include/guidenav/x.h"
echo 'void h(void) { fopen("x", "r"); }' >"$fake/src/core.c"
"$check" "$fake" >"$tmp/out"
rc=$?
printf '%s\n' "ok - only src/ui/ includes curses" \
    "ok - src/ui/ opens, reads and stats no file and parses no guide data" >"$tmp/want"
if [ $rc -eq 0 ] && diff -u "$tmp/want" "$tmp/out" >"$tmp/diff"; then
    ok "check-layers passes a clean tree"
else
    bad "check-layers on a clean tree (exit $rc)" "$tmp/diff"
fi
"$check" "$tmp/none" >/dev/null 2>&1
rc=$?
if [ $rc -eq 2 ]; then ok "check-layers exits 2 without a src/ folder"
else bad "check-layers exited $rc on a missing tree"; fi

# This project: curses outside src/ui/, or a file read or guide data
# parsed in src/ui/, fails make check.
"$check" >"$tmp/out"
grep -e '^ok - ' -e '^not ok - ' "$tmp/out"
