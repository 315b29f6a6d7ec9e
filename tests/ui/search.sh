#!/usr/bin/env bash
# End to end: / and n through the matches of a page, the all-locale search
# opening a ja-JP page at its match, the tree filter, bookmarks, a
# restart at the place where the reader quit, and a search cache that
# cannot be written.
set -u
. tests/lib/screen.sh

start 100 24 guide/en
keys Down Down Enter Down Enter    # expand "Reading guides", open "Keys"
keys / p a g e Enter
expect_text "/ finds the matches and counts them" "1/"
keys n
expect_text "n goes to the next match" " 2/"
keys N
expect_text "N goes back" " 1/"
keys '?' Enter                     # an empty query repeats the last one, backward
expect_text "? searches backward, wrapping around" "wrapped to the bottom"

keys S
tm send-keys -t gn -l "言語"; settle
keys Tab Tab                       # this guide -> all guides -> all locales
expect_text "S lists matches in every locale as you type" "Search all locales: 言語"
expect_screen search-all
keys Enter                         # the first match: a ja-JP page
expect_text "Enter opens the ja-JP page" "│ # ガイドの概要"
expect_text "... with the match counted in the status line" "1/"

keys w /                           # the tree filter
tm send-keys -t gn -l "sources"; settle
expect_screen tree-filter
keys Enter Escape
expect_text "Esc shows every entry again" "非対話モード"

keys Tab m k                       # bookmark k on the page that is open
expect_text "m sets a bookmark" "Bookmark k set."
keys L Enter                       # back to en
keys "'" k
expect_text "' and the letter go back to it, in its locale" "│ ja-JP │"
keys B
expect_text "B lists the bookmarks" "k  ja-JP"
keys Escape
keys m                             # a resize while m waits for its letter
resize 96 30
keys j
expect_text "a resize does not cancel m" "Bookmark j set."
resize 100 30

keys j j j q                       # quit with the page scrolled
start 100 24 guide/en
expect_text "a restart opens the page where the reader quit" "Language: ja-JP"
expect_text "... at the same line" " 4-"
keys "'" k
expect_text "bookmarks survive a restart" "│ ja-JP │"
keys q

# A search cache that cannot be written: the results as ever, and a word
# in the status line when the search box closes.
: >"$TMPDIR_GN/blocker"
GN_PLAIN=$GN
GN="env XDG_CACHE_HOME=$TMPDIR_GN/blocker $GN_PLAIN"
start 100 24 --no-state guide/en
keys S
tm send-keys -t gn -l "guidenav"; settle
expect_text "an unwritable search cache: the results still come" "matches"
keys Escape
expect_text "... and closing the box says the cache was not saved" "search cache not saved"
keys q
GN=$GN_PLAIN

# Opened on one guide's folder, "all guides of this locale" searches every
# guide of its repository (it searched that guide alone); one match is
# "1 match", not "1 matches".
repo=$TMPDIR_GN/docs.en
mkdir -p "$repo/help/birds" "$repo/help/sea"
printf '# Birds\n\n- [Terns](terns.md)\n' >"$repo/help/birds/TOC.md"
printf '# Terns\n\nArctic terns fly far.\n' >"$repo/help/birds/terns.md"
printf '# Sea\n\n- [Tides](tides.md)\n' >"$repo/help/sea/TOC.md"
printf '# Tides\n\nArctic tides turn.\n' >"$repo/help/sea/tides.md"
start 100 24 --no-state "$repo/help/birds"
keys S
tm send-keys -t gn -l "arctic"; settle
expect_text "this guide: one match, said in the singular" "1 match, 1/1 page "
keys Tab
expect_text "all guides of this locale: the repository's other guide too" "2 matches, 2/2 pages"
expect_text "... the match in the other guide is listed" "en     Tides"
keys q
