#!/usr/bin/env bash
# Integration over the real data beside the checkout (../shared): every TOC
# parses into as many entries as it has list items, and every corpus page
# dumps cleanly at widths 40, 80 and 120 (termcheck). Skipped, saying so,
# when ../shared is absent.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
SHARED=${SHARED:-$PWD/../shared}
export LANG=C.UTF-8

if [ ! -d "$SHARED/seeds" ] || [ ! -d "$SHARED/corpus" ]; then
    echo "ok - seeds and corpus # SKIP $SHARED is absent"
    exit 0
fi

# count_items TOC: list items in the body, counted independently of guidenav.
count_items() {
    awk 'NR == 1 && /^---/ { fm = 1; next } fm && /^---/ { fm = 0; next } !fm' "$1" |
        grep -cE '^[[:space:]]*([-+*]|[0-9]+[.)])[[:space:]]'
}

check_toc() { # name guide-folder
    local got want
    got=$("$GN" --toc "$2" 2>&1 | grep -vc '^# ')
    want=$(count_items "$2/TOC.md")
    if [ "$got" = "$want" ] && [ "$want" -gt 0 ]; then
        echo "ok - --toc $1: $got entries"
    else
        echo "not ok - --toc $1: $got entries, $want list items"
    fi
}

for d in "$SHARED"/seeds/commerce-admin.*/help/customers; do
    check_toc "seeds/${d#"$SHARED"/seeds/}" "$d"
done
for d in "$SHARED"/corpus/*/help/*/; do
    d=${d%/}
    check_toc "corpus/${d#"$SHARED"/corpus/}" "$d"
done

# The seeds' ko-KR guide is found from the ja-JP one, with its own title.
out=$("$GN" --locales "$SHARED/seeds/commerce-admin.ja-JP/help/customers")
if [ "$(printf '%s\n' "$out" | wc -l)" = 5 ] && printf '%s\n' "$out" | grep -q $'^ko-KR\t.*\t고객 관리 안내서$'; then
    echo "ok - --locales finds the five seed locales from one path"
else
    echo "not ok - --locales from one seed path:"; printf '%s\n' "$out" | sed 's/^/#   /'
fi

pages=$(find "$SHARED/corpus" -path '*/help/*' -name '*.md' ! -iname toc.md | sort)
npages=$(printf '%s\n' "$pages" | wc -l)
for w in 40 60 80 120 200; do
    out=$(mktemp -d)
    fails=0 i=0
    while IFS= read -r f; do
        i=$((i + 1))
        "$GN" --dump "$f" --width "$w" --plain >"$out/$i.txt" 2>"$out/$i.err" || {
            fails=$((fails + 1)); echo "#   $f: $(cat "$out/$i.err")"; }
    done <<<"$pages"
    summary=$(cat "$out"/*.txt | python3 "$SHARED/tools/termcheck" --width "$w" --quiet | tail -n 1)
    if [ "$fails" -eq 0 ] && printf '%s' "$summary" | grep -q ' 0 lines over .* 0 raw control lines, 0 inputs with invalid'; then
        echo "ok - --dump of $npages corpus pages at width $w: $summary"
    else
        echo "not ok - --dump of $npages corpus pages at width $w: $fails failed; $summary"
    fi
    left=$(cat "$out"/*.txt | grep -cE '\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING|INFO|ADMIN|AVAILABILITY|PREREQUISITES|ERROR|SUCCESS|VIDEO|BEGINTABS|TAB|ENDTABS|BEGINSHADEBOX|ENDSHADEBOX|MORELIKETHIS|UICONTROL|DNL|BADGE)|\{(width|style)=|&#x[0-9a-fA-F]+;|\{#[^}]*\}|<br[[:space:]/>]|\|---')
    if [ "$left" -eq 0 ]; then
        echo "ok - no unrendered markup in the corpus at width $w"
    else
        echo "not ok - $left lines of unrendered markup in the corpus at width $w"
    fi
    rm -rf "$out"
done
