# screen.sh: drive the real guidenav in tmux and compare its screens with
# expected text kept beside the test (tests/ui/screens/NAME.txt).
# Source it from a test script run at the project root. Set UPDATE=1 to
# (re)write the expected screens instead of comparing them.

GN=${GN:-$PWD/${GN_BUILD:-build}/guidenav}
SCREENS=${SCREENS:-tests/ui/screens}
SOCK="guidenav-test-$$"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }

# The tmux session the functions below drive: gn, unless a test runs two
# navigators at once and names the other (GN_SESSION=gn2 keys ...).
GN_SESSION=${GN_SESSION:-gn}

# start COLS ROWS ARGS...: start guidenav in a new detached session. The
# configuration is read from $TMPDIR_GN/config/guidenav/config.yaml (none
# unless a test writes one: never the reader's own).
start() {
    local cols=$1 rows=$2; shift 2
    local cmd="env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME=$TMPDIR_GN"
    cmd="$cmd XDG_CONFIG_HOME=$TMPDIR_GN/config $GN"
    local a
    for a in "$@"; do cmd="$cmd $(printf '%q' "$a")"; done
    tm new-session -d -x "$cols" -y "$rows" -s "$GN_SESSION" "$cmd"
    # Per session: tmux 3.3a's server dies when a session is made while
    # the global option is manual, so a second navigator could not start.
    tm set-option -t "$GN_SESSION" window-size manual >/dev/null 2>&1
    settle
}

# stop: end the tmux server and wait until it is gone.
stop() {
    tm kill-server >/dev/null 2>&1
    local i
    for i in $(seq 1 50); do
        tm has-session >/dev/null 2>&1 || break
        sleep 0.05
    done
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
}

capture() { tm capture-pane -p -t "$GN_SESSION"; }

# first_pager_line: the text right of the tree on the screen's first row.
first_pager_line() { capture | head -n 1 | sed 's/^[^│]*│ //'; }

# settle: wait until the screen stops changing (at most ~3 s).
settle() {
    local prev="" cur i
    for i in $(seq 1 60); do
        sleep 0.05
        cur=$(capture 2>/dev/null)
        [ -n "$cur" ] && [ "$cur" = "$prev" ] && return 0
        prev=$cur
    done
}

# keys KEY...: send keys (tmux key names: Enter, Tab, Down, BSpace...).
keys() {
    local k
    for k in "$@"; do tm send-keys -t "$GN_SESSION" "$k"; settle; done
}

# xterm_keys KEY...: keys as the navigator's terminal (TERM=xterm-256color)
# sends them: Home and End as xterm does in keypad mode (ESC O H, ESC O F),
# since tmux sends ESC [ 1 ~ and ESC [ 4 ~, which that terminfo does not
# name; any other key as keys sends it.
xterm_keys() {
    local k
    for k in "$@"; do
        case $k in
            Home) tm send-keys -t "$GN_SESSION" -l $'\eOH' ;;
            End) tm send-keys -t "$GN_SESSION" -l $'\eOF' ;;
            *) tm send-keys -t "$GN_SESSION" "$k" ;;
        esac
        settle
    done
}

resize() { tm resize-window -t "$GN_SESSION" -x "$1" -y "$2"; sleep 0.2; settle; }

# eventually COMMAND...: true once COMMAND succeeds, trying again for up
# to ~5 s. A loaded machine may draw later than settle waited; a check that
# waits for its screen fails only when the screen never comes.
eventually() {
    local i
    for i in $(seq 1 100); do
        "$@" && return 0
        sleep 0.05
    done
    return 1
}

# expect_screen NAME: the screen becomes $SCREENS/NAME.txt.
expect_screen() {
    local name=$1 file="$SCREENS/$1.txt"
    if [ "${UPDATE:-}" = 1 ]; then
        printf '%s\n' "$(capture)" >"$file"
        echo "ok - $name # screen written"
        return
    fi
    if [ ! -f "$file" ]; then
        echo "not ok - $name: no expected screen $file (run with UPDATE=1)"
        return
    fi
    if eventually screen_is "$file"; then
        echo "ok - $name"
    else
        echo "not ok - $name: screen differs"
        sed 's/^/#   /' "$TMPDIR_GN/diff"
    fi
}
screen_is() { diff -u "$1" <(printf '%s\n' "$(capture)") >"$TMPDIR_GN/diff"; }

# expect_text NAME TEXT: the screen shows TEXT somewhere.
expect_text() {
    if eventually screen_has "$2"; then echo "ok - $1"
    else echo "not ok - $1: '$2' not on screen"; capture | sed 's/^/#   /'; fi
}
screen_has() { capture | grep -qF -- "$1"; }

# expect_output NAME WANT FUNCTION: FUNCTION comes to print WANT.
expect_output() {
    if eventually output_is "$2" "$3"; then echo "ok - $1"
    else echo "not ok - $1: got '$("$3")', want '$2'"; fi
}
output_is() { [ "$("$2")" = "$1" ]; }

TMPDIR_GN=$(mktemp -d)
trap 'stop; rm -rf "$TMPDIR_GN"' EXIT
