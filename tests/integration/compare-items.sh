#!/usr/bin/env bash
# --compare over the corpus, list items: for every English page and its
# de-DE and ja-JP counterparts, each item of a top-level list, or of a list
# in an alert, starts on the same row as its counterpart (its marker on the
# left beside the counterpart's on the right). Items are counted in each
# stretch between headings that start on one row on both sides; a stretch
# whose sides hold other numbers of items is left out (its lists differ)
# and counted. Skipped when ../shared/corpus is absent.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
SHARED=${SHARED:-$PWD/../shared}
export LANG=C.UTF-8
CORPUS=$SHARED/corpus
if [ ! -d "$CORPUS/commerce-channels.en" ]; then
    echo "ok - list items of --compare over the corpus # SKIP $CORPUS is absent"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WIDTH=120

for loc in de-DE ja-JP; do
    n=0 failed=0
    for f in "$CORPUS"/commerce-channels.en/help/*/*.md; do
        case "$f" in */TOC.md) continue ;; esac
        n=$((n + 1))
        if ! "$GN" --compare "en,$loc" "$f" --width $WIDTH --plain >"$tmp/$loc.$n.txt" 2>"$tmp/err"; then
            failed=$((failed + 1)); echo "#   $f: $(cat "$tmp/err")"
            rm -f "$tmp/$loc.$n.txt"; continue
        fi
        printf '%s\n' "${f#"$CORPUS"/}" >"$tmp/$loc.$n.name"
    done
    # One line: items, stretches left out, pages, the largest distance
    # between an item and its counterpart; then a line a misaligned item.
    python3 - "$tmp" "$loc" $WIDTH >"$tmp/report" <<'PY'
import glob, re, sys, unicodedata
tmp, loc, width = sys.argv[1], sys.argv[2], int(sys.argv[3])
lw = (width - 3) // 2  # the left side's columns (gn_compare_widths)

def cols(ch):
    if ord(ch) in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF) or unicodedata.combining(ch) \
            or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1

def sides(row):
    """The row's left and right text: the ' │ ' that starts at column lw."""
    w = 0
    for i, ch in enumerate(row):
        if w == lw:
            return (row[:i], row[i + 3:]) if row.startswith(' │ ', i) else None
        w += cols(ch)
    return None

# An item's first row: its marker (a bullet, or a number padded to the
# widest of its list) at the start of the side, or after an alert's bar.
ITEM = re.compile(r'(?:┃ )?(?:• | ?\d+\. )')
items = left_out = worst = 0
bad = []
for path in sorted(glob.glob(f'{tmp}/{loc}.*.txt')):
    name = open(path[:-4] + '.name').read().strip()
    rows = [sides(r) for r in open(path, encoding='utf-8').read().split('\n')]
    # Stretches: cut at the rows where both sides start a heading.
    stretches, cur = [], ([], [])
    for i, s in enumerate(rows):
        if not s:
            continue
        if s[0].startswith('#') and s[1].startswith('#'):
            stretches.append(cur)
            cur = ([], [])
        for side in (0, 1):
            if ITEM.match(s[side]):
                cur[side].append(i)
    stretches.append(cur)
    for l, r in stretches:
        if len(l) != len(r):
            left_out += 1
            continue
        for a, b in zip(l, r):
            items += 1
            if a != b:
                bad.append(f'{name}: an item on row {a + 1} of en, {b + 1} of {loc}')
                worst = max(worst, abs(a - b))
print(items, left_out, len(glob.glob(f'{tmp}/{loc}.*.txt')), worst)
print('\n'.join(bad))
PY
    read -r items left_out pages worst <"$tmp/report"
    off=$(sed 1d "$tmp/report" | grep -c .)
    summary="$items list items of $pages pages ($left_out stretches with other numbers of items left out)"
    if [ "$failed" -eq 0 ] && [ "$off" -eq 0 ] && [ "$items" -gt 0 ]; then
        echo "ok - --compare en,$loc: each of $summary starts beside its counterpart"
    else
        echo "not ok - --compare en,$loc: $off of $summary not beside their counterparts (up to $worst rows away), $failed pages failed"
        sed 1d "$tmp/report" | head -20 | sed 's/^/#   /'
    fi
done
