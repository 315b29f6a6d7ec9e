#!/usr/bin/env bash
# End to end: long work stops when asked. A page of about 12 MB (one
# paragraph; two locales compared, prose) is being laid out or aligned
# when SIGTERM, Ctrl-C or SIGHUP comes: the navigator must give the
# terminal back (canonical mode again), save the place at that page and
# exit long before the work would have ended: within a quarter of the time
# the work takes whole, measured in this run (--dump or --compare of the
# page), so the check holds on a slow machine and under the sanitizers
# alike; bench/stop gives the figures in milliseconds. Late: the signal
# comes after half as long again as the comparison's layouts and alignment
# take alone (--compare's time), so it finds the first screen being drawn
# and the translation checks of its marks being made.
set -u
. tests/lib/screen.sh

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# stops SHAPE SIG [LATE]: run the case, print ok / not ok; LATE 1: the
# signal after half as long again as the work (the first screen drawn).
stops() {
    local shape=$1 sig=$2 late=${3:-0} folder page state t0 work pid gone_at waited
    folder=$(tests/hostile/make-huge "$TMPDIR_GN/$shape" "$shape" 12)
    page=$folder/help/g/huge.md
    state=$TMPDIR_GN/state-$shape-$sig-$late
    # The whole work: the page laid out at the pager's width (and, for
    # compare, the second locale's and the alignment).
    t0=$(now_ms)
    if [ "$shape" = compare ]; then
        "$GN" --compare en,ja-JP "$page" --width 100 "$TMPDIR_GN/$shape"/docs.* >/dev/null
    else
        "$GN" --dump "$page" --width 66 >/dev/null
    fi
    work=$(($(now_ms) - t0))

    tm new-session -d -x 100 -y 30 -s gn "env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=$state $GN $folder; stty -a | grep -o -- ' icanon'; sleep 60"
    settle
    pid=$(pgrep -n -f "^$GN ")
    if [ "$shape" = compare ]; then
        keys Down Enter
        eventually screen_has "Huge" >/dev/null
        tm send-keys -t gn c # the comparison: two layouts and the alignment
    else
        tm send-keys -t gn Down Enter # the page's parse and layout
    fi
    local delay=$((late ? work * 3 / 2 : 100))
    sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
    t0=$(now_ms)
    if [ "$sig" = INT ]; then tm send-keys -t gn C-c; else kill -"$sig" "$pid"; fi
    gone_at=""
    for _ in $(seq 1 1000); do
        if ! kill -0 "$pid" 2>/dev/null; then gone_at=$(now_ms); break; fi
        sleep 0.01
    done
    waited=$(( ${gone_at:-$(now_ms)} - t0 ))
    local what="$shape, SIG$sig"; [ "$late" = 1 ] && what="$what, late"
    if [ -z "$gone_at" ]; then
        echo "not ok - $what: still running $waited ms after the signal (the work alone: $work ms)"
        kill -KILL "$pid" 2>/dev/null
    elif [ "$waited" -gt $((work / 4)) ]; then
        echo "not ok - $what: ended $waited ms after the signal, the work alone takes $work ms"
    elif ! eventually screen_has " icanon" ||
         ! grep -qs "huge.md" "$state"/guidenav/*.state; then
        echo "not ok - $what: terminal not restored or place not saved"
        capture | tail -n 5 | sed 's/^/#   /'
    else
        echo "ok - $what: ended $waited ms after the signal (the work: $work ms), terminal restored, place saved"
    fi
    stop
}

stops paragraph TERM
stops paragraph INT
stops compare HUP
stops compare TERM
stops compare TERM 1
