#!/usr/bin/env bash
# The command line: options, exit statuses, messages, --toc, --locales,
# --dump goldens (tests/render/*.md beside their expected *.txt), install.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check NAME EXPECTED-STATUS COMMAND...: the status, output kept in $tmp/out.
check() {
    local name=$1 want=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" = "$want" ]; then echo "ok - $name"
    else echo "not ok - $name: status $rc, expected $want"; sed 's/^/#   /' "$tmp/err"; fi
}
# has NAME FILE TEXT
has() {
    if grep -qF -- "$3" "$2"; then echo "ok - $1"
    else echo "not ok - $1: '$3' missing from:"; sed 's/^/#   /' "$2"; fi
}

check "--help exits 0" 0 "$GN" --help
has "--help shows the usage" "$tmp/out" "usage: guidenav"
check "--version exits 0" 0 "$GN" --version
has "--version names the program" "$tmp/out" "guidenav "
check "an unknown option is a usage error" 2 "$GN" --bogus
has "the unknown option is named" "$tmp/err" "--bogus"
# one_line NAME WANT: stderr is exactly the line WANT (no help after it).
one_line() {
    if [ "$(cat "$tmp/err")" = "$2" ]; then echo "ok - $1"
    else echo "not ok - $1: stderr is:"; sed 's/^/#   /' "$tmp/err"; fi
}
one_line "an unknown option: one line, not the whole help" \
    "guidenav: unknown option --bogus (see guidenav --help)"
check "--foo=bar is an unknown option" 2 "$GN" --foo=bar
one_line "... named without its value" "guidenav: unknown option --foo (see guidenav --help)"
check "--dump without a page is a usage error" 2 "$GN" --dump
one_line "... that says what it needs" "guidenav: --dump needs a PAGE (see guidenav --help)"
check "--search without a query is a usage error" 2 "$GN" guide/en --search
one_line "... that says what it needs" "guidenav: --search needs a QUERY (see guidenav --help)"
check "--search '' is a usage error" 2 "$GN" --search '' guide/ja-JP
one_line "... with a word" "guidenav: --search needs a non-empty QUERY"
check "an unknown short option is a usage error" 2 "$GN" -z
one_line "... in one line" "guidenav: unknown option -z (see guidenav --help)"
check "a bad width is a usage error" 2 "$GN" --dump guide/en/keys.md --width 0
check "a missing path is an error" 1 "$GN" --toc "$tmp/nowhere"
has "the missing path is named" "$tmp/err" "$tmp/nowhere: not a folder"
mkdir -p "$tmp/empty"
check "a folder without a guide is an error" 1 "$GN" --toc "$tmp/empty"
has "the folder is named" "$tmp/err" "$tmp/empty: no guide here"
check "a missing page is an error" 1 "$GN" --dump "$tmp/none.md"
has "the missing page is named" "$tmp/err" "$tmp/none.md"

printf '# Piped\n' | "$GN" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" = 1 ]; then echo "ok - a page on standard input needs a terminal for the navigator"
else echo "not ok - standard input without a terminal: status $rc, expected 1"; fi
has "... and says to use --dump" "$tmp/err" "the navigator needs a terminal; to write a page"
head -c 3000 /dev/zero | tr '\0' x | "$GN" --max-file-size 2000 - >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" = 1 ]; then echo "ok - standard input larger than --max-file-size is an error"
else echo "not ok - standard input over the limit: status $rc, expected 1"; fi
has "... naming standard input" "$tmp/err" "standard input: larger than 2000 bytes"

printf -- '---\ntitle: ok\nbroken: [unclosed\n---\n# Page\n' >"$tmp/bad.md"
check "malformed front matter is an error" 1 "$GN" --dump "$tmp/bad.md"
has "the message names the file and line" "$tmp/err" "$tmp/bad.md:4:"
mkdir -p "$tmp/badguide"
printf -- '---\ntitle: [\n---\n# T\n\n- [A](a.md)\n' >"$tmp/badguide/TOC.md"
check "a malformed TOC is an error" 1 "$GN" --toc "$tmp/badguide"
has "the TOC is named" "$tmp/err" "$tmp/badguide/TOC.md:"

check "--toc of the bundled guide" 0 "$GN" --toc guide/en
if diff -u tests/integration/expected/toc-en.txt "$tmp/out" >"$tmp/diff"; then
    echo "ok - --toc output matches tests/integration/expected/toc-en.txt"
else
    echo "not ok - --toc output differs"; sed 's/^/#   /' "$tmp/diff"
fi
check "--locales of the bundled guide" 0 "$GN" --locales guide/ja-JP
if [ "$(cut -f1 "$tmp/out" | tr '\n' ' ')" = "ja-JP en de-DE fr-FR ko-KR pt-BR " ]; then
    echo "ok - --locales lists the given locale, then its siblings"
else
    echo "not ok - --locales order:"; sed 's/^/#   /' "$tmp/out"
fi
has "--locales gives each guide title in its language" "$tmp/out" "ユーザーガイド"

# Output to a pipe has no escape sequences.
"$GN" --dump guide/en/keys.md --width 80 >"$tmp/out"
if grep -q $'\033' "$tmp/out"; then echo "not ok - --dump to a pipe is plain"
else echo "ok - --dump to a pipe is plain"; fi

# make install: the installed program finds its guide from anywhere.
if make -s install PREFIX="$tmp/prefix" >"$tmp/install.log" 2>&1 &&
   (cd / && "$tmp/prefix/bin/guidenav" --locales) >"$tmp/out" 2>&1 &&
   grep -q "^en	$tmp/prefix/share/guidenav/guide/en	" "$tmp/out" &&
   [ -f "$tmp/prefix/share/man/man1/guidenav.1" ]; then
    echo "ok - make install PREFIX=...: the program, its guide and its man page"
else
    echo "not ok - make install"; sed 's/^/#   /' "$tmp/install.log" "$tmp/out"
fi

# --search --all-guides on one guide's folder: every guide of its repository.
mkdir -p "$tmp/docs.en/help/birds" "$tmp/docs.en/help/sea"
printf '# Birds\n\n- [Terns](terns.md)\n' >"$tmp/docs.en/help/birds/TOC.md"
printf '# Terns\n\nArctic terns fly far.\n' >"$tmp/docs.en/help/birds/terns.md"
printf '# Sea\n\n- [Tides](tides.md)\n' >"$tmp/docs.en/help/sea/TOC.md"
printf '# Tides\n\nArctic tides turn.\n' >"$tmp/docs.en/help/sea/tides.md"
check "--search on a guide folder: its guide" 0 "$GN" --no-cache --search arctic "$tmp/docs.en/help/birds"
[ "$(wc -l <"$tmp/out")" = 1 ] && echo "ok - ... one match" || echo "not ok - ... $(cat "$tmp/out")"
check "--all-guides on a guide folder" 0 "$GN" --no-cache --all-guides --search arctic "$tmp/docs.en/help/birds"
has "... searches the repository's other guide" "$tmp/out" "help/sea/tides.md"
