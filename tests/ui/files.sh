#!/usr/bin/env bash
# End to end: a page file and standard input. guidenav FILE opens a page of
# a guide in its guide and locale (the tree beside it, its entry marked,
# the pager focused) or, in no guide, alone; guidenav - and a pipe read
# Markdown from standard input and keys from the terminal: a page with no
# file, whose links to files are not followed and which R cannot reload.
set -u
. tests/lib/screen.sh

# run_sh COLS ROWS COMMAND: a shell command in a new session; it stays open.
run_sh() {
    tm new-session -d -x "$1" -y "$2" -s gn "$3; echo EXIT=\$?; sleep 60"
    settle
}
ENV="env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_STATE_HOME=$TMPDIR_GN"

start 100 14 --no-state guide/fr-FR/keys.md
expect_screen file-in-guide
expect_text "a page file opens in its guide and locale" "│ fr-FR │ Touches"
keys L Down Enter
expect_text "... whose sibling locales are there" "Language: en"
keys q
stop

mkdir -p "$TMPDIR_GN/loose"
printf '# Notes\n\nLoose notes: [next](next.md), [up](../up.md).\n\n## Later {#later}\n\nThe end.\n' \
    >"$TMPDIR_GN/loose/notes.md"
printf '# Next page\n\nNext to the notes.\n' >"$TMPDIR_GN/loose/next.md"
start 80 10 --no-state "$TMPDIR_GN/loose/notes.md"
expect_screen file-alone
keys w
expect_text "a page in no guide has no tree" "No table of contents: this page is in no guide."
keys Tab Enter
expect_text "its link to a file beside it is followed" "next.md │ und │ Next page"
keys BSpace Tab Tab Enter
expect_text "... one above its folder is refused" "Refused: ../up.md: outside the guide, not read"
keys q
stop

run_sh 100 10 "cd $TMPDIR_GN && printf '# Piped\n\nA [file](notes.md) and a [web](https://example.com/) link.\n\nEnd.\n' | $ENV $GN; stty -a | grep -o -- ' icanon'"
expect_screen stdin-pipe
keys Tab Enter
expect_text "a page from a pipe follows no link to a file" \
    "This page came from standard input: links to files cannot be followed (notes.md)."
keys Tab Enter
expect_text "... an external link is shown" "External link: https://example.com/"
keys R
expect_text "R says it cannot reload" "This page came from standard input: it cannot be read again."
keys m
expect_text "m says it cannot bookmark" "This page came from standard input: it cannot be bookmarked."
keys e
expect_text "e says there is no file to edit" "This page came from standard input: there is no file to edit."
keys q
expect_text "q quits with status 0" "EXIT=0"
expect_text "... and the terminal is restored" " icanon"
stop

run_sh 80 10 "cat $TMPDIR_GN/loose/notes.md | $ENV $GN -"
expect_screen stdin-cat
keys q
expect_text "guidenav - reads standard input" "EXIT=0"
stop

