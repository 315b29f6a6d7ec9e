#!/usr/bin/env bash
# End to end: following links. ] selects a link, Enter follows it (a page
# and its #anchor), Backspace comes back; the tree follows the open page.
set -u
. tests/lib/screen.sh

start 100 30 guide/en
keys Down Enter Down Down Enter    # expand "Getting started", open "Locale sources"
keys ']'
expect_text "] selects the link and shows its target" "Link: modes.md#locales"
keys Enter
expect_screen followed-anchor
keys BSpace
expect_text "Backspace returns to the page" "│ en │ Locale sources"
keys Tab Down Enter Down Enter    # expand "Reading guides", open "Keys"
expect_text "Keys opens" "│ en │ Keys"
keys g ']' Enter
expect_text "a link to a page of the guide" "│ en │ Switching languages"
keys L Down Down Down Down Down Enter   # pt-BR lacks the page
expect_text "the followed page is missing in pt-BR" "This page is not available in pt-BR."
keys BSpace
expect_text "Backspace opens the page it came from, in pt-BR" "│ pt-BR │ Teclas"
keys q
