#!/usr/bin/env bash
# --search over the corpus, every guide of every locale, for queries in the
# scripts it holds (Latin with and without accents, Japanese kana and
# kanji, Korean) and with what the page source writes otherwise than it
# is shown (entities, emphasis inside and across words, Adobe labels,
# capitals): without the search cache (pages whose raw text cannot hold
# the query are not read) and from a cache that holds every page (nothing
# filtered: the cache records every page read), the output is the same,
# line for line. Skipped without ../shared/corpus.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
SHARED=${SHARED:-$PWD/../shared}
export LANG=C.UTF-8
CORPUS=$SHARED/corpus
if [ ! -d "$CORPUS/commerce-channels.en" ]; then
    echo "ok - --search over the corpus with and without the cache # SKIP $CORPUS is absent"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
en=$CORPUS/commerce-channels.en

# The cache is filled by a first search: every page is read and recorded.
XDG_CACHE_HOME=$tmp/cache "$GN" --search channel --all-guides --all-locales "$en" >/dev/null 2>&1

n=0
while IFS= read -r q; do
    n=$((n + 1))
    "$GN" --search "$q" --all-guides --all-locales "$en" --no-cache >"$tmp/plain" 2>&1
    a=$?
    XDG_CACHE_HOME=$tmp/cache "$GN" --search "$q" --all-guides --all-locales "$en" >"$tmp/cached" 2>&1
    b=$?
    lines=$(wc -l <"$tmp/plain")
    if [ "$a" = "$b" ] && cmp -s "$tmp/plain" "$tmp/cached"; then
        echo "ok - --search '$q': the same $lines lines without the cache and from it"
    else
        echo "not ok - --search '$q': without the cache ($a) and from it ($b) differ"
        diff "$tmp/plain" "$tmp/cached" | head -5 | sed 's/^/#   /'
    fi
    [ "$lines" -gt 0 ] || echo "# '$q' has no match"
done <<'QUERIES'
channel
Amazon
listing rules
Sales Channel
amazon sales channel
Bestellung
commande
configuração
d'administrateur
l'instance
nouvelleliste
"
Returns and Refunds
Connect to Channel Manager
チャネル
注文
設定
주문
설정
é
&
zzz-nowhere
QUERIES
files=$(find "$tmp/cache" -name '*.text' | wc -l)
if [ "$files" -gt 0 ]; then echo "ok - the cache was written ($files files) and read"
else echo "not ok - no cache file was written"; fi
