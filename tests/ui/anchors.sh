#!/usr/bin/env bash
# End to end: anchors a translation lost (tests/fixtures/anchors). In
# ja-JP, a link to brakes.md#adjust-the-cable, whose Japanese heading has
# no {#anchor}, lands on that heading, found through the English page,
# and the status line says so; so does a TOC entry with an anchor that
# only the slug of the English text gives; an anchor no page has keeps its
# message and the top of the page.
set -u
. tests/lib/screen.sh

start 100 12 --no-state tests/fixtures/anchors/bikes.ja-JP/help/repair
keys Enter G                       # open the overview, its links on the screen
keys Tab
expect_text "Tab selects the first link" "Link: brakes.md#adjust-the-cable"
keys Enter
expect_output "the lost anchor lands on the translated heading" "## ケーブルを調整する" first_pager_line
expect_text "... and says it was found through en" \
    "#adjust-the-cable: no such anchor in ja-JP; went to the section it names in en"
expect_screen anchor-lost

keys BSpace Tab Tab Tab Tab Enter
expect_text "an anchor no page has: today's message" "No section #true-a-wheel in this page."
expect_output "... at the top of the page" "# タイヤ" first_pager_line

keys w G Enter                     # the TOC entry tyres.md#fix-a-puncture
expect_output "a TOC entry's lost anchor lands on the translated heading" "## パンクを直す" first_pager_line
expect_text "... and says so" "#fix-a-puncture: no such anchor in ja-JP; went to the section it names in en"
keys q
