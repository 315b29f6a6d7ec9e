#!/usr/bin/env bash
# --search over tests/fixtures/search (six locales in five scripts: Latin,
# Japanese, Korean, Greek, Cyrillic and Chinese; entities, emphasis inside
# words, Adobe markup, links, images, HTML, code, soft line breaks): each
# query of queries.txt prints what expected.txt holds, which the build
# before pages were filtered from their raw text (and read on several
# threads) printed. Without the search cache (--no-cache: pages filtered,
# then read), with a cache filled by a query that reads every page (so the
# filter decides nothing), and from a cache filled by the query itself.
# RECORD=1 writes expected.txt with the build instead (only to record
# outputs known to be right).
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
export LANG=C.UTF-8
dir=tests/fixtures/search
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$dir" "$tmp/set"
en=$tmp/set/shop.en

# outputs CACHE-HOME [--no-cache]: "# QUERY<TAB>STATUS" and the lines found,
# for each query of queries.txt.
outputs() {
    local home=$1 q; shift
    while IFS= read -r q; do
        XDG_CACHE_HOME=$home "$GN" --search "$q" --all-guides --all-locales "$en" "$@" \
            >"$tmp/one" 2>"$tmp/one.err"
        printf '# %s\t%s\n' "$q" "$?"
        cat "$tmp/one"
    done <"$dir/queries.txt"
}

if [ "${RECORD:-}" = 1 ]; then
    outputs "$tmp/none" --no-cache >"$dir/expected.txt"
    echo "ok - recorded $dir/expected.txt"
    exit 0
fi

check() { # NAME FILE
    if cmp -s "$dir/expected.txt" "$2"; then
        echo "ok - $1: every query prints what it printed before"
    else
        echo "not ok - $1"
        diff "$dir/expected.txt" "$2" | head -20 | sed 's/^/#   /'
    fi
}

outputs "$tmp/none" --no-cache >"$tmp/no-cache.txt"
check "the fixtures without the search cache" "$tmp/no-cache.txt"
if [ -e "$tmp/none" ]; then echo "not ok - --no-cache wrote a cache"; fi

# A query of markup alone may match any page: every page is read, and
# the cache holds them all (but those naming a snippet).
XDG_CACHE_HOME=$tmp/full "$GN" --search '&' --all-guides --all-locales "$en" >/dev/null 2>&1
outputs "$tmp/full" >"$tmp/full.txt"
check "the fixtures from a cache of every page" "$tmp/full.txt"

# Each query from a cache that only the pages it read fill.
rm -rf "$tmp/lazy"
outputs "$tmp/lazy" >"$tmp/lazy.txt"
check "the fixtures from a cache filled query by query" "$tmp/lazy.txt"
