#!/usr/bin/env bash
# End to end: the state file shared by two navigators on the same locale
# set (issue 13: a bookmark set in the first was gone after the second
# quit), and a state file guidenav cannot read, kept as FILE.bad and
# named in the status line, never overwritten.
set -u
. tests/lib/screen.sh

# Both start before either sets a bookmark, so neither has read the other's.
start 100 24 guide/en
GN_SESSION=gn2 start 100 24 guide/en
keys Down Down Enter Down Enter    # the first: expand "Reading guides", open "Keys"
keys m a
expect_text "the first navigator sets bookmark a" "Bookmark a set."
GN_SESSION=gn2 keys Down Enter Down Enter   # the second: open "Starting guidenav"
GN_SESSION=gn2 keys m b
GN_SESSION=gn2 expect_text "the second navigator sets bookmark b" "Bookmark b set."
# ended NAME: the navigator of session NAME has quit (its state saved).
ended() { ! tm has-session -t "=$1" 2>/dev/null; }
keys q                             # the first quits, then the second
eventually ended gn || echo "not ok - the first navigator did not quit"
GN_SESSION=gn2 keys q
eventually ended gn2 || echo "not ok - the second navigator did not quit"

state=$(ls "$TMPDIR_GN"/guidenav/*.state 2>/dev/null)
start 100 24 guide/en
expect_text "the place is that of the last to quit" "│ # Starting guidenav"
keys B
expect_text "the bookmark of the first navigator is kept" "a  en  Keys "
expect_text "... and the second's" "b  en  Starting guidenav "
keys Escape "'" a
expect_text "' a goes to the first navigator's bookmark" "│ # Keys"
keys q
eventually ended gn

# A state file with a line guidenav cannot read: kept aside, byte for
# byte, and named first in the status line; the quit writes a new one.
printf 'guidenav-state 1\nmark.a\ten\t\tkeys.md\t0\nGARBAGE\n' >"$state"
cp "$state" "$TMPDIR_GN/corrupt"
start 100 24 guide/en
expect_text "an unreadable state file is named where it was kept" \
    "Ignoring the saved state, kept as $state.bad:"
keys Down Enter Down Enter m c q
eventually ended gn
if cmp -s "$state.bad" "$TMPDIR_GN/corrupt"; then
    echo "ok - the unreadable file is kept as .bad, byte for byte"
else
    echo "not ok - $state.bad does not hold the unreadable file's bytes"
fi
if grep -q '^mark\.c	en		start\.md	0	' "$state" 2>/dev/null; then
    echo "ok - the quit wrote a new state file beside it"
else
    echo "not ok - no new state file with bookmark c: $(cat "$state" 2>&1)"
fi

# With --no-state, nothing saved is read: the first page of the guide is
# open at once (info's top node), in Japanese and in Korean too, and the
# tree keeps the focus.
start 100 24 --no-state guide/ja-JP
expect_text "--no-state opens the first page (ja-JP)" "│ # ガイドの概要"
keys Down Enter Down Enter
expect_text "... the tree keeps the focus: Enter opens from it" "│ # guidenav の起動"
keys q
eventually ended gn
start 60 24 --no-state guide/ko-KR
expect_text "--no-state opens the first page (ko-KR)" "• 가이드 개요"
keys q
eventually ended gn
