#!/usr/bin/env bash
# The manual page: groff reads man/guidenav.1 without a warning (the
# checks lintian makes of an installed page), and it names every option
# guidenav --help lists.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
page=man/guidenav.1

if command -v groff >/dev/null && command -v preconv >/dev/null; then
    warnings=$(preconv "$page" | groff -man -ww -z -Tutf8 2>&1)
    if [ -z "$warnings" ]; then echo "ok - groff reads the manual page without a warning"
    else echo "not ok - groff's warnings on $page:"; printf '%s\n' "$warnings" | sed 's/^/#   /'; fi
else
    echo "ok - the manual page's warnings # SKIP groff is not installed"
fi

missing=""
for opt in $("$GN" --help | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u); do
    # Written in roff as \-\-name.
    grep -qF -- "$(printf '%s' "$opt" | sed 's/-/\\-/g')" "$page" || missing="$missing $opt"
done
if [ -z "$missing" ]; then echo "ok - the manual page names every option of --help"
else echo "not ok - options of --help missing from $page:$missing"; fi
