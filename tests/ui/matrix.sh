#!/usr/bin/env bash
# End to end: the TOC matrix (M) of a guide in six locales
# (tests/fixtures/matrix/fleet.*) on a screen too narrow for its columns.
# It starts on the open page's row; g/G/Home/End and the other motions move
# the selection (the status line names the selected page); the locale
# columns scroll sideways with l/h and Right/Left under a title column that
# stays put, a mark on each side where columns are hidden; its titles are
# in the locale being read (Korean, Japanese), another locale's where that
# one lacks the entry, and it opens scrolled to the reader's column.
set -u
. tests/lib/screen.sh

start 48 14 tests/fixtures/matrix/fleet.en/help/boats
keys Down Down Enter               # open "Tide tables"
expect_text "the page is open" "│ en │ Tide tables"
keys M
expect_text "M opens the TOC matrix" "TOC matrix:"
expect_text "the matrix starts on the open page's row" " tides.md │ en │"
expect_screen matrix-start         # en de-DE fr-FR ja-JP, › on the right

# The motions of the lists.
keys G
expect_text "G goes to the last row" " safety.md │ en │"
keys g
expect_text "g goes to the first row" " welcome.md │ en │"
xterm_keys End
expect_text "End goes to the last row" " safety.md │ en │"
xterm_keys Home
expect_text "Home goes to the first row" " welcome.md │ en │"
keys PPage j j
expect_text "j moves down a row (past the group)" " ferries.md │ en │"
keys NPage
expect_text "PgDn moves down a page" " mooring.md │ en │"
keys u
expect_text "u moves up half a page" " knots.md │ en │"
keys d
expect_text "d moves down half a page" " mooring.md │ en │"
keys k
expect_text "k moves up a row" " radio.md │ en │"
xterm_keys End
expect_screen matrix-bottom        # the last rows, the first scrolled away

# Sideways: one locale column at a time.
keys l
expect_text "l scrolls right: a mark says columns are hidden on the left" "‹de-DE fr-FR ja-JP ko-KR›"
keys Right
expect_text "Right scrolls to the last column: no mark on the right" "│                  ‹fr-FR ja-JP ko-KR pt-BR    │"
expect_screen matrix-right         # the titles where they were
keys Right
expect_text "Right at the last column stays there" "│                  ‹fr-FR ja-JP ko-KR pt-BR    │"
keys h
expect_text "h scrolls left" "‹de-DE fr-FR ja-JP ko-KR›"
keys Left Left
expect_text "Left back at the first column: no mark on the left" "│                   en de-DE fr-FR ja-JP ko-KR›│"
keys Escape
expect_text "Esc closes the matrix" "│ en │ Tide tables"

# Titles in the locale being read, from another locale where it lacks the
# entry: ko-KR has no Kayaks (en's title), only ja-JP has the glossary. On
# a narrower screen, the matrix opens scrolled to the reader's column.
resize 40 14
keys L Down Down Down Down Enter   # en de-DE fr-FR ja-JP [ko-KR] pt-BR
expect_text "the page in ko-KR" "Language: ko-KR"
keys M
expect_text "the matrix starts on the page's row in ko-KR too" " tides.md │ en │"
expect_screen matrix-ko            # Korean titles, Kayaks, 用語集; ‹fr-FR ja-JP ko-KR›
keys Escape L Up Enter M           # ja-JP
expect_text "in ja-JP, scrolled to its column" "‹de-DE fr-FR ja-JP›"
expect_screen matrix-ja            # Japanese titles, wide, in their column
keys Escape q
stop
