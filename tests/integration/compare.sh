#!/usr/bin/env bash
# --compare over the corpus: for every English page and every other locale,
# the side-by-side text puts heading k of both sides on the same row, and no
# line is wider than the width. Skipped when ../shared/corpus is absent.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
SHARED=${SHARED:-$PWD/../shared}
export LANG=C.UTF-8
CORPUS=$SHARED/corpus
if [ ! -d "$CORPUS/commerce-channels.en" ]; then
    echo "ok - --compare over the corpus # SKIP $CORPUS is absent"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for loc in de-DE fr-FR ja-JP ko-KR pt-BR; do
    pages=0 bad=0 differs=0
    : >"$tmp/all.txt"
    for f in "$CORPUS"/commerce-channels.en/help/*/*.md; do
        case "$f" in */TOC.md) continue ;; esac
        pages=$((pages + 1))
        if ! "$GN" --compare "en,$loc" "$f" --width 120 --plain >"$tmp/out" 2>"$tmp/err"; then
            bad=$((bad + 1)); echo "#   $f: $(cat "$tmp/err")"; continue
        fi
        grep -q 'structure differs' "$tmp/err" && differs=$((differs + 1))
        cat "$tmp/out" >>"$tmp/all.txt"
        cp "$tmp/out" "$tmp/$loc.$pages.txt"
        printf '%s\n' "$f" >"$tmp/$loc.$pages.name"
    done
    # Rows where each side starts a heading: the same rows on both sides.
    misaligned=$(python3 - "$tmp" "$loc" <<'PY'
import glob, sys
tmp, loc = sys.argv[1], sys.argv[2]
for path in sorted(glob.glob(f'{tmp}/{loc}.*.txt')):
    left, right = [], []
    for i, row in enumerate(open(path, encoding='utf-8').read().split('\n')):
        if ' │ ' not in row:
            continue
        l, r = row.split(' │ ', 1)
        if l.startswith('#'): left.append(i)
        if r.startswith('#'): right.append(i)
    if left != right or not left:
        print(open(path[:-4] + '.name').read().strip())
PY
)
    if [ -n "$misaligned" ]; then
        bad=$((bad + $(printf '%s\n' "$misaligned" | wc -l)))
        printf '%s\n' "$misaligned" | sed 's/^/#   headings not aligned: /'
    fi
    summary=$(python3 "$SHARED/tools/termcheck" --width 120 --quiet <"$tmp/all.txt" | tail -n 1)
    if [ "$bad" -eq 0 ] && printf '%s' "$summary" | grep -q ' 0 lines over'; then
        echo "ok - --compare en,$loc: $pages pages, every heading aligned, $differs with differing structure; $summary"
    else
        echo "not ok - --compare en,$loc: $bad of $pages pages misaligned or failed; $summary"
    fi
done

# The narrow form: every line of A, then B's marked, within the width.
f="$CORPUS/commerce-channels.ja-JP/help/channel-manager/onboard.md"
"$GN" --compare en,ja-JP "$f" --interleave --width 60 --plain >"$tmp/out"
if grep -q '^» # ' "$tmp/out" && grep -q '^# ' "$tmp/out" &&
   python3 "$SHARED/tools/termcheck" --width 60 --quiet <"$tmp/out" >/dev/null; then
    echo "ok - --interleave marks the second locale and fits the width"
else
    echo "not ok - --interleave"; head -20 "$tmp/out" | sed 's/^/#   /'
fi
