#!/usr/bin/env bash
# --compare when a locale lacks the page, on a guide of its own in en,
# ja-JP and ko-KR (ko-KR's table of contents lists the page, but its file
# is missing): the notice saying so is on the first row, beside the page
# side by side and above it interleaved, standard error says it in a few
# words (not that the heading structure differs), and the exit status is
# 0. A first locale lacking the page says so the same way; two locales
# with the page, no notice.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok - $1"; }
bad() { # NAME [FILE...]: a failure, with the files' first lines
    local name=$1; shift
    echo "not ok - $name"
    for f in "$@"; do [ -f "$f" ] && sed 's/^/#   /' "$f" | head -20; done
}
# expect NAME FILE TEXT: FILE's first line holds TEXT.
first_line() {
    if head -n 1 "$2" | grep -qF -- "$3"; then ok "$1"; else bad "$1: '$3' not on the first line" "$2"; fi
}

# guide LOCALE TITLE: a guide "setup" of one page, steps.md, in LOCALE.
guide() {
    mkdir -p "$tmp/docs.$1/help/setup"
    printf -- '# %s\n\n- [%s](steps.md)\n' "$2" "$2" >"$tmp/docs.$1/help/setup/TOC.md"
}
guide en "Setup"
guide ja-JP "セットアップ"
guide ko-KR "설정"
cat >"$tmp/docs.en/help/setup/steps.md" <<'MD'
# Setup steps {#steps}

Follow these steps.

1. Download the package.
2. Unpack it.

## Next {#next}

Read on.
MD
cat >"$tmp/docs.ja-JP/help/setup/steps.md" <<'MD'
# セットアップの手順 {#steps}

次の手順に従います。

1. パッケージをダウンロードします。
2. 展開します。

## 次へ {#next}

続きを読んでください。
MD
en=$tmp/docs.en/help/setup/steps.md
notice="This page is not available in ko-KR."

# Side by side: the notice beside the page's first line.
"$GN" --compare en,ko-KR "$en" --width 100 --plain >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && ok "--compare with a missing page exits 0" || bad "--compare exited $rc" "$tmp/err"
first_line "side by side, the notice is on the first row, beside the title" "$tmp/out" \
    "# Setup steps"
first_line "side by side, the notice starts the right side" "$tmp/out" "│ $notice"
if grep -qxF "guidenav: page missing in ko-KR" "$tmp/err" && ! grep -q "structure" "$tmp/err"; then
    ok "standard error says the page is missing in ko-KR, not that the structure differs"
else
    bad "standard error" "$tmp/err"
fi

# Interleaved: the notice, marked as the second locale, then a blank row,
# then the page.
"$GN" --compare en,ko-KR "$en" --width 60 --plain --interleave >"$tmp/out" 2>"$tmp/err"
first_line "interleaved, the notice comes first" "$tmp/out" "» $notice"
if sed -n '1,/^$/p' "$tmp/out" | grep -q '^# ' ||
   [ "$(sed -n '/^$/{n;p;q}' "$tmp/out")" != "# Setup steps" ]; then
    bad "interleaved, the page follows the notice after a blank row" "$tmp/out"
else
    ok "interleaved, the page follows the notice after a blank row"
fi
if grep -q '^» ' <(sed '1,/^$/d' "$tmp/out"); then
    bad "interleaved, no line of the second locale after the notice" "$tmp/out"
else
    ok "interleaved, no line of the second locale after the notice"
fi

# The first locale lacking the page: its notice first, the page beside it.
"$GN" --compare ko-KR,ja-JP "$en" --width 100 --plain >"$tmp/out" 2>"$tmp/err"
first_line "a first locale lacking the page shows its notice on the first row" "$tmp/out" \
    "$notice"
first_line "...beside the second locale's page" "$tmp/out" "│ # セットアップの手順"
grep -qxF "guidenav: page missing in ko-KR" "$tmp/err" &&
    ok "standard error says the first locale lacks the page" ||
    bad "standard error for the first locale" "$tmp/err"

# Both have the page: no notice, nothing on standard error.
"$GN" --compare en,ja-JP "$en" --width 100 --plain >"$tmp/out" 2>"$tmp/err"
if [ ! -s "$tmp/err" ] && ! grep -q "not available" "$tmp/out" &&
   head -n 1 "$tmp/out" | grep -q "^# Setup steps .*│ # セットアップの手順"; then
    ok "two locales with the page: the titles side by side, no notice"
else
    bad "two locales with the page" "$tmp/out" "$tmp/err"
fi
