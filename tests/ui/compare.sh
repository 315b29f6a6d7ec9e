#!/usr/bin/env bash
# End to end: the compare view on the bundled guide. Open it, scroll with
# headings aligned, switch the second locale, open the TOC matrix and a page
# from it, the interleaved form on a narrow terminal, the diff key.
set -u
. tests/lib/screen.sh

# aligned_headings: rows where both panes start a heading, as "left|right".
aligned_headings() { capture | awk -F'│' 'NF >= 3 && $2 ~ /^ #/ && $3 ~ /^ #/ { print $2 "|" $3 }'; }

# A copy outside any git checkout: otherwise the reference locale's
# history would be that of whatever checkout holds the project, and the
# message of D would name its folder.
cp -R guide "$TMPDIR_GN/guide"
start 120 30 "$TMPDIR_GN/guide/en"
keys Down Down Enter Down Enter    # expand "Reading guides", open "Keys"
keys c
expect_text "c compares with the next locale" "│ en ⇄ de-DE │ Keys"
keys d d d                         # three half pages: past the Moving table
some_aligned() { [ "$(aligned_headings | wc -l)" -ge 1 ]; }
if eventually some_aligned; then
    echo "ok - after scrolling, headings of both panes share their rows"
else
    echo "not ok - no row holds a heading on both sides"; capture | sed 's/^/#   /'
fi
keys C Down Down Enter             # en [de-DE] fr-FR ja-JP: pick ja-JP
expect_text "C switches the second locale" "│ en ⇄ ja-JP │ Keys"
subsections_aligned() { aligned_headings | grep -q '## .*|.*## '; }
if eventually subsections_aligned; then
    echo "ok - English and Japanese headings are aligned"
else
    echo "not ok - English and Japanese headings are not aligned"; capture | sed 's/^/#   /'
fi
keys M
expect_text "M opens the TOC matrix" "TOC matrix"
expect_screen matrix
expect_text "the matrix starts on the open page's row" " keys.md │ en │"
keys Down Enter                    # from "Keys" to "Switching languages"
expect_text "Enter on a row opens that page side by side" "│ en ⇄ ja-JP │ Switching languages"
expect_screen compare-languages
keys D
expect_text "D says when the changes cannot be known" "Changes unknown"
resize 90 24
expect_text "a narrow terminal interleaves, marking the second locale" "» ## "
expect_screen interleaved
keys c
expect_text "c again returns to one locale" "│ en │ Switching languages"
keys q
