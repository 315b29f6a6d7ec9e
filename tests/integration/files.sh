#!/usr/bin/env bash
# Files that are not what they seem (issue 13, items 6, 7, 13 and 14),
# made at test time:
# - a FIFO named as a page (--dump), listed in a TOC (--search), in place of
#   the search cache, or swapped with a page while guidenav reads it: never
#   waited on (each run is limited to 5 s and a run cut short says so);
# - --search into a pipe closed early (| head -1): the cache is saved, no
#   temporary file is left, the status is 0 and nothing is said;
# - a search cache that another user could have written (a folder or file
#   writable by group or others) is not used, with a message, and a cache
#   entry holding control characters is not shown: its page is read again;
# - a HOME that does not exist is not created for the cache.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
if [ "${GN_BUILD:-build}" = build ]; then LIMIT=5; else LIMIT=20; fi
export LANG=C.UTF-8
tmp=$(mktemp -d)
swapper=
trap '[ -n "$swapper" ] && kill "$swapper" 2>/dev/null; rm -rf "$tmp"; :' EXIT

# run NAME COMMAND...: under the time limit, stdout in $tmp/NAME.out,
# stderr in .err, the status in $rc; "timeout" set when it was cut short.
run() {
    local name=$1; shift
    timeout "$LIMIT" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    timeout=
    [ "$rc" = 124 ] && timeout="did not finish within $LIMIT s (waiting on a FIFO?)"
}
# result NAME CONDITION-MET [WHY]: one TAP line, the stderr of the run shown
# on failure.
result() {
    if [ "$2" = 1 ]; then echo "ok - $1"
    else
        echo "not ok - $1: ${timeout:-${3:-}}"
        [ -n "${4:-}" ] && sed 's/^/#   /' "$tmp/$4.err" | head -5
    fi
}
# yes CONDITION...: 1 when every condition (a command each, joined by
# "--") holds, else 0.
yes() {
    local cmd=()
    for a in "$@" --; do
        if [ "$a" = -- ]; then "${cmd[@]}" || { echo 0; return; }; cmd=()
        else cmd+=("$a"); fi
    done
    echo 1
}

mkdir -p "$tmp/docs"
cp -r guide/en "$tmp/docs/en"
docs=$tmp/docs/en

# ---- item 6: FIFOs ------------------------------------------------------

mkfifo "$tmp/fifo.md"
run dump-fifo "$GN" --dump "$tmp/fifo.md" --plain
result "--dump of a FIFO (outside any guide) is refused" \
    "$(yes [ "$rc" = 1 ] -- grep -q "fifo.md: not a regular file" "$tmp/dump-fifo.err")" \
    "status $rc" dump-fifo
mkfifo "$docs/fifo.md"
run dump-fifo-guide "$GN" --dump "$docs/fifo.md" --plain
result "--dump of a FIFO in a guide is refused" \
    "$(yes [ "$rc" = 1 ] -- grep -q "fifo.md: not a" "$tmp/dump-fifo-guide.err")" \
    "status $rc" dump-fifo-guide
rm "$docs/fifo.md"

# The search cache replaced by a FIFO.
export XDG_CACHE_HOME=$tmp/cache
run search-fill "$GN" --search guidenav "$docs"
cachefile=$(find "$tmp/cache/guidenav" -name '*.text' | head -1)
if [ -n "$cachefile" ]; then
    rm "$cachefile" && mkfifo "$cachefile"
    run search-fifo-cache "$GN" --search guidenav "$docs"
    result "a FIFO in place of the search cache is not waited on" \
        "$(yes [ "$rc" = 0 ] -- cmp -s "$tmp/search-fill.out" "$tmp/search-fifo-cache.out")" \
        "status $rc or other results" search-fifo-cache
    rm -f "$cachefile"
else
    echo "not ok - a FIFO in place of the search cache: no cache file was written"
fi

# A page swapped between a file and a FIFO as fast as can be (hard links
# of each renamed over it in turn) while guidenav reads it: every run ends
# within the limit.
page=$docs/keys.md
cp "$page" "$tmp/keys.md"
mkfifo "$docs/.fifo"
cp "$page" "$docs/.file"
perl -e 'my ($p, $f, $r, $t) = @ARGV;
    while (1) { for my $s ($f, $r) { link($s, $t) and rename($t, $p) } }' \
    "$page" "$docs/.fifo" "$docs/.file" "$docs/.swap" &
swapper=$!
hung=0 runs=0
for i in $(seq 1 40); do
    run swap-dump "$GN" --dump "$page" --plain
    [ "$rc" = 124 ] && hung=$((hung + 1))
    run swap-search "$GN" --no-cache --search guidenav --all-guides "$docs"
    [ "$rc" = 124 ] && hung=$((hung + 1))
    runs=$((runs + 2))
done
kill "$swapper" 2>/dev/null; wait "$swapper" 2>/dev/null; swapper=
rm -f "$docs/.fifo" "$docs/.file" "$docs/.swap"
rm -f "$page" && cp "$tmp/keys.md" "$page"
timeout=
result "a page swapped with a FIFO while read: no run waits ($runs runs)" \
    "$(yes [ "$hung" = 0 ])" "$hung of $runs runs did not finish within $LIMIT s (waiting on a FIFO)"

# The same page swapped between a file and a link to a file outside the
# guide: the file as opened is checked (/proc/self/fd), not only the path
# before it, so the outside text never comes out. (The swap is a race: a
# run that reads the path between the check and the open is what this
# catches, in some of the runs only.)
printf '# Outside\n\nSWAPPEDSECRET text from outside the guide.\n' >"$tmp/outside.md"
ln -s "$tmp/outside.md" "$docs/.link"
cp "$page" "$docs/.file"
perl -e 'my ($p, $f, $r, $t) = @ARGV;
    while (1) { for my $s ($f, $r) { link($s, $t) and rename($t, $p) } }' \
    "$page" "$docs/.link" "$docs/.file" "$docs/.swap" &
swapper=$!
leaked=0 runs=0
for i in $(seq 1 40); do
    run swap-link-dump "$GN" --dump "$page" --plain
    grep -q SWAPPEDSECRET "$tmp/swap-link-dump.out" && leaked=$((leaked + 1))
    run swap-link-search "$GN" --no-cache --search SWAPPEDSECRET --all-guides "$docs"
    grep -q SWAPPEDSECRET "$tmp/swap-link-search.out" && leaked=$((leaked + 1))
    runs=$((runs + 2))
done
kill "$swapper" 2>/dev/null; wait "$swapper" 2>/dev/null; swapper=
rm -f "$docs/.link" "$docs/.file" "$docs/.swap"
rm -f "$page" && cp "$tmp/keys.md" "$page"
timeout=
result "a page swapped with a link out while read: nothing outside is shown ($runs runs)" \
    "$(yes [ "$leaked" = 0 ])" "$leaked of $runs runs printed the outside file's text"

# ---- item 13: a search cache someone else could have written ------------

export XDG_CACHE_HOME=$tmp/cache13
run trust-fill "$GN" --search guidenav "$docs"
chmod 0777 "$tmp/cache13/guidenav"
before=$(ls -l --time-style=full-iso "$tmp/cache13/guidenav")
run trust-open "$GN" --search guidenav "$docs"
result "a cache folder writable by others is not used, with a message" \
    "$(yes [ "$rc" = 0 ] -- cmp -s "$tmp/trust-fill.out" "$tmp/trust-open.out" -- \
       grep -q "guidenav: writable by others; the search cache is not used" "$tmp/trust-open.err" -- \
       [ "$(ls -l --time-style=full-iso "$tmp/cache13/guidenav")" = "$before" ])" \
    "status $rc, other results, no message or the cache written" trust-open
chmod 0700 "$tmp/cache13/guidenav"
chmod 0666 "$tmp/cache13/guidenav"/*.text
run trust-file "$GN" --search guidenav "$docs"
result "a cache file writable by others is not used, with a message" \
    "$(yes [ "$rc" = 0 ] -- cmp -s "$tmp/trust-fill.out" "$tmp/trust-file.out" -- \
       grep -q "text: writable by others; the search cache is not used" "$tmp/trust-file.err")" \
    "status $rc, other results or no message" trust-file

# ---- item 14: a HOME that does not exist ----------------------------------

run no-home env -u XDG_CACHE_HOME -u XDG_STATE_HOME HOME="$tmp/gone/x" \
    "$GN" --search guidenav "$docs"
result "a missing HOME is not created for the search cache" \
    "$(yes [ "$rc" = 0 ] -- [ ! -e "$tmp/gone" ] -- cmp -s "$tmp/search-fill.out" "$tmp/no-home.out")" \
    "status $rc, $(ls -d "$tmp/gone" 2>/dev/null || echo "not") created" no-home

# ---- item 7: --search into a pipe closed early ----------------------------

# A guide of 60 pages, each with 300 matching paragraphs: megabytes of
# results, far more than a pipe holds, so head has gone while guidenav
# still writes.
big=$tmp/big/help/g
mkdir -p "$big"
{ echo "# Big"; echo; for i in $(seq 1 60); do echo "- [Page $i](p$i.md)"; done; } >"$big/TOC.md"
for i in $(seq 1 60); do
    { echo "# Page $i"; echo; for j in $(seq 1 300); do echo "Paragraph $j of page $i, with zyxwv."; echo; done; } >"$big/p$i.md"
done
export XDG_CACHE_HOME=$tmp/cache7
mkdir -p "$XDG_CACHE_HOME"
timeout "$LIMIT" "$GN" --search zyxwv "$big" 2>"$tmp/pipe.err" | head -1 >"$tmp/pipe.out"
st=("${PIPESTATUS[@]}")
rc=${st[0]}
timeout=
[ "$rc" = 124 ] && timeout="did not finish within $LIMIT s"
left=$(find "$XDG_CACHE_HOME" -name '*.text.*' | wc -l)
saved=$(find "$XDG_CACHE_HOME" -name '*.text' | wc -l)
result "--search | head -1: status 0, quiet, one line" \
    "$(yes [ "$rc" = 0 ] -- [ ! -s "$tmp/pipe.err" ] -- [ "$(wc -l <"$tmp/pipe.out")" = 1 ])" \
    "status $rc (141: killed by SIGPIPE), $(wc -l <"$tmp/pipe.out") lines" pipe
result "--search | head -1: no temporary file is left behind" "$(yes [ "$left" = 0 ])" \
    "$left temporary cache files left"
result "--search | head -1: the cache of the pages read is saved" "$(yes [ "$saved" = 1 ])" \
    "$saved cache files"
# SIGTERM and SIGHUP while --search writes into a pipe nobody reads yet:
# it stops between steps, saves the cache, leaves no temporary file, and
# dies of the signal (status 128 + its number) without a word.
for sig in TERM HUP; do
    export XDG_CACHE_HOME=$tmp/cache-$sig
    mkdir -p "$XDG_CACHE_HOME"
    rm -f "$tmp/slow"; mkfifo "$tmp/slow"
    # (with the signal's default action, as a shell under nohup would not
    # give it: a signal ignored at start stays ignored, rightly)
    env --default-signal="$sig" "$GN" --search zyxwv "$big" >"$tmp/slow" 2>"$tmp/stop.err" &
    pid=$!
    exec 9<"$tmp/slow"            # a reader that reads nothing: the pipe fills
    for i in $(seq 1 100); do     # the temporary cache file is there
        [ -n "$(find "$XDG_CACHE_HOME" -name '*.text.*' 2>/dev/null)" ] && break
        sleep 0.05
    done
    kill -"$sig" "$pid"
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    exec 9<&-
    wait "$pid" 2>/dev/null
    rc=$?
    want=$((128 + $(kill -l "$sig")))
    left=$(find "$XDG_CACHE_HOME" -name '*.text.*' | wc -l)
    timeout=
    result "SIG$sig during --search: dies of it (status $want), quiet, no temporary file left" \
        "$(yes [ "$rc" = "$want" ] -- [ ! -s "$tmp/stop.err" ] -- [ "$left" = 0 ])" \
        "status $rc, $left temporary files" stop
done
export XDG_CACHE_HOME=$tmp/cache7
# A cache saved early is a cache: the next full search prints the same as
# one without it.
"$GN" --search zyxwv "$big" >"$tmp/full-cache.out" 2>&1
"$GN" --no-cache --search zyxwv "$big" >"$tmp/full-plain.out" 2>&1
result "a cache saved by a search cut short gives the same results" \
    "$(yes cmp -s "$tmp/full-cache.out" "$tmp/full-plain.out")" "the results differ"
# Output that cannot be written (a full disk) is an error, said.
if [ -w /dev/full ]; then
    "$GN" --no-cache --search guidenav "$docs" >/dev/full 2>"$tmp/full.err"
    rc=$?
    result "--search >/dev/full: status 2 and a message" \
        "$(yes [ "$rc" = 2 ] -- grep -q "writing the results: No space left on device" "$tmp/full.err")" \
        "status $rc" full
fi
