#!/usr/bin/env bash
# End to end: e runs the reader's editor ($VISUAL, else $EDITOR) as
# "EDITOR +LINE FILE" at the line of the block at the top of the pager,
# the terminal given to it (canonical mode, as a shell has it); the screen
# comes back and the page is read again, at the same place, with the
# edit. An editor command line with arguments; a failing editor; refused
# under GUIDENAV_SECURE=1.
set -u
. tests/lib/screen.sh

# A guide whose folder name holds a quote and spaces: the file name is
# given to the editor whole, never read by a shell.
dir="$TMPDIR_GN/it's a guide"
mkdir -p "$dir"
printf '# Guide\n\n- [Page](page.md)\n' >"$dir/TOC.md"
{
    printf -- '---\ntitle: Page\n---\n# Page\n\nFirst paragraph.\n\n## Second {#second}\n\nText of the second section.\n\n'
    for i in $(seq 1 30); do printf 'Filler %d.\n\n' "$i"; done
} >"$dir/page.md"

# The editor: records its arguments and whether the terminal is in
# canonical mode, then adds " EDITED" to the line it was given.
editor="$TMPDIR_GN/editor"
cat >"$editor" <<EOF
#!/bin/sh
printf '%s\n' "\$@" >"$TMPDIR_GN/args"
stty -a | grep -o ' icanon' >>"$TMPDIR_GN/args"
case "\$1" in +*) sed -i "\${1#+}s/\\\$/ EDITED/" "\$2" ;; esac
EOF
chmod +x "$editor"

# with VAR=VALUE... COMMAND: a navigator started with these variables.
with() {
    local vars=()
    while [ $# -gt 0 ] && [ "${1#*=}" != "$1" ]; do vars+=("$1"); shift; done
    GN="env $(printf '%q ' "${vars[@]}")$GN_BIN" start 100 12 --no-state "$@"
}
GN_BIN=$GN
args_are() { [ "$(cat "$TMPDIR_GN/args" 2>/dev/null)" = "$1" ]; }

with "EDITOR=$editor" VISUAL= "$dir/page.md"
keys j j j j
expect_output "the section is at the top" "## Second" first_pager_line
keys e
expect_text "the page is read again after the editor" "Reloaded."
if eventually args_are "+8
$dir/page.md
 icanon"; then
    echo "ok - the editor got +LINE (the file's line of the heading at the top) and the file, in canonical mode"
else
    echo "not ok - the editor's arguments:"; sed 's/^/#   /' "$TMPDIR_GN/args"
fi
expect_output "the edit shows, at the same place" "## Second EDITED" first_pager_line
expect_screen editor-back
keys q
stop

rm -f "$TMPDIR_GN/args"
with "VISUAL=$editor --wait 'two words'" EDITOR=no-such-editor "$dir/page.md"
keys e
if eventually args_are "--wait
two words
+4
$dir/page.md
 icanon"; then
    echo "ok - VISUAL comes first, its arguments split as a shell splits them"
else
    echo "not ok - VISUAL's arguments:"; sed 's/^/#   /' "$TMPDIR_GN/args"
fi
keys q
stop

with EDITOR=false VISUAL= "$dir/page.md"
keys e
expect_text "a failing editor is said" "false exited with status 1"
expect_text "... and the page stays" "First paragraph."
keys q
stop

rm -f "$TMPDIR_GN/args"
with "EDITOR=$editor" GUIDENAV_SECURE=1 "$dir/page.md"
keys e
expect_text "GUIDENAV_SECURE=1 refuses e" "Editing is off: GUIDENAV_SECURE is set."
if [ -e "$TMPDIR_GN/args" ]; then
    echo "not ok - the editor ran under GUIDENAV_SECURE=1"
else
    echo "ok - ... and runs no editor"
fi
keys q
stop
