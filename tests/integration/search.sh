#!/usr/bin/env bash
# --search over the corpus: for queries in several scripts, the number of
# matches equals a count made here, independently, from the --dump --plain
# text of the same pages laid out without wrapping. Exit statuses. Then,
# every guide of every locale, for queries in the scripts the corpus holds
# (Latin with and without accents, Japanese kana and kanji, Korean) and
# with what the page source writes otherwise than it is shown (entities,
# emphasis inside and across words, Adobe labels, capitals): without the
# search cache (pages whose raw text cannot hold the query are not read)
# and from a cache that holds every page (nothing filtered: the cache
# records every page read), the output is the same, line for line.
# Skipped without ../shared/corpus.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
SHARED=${SHARED:-$PWD/../shared}
export LANG=C.UTF-8
CORPUS=$SHARED/corpus
if [ ! -d "$CORPUS/commerce-channels.en" ]; then
    echo "ok - --search over the corpus # SKIP $CORPUS is absent"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every page of every locale, dumped once without wrapping.
for f in "$CORPUS"/commerce-channels.*/help/*/*.md; do
    case "$f" in */TOC.md) continue ;; esac
    out=$tmp/dump/${f#"$CORPUS"/}
    mkdir -p "$(dirname "$out")"
    "$GN" --dump "$f" --width 10000 --plain >"$out.txt" 2>>"$tmp/dump.err"
done

# expected QUERY: occurrences in the dumps, smart case, full case folding.
expected() {
    python3 - "$tmp/dump" "$1" <<'PY'
import os, sys
root, q = sys.argv[1], sys.argv[2]
exact = any(c.isupper() for c in q)
q = q if exact else q.casefold()
n = 0
for d, _, files in os.walk(root):
    for name in files:
        for line in open(os.path.join(d, name), encoding='utf-8'):
            n += (line if exact else line.casefold()).count(q)
print(n)
PY
}

for q in channel Walmart 注文 주문 commande Bestellung "listing rules"; do
    got=$("$GN" --search "$q" --all-locales --all-guides "$CORPUS/commerce-channels.en" | wc -l)
    want=$(expected "$q")
    if [ "$got" = "$want" ] && [ "$want" -gt 0 ]; then
        echo "ok - --search '$q' in every locale: $got matches, as counted from the dumps"
    else
        echo "not ok - --search '$q': $got matches, the dumps have $want"
    fi
done

line=$("$GN" --search 注文 --all-guides "$CORPUS/commerce-channels.ja-JP" | head -n 1)
IFS=$'\t' read -r loc page src_line excerpt <<<"$line"
if [ "$loc" = ja-JP ] && [ -f "$CORPUS/commerce-channels.ja-JP/$page" ] &&
   sed -n "${src_line}p" "$CORPUS/commerce-channels.ja-JP/$page" | grep -q . &&
   printf '%s' "$excerpt" | grep -q 注文; then
    echo "ok - a match names its locale, page, source line and an excerpt"
else
    echo "not ok - match line: $line"
fi
"$GN" --search "no such phrase anywhere" "$CORPUS/commerce-channels.en" >/dev/null
[ $? = 1 ] && echo "ok - --search exits 1 without a match" || echo "not ok - --search without a match"
"$GN" --search channel "$tmp/nowhere" >/dev/null 2>&1
[ $? = 2 ] && echo "ok - --search exits 2 on an error" || echo "not ok - --search on a bad path"

# The cache is filled by a first search: every page is read and recorded.
en=$CORPUS/commerce-channels.en
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
