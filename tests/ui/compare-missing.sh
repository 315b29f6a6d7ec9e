#!/usr/bin/env bash
# End to end: comparing with a locale that lacks the page (pt-BR has no
# "Switching languages"). Its notice is on the first row of the pager,
# beside the page and, on a narrow terminal, above it, and the status line
# says so; at the bottom of the page and back at the top, the same.
set -u
. tests/lib/screen.sh

# first_row_has TEXT: the pager's first row holds TEXT.
first_row_has() { capture | head -n 1 | grep -qF -- "$1"; }
expect_first_row() {
    if eventually first_row_has "$2"; then echo "ok - $1"
    else echo "not ok - $1: '$2' not on the first row"; capture | sed 's/^/#   /'; fi
}

cp -R guide "$TMPDIR_GN/guide"
start 120 24 "$TMPDIR_GN/guide/en"
keys Down Down Enter Down Down Enter  # expand "Reading guides", open "Switching languages"
keys c
expect_text "c compares with the next locale" "│ en ⇄ de-DE │ Switching languages"
keys C Down Down Down Down Enter      # en [de-DE] fr-FR ja-JP ko-KR pt-BR
expect_text "the status line says the page is missing in pt-BR" \
    "│ en ⇄ pt-BR │ page missing in pt-BR │ Switching languages"
expect_first_row "the notice is on the first row, beside the title" \
    "# Switching languages                 │ This page is not available in pt-BR."
if screen_has "structure differs"; then
    echo "not ok - a missing page is no differing structure"; capture | sed 's/^/#   /'
else
    echo "ok - a missing page is no differing structure"
fi
expect_screen compare-missing
keys G g
expect_first_row "back at the top, the notice is on the first row again" \
    "│ This page is not available in pt-BR."
resize 90 24
expect_first_row "a narrow terminal shows the notice above the page" \
    "» This page is not available in pt-BR."
expect_text "the narrow status line still says it" "│ en ⇄ pt-BR │ page missing in pt-BR │"
expect_screen compare-missing-narrow
keys q
