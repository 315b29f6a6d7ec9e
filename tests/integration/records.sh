#!/usr/bin/env bash
# What the command line prints stays what it says it is, whatever the
# documents, file names and machine hold:
# - the tab-separated outputs (--toc, --search, --check, --toc-matrix,
#   --locales) keep one record a line and their number of fields when file
#   names, link targets and titles hold tabs, newlines and backslashes
#   (escaped as \t, \n and \\);
# - in a locale whose character set is not UTF-8 (C, and en_US.ISO-8859-1,
#   compiled here with localedef when the system lacks it), --dump and
#   --compare write ASCII only: no byte an 8-bit terminal would take for a
#   C1 control (0x9B CSI, 0x9D OSC, 0x9C ST);
# - a git repository whose pack index is damaged makes staleness unknown,
#   not stale: --check reports nothing for it and exits 0.
# The fixtures are made here, in a temporary folder.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
export LANG=C.UTF-8
unset LC_ALL NO_COLOR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok - $1"; }
bad() { echo "not ok - $1"; [ $# -lt 2 ] || head -c 1500 "$2" | cat -A | sed 's/^/#   /'; }
# fields NAME FILE N: every line of FILE has exactly N tab-separated fields.
fields() {
    if [ -s "$3" ] && awk -F'\t' -v n="$2" 'NF != n { exit 1 }' "$3"; then ok "$1"
    else bad "$1: a line without $2 fields" "$3"; fi
}
# has NAME FILE TEXT
has() {
    if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: '$3' missing" "$2"; fi
}

# ---- Tabs, newlines and backslashes in names and targets ------------------
g=$tmp/rec/set.en/help/g
mkdir -p "$g"
printf '# Guide\n\n- [Tab](<tab\tname.md>)\n- [Newline](new&#10;line.md)\n- [Back](back\\\\slash.md)\n- [Plain](plain.md)\n' >"$g/TOC.md"
printf '# Tab\n\nfindme here\n' >"$g/tab"$'\t'"name.md"
printf '# New\n\nfindme there\n' >"$g/new"$'\n'"line.md"
printf '# Back\n\nfindme back\n' >"$g/back\\slash.md"
# A link target that, printed raw, would add forged records to --check.
printf '# Plain\n\nfindme [x](gone&#10;en&#9;x.md:1&#9;badlink&#9;y) and [t](<tab\tname.md#no&#10;where>)\n' >"$g/plain.md"
cp -r "$tmp/rec/set.en" "$tmp/rec/set.fr-FR"
set=$tmp/rec/set.en

"$GN" --toc "$set" >"$tmp/toc"
sed 1d "$tmp/toc" >"$tmp/toc.entries"
fields "--toc: an entry is one line of 2 fields" 2 "$tmp/toc.entries"
has "--toc: a tab in a target is written \\t" "$tmp/toc" $'Tab\ttab\\tname.md'
has "--toc: a newline in a target is written \\n" "$tmp/toc" $'Newline\tnew\\nline.md'
has "--toc: a backslash is written \\\\" "$tmp/toc" $'Back\tback\\\\slash.md'

"$GN" --search findme --no-state --no-cache "$set" >"$tmp/search"
fields "--search: a match is one line of 4 fields" 4 "$tmp/search"
if [ "$(wc -l <"$tmp/search")" = 4 ]; then ok "--search: 4 matches, 4 lines"
else bad "--search: 4 matches expected" "$tmp/search"; fi
has "--search: the page named with a tab" "$tmp/search" $'en\thelp/g/tab\\tname.md\t3\tfindme here'
has "--search: the page named with a newline" "$tmp/search" $'en\thelp/g/new\\nline.md\t3\tfindme there'

"$GN" --check --skip untranslated --no-state "$set" >"$tmp/check"
fields "--check: a problem is one line of 4 fields" 4 "$tmp/check"
if [ "$(wc -l <"$tmp/check")" = 4 ]; then ok "--check: 4 problems, 4 lines"
else bad "--check: 4 problems expected" "$tmp/check"; fi
has "--check: a link target with a newline and tabs stays one field" "$tmp/check" \
    $'en\thelp/g/plain.md:3\tbadlink\tgone\\nen\\tx.md:1\\tbadlink\\ty'

"$GN" --toc-matrix --no-state "$set" >"$tmp/matrix"
fields "--toc-matrix: a row is one line of 2 + 5 x 2 fields" 12 "$tmp/matrix"
has "--toc-matrix: the entry named with a tab" "$tmp/matrix" $'help/g\ttab\\tname.md\tok\tok'

# A locale source whose folder is named with a tab and a newline.
odd=$tmp/odd/"a"$'\t'"b"$'\n'"c"
mkdir -p "$odd"
printf '# Odd\n\n- [P](p.md)\n' >"$odd/TOC.md"
printf '# P\n' >"$odd/p.md"
"$GN" --locales "$odd" >"$tmp/locales"
fields "--locales: a locale is one line of 3 fields" 3 "$tmp/locales"
has "--locales: the folder's tab and newline escaped" "$tmp/locales" 'a\tb\nc'

# ---- A locale whose character set is not UTF-8 ----------------------------
# "‛", "”" and "✜" are E2 80 9B, E2 80 9D and E2 9C 9C in UTF-8.
page=$g/c1.md
printf '# C1 \xe2\x80\x9b bytes\n\nQuote \xe2\x80\x9b x \xe2\x80\x9d, mark \xe2\x9c\x9c, wide \xe6\x97\xa5\xe6\x9c\xac, caf\xc3\xa9.\n\n| a \xe2\x80\x9d | b |\n|---|---|\n| \xe6\x97\xa5 | \xe2\x9c\x9c |\n\n- item \xe2\x80\x9b\n' >"$page"
cp "$page" "$tmp/rec/set.fr-FR/help/g/c1.md"
# ascii NAME FILE: no byte from 0x80 up.
ascii() {
    if [ -s "$2" ] && ! LC_ALL=C grep -q $'[\x80-\xff]' "$2"; then ok "$1"
    else bad "$1: bytes from 0x80 up" "$2"; fi
}
"$GN" --dump "$page" --plain --width 60 >"$tmp/utf8"
if LC_ALL=C grep -q $'\xe2\x80\x9b' "$tmp/utf8"; then ok "C.UTF-8: --dump writes the text as it is"
else bad "C.UTF-8: the text is missing" "$tmp/utf8"; fi
"$GN" --dump "$page" --plain --ascii --width 60 >"$tmp/utf8"
if LC_ALL=C grep -q $'\xe2\x80\x9b' "$tmp/utf8"; then ok "C.UTF-8: --dump --ascii changes the marks, not the text"
else bad "C.UTF-8: --ascii: the text is missing" "$tmp/utf8"; fi

locales=$tmp/locales.d
mkdir -p "$locales"
if locale -a 2>/dev/null | grep -qix 'en_US.iso88591'; then
    iso=system
elif command -v localedef >/dev/null &&
    localedef -i en_US -f ISO-8859-1 "$locales/en_US.ISO-8859-1" >/dev/null 2>&1; then
    iso=$locales
else
    iso=
fi
run_in() { # LOCALE COMMAND...: run with LC_ALL=LOCALE (LOCPATH when compiled here)
    local loc=$1; shift
    if [ "$loc" != C ] && [ "$iso" != system ]; then
        env LC_ALL="$loc" LOCPATH="$locales" "$@"
    else
        env LC_ALL="$loc" "$@"
    fi
}
for loc in C en_US.ISO-8859-1; do
    if [ "$loc" != C ] && [ -z "$iso" ]; then
        echo "ok - $loc: --dump and --compare write ASCII # SKIP the locale is absent and localedef cannot make it"
        continue
    fi
    run_in "$loc" "$GN" --dump "$page" --plain --width 60 >"$tmp/dump.$loc" 2>"$tmp/err"
    ascii "$loc: --dump writes no byte from 0x80 up (no C1 control)" "$tmp/dump.$loc"
    has "$loc: --dump shows each character as ? per column" "$tmp/dump.$loc" "Quote ? x ?, mark ?, wide ????, caf?."
    if [ "$(awk '{ if (length($0) > 60) n++ } END { print n + 0 }' "$tmp/dump.$loc")" = 0 ]; then
        ok "$loc: --dump lines fit 60 columns"
    else bad "$loc: --dump lines over 60 columns" "$tmp/dump.$loc"; fi
    # In a terminal, with colours: the SGR sequences are ASCII too.
    if command -v script >/dev/null; then
        run_in "$loc" script -qec "'$GN' --dump '$page' --width 60" /dev/null >"$tmp/tty.$loc" 2>&1
        ascii "$loc: --dump in a terminal writes no byte from 0x80 up" "$tmp/tty.$loc"
    fi
    run_in "$loc" "$GN" --compare en,fr-FR "$page" --width 80 >"$tmp/cmp.$loc" 2>"$tmp/err"
    ascii "$loc: --compare writes no byte from 0x80 up" "$tmp/cmp.$loc"
    run_in "$loc" "$GN" --compare en,fr-FR "$page" --interleave --width 60 >"$tmp/int.$loc" 2>"$tmp/err"
    ascii "$loc: --compare --interleave writes no byte from 0x80 up" "$tmp/int.$loc"
done

# ---- A damaged pack index --------------------------------------------------
if ! command -v git >/dev/null; then
    echo "ok - a damaged pack index: staleness unknown # SKIP git is not installed"
    exit 0
fi
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
G=(git -c user.name=t -c user.email=t@t -c commit.gpgsign=false -c init.defaultBranch=main
   -c core.autocrlf=false -c gc.auto=0)
r=$tmp/repo
mkdir -p "$r/set.en/help/g" "$r/set.fr-FR/help/g"
(
    cd "$r/set.en" && "${G[@]}" init -q . &&
    printf '# Guide\n\n- [A](a.md)\n- [B](b.md)\n' >help/g/TOC.md &&
    printf '# A\n\nText a.\n' >help/g/a.md &&
    printf '# B\n\nText b.\n' >help/g/b.md &&
    "${G[@]}" add -A && "${G[@]}" commit -qm one
) || { bad "a damaged pack index: the repository could not be made"; exit 0; }
c1=$(git -C "$r/set.en" rev-parse HEAD)
# The second commit changes b.md only: a.md's translation stays fresh, but
# the tree of help/g differs between the two commits.
printf '# B\n\nText b, changed.\n' >"$r/set.en/help/g/b.md"
"${G[@]}" -C "$r/set.en" commit -qam two
cp "$r/set.en/help/g/TOC.md" "$r/set.fr-FR/help/g/"
for p in a b; do
    printf -- '---\nsource-git-commit: %s\n---\n# %s\n\nTexte.\n' "$c1" "$p" >"$r/set.fr-FR/help/g/$p.md"
done
"$GN" --check --no-state "$r/set.en" >"$tmp/check.before"
if [ "$(cut -f1,3 "$tmp/check.before" | tr '\t\n' ' ')" = "fr-FR stale " ] &&
    grep -q 'help/g/b.md' "$tmp/check.before"; then
    ok "an intact repository: b.md is stale, a.md is not"
else
    bad "an intact repository: b.md alone should be stale" "$tmp/check.before"
fi
# Pack everything, then point the pack index's entry for the first
# commit's help/g tree past the end of the pack: reading that tree fails.
"${G[@]}" -C "$r/set.en" gc -q
idx=$(ls "$r/set.en/.git/objects/pack/"*.idx)
tree=$(git -C "$r/set.en" rev-parse "$c1:help/g")
n=$(git show-index <"$idx" | wc -l)
i=$(git show-index <"$idx" | awk -v t="$tree" '$2 == t { print NR - 1 }')
chmod u+w "$idx"
printf '\x7f\xff\xff\xf0' | dd of="$idx" bs=1 seek=$((8 + 1024 + n * 24 + i * 4)) conv=notrunc status=none
if git -C "$r/set.en" cat-file -p "$tree" >/dev/null 2>&1; then
    bad "a damaged pack index: the tree is still readable (the damage did not take)"
fi
"$GN" --check --no-state "$r/set.en" >"$tmp/check.damaged"
rc=$?
if [ "$rc" = 0 ] && [ ! -s "$tmp/check.damaged" ]; then
    ok "a damaged pack index: --check finds nothing stale and exits 0"
else
    bad "a damaged pack index: --check exits $rc" "$tmp/check.damaged"
fi
"$GN" --toc-matrix --no-state "$r/set.en" >"$tmp/matrix.damaged"
if [ "$(awk -F'\t' 'NR > 1 { print $2 "=" $11 }' "$tmp/matrix.damaged" | tr '\n' ' ')" = "a.md=unknown b.md=unknown " ]; then
    ok "a damaged pack index: --toc-matrix says unknown, not stale"
else
    bad "a damaged pack index: --toc-matrix" "$tmp/matrix.damaged"
fi
