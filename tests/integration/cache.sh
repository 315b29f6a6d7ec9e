#!/usr/bin/env bash
# The search cache (pages' text kept in $XDG_CACHE_HOME/guidenav between
# runs): --search gives the same output with it, without it (--no-cache),
# with a damaged one and with one that cannot be written; a page edited
# since is searched as it is now; a page no longer listed is forgotten.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r guide "$tmp/docs"
set_en=$tmp/docs/en

# run NAME CACHE-HOME ARGS...: --search into $tmp/NAME.out and .err.
run() {
    local name=$1 home=$2; shift 2
    XDG_CACHE_HOME=$home "$GN" --search "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    echo $? >"$tmp/$name.rc"
}
same() { # NAME A B: the two runs printed the same, status 0, no message
    if cmp -s "$tmp/$2.out" "$tmp/$3.out" && [ "$(cat "$tmp/$3.rc")" = 0 ] && [ ! -s "$tmp/$3.err" ]; then
        echo "ok - $1"
    else
        echo "not ok - $1"; diff "$tmp/$2.out" "$tmp/$3.out" | head -5 | sed 's/^/#   /'
        sed 's/^/#   /' "$tmp/$3.err"
    fi
}

cache=$tmp/cache
run plain "$tmp/none" guidenav --no-cache --all-guides --all-locales "$set_en"
if [ -s "$tmp/plain.out" ] && [ ! -e "$tmp/none" ]; then echo "ok - --no-cache writes no cache"
else echo "not ok - --no-cache: no output, or a cache was written"; fi
run first "$cache" guidenav --all-guides --all-locales "$set_en"
same "the first run, which fills the cache, prints the same" plain first
locales=$("$GN" --locales "$set_en" | wc -l)
files=$(find "$cache/guidenav" -name '*.text' | wc -l)
if [ "$files" = "$locales" ]; then echo "ok - one cache file per locale ($files)"
else echo "not ok - $files cache files for $locales locales"; fi
before=$(ls -l --time-style=full-iso "$cache/guidenav")
run second "$cache" guidenav --all-guides --all-locales "$set_en"
same "a run from the cache prints the same" plain second
if [ "$(ls -l --time-style=full-iso "$cache/guidenav")" = "$before" ]; then
    echo "ok - nothing changed: the cache is not rewritten"
else echo "not ok - the cache was rewritten though nothing changed"; fi
run ja-plain "$tmp/none" ガイド --no-cache --all-guides --all-locales "$set_en"
run ja "$cache" ガイド --all-guides --all-locales "$set_en"
same "a Japanese query from the cache prints the same" ja-plain ja

# Damaged: every file cut short or replaced by garbage.
n=0
for f in "$cache"/guidenav/*.text; do
    n=$((n + 1))
    if [ $((n % 2)) = 0 ]; then head -c 100 "$f" >"$f.cut" && mv "$f.cut" "$f"
    else printf 'garbage' >"$f"; fi
done
run damaged "$cache" guidenav --all-guides --all-locales "$set_en"
same "damaged cache files are ignored" plain damaged
run repaired "$cache" guidenav --all-guides --all-locales "$set_en"
same "... and replaced" plain repaired
small=$(find "$cache/guidenav" -name '*.text' -size -1k | wc -l)
if [ "$small" = 0 ]; then echo "ok - the damaged files were rewritten whole"
else echo "not ok - $small cache files are still damaged"; fi

# A page edited since: its new text is found, its old text no more.
page=$(find "$set_en" -name 'search.md' | head -1)
printf '\nA zyxwvutsrq paragraph.\n' >>"$page"
run edited "$cache" zyxwvutsrq --all-guides "$set_en"
if grep -q "zyxwvutsrq" "$tmp/edited.out"; then echo "ok - an edited page is searched as it is now"
else echo "not ok - the edited page's new text was not found"; fi

# The page taken out of the TOC: a search of one guide keeps its entry,
# the next search of every guide of the locale drops it (and finds
# nothing: status 1, as grep).
sed -i '/(search.md)/d' "$set_en/TOC.md"
run one-guide "$cache" zyxwvutsrq "$set_en"
kept=$(grep -l zyxwvutsrq "$cache"/guidenav/*.text | wc -l)
run pruned "$cache" zyxwvutsrq --all-guides "$set_en"
left=$(grep -l zyxwvutsrq "$cache"/guidenav/*.text | wc -l)
if [ "$kept" = 1 ] && [ "$left" = 0 ] && [ ! -s "$tmp/pruned.out" ] && [ "$(cat "$tmp/pruned.rc")" = 1 ]; then
    echo "ok - a page no longer listed leaves the cache after a search of the whole locale"
else echo "not ok - a page no longer listed: in $kept cache file(s) after one guide, $left after all"; fi

# Two searches at once, each filling the same empty cache: both print
# what a run without the cache prints, and the cache they leave is whole.
rm -rf "$tmp/race"
run race-a "$tmp/race" guidenav --all-guides --all-locales "$set_en" &
run race-b "$tmp/race" guidenav --all-guides --all-locales "$set_en" &
wait
run race-plain "$tmp/none" guidenav --no-cache --all-guides --all-locales "$set_en"
run race-after "$tmp/race" guidenav --all-guides --all-locales "$set_en"
if cmp -s "$tmp/race-a.out" "$tmp/race-plain.out" && cmp -s "$tmp/race-b.out" "$tmp/race-plain.out" &&
    cmp -s "$tmp/race-after.out" "$tmp/race-plain.out" && [ ! -s "$tmp/race-a.err" ] &&
    [ ! -s "$tmp/race-b.err" ] && [ -z "$(find "$tmp/race/guidenav" -name '*.text.*')" ]; then
    echo "ok - two searches filling one cache at once: the same output, no temporary file left"
else
    echo "not ok - two searches filling one cache at once"
    cat "$tmp/race-a.err" "$tmp/race-b.err" | sed 's/^/#   /'
fi

# A cache folder that cannot be made: the same output, and a warning.
: >"$tmp/blocker"
run now "$tmp/none" guidenav --no-cache --all-guides --all-locales "$set_en"
run blocked "$tmp/blocker" guidenav --all-guides --all-locales "$set_en"
rc=$(cat "$tmp/blocked.rc")
if [ "$rc" = 0 ] && cmp -s "$tmp/now.out" "$tmp/blocked.out" &&
    grep -q "warning: search cache not saved: .*blocker" "$tmp/blocked.err"; then
    echo "ok - an unwritable cache: the same output, a warning naming it, status 0"
else
    echo "not ok - unwritable cache: status $rc, messages:"; sed 's/^/#   /' "$tmp/blocked.err"
fi
