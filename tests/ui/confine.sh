#!/usr/bin/env bash
# End to end: the navigator reads nothing outside the locale source. A
# page listed in the TOC that is a symbolic link to a file outside the
# repository, and a link to it, are refused in the words every mode uses
# ("outside the guide, not read"), and the outside file's text never
# reaches the screen. A TOC entry written as a repository path
# (/help/other/page.md) opens its page.
set -u
. tests/lib/screen.sh

repo=$TMPDIR_GN/book.en
mkdir -p "$repo/help/main" "$repo/help/other"
printf 'SECRET-TEXT-OUTSIDE\n' >"$TMPDIR_GN/outside.md"
cat >"$repo/help/main/TOC.md" <<'TOC'
# Main guide

- [Start](start.md)
- [Linked out](secret.md)
- [Elsewhere](/help/other/page.md)
TOC
cat >"$repo/help/main/start.md" <<'PAGE'
# Start

A link to [the page linked out](secret.md).
PAGE
ln -s ../../../outside.md "$repo/help/main/secret.md"
cat >"$repo/help/other/TOC.md" <<'TOC'
# Other guide

- [Page](page.md)
TOC
cat >"$repo/help/other/page.md" <<'PAGE'
# A page of the other guide

It is listed by the main guide's table of contents.
PAGE

start 100 20 "$repo/help/main"
keys Down Enter
expect_text "a TOC page linked out of the repository is refused" "outside the guide, not read"
if screen_has "SECRET-TEXT-OUTSIDE"; then
    echo "not ok - the outside file's text is on screen"
else
    echo "ok - the outside file's text is not on screen"
fi
keys w Up Enter Tab Enter
expect_text "a link to it is refused in the same words" "outside the guide, not read"
keys w Down Down Enter
expect_text "a TOC entry /help/other/page.md opens its page" "It is listed by the main guide"
keys q
stop
