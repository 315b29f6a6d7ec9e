#!/usr/bin/env bash
# End to end: hard terminals. 1x1 and back, a storm of resizes, TERM=dumb
# and unknown, NO_COLOR, a non-UTF-8 locale, and the terminal restored on
# SIGTERM, SIGINT and SIGHUP, suspended by SIGTSTP and back on SIGCONT.
set -u
. tests/lib/screen.sh

# run_sh COLS ROWS COMMAND: a shell command in a new session; it stays open.
run_sh() {
    tm new-session -d -x "$1" -y "$2" -s gn "$3; echo EXIT=\$?; sleep 60"
    settle
}

start 100 24 --no-state guide/en
keys Down Enter
resize 1 1
resize 30 3
expect_text "a tiny terminal says it is too small" "Terminal too small"
for size in "80 24" "30 10" "120 40" "2 2" "60 20" "200 50" "15 5" "100 24"; do
    tm resize-window -t gn -x "${size% *}" -y "${size#* }"
done
sleep 0.5
settle
expect_text "after a storm of resizes the page is back" "Starting guidenav"
keys q
stop

run_sh 80 10 "env TERM=dumb LANG=C.UTF-8 $GN guide/en"
expect_text "TERM=dumb is refused with a clear message" "cannot move the cursor"
expect_text "... and exit status 1" "EXIT=1"
stop
run_sh 80 10 "env TERM=no-such-terminal LANG=C.UTF-8 $GN guide/en"
expect_text "an unknown TERM is refused" "not a terminal type this system knows"
stop

run_sh 100 24 "env NO_COLOR=1 TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=$TMPDIR_GN $GN guide/en"
keys Down Down Enter Down Enter
expect_text "NO_COLOR: the page opens" "│ en │ Keys"
if tm capture-pane -e -p -t gn | grep -qaE $'\e\\[[0-9;]*(3[0-7]|9[0-7]|38;)'; then
    echo "not ok - NO_COLOR: colours on screen"
else
    echo "ok - NO_COLOR: no colour on screen"
fi
keys q
stop

run_sh 100 24 "env LANG=C LC_ALL=C TERM=xterm-256color XDG_STATE_HOME=$TMPDIR_GN $GN guide/ja-JP"
keys Down Down Enter Down Enter
expect_text "LANG=C: the page opens" "+----"
if ! capture | LC_ALL=C grep -qP '[\x80-\xff]'; then
    echo "ok - LANG=C: ASCII borders, no raw non-ASCII bytes on screen"
else
    echo "not ok - LANG=C screen:"; capture | sed 's/^/#   /'
fi
keys q
stop

# restored_and_saved STATE_HOME: stty found the terminal canonical again
# and the place was saved.
restored_and_saved() {
    capture | grep -q ' icanon' && ls "$1"/guidenav/*.state >/dev/null 2>&1
}
for sig in TERM INT HUP; do
    run_sh 100 24 "env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=$TMPDIR_GN/$sig $GN guide/en; stty -a | grep -o -- ' icanon' "
    keys Down Enter
    kill -"$sig" "$(pgrep -n -f "^$GN ")"
    if eventually restored_and_saved "$TMPDIR_GN/$sig"; then
        echo "ok - SIG$sig: the terminal is restored and the place saved"
    else
        echo "not ok - SIG$sig:"; capture | tail -n 5 | sed 's/^/#   /'
    fi
    stop
done

start 100 24 --no-state guide/en
pid=$(pgrep -n -f "^$GN ")
kill -TSTP "$pid"; sleep 0.3
kill -CONT "$pid"; sleep 0.3
keys Down Enter
expect_text "after SIGTSTP and SIGCONT it answers keys" "Starting guidenav"
keys q
stop

# Every view takes the same signals as the pager: SIGTERM, Ctrl-C (SIGINT)
# and SIGHUP while the search box searches, restore the terminal and save
# the place; Ctrl-Z in the TOC matrix and in the search box suspends at
# once (the shell says Stopped) and fg brings the view back.
for sig in TERM INT HUP; do
    run_sh 100 24 "env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=$TMPDIR_GN/box-$sig $GN guide/en; stty -a | grep -o -- ' icanon' "
    keys Down Enter S g u i d e Tab Tab
    if [ "$sig" = INT ]; then keys C-c; else kill -"$sig" "$(pgrep -n -f "^$GN ")"; fi
    if eventually restored_and_saved "$TMPDIR_GN/box-$sig"; then
        echo "ok - SIG$sig in the search box: the terminal is restored and the place saved"
    else
        echo "not ok - SIG$sig in the search box:"; capture | tail -n 5 | sed 's/^/#   /'
    fi
    stop
done

tm new-session -d -x 100 -y 24 -s gn "env PS1='$ ' TERM=xterm-256color LANG=C.UTF-8 bash --norc --noprofile -i"
settle
tm send-keys -t gn "$GN --no-state guide/en" Enter
settle
for view in M S; do
    keys "$view"
    keys C-z
    expect_text "Ctrl-Z in view $view suspends at once" "Stopped"
    tm send-keys -t gn "fg" Enter
    settle
    if [ "$view" = M ]; then
        expect_text "fg brings the TOC matrix back" "TOC matrix:"
    else
        expect_text "fg brings the search box back" "Search this guide:"
    fi
    keys Escape
done
keys q
stop

# A terminal that goes away ends the navigator, place saved, even when
# SIGHUP is ignored (nohup): the read fails and stdin says it hung up.
tm new-session -d -x 100 -y 24 -s gn "trap '' HUP; exec env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=$TMPDIR_GN/gone $GN guide/en"
settle
keys Down Enter
pid=$(pgrep -n -f "^$GN ")
tm kill-server
gone() { ! kill -0 "$pid" 2>/dev/null; }
if eventually gone && ls "$TMPDIR_GN"/gone/guidenav/*.state >/dev/null 2>&1; then
    echo "ok - a closed terminal ends the navigator (SIGHUP ignored), the place saved"
else
    echo "not ok - the navigator outlived its terminal"; kill -KILL "$pid" 2>/dev/null
fi
