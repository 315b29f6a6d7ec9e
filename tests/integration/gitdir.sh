#!/usr/bin/env bash
# Staleness is read from the reference locale's own checkout only: a .git
# folder at its repository root. A .git file ("gitdir: ...") or a .git
# link naming another repository is not followed, nor a repository above
# the locale: there the answer is "unknown", never read from elsewhere.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git() { command git -c user.name=test -c user.email=test@example.org -c init.defaultBranch=main "$@"; }

# book.LOCALE: a guide with one page; ja-JP translated from en's first commit.
make_locale() { # DIR TITLE
    mkdir -p "$1/help/g"
    printf -- '- [Page](page.md)\n' >"$1/help/g/TOC.md"
    printf -- '---\nsource-git-commit: %s\n---\n# %s\n' "${3:-}" "$2" >"$1/help/g/page.md"
}
# A repository elsewhere whose history makes the page stale.
make_locale "$tmp/other" "Original"
git -C "$tmp/other" init -q && git -C "$tmp/other" add -A && git -C "$tmp/other" commit -qm one
first=$(git -C "$tmp/other" rev-parse HEAD)
echo "Changed." >>"$tmp/other/help/g/page.md"
git -C "$tmp/other" commit -qam two

check_unknown() { # NAME [LOCALE-PATH]: --check on the set says nothing stale
    local out
    out=$("$GN" --check "${2:-$tmp/set/book.en}" 2>&1)
    if printf '%s\n' "$out" | grep -q stale; then
        echo "not ok - $1: staleness read from another repository"; printf '%s\n' "$out" | sed 's/^/#   /'
    else
        echo "ok - $1"
    fi
}

mkdir -p "$tmp/set"
make_locale "$tmp/set/book.en" "Original"
make_locale "$tmp/set/book.ja-JP" "原文" "$first"
echo "gitdir: $tmp/other/.git" >"$tmp/set/book.en/.git"
check_unknown "a .git file naming another repository is not followed"
rm "$tmp/set/book.en/.git"
ln -s "$tmp/other/.git" "$tmp/set/book.en/.git"
check_unknown "a .git link to another repository is not followed"
rm "$tmp/set/book.en/.git"
# The locales inside a larger checkout whose history has the page: not
# searched above the locale's own folder.
make_locale "$tmp/up/book.en" "Original"
git -C "$tmp/up" init -q && git -C "$tmp/up" add -A && git -C "$tmp/up" commit -qm one
make_locale "$tmp/up/book.ja-JP" "原文" "$(git -C "$tmp/up" rev-parse HEAD)"
echo "Changed." >>"$tmp/up/book.en/help/g/page.md"
git -C "$tmp/up" add -A && git -C "$tmp/up" commit -qm two
check_unknown "a checkout above the locale is not searched" "$tmp/up/book.en"
# Its own checkout is read: the same history there makes the page stale.
rm -rf "$tmp/set/book.en"
git clone -q "$tmp/other" "$tmp/set/book.en"
if "$GN" --check "$tmp/set/book.en" 2>&1 | grep -q "stale"; then
    echo "ok - the locale's own checkout is read: the page is stale"
else
    echo "not ok - the locale's own checkout was not read"
fi
