#!/usr/bin/env bash
# End to end: OSC 8 hyperlinks. tmux 3.3 keeps no hyperlinks in its
# panes, so the navigator runs under script(1), which keeps every byte it
# writes to the terminal: with --hyperlinks, the page's web link is
# written between the sequences that open and close a hyperlink (and no
# link into the guide is), the screen tmux shows stays the same through
# scrolls and a box drawn over the page, and y still copies; without
# the flag, in a terminal not known for these escapes, nothing of OSC 8
# is written; in one that is known (TERM_PROGRAM=WezTerm), it is, unless
# --no-hyperlinks.
set -u
. tests/lib/screen.sh

FIX=tests/fixtures/links/site.en/help/main
OPEN=$'\e]8;;'
LINK=$'\e]8;;https://example.org/docs\e\\'
CLOSE=$'\e]8;;\e\\'

# start_script NAME ENV... -- ARGS...: guidenav under script(1), in a
# 100x16 pane, every byte it writes kept in $TMPDIR_GN/NAME.
start_script() {
    local name=$1; shift
    local envs="" a
    while [ "$1" != -- ]; do envs="$envs $(printf '%q' "$1")"; shift; done
    shift
    local cmd="$GN"
    for a in "$@"; do cmd="$cmd $(printf '%q' "$a")"; done
    tm new-session -d -x 100 -y 16 -s "$GN_SESSION" \
        "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $envs script -qfc $(printf '%q' "$cmd") $TMPDIR_GN/$name"
    tm set-option -t "$GN_SESSION" window-size manual >/dev/null 2>&1
    settle
}

# written NAME TEXT: the navigator has written TEXT (bytes, escapes and all).
written() { grep -qaF -- "$2" "$TMPDIR_GN/$1"; }
# count NAME TEXT: how many times.
count() { grep -aoF -- "$2" "$TMPDIR_GN/$1" | wc -l; }

start_script on -- --no-state --hyperlinks --osc52 "$FIX"
keys Enter G
expect_text "the page opens" "an external site"
if eventually written on "$LINK"$'\e(B\e[0;4m\e[36man external site'; then
    echo "ok - --hyperlinks: the web link's text is written inside OSC 8, in its attributes"
else
    echo "not ok - --hyperlinks: no OSC 8 around the web link"; cat -v "$TMPDIR_GN/on" | tail -c 800 | sed 's/^/#   /'
fi
if written on "an external site"$'\e[39m\e(B\e[m'"$CLOSE"; then
    echo "ok - ... the hyperlink is closed after it, attributes back to normal"
else
    echo "not ok - ... not closed after the link"
fi
opens=$(grep -aoE $'\e\\]8;;[^\e]+' "$TMPDIR_GN/on" | sort -u)
if [ "$opens" = $'\e]8;;https://example.org/docs' ]; then
    echo "ok - ... and links into the guide are not hyperlinks"
else
    echo "not ok - hyperlinks other than the web link:"; printf '%s\n' "$opens" | cat -v | sed 's/^/#   /'
fi
before=$(capture)
keys k k k j j j
if [ "$(capture)" = "$before" ]; then
    echo "ok - the screen is the same after scrolling away and back"
else
    echo "not ok - the screen differs after scrolling"; capture | sed 's/^/#   /'
fi
n=$(count on "$LINK")
keys H
expect_text "a box over the page" "Keys"
if [ "$(count on "$LINK")" = "$n" ]; then
    echo "ok - no hyperlink is written while a box covers the page"
else
    echo "not ok - hyperlinks written under the box"
fi
keys q
if [ "$(capture)" = "$before" ] && [ "$(count on "$LINK")" -gt "$n" ]; then
    echo "ok - the box closed, the page and its hyperlink are back"
else
    echo "not ok - the page after the box"; capture | sed 's/^/#   /'
fi
keys g Tab Tab Tab Tab Tab Tab
expect_text "Tab selects the web link" "Link: https://example.org/docs"
keys y
expect_text "y copies it, hyperlinks on" "Copied: https://example.org/docs"
if written on $'\e]52;c;aHR0cHM6Ly9leGFtcGxlLm9yZy9kb2Nz\a'; then
    echo "ok - ... with OSC 52"
else
    echo "not ok - no OSC 52 written"
fi
keys q
stop

start_script off -- --no-state "$FIX"
keys Enter k G
expect_text "without --hyperlinks, the page opens" "an external site"
keys q
if ! written off "$OPEN"; then
    echo "ok - without --hyperlinks, in a terminal not known for it, no OSC 8 is written"
else
    echo "not ok - OSC 8 written without --hyperlinks"
fi
stop

start_script known TERM_PROGRAM=WezTerm -- --no-state "$FIX"
keys Enter G
expect_text "in WezTerm, the page opens" "an external site"
keys q
if written known "$LINK"; then
    echo "ok - a terminal known for these escapes gets hyperlinks by default"
else
    echo "not ok - no hyperlinks in WezTerm"
fi
stop

start_script refused TERM_PROGRAM=WezTerm -- --no-state --no-hyperlinks "$FIX"
keys Enter G
expect_text "--no-hyperlinks, the page opens" "an external site"
keys q
if ! written refused "$OPEN"; then
    echo "ok - --no-hyperlinks writes none, even there"
else
    echo "not ok - OSC 8 written with --no-hyperlinks"
fi
