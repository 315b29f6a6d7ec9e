#!/usr/bin/env bash
# End to end: links. Tab selects a link, Enter follows it to the target
# page at its anchor, Backspace comes back to the same scroll position, F
# goes forward again; slugs, other guides (the tree follows), repository-
# absolute links, missing pages and external links.
set -u
. tests/lib/screen.sh

start 100 12 tests/fixtures/links/site.en/help/main
keys Enter j j j                   # open "Start", scroll down 3 lines
keys Tab
expect_text "Tab selects the first link below the top" "Link: target.md#second"
keys Enter
expect_output "Enter lands on the anchor" "## Second section" first_pager_line
expect_screen link-anchor
keys BSpace
expect_text "Backspace returns to the page" "│ en │ Start"
expect_text "... at the same scroll position" " 4-14/"
keys F
expect_output "F goes forward to the anchor again" "## Second section" first_pager_line
keys C-o
expect_text "Ctrl-O goes back too" " 4-14/"

keys Tab Tab Enter
expect_output "a #slug link finds the heading by its text" "## Third part" first_pager_line
keys BSpace Tab Tab Tab Enter
expect_text "a link into another guide opens it" "│ en │ Far page"
expect_screen other-guide
keys BSpace Tab Tab Tab Tab Enter
expect_output "a repository-absolute link with an anchor" "## Far end" first_pager_line
keys L Down Enter
expect_output "the adopted guide switches language too" "## 遠い終わり" first_pager_line
keys L Up Enter BSpace
expect_text "Backspace after a language switch returns to the locale left" "│ ja-JP │"
expect_output "... at the same place" "## 遠い終わり" first_pager_line
keys BSpace BSpace
keys Tab Tab Tab Tab Tab Enter
expect_text "a missing page is reported in the status line" "No such page: nowhere.md"
expect_text "... and the page stays" "Links, in order:"
keys Tab Enter
expect_text "an external link shows its URL" "External link: https://example.org/docs"
keys y
expect_text "y says copying is off unless asked for" "Copying is off"
keys BTab
expect_text "Shift-Tab selects the previous link" "Link: nowhere.md"
keys q

# A repository of two guides: the second is listed only when expanded (its
# title comes from its TOC's heading, as it has no front matter).
stop
start 100 12 --no-state tests/fixtures/links/site.en
expect_text "both guides are in the tree" "▸ Other Guide"
keys G Enter
expect_text "expanding the second guide lists its entries" "    Far page"
keys Down Enter
expect_output "... which open" "# Far page" first_pager_line
keys q
