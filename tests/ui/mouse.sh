#!/usr/bin/env bash
# End to end: the mouse (--mouse). tmux's send-keys -M only replays a
# mouse event bound to a key, so the events are sent as the bytes an
# xterm writes for them in SGR mode (TERM=xterm-256color): ESC [ < B ; X ; Y
# then M for a press, m for a release, 1-based; 64 and 65 are the wheel.
# With --mouse, the navigator asks the terminal to report the mouse (tmux
# says so of the pane), the wheel scrolls the pane under the pointer, a
# click selects a tree entry and a click on the selected one opens it, a
# click on a link follows it. Without, the terminal is not asked (its own
# text selection works).
set -u
. tests/lib/screen.sh

FIX=tests/fixtures/links/site.en/help/main

# click X Y: a press and a release of the first button at column X, row Y
# (1-based). wheel up|down X Y: a notch of the wheel there.
click() {
    tm send-keys -t "$GN_SESSION" -l $'\e[<0;'"$1;$2M"
    tm send-keys -t "$GN_SESSION" -l $'\e[<0;'"$1;$2m"
    settle
}
wheel() {
    local b=64
    [ "$1" = down ] && b=65
    tm send-keys -t "$GN_SESSION" -l $'\e[<'"$b;$2;$3M"
    settle
}
mouse_flags() { tm display -p -t "$GN_SESSION" '#{mouse_standard_flag}#{mouse_sgr_flag}'; }

start 100 16 --no-state --mouse "$FIX"
expect_output "--mouse asks the terminal to report the mouse (SGR)" "11" mouse_flags
click 5 2
expect_text "a click selects the second tree entry, not opening it (the first page stays)" "│ en │ Start"
click 5 2
expect_text "a click on the selected entry opens it" "│ en │ Target"
expect_output "... at its top" "# Target" first_pager_line
wheel down 60 5
expect_text "the wheel over the pager scrolls it down three lines" " 4-18/81"
wheel up 60 5
expect_text "... and up" " 1-15/81"
click 5 1
click 5 1
expect_text "the first entry opens the same way" "│ en │ Start"
# The links list starts on the pager's row 13; its text at column 38.
click 40 13
expect_output "a click on a link follows it" "## Second section" first_pager_line
keys BSpace
expect_text "Backspace comes back" "│ en │ Start"
click 36 10
expect_text "a click beside the links follows none" "│ en │ Start"
wheel down 60 5
click 40 15
expect_text "a click on the external link (scrolled) shows its URL" "External link: https://example.org/docs"
keys q
stop

# The wheel over the tree scrolls the tree, not the pager.
start 100 5 --no-state --mouse guide/en
keys Down Enter Down Enter
before=$(capture | cut -c1-30)
wheel down 5 2
if [ "$(capture | cut -c1-30)" != "$before" ] && screen_has " 1-4/"; then
    echo "ok - the wheel over the tree scrolls the tree, and the pager stays"
else
    echo "not ok - the wheel over the tree:"; capture | sed 's/^/#   /'
fi
keys q
stop

# Without --mouse the terminal is never asked to report the mouse, so it
# sends no such bytes (and keeps its own text selection): tmux says the
# pane asked for none, and tmux then passes it no mouse event.
start 100 16 --no-state "$FIX"
expect_output "without --mouse the terminal is not asked to report it" "00" mouse_flags
keys q
