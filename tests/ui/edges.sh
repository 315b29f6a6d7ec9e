#!/usr/bin/env bash
# End to end: text cut at the screen's edge says so. A message longer than
# the status line is shown whole on a second line (the pager gives up a
# row while it shows); tree titles and list lines end in an ellipsis
# (ASCII "..." under LANG=C), in Japanese and Korean by display width.
set -u
. tests/lib/screen.sh

start 80 16 --no-state guide/en
keys Tab y
expect_screen message-two-rows       # whole, over two rows, the place on the last
keys j
expect_text "the next key gives the row back to the pager" " guidenav User Guide │ en │ Guide overview"
keys q
stop

start 60 16 --no-state guide/ja-JP
keys t Down Down Enter               # the tree beside the pager: 20 columns
expect_screen tree-ellipsis-ja       # 検索とブックマーク cut after ブック

keys q
stop

start 60 16 --no-state guide/ko-KR
keys Tab c                           # compared with en: a longer status line
expect_text "a Korean status line cut with an ellipsis" "│ 가이…  1-15/"
keys q
stop

GN_PLAIN=$GN
GN="env LANG=C LC_ALL=C $GN_PLAIN"
start 64 16 --no-state guide/en
keys t
expect_text "in ASCII, three dots" "..."
keys q
