#!/usr/bin/env bash
# Hostile documents (tests/hostile/): every fixture is rendered (--dump
# --plain at width 80; --toc for guides) within 5 s, with the exit status
# expected, and nothing in its output or messages reaches the terminal as
# a control: ../shared/tools/termcheck when present, else a byte check.
# The small control-character fixtures are also rendered in colour, in a
# pseudo-terminal (script), where guidenav writes SGR sequences.
#
# The big fixtures are generated at test time (tests/hostile/make-fixtures)
# into a temporary folder; the small hand-written ones live beside it.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
HOSTILE=$PWD/tests/hostile
TERMCHECK=$PWD/../shared/tools/termcheck
# 30 s, where the parsers as they come would take minutes (a hang, not a
# speed, is what this catches: the growth tests measure speed as ratios,
# which a loaded machine does not upset, and a run on such a machine took
# 5 s); a sanitizer build (GN_BUILD=build-san) runs slower.
if [ "${GN_BUILD:-build}" = build ]; then LIMIT=${HOSTILE_TIMEOUT:-30}; else LIMIT=${HOSTILE_TIMEOUT:-90}; fi
export LANG=C.UTF-8
unset NO_COLOR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/kept" "$tmp/kept80"

# clean FILE: no raw control byte (SGR colour sequences allowed) and valid
# UTF-8: C0 but tab and newline, DEL, C1 as UTF-8, ESC not starting SGR.
# Outputs under 200 KB are also kept for one termcheck run at the end.
kept=0
keep() { # FILE [DIR]
    if [ "$(wc -c <"$1")" -lt 200000 ]; then
        kept=$((kept + 1))
        cp "$1" "$tmp/${2:-kept}/$kept.txt"
    fi
}
clean() {
    ! sed 's/\x1b\[[0-9;:]*m//g' "$1" | LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' &&
        iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1
}

# check NAME WANT-STATUS COMMAND...: run with the time limit; report the
# status, the time and the cleanliness of stdout and stderr.
check() {
    local name=$1 want=$2; shift 2
    local why=""
    { timeout "$LIMIT" "$@" >"$tmp/out" 2>"$tmp/err"; } 2>/dev/null
    local rc=$?
    if [ "$rc" = 124 ]; then why="did not finish within $LIMIT s"
    elif [ "$rc" != "$want" ]; then why="status $rc, expected $want"
    elif ! clean "$tmp/out"; then why="raw control characters in the output"
    elif ! clean "$tmp/err"; then why="raw control characters in the messages"
    fi
    if [ -z "$why" ]; then
        echo "ok - $name"
        case "$*" in
        *"--width 80"*) keep "$tmp/out" kept80 ;; # lines of at most 80 columns
        *) keep "$tmp/out" ;;
        esac
        keep "$tmp/err"
    else
        echo "not ok - $name: $why"
        head -c 600 "$tmp/err" | sed 's/^/#   /' | cat -v
    fi
}

# has NAME FILE TEXT
has() {
    if grep -qF -- "$3" "$2"; then echo "ok - $1"
    else echo "not ok - $1: '$3' missing from:"; head -c 600 "$2" | sed 's/^/#   /' | cat -v; fi
}

if ! "$HOSTILE/make-fixtures" "$tmp/gen"; then
    echo "not ok - tests/hostile/make-fixtures failed"
    exit 1
fi

# Every generated fixture.
while IFS=$'\t' read -r name kind status; do
    if [ "$kind" = toc ]; then
        check "$name (--toc)" "$status" "$GN" --toc "$tmp/gen/$name"
    else
        check "$name (--dump)" "$status" "$GN" --dump "$tmp/gen/$name.md" --plain --width 80
    fi
done < <("$HOSTILE/make-fixtures" --list)

# The TOC-wide views over two locales of the big TOCs: the matrix merge and
# --check must stay linear too.
for name in toc-huge toc-deep; do
    mkdir -p "$tmp/two/$name"
    cp -r "$tmp/gen/$name" "$tmp/two/$name/set.en"
    cp -r "$tmp/gen/$name" "$tmp/two/$name/set.fr-FR"
    check "$name in two locales (--toc-matrix)" 0 "$GN" --toc-matrix "$tmp/two/$name/set.en"
    "$GN" --check --no-state "$tmp/two/$name/set.en" >/dev/null 2>&1
    check "$name in two locales (--check)" $? "$GN" --check --no-state "$tmp/two/$name/set.en"
done

# What the refusals say.
"$GN" --dump "$tmp/gen/nul-byte.md" --plain >/dev/null 2>"$tmp/err"
has "a NUL byte is refused" "$tmp/err" "a binary file (NUL byte at offset 14)"
"$GN" --dump "$tmp/gen/fm-aliases.md" --plain >/dev/null 2>"$tmp/err"
has "YAML aliases are refused" "$tmp/err" "aliases are not supported"
"$GN" --dump "$tmp/gen/fm-flow-nesting-small.md" --plain >/dev/null 2>"$tmp/err"
has "deep YAML nesting is refused" "$tmp/err" "nested deeper than 64 levels"
"$GN" --dump "$tmp/gen/fm-1mb.md" --plain >/dev/null 2>"$tmp/err"
has "a 1 MB front matter is refused" "$tmp/err" "front matter is larger than 64 KiB"

# The hand-written fixtures, plain and in colour.
check "entities.md (--dump)" 0 "$GN" --dump "$HOSTILE/entities.md" --plain --width 80
has "entities are shown as control pictures" "$tmp/out" "Clear the screen: ␛[2J␛[H"
has "bidirectional overrides are shown, not obeyed" "$tmp/out" "<U+202E>"
check "entities.md (--dump --width 20)" 0 "$GN" --dump "$HOSTILE/entities.md" --plain --width 20
check "entities.md (--dump --ascii)" 0 "$GN" --dump "$HOSTILE/entities.md" --plain --ascii --width 80
check "toc-controls (--toc)" 0 "$GN" --toc "$HOSTILE/toc-controls"
has "the guide title from front matter is sanitised" "$tmp/out" "Guide ␛]0;pwned␇"
has "TOC link targets are sanitised" "$tmp/out" "page.md#a␛b"
check "toc-controls (--locales)" 0 "$GN" --locales "$HOSTILE/toc-controls"
check "toc-controls (--search)" 0 "$GN" --search "Page" --no-state "$HOSTILE/toc-controls"
# --check finds the broken anchor or not (its business); any status but a
# crash or a timeout will do here.
"$GN" --check --no-state "$HOSTILE/toc-controls" >/dev/null 2>&1
check "toc-controls (--check)" $? "$GN" --check --no-state "$HOSTILE/toc-controls"
if command -v script >/dev/null; then
    for f in "$HOSTILE/entities.md" "$tmp/gen/controls-raw.md" "$tmp/gen/invalid-utf8.md"; do
        # A pseudo-terminal: guidenav colours its output. onlcr off, so
        # a raw carriage return would still be seen.
        cmd="stty -onlcr; exec '$GN' --dump '$f' --width 80"
        check "$(basename "$f") (--dump in colour)" 0 script -qec "$cmd" /dev/null
        if grep -q $'\x1b\\[' "$tmp/out"; then echo "ok - $(basename "$f") is coloured in a terminal"
        else echo "ok - $(basename "$f") is coloured in a terminal # SKIP no colour in this terminal"; fi
    done
else
    echo "ok - --dump in colour # SKIP script(1) is not installed"
fi

# File names: a page and a guide whose names hold an ESC.
evil=$'evil\e[2J\xc2\x9bname'
mkdir -p "$tmp/names/$evil"
printf -- '---\ntitle: [\n---\n' >"$tmp/names/bad-$evil.md"
check "a malformed page named with an ESC" 1 "$GN" --dump "$tmp/names/bad-$evil.md" --plain
check "a missing page named with an ESC" 1 "$GN" --dump "$tmp/names/none-$evil.md" --plain
printf -- '- [Evil](%s.md)\n- [Missing](none%s.md)\n' "$evil" "$evil" >"$tmp/names/$evil/TOC.md"
printf '# Evil\n' >"$tmp/names/$evil/$evil.md"
check "a guide folder and page named with an ESC (--toc)" 0 "$GN" --toc "$tmp/names/$evil"
check "messages: a missing guide folder named with an ESC" 1 "$GN" --toc "$tmp/names/none-$evil"
check "locales: a guide folder named with an ESC" 0 "$GN" --locales "$tmp/names/$evil"
# Its second entry names no file, and the first's target, sanitised, no
# longer names the file on disk either: no page to search, no match (1).
check "search: a guide whose TOC entries name missing files" 1 "$GN" --search Evil --no-state "$tmp/names/$evil"

# Oversize: --max-file-size sets the limit; the refusal names it.
printf '# Big\n\n%s\n' "$(head -c 3000 /dev/zero | tr '\0' 'x')" >"$tmp/big.md"
check "a file over --max-file-size is refused" 1 "$GN" --max-file-size 1000 --dump "$tmp/big.md" --plain
has "the refusal names the limit" "$tmp/err" "larger than 1000 bytes (3008 bytes); --max-file-size raises the limit"
check "a file under --max-file-size is shown" 0 "$GN" --max-file-size 4000 --dump "$tmp/big.md" --plain
check "--max-file-size refuses what is not a size" 2 "$GN" --max-file-size 1k --dump "$tmp/big.md" --plain

# The outputs kept, through termcheck (which also knows escape sequences).
if [ -f "$TERMCHECK" ] && command -v python3 >/dev/null; then
    if python3 "$TERMCHECK" "$tmp"/kept/*.txt >"$tmp/termcheck" 2>&1 &&
        python3 "$TERMCHECK" --width 80 "$tmp"/kept80/*.txt >>"$tmp/termcheck" 2>&1; then
        echo "ok - termcheck: no raw control in the $kept smaller outputs, --width 80 kept"
    else
        echo "not ok - termcheck finds raw controls or lines too wide:"
        grep -v '^termcheck:' "$tmp/termcheck" | head -20 | sed 's/^/#   /'
    fi
else
    echo "ok - termcheck # SKIP ../shared/tools/termcheck is not here"
fi
