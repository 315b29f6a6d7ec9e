#!/usr/bin/env bash
# The Debian package (debian/, `make deb`): scripts/build-deb builds it
# from a copy of the tree with dpkg-buildpackage, lintian reports no error
# in it, and the program extracted from it into a scratch root with
# `dpkg -x` (nothing is installed on the system) runs there: --version
# gives the package's version, --toc reads the bundled guide in
# usr/share/guidenav/guide, and with no PATH it finds that guide beside
# itself. The man page, the completions and the copyright are in their
# places, and Depends names the package of the libgit2 soname the program
# loads with dlopen.
# Skipped, saying so, when dpkg-buildpackage or debhelper is missing
# (scripts/install-deps installs them), and in a sanitizer build's run
# (the package does not depend on it; the plain `make check` tests it).
set -u
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

skip() { echo "ok - the Debian package # SKIP $1"; exit 0; }
[ "${GN_BUILD:-build}" = build ] ||
    skip "not built in a sanitizer run (${GN_BUILD}): the plain make check builds it"
command -v dpkg-buildpackage >/dev/null 2>&1 || skip "dpkg-buildpackage is not installed (dpkg-dev)"
command -v dh >/dev/null 2>&1 || skip "dh is not installed (debhelper)"

# has NAME FILE TEXT
has() {
    if grep -qF -- "$3" "$2"; then echo "ok - $1"
    else echo "not ok - $1: '$3' missing from:"; sed 's/^/#   /' "$2"; fi
}

version=$(dpkg-parsechangelog -S Version)
deb=$tmp/out/guidenav_${version}_$(dpkg --print-architecture).deb
start=$SECONDS
scripts/build-deb "$tmp/out" >"$tmp/build.out" 2>&1
rc=$?
if [ -f "$deb" ]; then
    echo "ok - scripts/build-deb builds $(basename "$deb") ($((SECONDS - start)) s, lintian included)"
else
    echo "not ok - scripts/build-deb builds no package (status $rc)"
    sed 's/^/#   /' "$tmp/build.out"
    exit 0
fi
if [ "$version" = "$(sed -n 's/^VERSION *= *//p' Makefile)" ]; then
    echo "ok - debian/changelog's version is the Makefile's ($version)"
else
    echo "not ok - debian/changelog's version $version is not the Makefile's VERSION"
fi

if [ ! -f "$tmp/out/lintian.txt" ]; then
    echo "ok - lintian reports no error # SKIP lintian is not installed"
elif [ "$rc" -eq 0 ] && ! grep -q '^E: ' "$tmp/out/lintian.txt"; then
    echo "ok - lintian reports no error"
else
    echo "not ok - lintian reports errors (build-deb status $rc)"
    sed 's/^/#   /' "$tmp/out/lintian.txt"
fi

root=$tmp/root
dpkg -x "$deb" "$root"
gn=$root/usr/bin/guidenav
(cd / && "$gn" --version) >"$tmp/out.txt" 2>&1
if [ "$(cat "$tmp/out.txt")" = "guidenav $version" ]; then
    echo "ok - the extracted usr/bin/guidenav --version: guidenav $version"
else
    echo "not ok - the extracted usr/bin/guidenav --version"; sed 's/^/#   /' "$tmp/out.txt"
fi
if (cd / && "$gn" --toc "$root/usr/share/guidenav/guide/en") >"$tmp/toc.txt" 2>&1 &&
   diff -u tests/integration/expected/toc-en.txt "$tmp/toc.txt" >"$tmp/diff"; then
    echo "ok - the extracted program's --toc of the extracted guide matches expected/toc-en.txt"
else
    echo "not ok - --toc of the extracted guide"; sed 's/^/#   /' "$tmp/diff" "$tmp/toc.txt"
fi
(cd / && "$gn" --locales) >"$tmp/out.txt" 2>&1
has "with no PATH, the extracted program opens the guide beside it" "$tmp/out.txt" \
    "en	$root/usr/share/guidenav/guide/en	"
if grep -aqF /usr/share/guidenav/guide "$gn"; then
    echo "ok - the program is built with PREFIX=/usr (its data folder /usr/share/guidenav)"
else
    echo "not ok - /usr/share/guidenav is not compiled into the program"
fi

missing=""
for f in usr/share/man/man1/guidenav.1.gz usr/share/doc/guidenav/copyright \
         usr/share/doc/guidenav/changelog.gz usr/share/guidenav/guide/ja-JP/TOC.md \
         usr/share/bash-completion/completions/guidenav \
         usr/share/zsh/vendor-completions/_guidenav \
         usr/share/fish/vendor_completions.d/guidenav.fish; do
    [ -f "$root/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ]; then
    echo "ok - the package holds the man page, the guide, the completions and the copyright"
else
    echo "not ok - the package lacks$missing"
    (cd "$root" && find . -path ./usr/share/guidenav/guide -prune -o -print) | sed 's/^/#   /'
fi

# libgit2 is loaded by its soname, which dpkg-shlibdeps cannot see.
dpkg-deb -f "$deb" Depends >"$tmp/depends.txt"
so=$(grep -aom1 'libgit2\.so\.[0-9][0-9.]*' "$gn")
pkg=$(dpkg-query -S "*/$so" 2>/dev/null | head -n 1 | cut -d: -f1)
if [ -n "$so" ] && [ -n "$pkg" ] && grep -qE "(^|, )$pkg( |,|$)" "$tmp/depends.txt"; then
    echo "ok - Depends names $pkg, the package of $so, which the program loads"
else
    echo "not ok - Depends lacks the package of the libgit2 soname '$so' ('$pkg')"
    sed 's/^/#   /' "$tmp/depends.txt"
fi
