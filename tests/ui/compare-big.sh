#!/usr/bin/env bash
# End to end: c on a page of 60,000 headings whose levels differ from its
# translation's all along (tests/hostile/make-compare) opens the compare
# view within a memory limit of 1 GB, where a table of headings x
# headings does not fit (the navigator used to abort there, leaving the
# terminal without echo). No memory limit under a sanitizer (GN_BUILD
# other than build), which reserves far more address space than it uses.
set -u
. tests/lib/screen.sh

if ! command -v python3 >/dev/null; then
    echo "ok - c on 60,000 headings # SKIP python3 is not installed"
    exit 0
fi
tests/hostile/make-compare "$TMPDIR_GN/big" 60000 differing
if [ "${GN_BUILD:-build}" = build ]; then
    printf '#!/bin/sh\nulimit -v 1048576\nexec %s "$@"\n' "$GN" >"$TMPDIR_GN/limited"
    chmod +x "$TMPDIR_GN/limited"
    GN=$TMPDIR_GN/limited
    within=" within 1 GB"
else
    within=" # SKIP no memory limit under a sanitizer"
fi

# wait_text NAME TEXT: like expect_text, but a page of 3.7 MB a side may
# take seconds to lay out on a loaded machine: up to 60 s, while the
# navigator runs.
wait_text() {
    local i
    for i in $(seq 1 600); do
        if ! tm has-session -t gn 2>/dev/null; then
            echo "not ok - $1: the navigator ended"; return
        fi
        screen_has "$2" && { echo "ok - $1"; return; }
        sleep 0.1
    done
    echo "not ok - $1: '$2' not on screen"; capture | sed 's/^/#   /'
}

start 120 30 "$TMPDIR_GN/big/set.en"
keys Enter
wait_text "the page of 60,000 headings opens" "## Section 0"
keys c
wait_text "c compares it with fr-FR$within" "│ en ⇄ fr-FR │ Big page"
wait_text "the first headings share a row" "## Section 0                          │ ## Partie 0"
keys q
