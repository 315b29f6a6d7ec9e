#!/usr/bin/env bash
# End to end: the pager keeps the terminal's scroll region while it owns
# the screen (src/ui/region.c). After many scrolls (by lines, half pages
# and pages, down and up; to the tree and back; a long message that takes
# a row of the pager; a resize), the screen, characters and attributes,
# is the one Ctrl-L draws afresh, and the one a new navigator draws at
# the same line: nothing drifts. Pages in English, Japanese and Korean.
# And the bytes: a one-line scroll sends the line that came into view and
# at most a fixed number of bytes more (bench/pty counts them; with
# colours and with NO_COLOR).
set -u
. tests/lib/screen.sh

page=$TMPDIR_GN/page.md
{
    cat <<'EOF'
# Scrolling

The pager moves a line at a time with j and k, a page with Space and b, and half a page with d and u. Each move sends the terminal only what changed.

- A bullet whose text is long enough to go on over a second line, so that the second line starts with the bullet's indent.
- Another bullet, short, with a [link](https://example.com/).
- A third bullet that also wraps onto a second line, and even onto a third one when the screen is as narrow as eighty columns.

日本語の段落です。ページャーは一行ずつ、または一ページずつ動きます。端末には変わったところだけが送られます。行の折り返しは UAX #14 に従います。

- 箇条書きの項目です。長い文は二行目に続き、二行目は箇条書きの字下げで始まります。字下げには色を付けません。
- 短い項目。

한국어 문단입니다. 페이저는 한 줄씩, 또는 한 페이지씩 움직입니다. 터미널에는 바뀐 부분만 보내집니다. 줄 바꿈은 UAX #14를 따릅니다.

- 글머리 기호 항목입니다. 긴 문장은 둘째 줄로 이어지고, 둘째 줄은 글머리 기호의 들여쓰기로 시작합니다.
- 짧은 항목.
EOF
    for i in 1 2 3 4 5 6; do
        cat <<EOF

## Part $i

A paragraph of plain English, number $i, that wraps over two or three lines of the pager: it says nothing much, and says it at some length so that the lines are full.

- Item $i.1 with a continuation line that starts with two blanks, drawn in no colour at all.
- Item $i.2, with \`code\` and **strong** words.

日本語の文 $i。折り返しのある長い文で、全角の文字が並びます。ページャーの幅いっぱいに続きます。

| 列 | 열 | column |
|----|----|--------|
| 表の中の日本語 | 표 안의 한국어 | a cell $i |

한국어 문장 $i. 줄 바꿈이 있는 긴 문장으로, 페이저의 너비를 가득 채웁니다.
EOF
    done
} >"$page"

# attrs: the screen as cells, each run of one set of attributes after
# those attributes (tmux writes a change of attributes only where one
# happens, and carries them over line ends; here each line says them from
# its start), the blanks at the ends of lines in no attribute left out.
# Without python3, the characters alone.
attrs() {
    if ! command -v python3 >/dev/null; then
        capture
        return
    fi
    tm capture-pane -e -p -t "$GN_SESSION" | python3 -c '
import re, sys
state = {}
def apply(codes):
    i = 0
    while i < len(codes):
        c = int(codes[i] or 0)
        if c == 0:
            state.clear()
        elif c in (38, 48):
            n = 3 if codes[i + 1] == "5" else 5
            state["fg" if c == 38 else "bg"] = ";".join(codes[i:i + n])
            i += n - 1
        elif 30 <= c <= 37 or 90 <= c <= 97:
            state["fg"] = str(c)
        elif 40 <= c <= 47 or 100 <= c <= 107:
            state["bg"] = str(c)
        elif c in (39, 49):
            state.pop("fg" if c == 39 else "bg", None)
        elif c == 22:
            state.pop("1", None)
            state.pop("2", None)
        elif 23 <= c <= 29:
            state.pop(str(c - 20), None)
        else:
            state[str(c)] = True
        i += 1
for line in sys.stdin.read().split("\n"):
    cells = []
    for part in re.split("(\x1b\\[[0-9;]*m)", line):
        if part.startswith("\x1b["):
            apply(part[2:-1].split(";"))
        else:
            cells += [(ch, repr(sorted(state.items()))) for ch in part]
    while cells and cells[-1] == (" ", "[]"):
        cells.pop()
    out, last = [], None
    for ch, st in cells:
        if st != last:
            out.append("<" + st + ">")
            last = st
        out.append(ch)
    print("".join(out))
'
}
# The first line the pager shows, as the status line says it (12 in 12-34/90).
top_line() { capture | tail -n 1 | grep -o '[0-9][0-9]*-[0-9][0-9]*/' | head -n 1 | cut -d- -f1; }

same() { # NAME A B: the two screens are the same
    if [ "$2" = "$3" ]; then
        echo "ok - $1"
    else
        echo "not ok - $1"
        diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | cat -v | sed 's/^/#   /'
    fi
}

# drift NAME OPEN ARGS...: the screen now is the one Ctrl-L draws, and the
# one a new navigator on ARGS draws at the same line once the keys OPEN
# (words) opened the same page.
drift() {
    local name=$1 open=$2; shift 2
    local line before redrawn fresh
    line=$(top_line)
    before=$(attrs)
    keys C-l
    redrawn=$(attrs)
    same "$name: the screen after the scrolls is the one Ctrl-L draws" "$before" "$redrawn"
    stop
    start 80 24 "$@"
    [ -z "$open" ] || keys $open
    if [ -n "$line" ] && [ "$line" -gt 1 ]; then
        keys $(echo "$line" | sed 's/./& /g') g
    fi
    fresh=$(attrs)
    same "$name: ... and the one a new navigator draws at line $line" "$before" "$fresh"
    stop
}

start 80 24 --no-state "$page"
keys j j j j j j j Space Space j j k k k b d j j u Space C-e C-e C-y j j j Space j j
expect_text "the page scrolled to its middle" " 81-103/"
drift "a page alone" "" --no-state "$page"

# The bundled guide in Japanese: the pager full width (80 columns), to
# the tree and back, a message over two rows, a resize.
start 80 24 --no-state guide/ja-JP
keys Down Down Down Enter Down Down Enter           # a page of the keys
keys j j j Space j j k
keys w w j j j Space                                # the tree, then the pager again
keys H q j j                                        # a box over the pager, closed
keys y j j j k                                      # "y" (copy the link) says so on the status line
resize 80 20
keys j j j Space j k k
guide_line=$(top_line)
before=$(attrs)
keys C-l
same "the bundled ja-JP guide after scrolls, the tree, a box and a resize: as Ctrl-L draws it" \
    "$before" "$(attrs)"
if [ -n "$guide_line" ]; then echo "ok - the pager shows from line $guide_line"; else echo "not ok - no place on the status line"; capture | sed 's/^/#   /'; fi
stop

start 80 24 --no-state guide/ko-KR
open_keys="Down Down Down Enter Down Down Enter"
keys $open_keys
keys Space Space j j j j b k k d u j j
drift "the bundled ko-KR guide" "$open_keys" --no-state guide/ko-KR

# Bytes: the n-th one-line scroll brings line n + 22 of the page into
# view (23 rows of pager at 24 rows); it may send that line's text and at
# most CEILING bytes more (the move there, the scroll itself, the position
# on the status line and its colours). Before the region was kept, these
# took 66 to 80 bytes more with colours.
if ! command -v python3 >/dev/null; then
    echo "ok - bytes of a one-line scroll # SKIP python3 is not installed"
    exit 0
fi
# A page of paragraphs and bullets only (no heading, table or link, whose
# attributes a line's text would not count).
page=$TMPDIR_GN/plain.md
for i in 1 2 3 4 5 6 7 8; do
    cat <<EOF

A paragraph of plain English, number $i, that wraps over two or three lines of the pager: it says nothing much, and says it at some length so that the lines are full.

- Item $i.1 with a continuation line that starts with two blanks, drawn in no colour at all.
- Item $i.2.

日本語の文 $i。折り返しのある長い文で、全角の文字が並びます。ページャーの幅いっぱいに続きます。

- 箇条書きの項目 $i です。長い文は二行目に続き、二行目は箇条書きの字下げで始まります。

한국어 문장 $i. 줄 바꿈이 있는 긴 문장으로, 페이저의 너비를 가득 채웁니다. 글머리 기호도 있습니다.
EOF
done >"$page"
bytes_check() { # NAME CEILING [env ...]
    local name=$1 ceiling=$2; shift 2
    env "$@" python3 - "$GN" "$page" "$ceiling" "$name" <<'PY'
import os, subprocess, sys
gn, page, ceiling, name = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
dump = subprocess.run([gn, "--dump", page, "--plain", "--width", "78"], env=env,
                      capture_output=True, text=True).stdout.split("\n")
out = subprocess.run(["bench/pty", "--size", "80x24", "--keys", "j*40", "--", gn, "--no-state", page],
                     env=env, capture_output=True, text=True).stdout
sent = [int(l.split("\t")[3]) for l in out.splitlines() if l.startswith("key\t")]
over = [b - len((dump[n + 22] if n + 22 < len(dump) else "").strip(" ").encode())
        for n, b in enumerate(sent, 1)]
if len(sent) == 40 and max(over) <= ceiling:
    print(f"ok - {name}: a one-line scroll sends its line and at most {max(over)} bytes more "
          f"(ceiling {ceiling})")
else:
    print(f"not ok - {name}: bytes beyond the new line's text {over} (ceiling {ceiling})")
PY
}
bytes_check "bytes with colours" 56
bytes_check "bytes with NO_COLOR" 46 NO_COLOR=1
