#!/usr/bin/env bash
# End to end: the translation checks in the comparison. A Japanese page
# with five planted faults (tests/fixtures/review) compared with English:
# a mark beside each block with a finding, the count on the status line,
# ) and ( going from one finding to the next with the finding on the
# status line, and the end of the list said; a Korean page that keeps
# everything has none.
set -u
. tests/lib/screen.sh

start 120 24 --no-state tests/fixtures/review/shop.ja-JP/help/orders
keys Enter                         # open "注文の出荷"
keys c
expect_text "c compares with English, and the status line counts the findings" \
    "│ ja-JP ⇄ en │ 注文の出荷 │ ja-JP unknown │ 5 findings"
expect_screen review-marks
keys ')'
expect_text ") goes to the first finding and says it" \
    '1/5 ja-JP line 10: uicontrol: "Ship" changed to "出荷"'
keys ')'
expect_text "... ) again to the next one, in the same block" \
    '2/5 ja-JP line 10: code: `shipmentCreated` changed to `shipmentCreate`'
keys ')' ')'
expect_text "... then on, down the page" '4/5 ja-JP line 17: number: 2.4.6 changed to 2,4,6'
expect_screen review-number
keys ')'
expect_text "... to the last" '5/5 ja-JP line 19: markup: unbalanced parentheses'
keys ')'
expect_text "... and says when there is none below" "No more findings below (5 in all)."
keys '('
expect_text "( goes back" '4/5 ja-JP line 17: number: 2.4.6 changed to 2,4,6'
keys '(' '(' '('
expect_text "( back to the first" '1/5 ja-JP line 10: uicontrol: "Ship" changed to "出荷"'
keys '('
expect_text "... and says when there is none above" "No more findings above (5 in all)."
keys L Down Enter                  # ja-JP [ko-KR]: Korean, still compared
keys ')'
expect_text "a translation that keeps everything has no finding" \
    "No finding: the translation keeps the labels, links, code, numbers and markup"
keys c ')'
expect_text "out of the comparison, ) says where the findings are" \
    "The translation checks show in the comparison: press c."
keys q
stop
