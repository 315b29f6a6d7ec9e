#!/usr/bin/env bash
# End to end: the real guidenav in tmux on the bundled guide. Open, expand,
# open a page, switch to ja-JP and find the same section, the missing-page
# message in pt-BR, a resize (one pane at a time under 100 columns, t
# toggles), the help screen, quit.
set -u
. tests/lib/screen.sh

start 100 30 guide/en
expect_screen start                # no saved place: the first page, beside the tree

keys Down Enter                    # expand "Getting started"
expect_screen expand

keys Down Enter                    # open "Starting guidenav"
expect_screen open-page

keys w Down Down Enter Down Enter     # expand "Reading guides", open "Keys"
keys 7 4 g                         # line 74: inside "Contents tree"
expect_screen keys-en-scrolled

keys L Down Down Down Enter        # en de-DE fr-FR [ja-JP] ko-KR pt-BR
# The block at the top stays at the top: the second line of the table's
# Enter row, in Japanese too, and back in English the very same line.
expect_output "ja-JP keeps the block at the top" "│          │ 択したグループを展開／折りたたみ                  │" first_pager_line
expect_screen keys-ja
keys L Up Up Up Enter              # [en] de-DE fr-FR ja-JP ...
expect_screen keys-en-back         # the lines of keys-en-scrolled
keys L Down Down Down Enter        # ja-JP again

keys w Down Enter                  # "言語の切り替え" in the tree
keys L Down Down Enter             # ja-JP ko-KR [pt-BR]
expect_text "pt-BR says the page is missing" "This page is not available in pt-BR."
expect_screen missing-pt
missing_dimmed() { tm capture-pane -e -p -t gn | grep -a 'Alternar idiomas' | grep -qaE $'\e\\[([0-9]*;)*2[;m]'; }
if eventually missing_dimmed; then
    echo "ok - the entry whose file is missing is dimmed"
else
    echo "not ok - the missing entry is not dimmed"
fi

keys L Up Up Enter                 # back to ja-JP: the page is there again
resize 72 20
expect_screen resized              # under 100 columns: the pager alone
keys w                             # the tree alone, full width
expect_screen resized-tree
keys t                             # both side by side again
expect_screen resized-two-panes
keys t w                           # one at a time: the pager
expect_text "t and w bring the pager back, full width" "L を押すと、言語スイッチャーが開きます。ロケールセットのすべてのロケー"

keys H
expect_text "H lists the keys" "Half a page down"
keys Space Space                   # the list goes on below
expect_text "the help names each key bound, Ctrl-W too" "w, Ctrl-W "
keys q                             # closes the help
keys q
gone() { ! tm has-session -t gn 2>/dev/null; }
if eventually gone; then
    echo "ok - q quits"
else
    echo "not ok - q quits"
fi
