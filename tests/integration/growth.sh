#!/usr/bin/env bash
# Growth: work over a document's content stays linear. `--search a
# --no-cache` over a guide whose page is one paragraph of n "a_ " words
# (every word a match, each with its excerpt), and `--dump` of a page of n
# unclosed collapsible blocks each opened before a list item, for n =
# 8,000, 16,000, 32,000 and 64,000: the three doublings together may cost
# at most 12 times the smallest (2.3 a doubling on average; quadratic work
# costs 64), the whole range compared rather than each step (issue 13: the
# excerpt measured the whole paragraph for every match, 52 s at 65,000).
# And `--dump` of a page of n/32 paragraphs, each of 120 delimiter runs
# that only the CJK-friendly flanking rules make openers and closers
# (make-fixtures' cjk-emph-paragraphs), within the same bound.
#
# Times are CPU seconds of guidenav (user + system), the mean of RUNS
# runs (default 5), the sizes taken in turn in each round, so a loaded
# machine slows every size alike and fails none (one size's best run alone
# varies by half on a busy machine); a size under 50 ms counts as 50 ms,
# where start-up dominates. A run over GROWTH_TIMEOUT seconds
# (default 20, a hundred times what the largest takes) fails the series.
# The pages are made by tests/hostile/make-fixtures at test time.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
HOSTILE=$PWD/tests/hostile
RUNS=${RUNS:-5}
LIMIT=${GROWTH_TIMEOUT:-20}
SIZES=(8000 16000 32000 64000)
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# cpu_series FILE: FILE has one command a line, its words separated by
# tabs. Runs each RUNS times, in rounds; prints the mean CPU seconds of
# each, a line each, or "timeout" (and stops) when a run is over LIMIT.
cpu_series() {
    python3 - "$RUNS" "$LIMIT" "$1" <<'PY'
import resource, subprocess, sys
runs, limit = int(sys.argv[1]), float(sys.argv[2])
cmds = [line.rstrip("\n").split("\t") for line in open(sys.argv[3])]
total, count = [0.0] * len(cmds), [0] * len(cmds)
for _ in range(runs):
    for i, cmd in enumerate(cmds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=limit)
        except subprocess.TimeoutExpired:
            for t, k in zip(total[:i], count):
                print("%.3f" % (t / k))
            print("timeout")
            sys.exit(0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        total[i] += t
        count[i] += 1
for t in total:
    print("%.3f" % (t / runs))
PY
}

# growth NAME MAKE-FUNCTION COMMAND-FUNCTION: for each size, make the input
# (MAKE-FUNCTION SIZE DIR) and the command to time (COMMAND-FUNCTION DIR
# puts it in the array cmd); time them and check the whole range.
growth() {
    local name=$1 make=$2 run=$3 n i first="" t figures="" why="" cmd times
    : >"$tmp/$name.cmds"
    for n in "${SIZES[@]}"; do
        "$make" "$n" "$tmp/$name.$n" || { echo "not ok - $name: the input for $n could not be made"; return; }
        "$run" "$tmp/$name.$n"
        (IFS=$'\t'; printf '%s\n' "${cmd[*]}") >>"$tmp/$name.cmds"
    done
    mapfile -t times < <(cpu_series "$tmp/$name.cmds")
    for i in "${!SIZES[@]}"; do
        n=${SIZES[$i]} t=${times[$i]:-}
        figures="$figures $n:${t}s"
        if [ "$t" = timeout ]; then why="$n: a run took over $LIMIT s"; break; fi
        case "$t" in [0-9]*) ;; *) why="$n: no time measured"; break ;; esac
        t=$(awk -v t="$t" 'BEGIN { print (t < 0.05) ? 0.05 : t }')
        [ -n "$first" ] || first=$t
    done
    if [ -z "$why" ] && awk -v t="$t" -v p="$first" 'BEGIN { exit !(t > 12 * p) }'; then
        why="$n: $(awk -v t="$t" -v p="$first" 'BEGIN { printf "%.1f", t / p }') times ${SIZES[0]} (at most 12)"
    fi
    echo "# $name, CPU seconds:$figures"
    if [ -z "$why" ]; then echo "ok - $name grows linearly"
    else echo "not ok - $name grows faster than linearly: $why"; fi
}

# fixture NAME UNITS N DIR: make-fixtures' page NAME, which holds UNITS
# of its units at scale 1, made with N of them in DIR.
fixture() {
    local scale
    scale=$(awk -v n="$3" -v u="$2" 'BEGIN { printf "%.9f", (n + 0.5) / u }')
    "$HOSTILE/make-fixtures" "$4" --scale "$scale" --only "$1"
}

# A guide of one page, whose one paragraph is n "a_ " words
# (make-fixtures' emph-closers-no-openers, 65,000 words at scale 1).
excerpt_make() {
    fixture emph-closers-no-openers 65000 "$1" "$2/guide" &&
        mv "$2/guide/emph-closers-no-openers.md" "$2/guide/page.md" &&
        printf -- '- [Page](page.md)\n' >"$2/guide/TOC.md"
}
excerpt_command() {
    cmd=("$GN" --search a --no-cache --no-state "$1/guide")
}

# The search finds every word, each with an excerpt.
excerpt_make 8000 "$tmp/count" || exit 1
found=$("$GN" --search a --no-cache --no-state "$tmp/count/guide" | wc -l)
if [ "$found" = 8000 ]; then echo "ok - --search finds each of 8000 matches in one paragraph"
else echo "not ok - --search finds $found matches in one paragraph of 8000, not 8000"; fi

growth "the excerpts of --search" excerpt_make excerpt_command

# A page of n/32 paragraphs of Japanese and Korean emphasis
# (make-fixtures' cjk-emph-paragraphs, 2,000 paragraphs at scale 1).
cjk_make() { fixture cjk-emph-paragraphs 64000 "$1" "$2"; }
cjk_command() {
    cmd=("$GN" --dump "$1/cjk-emph-paragraphs.md" --plain --width 80)
}

growth "--dump of CJK emphasis" cjk_make cjk_command

# A page of n unclosed collapsible blocks, each opened before a list item
# (make-fixtures' collapse-nested-lists, 50,000 at scale 1): two parses,
# blocks nested up to their bound and the rest as written, every item laid
# out under their prefixes.
collapse_make() { fixture collapse-nested-lists 50000 "$1" "$2"; }
collapse_command() {
    cmd=("$GN" --dump "$1/collapse-nested-lists.md" --plain --width 80)
}
growth "--dump of unclosed collapsible blocks" collapse_make collapse_command
