#!/usr/bin/env bash
# What the command line prints stays what it says it is, whatever the
# documents, file names and machine hold:
# - the tab-separated outputs (--toc, --search, --check, --toc-matrix,
#   --locales) keep one record a line and their number of fields when file
#   names, link targets and titles hold tabs, newlines and backslashes
#   (escaped as \t, \n and \\).
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

"$GN" --check --no-state "$set" >"$tmp/check"
fields "--check: a problem is one line of 4 fields" 4 "$tmp/check"
if [ "$(wc -l <"$tmp/check")" = 4 ]; then ok "--check: 4 problems, 4 lines"
else bad "--check: 4 problems expected" "$tmp/check"; fi
has "--check: a link target with a newline and tabs stays one field" "$tmp/check" \
    $'en\thelp/g/plain.md:3\tbadlink\tgone\\nen\\tx.md:1\\tbadlink\\ty'

"$GN" --toc-matrix --no-state "$set" >"$tmp/matrix"
fields "--toc-matrix: a row is one line of 1 + 4 x 2 fields" 9 "$tmp/matrix"
has "--toc-matrix: the entry named with a tab" "$tmp/matrix" $'tab\\tname.md\tok\tok'

# A locale source whose folder is named with a tab and a newline.
odd=$tmp/odd/"a"$'\t'"b"$'\n'"c"
mkdir -p "$odd"
printf '# Odd\n\n- [P](p.md)\n' >"$odd/TOC.md"
printf '# P\n' >"$odd/p.md"
"$GN" --locales "$odd" >"$tmp/locales"
fields "--locales: a locale is one line of 3 fields" 3 "$tmp/locales"
has "--locales: the folder's tab and newline escaped" "$tmp/locales" 'a\tb\nc'
