#!/usr/bin/env bash
# One resolver in every mode, on tests/fixtures/resolve (two locales, two
# guides; the trails guide's TOC lists /help/common/glossary.md, a page of
# the other guide that its own TOC does not list): --check, --toc-matrix
# and --search find that page. Then, in a copy, a page that is a symbolic
# link to a file outside the repository and a TOC target that climbs out
# of it: --search, --dump, --check and --compare refuse them in the same
# words, and none of them prints the outside file's text, keeps it in the
# search cache or compares a page with it.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
FIXTURE=$PWD/tests/fixtures/resolve
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME=$tmp/cache
REFUSED="outside the guide, not read"

ok() { echo "ok - $1"; }
bad() { # NAME [FILE...]: a failure, with the files' first lines
    local name=$1; shift
    echo "not ok - $name"
    for f in "$@"; do [ -f "$f" ] && sed 's/^/#   /' "$f" | head -20; done
}

# The fixture as it is, outside any git checkout.
cp -R "$FIXTURE" "$tmp/clean"
en=$tmp/clean/handbook.en
entry=/help/common/glossary.md

"$GN" --check "$en" >"$tmp/check.out" 2>"$tmp/check.err"
rc=$?
if [ $rc = 0 ] && [ ! -s "$tmp/check.out" ]; then
    ok "--check: nothing to report on the fixture (a TOC entry $entry is a page)"
else
    bad "--check exited $rc" "$tmp/check.out" "$tmp/check.err"
fi
if grep -Eq $'\t(nofile|orphan)\t' "$tmp/check.out"; then
    bad "--check: a nofile or orphan line" "$tmp/check.out"
else
    ok "--check: no nofile or orphan line for $entry or its file"
fi

"$GN" --toc-matrix "$en" >"$tmp/matrix.tsv" 2>"$tmp/matrix.err"
row=$(awk -F'\t' -v k="$entry" '$2 == k { print $3 " " $4 }' "$tmp/matrix.tsv")
if [ "$row" = "ok ok" ] && ! grep -q nofile "$tmp/matrix.tsv"; then
    ok "--toc-matrix: $entry is ok in en and de-DE"
else
    bad "--toc-matrix: $entry: '$row'" "$tmp/matrix.tsv" "$tmp/matrix.err"
fi

"$GN" --search cairn --all-guides "$en" >"$tmp/search.out" 2>"$tmp/search.err"
if grep -q $'^en\thelp/common/glossary.md\t[0-9]*\t' "$tmp/search.out" && [ ! -s "$tmp/search.err" ]; then
    ok "--search: the page $entry is searched, named by its path in the repository"
else
    bad "--search cairn" "$tmp/search.out" "$tmp/search.err"
fi

# A copy with a page linked out and a TOC target climbing out, both to
# files beside the copy.
mkdir -p "$tmp/leaky" "$tmp/outside"
cp -R "$FIXTURE/." "$tmp/leaky/"
printf '# Kept out\n\nThe word quokkasecret must never be shown.\n' >"$tmp/outside/secret.md"
printf '# Kept out too\n\nThe word quokkaclimb must never be shown.\n' >"$tmp/outside/climb.md"
trails=$tmp/leaky/handbook.en/help/trails
ln -s "$tmp/outside/secret.md" "$trails/leak.md"
printf -- '- [Leak](leak.md)\n- [Climb](../../../../outside/climb.md)\n' >>"$trails/TOC.md"
# The German counterpart of a page is a link out too, and so is the
# English (reference) page of another.
rm "$tmp/leaky/handbook.de-DE/help/trails/ferns.md"
ln -s "$tmp/outside/secret.md" "$tmp/leaky/handbook.de-DE/help/trails/ferns.md"
printf '# Kept out

## quokkaref one

## quokkaref two
' >"$tmp/outside/reference.md"
rm "$tmp/leaky/handbook.en/help/common/index.md"
ln -s "$tmp/outside/reference.md" "$tmp/leaky/handbook.en/help/common/index.md"

# leaked NAME FILE...: fails when a file holds the outside text.
leaked() {
    local name=$1; shift
    if grep -q quokka "$@" 2>/dev/null; then bad "$name: the outside text is shown" "$@"
    else ok "$name: the outside text is not shown"; fi
}

"$GN" --search quokka --all-guides --all-locales "$tmp/leaky/handbook.en" \
    >"$tmp/s.out" 2>"$tmp/s.err"
rc=$?
if [ $rc = 1 ] && grep -qxF "guidenav: $trails/leak.md: $REFUSED" "$tmp/s.err" &&
   grep -qxF "guidenav: $tmp/outside/climb.md: $REFUSED" "$tmp/s.err" &&
   grep -qxF "guidenav: $tmp/leaky/handbook.de-DE/help/trails/ferns.md: $REFUSED" "$tmp/s.err"; then
    ok "--search refuses the link out and the climbing target: '$REFUSED'"
else
    bad "--search exited $rc" "$tmp/s.out" "$tmp/s.err"
fi
leaked "--search" "$tmp/s.out" "$tmp/s.err"
if [ -d "$XDG_CACHE_HOME" ] && grep -rq quokka "$XDG_CACHE_HOME"; then
    bad "the search cache holds the outside text"
else
    ok "the search cache does not hold the outside text"
fi

"$GN" --dump "$trails/leak.md" --plain --width 80 >"$tmp/d.out" 2>"$tmp/d.err"
rc=$?
if [ $rc = 1 ] && grep -qxF "guidenav: $trails/leak.md: $REFUSED" "$tmp/d.err"; then
    ok "--dump refuses a page of a guide linked out: '$REFUSED'"
else
    bad "--dump exited $rc" "$tmp/d.out" "$tmp/d.err"
fi
leaked "--dump" "$tmp/d.out" "$tmp/d.err"
if "$GN" --dump "$tmp/outside/secret.md" --plain --width 80 | grep -q quokkasecret; then
    ok "--dump still shows a Markdown file outside any guide"
else
    bad "--dump of a file outside any guide"
fi

"$GN" --check "$tmp/leaky/handbook.en" >"$tmp/c.out" 2>"$tmp/c.err"
rc=$?
if [ $rc = 1 ] &&
   grep -qx $'en\thelp/trails/TOC.md:[0-9]*\toutside\tleak.md: '"$REFUSED" "$tmp/c.out" &&
   grep -qx $'en\thelp/trails/TOC.md:[0-9]*\toutside\t../../../../outside/climb.md: '"$REFUSED" "$tmp/c.out"; then
    ok "--check refuses the link out and the climbing target: '$REFUSED'"
else
    bad "--check exited $rc" "$tmp/c.out" "$tmp/c.err"
fi
leaked "--check" "$tmp/c.out" "$tmp/c.err"
if grep -q $'\tstructure\t' "$tmp/c.out"; then
    bad "--check compares a page with a reference page linked out" "$tmp/c.out"
else
    ok "--check does not read a reference page linked out"
fi

"$GN" --compare en,de-DE "$trails/ferns.md" --plain --width 120 >"$tmp/p.out" 2>"$tmp/p.err"
rc=$?
if [ $rc = 0 ] && grep -qF "$REFUSED" "$tmp/p.out"; then
    ok "--compare names a counterpart linked out: '$REFUSED'"
else
    bad "--compare exited $rc" "$tmp/p.out" "$tmp/p.err"
fi
leaked "--compare" "$tmp/p.out" "$tmp/p.err"
