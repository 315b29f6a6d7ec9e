#!/usr/bin/env bash
# The configuration file from the command line: --print-config (with no
# file, with one, read back to the same configuration), a bad file's
# message on stderr with the defaults used (--toc, --print-config, --dump),
# --config, --no-config, @SET. XDG_CONFIG_HOME is a folder of this test's.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/xdg
cfg=$XDG_CONFIG_HOME/guidenav/config.yaml
mkdir -p "$(dirname "$cfg")"

check() { # NAME EXPECTED-STATUS COMMAND...: output in $tmp/out, $tmp/err
    local name=$1 want=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" = "$want" ]; then echo "ok - $name"
    else echo "not ok - $name: status $rc, expected $want"; sed 's/^/#   /' "$tmp/err"; fi
}
has() { # NAME FILE TEXT
    if grep -qF -- "$3" "$2"; then echo "ok - $1"
    else echo "not ok - $1: '$3' missing from:"; sed 's/^/#   /' "$2"; fi
}
same() { # NAME A B
    if cmp -s "$2" "$3"; then echo "ok - $1"
    else echo "not ok - $1:"; diff -u "$2" "$3" | sed 's/^/#   /'; fi
}

check "--print-config with no file" 0 "$GN" --print-config
has "...prints the default theme" "$tmp/out" "theme: dark"
has "...and each action's keys" "$tmp/out" 'page-down: ["f", "Ctrl-F", "PgDn"]'
[ -s "$tmp/err" ] && echo "not ok - no file, yet a message" || echo "ok - no file, no message"
cp "$tmp/out" "$tmp/defaults.yaml"
check "the defaults printed read back" 0 "$GN" --config "$tmp/defaults.yaml" --print-config
same "...to the same configuration" "$tmp/defaults.yaml" "$tmp/out"

cat >"$cfg" <<'YAML'
compare: ja-JP
keys:
  global:
    quit: [Q, Ctrl-C]
    page-down: [Space, x]
colors: {theme: light, link: 208 on 17 underline}
sets:
  guide: [~/docs/en, fr-FR=~/docs/fr]
osc52: on
YAML
check "--print-config with a file" 0 env HOME=/home/reader "$GN" --print-config
has "...the file's keys" "$tmp/out" 'page-down: ["Space", "x"]'
has "...a key given away leaves its action" "$tmp/out" 'read-on: []'
has "...the file's colours" "$tmp/out" 'link: "208 on 17 underline"'
has "...the sets, ~ expanded" "$tmp/out" '"fr-FR=/home/reader/docs/fr"'
cp "$tmp/out" "$tmp/printed.yaml"
check "what it prints reads back" 0 "$GN" --config "$tmp/printed.yaml" --print-config
same "...to the same configuration" "$tmp/printed.yaml" "$tmp/out"

cat >"$cfg" <<'YAML'
reference: en
mouse: on
colors:
  heading: blu
YAML
check "--toc with a bad file goes on" 0 "$GN" --toc guide/en
has "...printing the TOC" "$tmp/out" "# guidenav User Guide"
has "...and the file's line and problem on stderr" "$tmp/err" \
    "config.yaml:4: colors.heading: 'blu' is neither a colour"
has "...saying the defaults are used" "$tmp/err" "(the defaults are used)"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && echo "ok - one message" || echo "not ok - more than one line"
check "--print-config with a bad file fails" 1 "$GN" --print-config
has "...printing the defaults" "$tmp/out" "mouse: off"
has "...and the message" "$tmp/err" "config.yaml:4:"
check "--no-config reads no file" 0 "$GN" --no-config --toc guide/en
[ -s "$tmp/err" ] && echo "not ok - --no-config read the file" || echo "ok - --no-config: no message"
check "--config of a missing file" 0 "$GN" --config "$tmp/none.yaml" --toc guide/en
has "...names it" "$tmp/err" "none.yaml"

# --dump builds no key table of its own, yet a file's keys are checked.
printf 'keys:\n  global:\n    no-such-action: [x]\n' >"$cfg"
check "--dump with a file naming an unknown action goes on" 0 "$GN" --dump guide/ja-JP/keys.md --plain --width 60
has "...rendering the page" "$tmp/out" "キー"
has "...with the action named on stderr" "$tmp/err" "config.yaml:3: keys.global: unknown action 'no-such-action'"
printf 'keys:\n  global:\n    page-down: [x]\n' >"$cfg"
check "--dump with good keys" 0 "$GN" --dump guide/ko-KR/keys.md --plain --width 60
[ -s "$tmp/err" ] && echo "not ok - good keys, yet a message" || echo "ok - good keys: no message"
rm "$cfg"
check "--dump with no file" 0 "$GN" --dump guide/ko-KR/keys.md --plain --width 60
[ -s "$tmp/err" ] && echo "not ok - --dump with no file: a message" || echo "ok - --dump with no file: no message"

printf 'sets:\n  two: [en=%s/guide/en, de-DE=%s/guide/de-DE]\n' "$PWD" "$PWD" >"$cfg"
check "@SET opens a set" 0 "$GN" --locales @two
has "...its first locale" "$tmp/out" "en	$PWD/guide/en"
has "...and its others" "$tmp/out" "de-DE	$PWD/guide/de-DE"
check "an unknown @SET is a usage error" 2 "$GN" --toc @three
has "...naming the sets there are" "$tmp/err" "@three: no such set in $cfg (@two)"

# --dump and --compare on a terminal take the configuration's colours
# (script gives them one); --plain and NO_COLOR none.
if command -v script >/dev/null; then
    tty_run() { # FILE COMMAND...: COMMAND's output on a terminal into FILE
        local out=$1; shift
        script -qec "$(printf '%q ' "$@")" /dev/null >"$out" 2>&1
    }
    printf 'colors:\n  heading: 208 on 17 bold\n  code: bright-red\n' >"$cfg"
    tty_run "$tmp/tty" "$GN" --dump guide/ja-JP/keys.md --width 60
    has "--dump on a terminal: a heading's 256 colours from the file" "$tmp/tty" $'\e[0;1;38;5;208;48;5;17m'
    has "...a code span's bright colour" "$tmp/tty" $'\e[0;91m'
    tty_run "$tmp/tty" "$GN" --compare en,ja-JP guide/en/keys.md --width 100
    has "--compare on a terminal: the same colours" "$tmp/tty" $'\e[0;1;38;5;208;48;5;17m'
    printf 'colors: {theme: none}\n' >"$cfg"
    tty_run "$tmp/tty" "$GN" --dump guide/ko-KR/keys.md --width 60
    if grep -qE $'\e\\[[0-9;]*(3[0-7]|9[0-7]|38;5;[0-9]+)[;m]' "$tmp/tty"; then
        echo "not ok - theme none: --dump still writes colours"
    else echo "ok - theme none: --dump writes no colour"; fi
    has "...but headings stay bold" "$tmp/tty" $'\e[0;1m'
    rm -f "$cfg"
    tty_run "$tmp/tty" env NO_COLOR=1 "$GN" --dump guide/en/keys.md --width 60
    if grep -q $'\e\\[' "$tmp/tty"; then echo "not ok - NO_COLOR: --dump writes escapes"
    else echo "ok - NO_COLOR: --dump writes plain text"; fi
else
    echo "ok - --dump colours # SKIP script (bsdutils) is not installed"
fi
