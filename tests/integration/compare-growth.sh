#!/usr/bin/env bash
# --compare on pages of many headings (made by tests/hostile/make-compare):
# the work grows linearly with the headings. For equal and for differing
# heading structures, pages of 2,500, 5,000, 10,000 and 20,000 headings:
# the three doublings together may cost at most RATIO (12) times the CPU
# time (user + system, the sum of RUNS runs) of the smallest, 2.3 times a
# doubling on average; a quadratic pairing or block search costs 4 times a
# doubling, 64 in all. The whole range is compared, not each step, so one
# step slowed by a busy machine does not fail it. Never an absolute bound on the time,
# but each run under a memory limit of 1 GB (ulimit -v), where a table of
# headings x headings does not fit; and a pair of 60,000-heading pages
# (3.7 MB each) compared within it.
#
# A sanitizer build (GN_BUILD other than build) reserves far more address
# space than it uses: no memory limit there, and longer time-outs.
set -u
GN=${GN:-$PWD/${GN_BUILD:-build}/guidenav}
HOSTILE=$PWD/tests/hostile
RUNS=${GROWTH_RUNS:-3}
RATIO=12
MEMORY_KB=1048576
if [ "${GN_BUILD:-build}" = build ]; then LIMIT=30; LIMITED=1; else LIMIT=120; LIMITED=0; fi
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# compare_once DIR: --compare the big page of DIR's locale set once, under
# the memory limit; its status (124 when it did not finish within LIMIT s).
compare_once() {
    (
        [ "$LIMITED" = 1 ] && ulimit -v "$MEMORY_KB"
        exec timeout "$LIMIT" "$GN" --compare en,fr-FR "$1/set.en/help/big/page.md" \
            --width 120 --plain >/dev/null 2>"$tmp/err"
    )
}

# cpu_ms DIR: the CPU time of RUNS runs of compare_once, in ms, in $ms;
# false, with the reason in $why, when a run fails.
cpu_ms() {
    local TIMEFORMAT='%3U %3S' i rc
    ms=0
    for i in $(seq "$RUNS"); do
        { time compare_once "$1"; } 2>"$tmp/time"
        rc=$?
        if [ "$rc" = 124 ]; then why="did not finish within $LIMIT s"; return 1; fi
        if [ "$rc" != 0 ]; then why="status $rc: $(head -c 200 "$tmp/err" | tr '\n' ' ')"; return 1; fi
        ms=$(awk -v t="$ms" '{ printf "%d", t + ($1 + $2) * 1000 }' "$tmp/time")
    done
}

if ! command -v python3 >/dev/null; then
    echo "ok - --compare growth # SKIP python3 is not installed"
    exit 0
fi

for kind in equal differing; do
    first="" figures="" why=""
    for n in 2500 5000 10000 20000; do
        dir=$tmp/$kind.$n
        if ! "$HOSTILE/make-compare" "$dir" "$n" "$kind"; then
            why="tests/hostile/make-compare failed"; break
        fi
        if ! cpu_ms "$dir"; then why="$n headings: $why"; break; fi
        rm -rf "$dir"
        figures="$figures ${n}:${ms}ms"
        [ -n "$first" ] || first=$ms
    done
    if [ -z "$why" ] && ! awk -v a="$ms" -v b="$first" -v r="$RATIO" 'BEGIN { exit !(a <= (b > 0 ? b : 1) * r) }'; then
        why="20,000 headings cost $(awk -v a="$ms" -v b="$first" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 1) }') times 2,500 (at most $RATIO)"
    fi
    if [ -z "$why" ]; then
        echo "ok - --compare, $kind heading structures: linear growth (CPU of $RUNS runs:$figures)"
    else
        echo "not ok - --compare, $kind heading structures: $why (CPU of $RUNS runs:$figures)"
    fi
done

# 60,000 headings a side: within the memory limit and the time-out.
for kind in equal differing; do
    dir=$tmp/$kind.60000
    "$HOSTILE/make-compare" "$dir" 60000 "$kind"
    compare_once "$dir" 2>/dev/null
    rc=$?
    if [ "$LIMITED" = 0 ]; then mem=" # SKIP no memory limit under a sanitizer"; else mem=""; fi
    if [ "$rc" = 0 ]; then
        echo "ok - --compare, 60,000 headings a side, $kind structures, within 1 GB$mem"
    else
        echo "not ok - --compare, 60,000 headings a side, $kind structures: status $rc$( [ "$rc" = 124 ] && echo " (time-out, $LIMIT s)"): $(head -c 200 "$tmp/err" | tr '\n' ' ')"
    fi
    rm -rf "$dir"
done
