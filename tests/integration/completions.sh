#!/usr/bin/env bash
# Shell completion (completions/): bash, zsh and fish each offer exactly the
# options of `guidenav --help`, know which of them take an argument, offer
# the kinds of --check of src/check.c for --only and --skip, and the locale
# tags of the locale set on the command line for --reference and --compare
# (on the bundled guide, whose locale set is en, de-DE, fr-FR, ja-JP, ko-KR
# and pt-BR); `make install` puts each script where its shell looks for it
# and `make uninstall` removes them. zsh and fish are driven when they are
# installed (scripts/install-deps installs them) and skipped otherwise.
set -u
ROOT=$PWD
GN=$ROOT/${GN_BUILD:-build}/guidenav
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# `guidenav` on the PATH is the program under test.
mkdir -p "$tmp/bin" "$tmp/home"
ln -s "$GN" "$tmp/bin/guidenav"
export PATH="$tmp/bin:$PATH"
TAGS="en de-DE fr-FR ja-JP ko-KR pt-BR"

# The options of --help, those that take an argument (`--width N`), and
# the kinds of --check.
"$GN" --help >"$tmp/help"
sed -n 's/^  \(--[a-z0-9-]*\).*/\1/p' "$tmp/help" | sort -u >"$tmp/help-options"
sed -n 's/^  \(--[a-z0-9-]*\) [A-Z].*/\1/p' "$tmp/help" | sort -u >"$tmp/help-with-arg"
sed -n '/gn_check_kinds\[\] = {/,/^};/s/^ *{"\([a-z]*\)".*/\1/p' src/check.c | sort -u >"$tmp/kinds"
if [ "$(wc -l <"$tmp/help-options")" -ge 20 ] && grep -qx -- --toc "$tmp/help-options" &&
   grep -qx -- --width "$tmp/help-with-arg" && ! grep -qx -- --toc "$tmp/help-with-arg" &&
   [ "$(wc -l <"$tmp/kinds")" -ge 10 ] && grep -qx untranslated "$tmp/kinds"; then
    echo "ok - the options of --help and the kinds of src/check.c are read"
else
    echo "not ok - reading the options of --help or the kinds of src/check.c"
    sed 's/^/#   /' "$tmp/help-options" "$tmp/help-with-arg" "$tmp/kinds"
fi

# same NAME WANT-FILE GOT-FILE: the same set of lines, or each difference.
same() {
    sort -u "$2" >"$tmp/want"
    sort -u "$3" >"$tmp/got"
    if cmp -s "$tmp/want" "$tmp/got"; then
        echo "ok - $1"
    else
        echo "not ok - $1"
        comm -23 "$tmp/want" "$tmp/got" | sed 's/^/#   missing: /'
        comm -13 "$tmp/want" "$tmp/got" | sed 's/^/#   not expected: /'
    fi
}
# words WORD...: one a line, in $tmp/words
words() { printf '%s\n' "$@" >"$tmp/words"; }
# first NAME WANT FILE: FILE's first line is WANT
first() {
    if [ "$(head -n 1 "$3")" = "$2" ]; then echo "ok - $1"
    else echo "not ok - $1: first '$(head -n 1 "$3")', expected '$2'"; sed 's/^/#   /' "$3"; fi
}
# has NAME FILE LINE...: FILE has each LINE
has() {
    local name=$1 file=$2 line missing=""
    shift 2
    for line in "$@"; do grep -qxF -- "$line" "$file" || missing="$missing '$line'"; done
    if [ -z "$missing" ]; then echo "ok - $name"
    else echo "not ok - $name: missing$missing"; sed 's/^/#   /' "$file"; fi
}
# with_arg NAME FILE-OF-OPTIONS-THAT-TAKE-ONE: the same as --help's
with_arg() { same "$1: the options that take an argument are those of --help" "$tmp/help-with-arg" "$2"; }

# The comparison fails on an option of --help that a script lacks.
cp "$tmp/help-options" "$tmp/help-plus"
echo --new-option >>"$tmp/help-plus"
same "x" "$tmp/help-plus" "$tmp/help-options" >"$tmp/self"
if grep -q '^not ok' "$tmp/self" && grep -q 'missing: --new-option' "$tmp/self"; then
    echo "ok - an option of --help missing from a script fails the comparison"
else
    echo "not ok - an option of --help missing from a script passes the comparison"
fi

# ---- bash ------------------------------------------------------------------

# bash_complete SCRIPT CWORD WORD...: COMPREPLY, one a line, of _guidenav
# called as bash calls it (a word made of '=' alone is one bash split off:
# the word being completed is then empty).
bash_complete() {
    (
        # shellcheck disable=SC1090
        source "$1"
        COMP_CWORD=$2
        shift 2
        COMP_WORDS=("$@")
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        cur=${COMP_WORDS[COMP_CWORD]}
        [[ $cur == =* && -z ${cur//=/} ]] && cur=
        _guidenav "${COMP_WORDS[0]}" "$cur" "${COMP_WORDS[COMP_CWORD - 1]}"
        ((${#COMPREPLY[@]} == 0)) || printf '%s\n' "${COMPREPLY[@]}"
    ) 2>"$tmp/bash.err"
}
B=$ROOT/completions/guidenav.bash
if bash -n "$B" && (source "$B" && complete -p guidenav) | grep -q -- '-F _guidenav guidenav$'; then
    echo "ok - bash: the script loads and completes guidenav"
else
    echo "not ok - bash: the script does not load"
fi
bash_complete "$B" 1 guidenav -- >"$tmp/out"
same "bash: the options are those of --help" "$tmp/help-options" "$tmp/out"
# An option that takes an argument is followed by its argument, not an option.
: >"$tmp/arg"
while read -r opt; do
    bash_complete "$B" 2 guidenav "$opt" -- | grep -qx -- --toc || echo "$opt" >>"$tmp/arg"
done <"$tmp/help-options"
with_arg bash "$tmp/arg"
bash_complete "$B" 2 guidenav --only "" >"$tmp/out"
same "bash: --only offers the kinds of --check" "$tmp/kinds" "$tmp/out"
bash_complete "$B" 2 guidenav --skip nofile,o >"$tmp/out"
words nofile,orphan nofile,outside
same "bash: --skip KIND,<TAB> offers the other kinds after the first" "$tmp/words" "$tmp/out"
bash_complete "$B" 3 guidenav guide/en --reference "" >"$tmp/out"
# shellcheck disable=SC2086
words $TAGS
same "bash: --reference offers the locale tags of the bundled guide" "$tmp/words" "$tmp/out"
bash_complete "$B" 2 guidenav --reference "" guide/ja-JP >"$tmp/out"
first "bash: --reference before the PATH: that PATH's locale set (ja-JP first)" ja-JP "$tmp/out"
bash_complete "$B" 2 guidenav --reference j guide/en >"$tmp/out"
words ja-JP
same "bash: --reference j offers ja-JP" "$tmp/words" "$tmp/out"
bash_complete "$B" 3 guidenav guide/fr-FR --compare "" >"$tmp/out"
# shellcheck disable=SC2086
words $(printf '%s, ' $TAGS)
same "bash: --compare offers A, each tag with its comma" "$tmp/words" "$tmp/out"
bash_complete "$B" 3 guidenav guide/fr-FR --compare en, >"$tmp/out"
words en,de-DE en,fr-FR en,ja-JP en,ko-KR en,pt-BR
same "bash: --compare en,<TAB> offers the other tags" "$tmp/words" "$tmp/out"
bash_complete "$B" 2 guidenav --compare "" guide/ja-JP/keys.md >"$tmp/out"
first "bash: --compare with a PAGE: the page's locale set" ja-JP, "$tmp/out"
(cd "$tmp/home" && bash_complete "$B" 2 guidenav --reference "") >"$tmp/out"
# shellcheck disable=SC2086
words $TAGS
same "bash: with no PATH, the bundled guide's tags" "$tmp/words" "$tmp/out"
bash_complete "$B" 3 guidenav "$tmp/none" --reference "" >"$tmp/out"
same "bash: a PATH that is no guide: no tag" /dev/null "$tmp/out"
PATH=/usr/bin:/bin bash_complete "$B" 3 "$GN" guide/en --reference "" >"$tmp/out"
# shellcheck disable=SC2086
words $TAGS
same "bash: the program named on the command line lists the tags" "$tmp/words" "$tmp/out"
bash_complete "$B" 2 guidenav --width = >"$tmp/out"
has "bash: --width=<TAB> offers widths" "$tmp/out" 80 120
bash_complete "$B" 2 guidenav --format "" >"$tmp/out"
words tsv sarif
same "bash: --format offers tsv and sarif" "$tmp/words" "$tmp/out"
bash_complete "$B" 2 guidenav --dump guide/en/k >"$tmp/out"
words guide/en/keys.md
same "bash: --dump offers Markdown files" "$tmp/words" "$tmp/out"
bash_complete "$B" 1 guidenav guide/ >"$tmp/out"
has "bash: a PATH is a folder" "$tmp/out" guide/en guide/ja-JP
if [ -s "$tmp/bash.err" ]; then
    echo "not ok - bash: the completion wrote to stderr"; sed 's/^/#   /' "$tmp/bash.err"
fi

# ---- zsh -------------------------------------------------------------------

# zsh_complete DIR LINE...: the matches for each LINE, in $tmp/zsh.1, ...
zsh_complete() {
    rm -f "$tmp"/zsh.*
    HOME=$tmp/home zsh -f tests/lib/zsh-complete.zsh "$@" >"$tmp/zsh.out" 2>"$tmp/zsh.err" || {
        echo "not ok - zsh: tests/lib/zsh-complete.zsh failed"; sed 's/^/#   /' "$tmp/zsh.err"
        return 1
    }
    awk -v d="$tmp" '/^# / { n++; printf "" > (d "/zsh." n); next } { print > (d "/zsh." n) }' "$tmp/zsh.out"
}
if ! command -v zsh >/dev/null 2>&1; then
    echo "ok - zsh completion # SKIP zsh is not installed"
elif ! zsh -n completions/_guidenav; then
    echo "not ok - zsh: completions/_guidenav does not parse"
else
    lines=("guidenav --" "guidenav --only " "guidenav --skip nofile,o" "guidenav guide/en --reference "
           "guidenav --reference @@ guide/ja-JP" "guidenav guide/fr-FR --compare "
           "guidenav guide/fr-FR --compare en," "guidenav --compare @@ guide/ja-JP/keys.md"
           "guidenav --width=" "guidenav --format " "guidenav --dump guide/en/k"
           "guidenav ${tmp}/none --reference ")
    if zsh_complete completions "${lines[@]}"; then
        same "zsh: the options are those of --help" "$tmp/help-options" "$tmp/zsh.1"
        same "zsh: --only offers the kinds of --check" "$tmp/kinds" "$tmp/zsh.2"
        words nofile,orphan nofile,outside
        same "zsh: --skip KIND,<TAB> offers the other kinds after the first" "$tmp/words" "$tmp/zsh.3"
        # shellcheck disable=SC2086
        words $TAGS
        same "zsh: --reference offers the locale tags of the bundled guide" "$tmp/words" "$tmp/zsh.4"
        first "zsh: --reference before the PATH: that PATH's locale set (ja-JP first)" ja-JP "$tmp/zsh.5"
        # shellcheck disable=SC2086
        words $TAGS
        same "zsh: --compare offers A, each tag" "$tmp/words" "$tmp/zsh.6"
        words en,de-DE en,fr-FR en,ja-JP en,ko-KR en,pt-BR
        same "zsh: --compare en,<TAB> offers the other tags" "$tmp/words" "$tmp/zsh.7"
        first "zsh: --compare with a PAGE: the page's locale set" ja-JP "$tmp/zsh.8"
        has "zsh: --width=<TAB> offers widths" "$tmp/zsh.9" --width=80 --width=120
        words tsv sarif
        same "zsh: --format offers tsv and sarif" "$tmp/words" "$tmp/zsh.10"
        words keys.md
        same "zsh: --dump offers Markdown files" "$tmp/words" "$tmp/zsh.11"
        same "zsh: a PATH that is no guide: no tag" /dev/null "$tmp/zsh.12"
    fi
    # Which options take an argument: those of _arguments' specs with '='
    # ('--width=[...]:...'), read from the script (after an option, a
    # --help and --version of zsh offer nothing, as no argument would).
    sed -n "s/^ *'\(([^)]*)\)\{0,1\}\*\{0,1\}\(--[a-z0-9-]*\)=\[.*/\2/p" completions/_guidenav >"$tmp/arg"
    with_arg zsh "$tmp/arg"
fi

# ---- fish ------------------------------------------------------------------

# fish_complete LINE...: the completions (without descriptions) of each
# LINE, in $tmp/fish.1, ...
fish_complete() {
    rm -f "$tmp"/fish.*
    HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home XDG_DATA_HOME=$tmp/home fish --no-config -c '
        source completions/guidenav.fish
        for l in $argv; echo "# $l"; complete -C $l; end' -- "$@" >"$tmp/fish.out" 2>"$tmp/fish.err"
    awk -v d="$tmp" '/^# / { n++; printf "" > (d "/fish." n); next }
                     { sub(/\t.*/, ""); print > (d "/fish." n) }' "$tmp/fish.out"
}
if ! command -v fish >/dev/null 2>&1; then
    echo "ok - fish completion # SKIP fish is not installed"
elif ! fish --no-execute completions/guidenav.fish; then
    echo "not ok - fish: completions/guidenav.fish does not parse"
else
    fish_complete "guidenav --" "guidenav --only " "guidenav --skip nofile,o" \
        "guidenav guide/en --reference " "guidenav guide/fr-FR --compare " \
        "guidenav guide/fr-FR --compare en," "guidenav guide/ja-JP/keys.md --compare " \
        "guidenav --width=" "guidenav --format " "guidenav --dump guide/en/k" \
        "guidenav $tmp/none --reference " "guidenav guide/ja-JP --reference "
    same "fish: the options are those of --help" "$tmp/help-options" "$tmp/fish.1"
    same "fish: --only offers the kinds of --check" "$tmp/kinds" "$tmp/fish.2"
    words nofile,orphan nofile,outside
    same "fish: --skip KIND,<TAB> offers the other kinds after the first" "$tmp/words" "$tmp/fish.3"
    # shellcheck disable=SC2086
    words $TAGS
    same "fish: --reference offers the locale tags of the bundled guide" "$tmp/words" "$tmp/fish.4"
    # shellcheck disable=SC2086
    words $(printf '%s, ' $TAGS)
    same "fish: --compare offers A, each tag with its comma" "$tmp/words" "$tmp/fish.5"
    words en,de-DE en,fr-FR en,ja-JP en,ko-KR en,pt-BR
    same "fish: --compare en,<TAB> offers the other tags" "$tmp/words" "$tmp/fish.6"
    first "fish: --compare with a PAGE: the page's locale set" ja-JP, "$tmp/fish.7"
    has "fish: --width=<TAB> offers widths" "$tmp/fish.8" --width=80 --width=120
    words tsv sarif
    same "fish: --format offers tsv and sarif" "$tmp/words" "$tmp/fish.9"
    words guide/en/keys.md
    same "fish: --dump offers Markdown files" "$tmp/words" "$tmp/fish.10"
    same "fish: a PATH that is no guide: no tag" /dev/null "$tmp/fish.11"
    first "fish: --reference after a PATH: that PATH's locale set (ja-JP first)" ja-JP "$tmp/fish.12"
    # Which options take an argument: fish's own list of the definitions.
    HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home XDG_DATA_HOME=$tmp/home \
        fish --no-config -c 'source completions/guidenav.fish; complete -c guidenav' |
        awk '/ (-r|-x|--exclusive|--require-parameter)( |$)/ {
                 for (i = 1; i < NF; i++) if ($i == "-l" || $i == "--long-option") print "--" $(i + 1) }' \
        >"$tmp/arg"
    with_arg fish "$tmp/arg"
fi

# ---- make install ----------------------------------------------------------

if make -s install BUILD="${GN_BUILD:-build}" PREFIX="$tmp/prefix" >"$tmp/install.log" 2>&1 &&
   [ -f "$tmp/prefix/share/bash-completion/completions/guidenav" ] &&
   [ -f "$tmp/prefix/share/zsh/site-functions/_guidenav" ] &&
   [ -f "$tmp/prefix/share/fish/vendor_completions.d/guidenav.fish" ]; then
    echo "ok - make install PREFIX=...: the completions of bash, zsh and fish"
else
    echo "not ok - make install PREFIX=... of the completions"; sed 's/^/#   /' "$tmp/install.log"
    find "$tmp/prefix" -path '*/guide' -prune -o -print | sed 's/^/#   /'
fi
if make -s install BUILD="${GN_BUILD:-build}" PREFIX=/usr DESTDIR="$tmp/root" >"$tmp/install.log" 2>&1 &&
   [ -f "$tmp/root/usr/share/bash-completion/completions/guidenav" ] &&
   [ -f "$tmp/root/usr/share/zsh/vendor-completions/_guidenav" ] &&
   [ -f "$tmp/root/usr/share/fish/vendor_completions.d/guidenav.fish" ]; then
    echo "ok - make install PREFIX=/usr DESTDIR=...: zsh's in vendor-completions"
else
    echo "not ok - make install PREFIX=/usr DESTDIR=..."; sed 's/^/#   /' "$tmp/install.log"
fi
# Each shell finds the installed script by itself.
if [ -f /usr/share/bash-completion/bash_completion ]; then
    HOME=$tmp/home XDG_DATA_DIRS=$tmp/prefix/share bash -c '
        source /usr/share/bash-completion/bash_completion
        __load_completion guidenav && complete -p guidenav' >"$tmp/out" 2>&1
    if grep -q -- '-F _guidenav guidenav$' "$tmp/out"; then
        echo "ok - bash-completion loads the installed script on demand"
    else
        echo "not ok - bash-completion does not load the installed script"; sed 's/^/#   /' "$tmp/out"
    fi
else
    echo "ok - bash-completion loads the installed script # SKIP bash-completion is not installed"
fi
bash_complete "$tmp/prefix/share/bash-completion/completions/guidenav" 3 guidenav guide/en --reference "" >"$tmp/out"
# shellcheck disable=SC2086
words $TAGS
same "bash: the installed script offers the locale tags" "$tmp/words" "$tmp/out"
if command -v zsh >/dev/null 2>&1 &&
   zsh_complete "$tmp/prefix/share/zsh/site-functions" "guidenav guide/en --reference "; then
    # shellcheck disable=SC2086
    words $TAGS
    same "zsh: the installed script offers the locale tags" "$tmp/words" "$tmp/zsh.1"
fi
if command -v fish >/dev/null 2>&1; then
    # fish's own configuration puts XDG_DATA_DIRS' vendor_completions.d in
    # its path; the user's is left out (HOME, XDG_CONFIG_HOME).
    HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home XDG_DATA_HOME=$tmp/home XDG_DATA_DIRS=$tmp/prefix/share \
        fish -c "complete -C 'guidenav guide/en --reference '" 2>&1 | cut -f1 >"$tmp/out"
    # shellcheck disable=SC2086
    words $TAGS
    same "fish: the installed script, found through XDG_DATA_DIRS, offers the locale tags" \
        "$tmp/words" "$tmp/out"
fi
if make -s uninstall PREFIX="$tmp/prefix" >"$tmp/install.log" 2>&1 &&
   [ -z "$(find "$tmp/prefix" -type f)" ]; then
    echo "ok - make uninstall removes the completions"
else
    echo "not ok - make uninstall leaves files"; find "$tmp/prefix" -type f | sed 's/^/#   /'
fi
