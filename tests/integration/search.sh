#!/usr/bin/env bash
# --search over the corpus: for queries in several scripts, the number of
# matches equals a count made here, independently, from the --dump --plain
# text of the same pages laid out without wrapping. Exit statuses. Skipped
# without ../shared/corpus.
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
