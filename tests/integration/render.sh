#!/usr/bin/env bash
# Render goldens: every fixture page's --dump --plain at two widths equals
# the expected text kept beside it (make goldens shows and updates them).
set -u
. tests/lib/goldens.sh
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
golden_cases | while read -r md w want opt; do
    if [ ! -f "$want" ]; then
        echo "not ok - render $want: missing (run make goldens)"
        continue
    fi
    golden_render "$md" "$w" "$opt" >"$tmp"
    if diff -u "$want" "$tmp" >"$tmp.diff"; then
        echo "ok - render $want"
    else
        echo "not ok - render $want differs"
        sed 's/^/#   /' "$tmp.diff"
    fi
    rm -f "$tmp.diff"
done
