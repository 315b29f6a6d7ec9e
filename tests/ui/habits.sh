#!/usr/bin/env bash
# End to end: a reader's habits from less, vim and info, on the bundled
# guide. Ctrl-F, Ctrl-B, Ctrl-D, Ctrl-U, Ctrl-E and Ctrl-Y in the pager and
# Ctrl-E in the tree; counts (15j, 5 Space, 10d, 30g, 40G, shown as they
# are typed, Esc and Backspace); N%; :N; =; a key bound to nothing; } and
# { through the table of contents, in Japanese too; Space at the end of a
# page saying (END), then going on, and at the last page saying so.
set -u
. tests/lib/screen.sh

# The status line's place, "top-bottom/total", and its parts.
place() { capture | tail -n 1 | grep -o '[0-9]*-[0-9]*/[0-9]*' | tail -n 1; }
top() { place | cut -d- -f1; }
total() { place | cut -d/ -f2; }
status() { capture | tail -n 1; }
first_tree_line() { capture | head -n 1 | sed 's/ *│.*//'; }

start 100 30 --no-state guide/en
keys Down Down Enter Down Enter    # expand "Reading guides", open "Keys"
expect_text "Keys is open" "│ en │ Keys"

# ---- Ctrl keys (29 rows: a page is 28, half a page 14) ----
keys C-f
expect_output "Ctrl-F pages down" 29 top
keys C-b
expect_output "Ctrl-B pages up" 1 top
keys C-d
expect_output "Ctrl-D goes half a page down" 15 top
keys C-u
expect_output "Ctrl-U goes half a page up" 1 top
keys C-e C-e
expect_output "Ctrl-E scrolls a line down" 3 top
keys C-y
expect_output "Ctrl-Y scrolls a line up" 2 top
keys g

# ---- counts ----
keys 1 5
expect_text "the count shows on the status line as it is typed" " Count: 15 "
expect_screen count-typed
keys j
expect_output "15j moves 15 lines" 16 top
keys 5 Space
expect_output "5 Space moves 5 lines, as in less" 21 top
keys 1 0 d
expect_output "10d moves 10 lines" 31 top
keys d
expect_output "...and d moves 10 from then on" 41 top
keys u
expect_output "...and so does u" 31 top
keys 3 0 g
expect_output "30g goes to line 30" 30 top
keys 4 0 G
expect_output "40G goes to line 40" 40 top
keys 9 Escape j
expect_output "Esc forgets the count" 41 top
keys 1 2 BSpace j
expect_output "Backspace takes back a digit (12 is 1)" 42 top
keys 1 BSpace
expect_output "Backspace on the last digit forgets the count, and does not go back" 42 top
expect_text "...still on the same page" "│ en │ Keys"

# ---- N% ----
n=$(total)
keys 5 0 %
expect_output "50% goes halfway into the page" $((n * 50 / 100 + 1)) top
keys 0 %
expect_output "0% goes to the top" 1 top
keys %
expect_text "% alone says it wants a count" "Type a number before %: 50% goes halfway."

# ---- :N ----
keys : 4
expect_output "the : prompt shows the line typed" ":4" status
keys 0 Enter
expect_output ":40 goes to line 40" 40 top
keys : a b Enter
expect_text "a : that is not a number says so" "Not a line number: ab"
expect_output "...and stays" 40 top

# ---- = ----
keys =
expect_text "= says where you are" \
    "Keys (en: keys.md): lines 40-68 of $n, $((68 * 100 / n))%"

# ---- a key bound to nothing ----
keys x
expect_text "an unbound key says so" "x: no such key (H lists the keys)"
keys 5 x
expect_text "...after a count too" "x: no such key (H lists the keys)"
keys あ
expect_text "...and names a key beyond ASCII as typed" "あ: no such key (H lists the keys)"
expect_output "...and nothing moves" 40 top

# ---- } and { ----
keys '}'
expect_text "} opens the next page in the TOC" "│ en │ Switching languages"
expect_output "...at its top" 1 top
keys '}' '}' '}'
expect_text "} } } reaches the last page" "│ en │ Non-interactive modes"
keys '}'
expect_text "} on the last page says so" "This is the last page of the guide."
keys '{'
expect_text "{ opens the previous page" "│ en │ Finding and bookmarking"
keys BSpace
expect_text "Backspace comes back from where } and { went" "│ en │ Non-interactive modes"
keys L Down Down Down Enter        # en de-DE fr-FR [ja-JP] ko-KR pt-BR
keys '{'
expect_text "{ in ja-JP, by the Japanese TOC" "│ ja-JP │ 検索とブックマーク"
keys '{'
expect_text "...and again" "│ ja-JP │ 言語の比較"
keys L Up Up Up Enter              # back to en
stop

# ---- Space at the end of a page goes on ----
start 100 30 --no-state guide/en
keys Down Enter Down Enter         # "Getting started", open "Starting guidenav"
keys Space Space                   # the page is three screens long
expect_text "Space that shows the end says (END) and names the next page" \
    "(END) Space goes on to the next page: Locale sources"
expect_screen read-on-end
keys Space
expect_text "Space at the end goes on to the next page" "│ en │ Locale sources"
expect_output "...at its top" 1 top
keys G k Space
expect_text "moved away, Space at the end says (END) again" "(END) Space goes on to the next page: Keys"
keys Space
expect_text "...then goes on, past the group's row" "│ en │ Keys"
keys '}' '}' '}' '}'               # the last page, "Non-interactive modes"
keys G Space
expect_text "at the last page, (END) says it is the last" "(END) This is the last page of the guide."
keys Space
expect_text "...and Space there stays" "(END) This is the last page of the guide."
expect_text "...on the last page" "• Non-interactive modes"
stop

# ---- Ctrl-E in the tree: the rows scroll, the selection stays in view ----
start 100 8 --no-state guide/en
keys Down Enter Down Down Down Enter g   # both groups open: 11 rows in 7
keys C-e C-e C-e
expect_screen tree-scrolled
keys Enter                         # the selection was pushed to "Locale sources"
expect_text "Ctrl-E moved the selection with the rows it scrolled" "│ en │ Locale sources"
keys w 3 j C-y C-y C-y             # the selection on "Switching languages"
expect_output "Ctrl-Y scrolls the tree back to its top" "  Guide overview" first_tree_line
keys Enter
expect_text "...the selection kept where it was" "│ en │ Switching languages"
