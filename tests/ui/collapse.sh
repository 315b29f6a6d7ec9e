#!/usr/bin/env bash
# End to end: collapsible blocks ("+++Title" ... "+++") in the pager. z
# folds the first block whose title is on the screen and unfolds it again;
# scrolled into a block with no title on the screen, z folds the block
# holding the top line, which then shows its title, and z at once returns
# to the very same line; / skips folded text and says so; the folds stay
# through a switch to Japanese and fold both sides of the comparison.
set -u
. tests/lib/screen.sh

# pager_top: the pager's first line when it has the whole width (one
# column of margin).
pager_top() { capture | head -n 1 | cut -c2-; }

start 80 12 --no-state tests/fixtures/collapse/notes.en/help/notes
keys Enter                         # open the release notes
expect_screen collapse-open
keys z
expect_text "z folds the first block on the screen" "Folded: Version 2.1 of the Connector"
expect_screen collapse-folded
keys z
expect_text "z again unfolds it" "Unfolded: Version 2.1 of the Connector"
expect_output "... and the page is as it was" "# Release notes" pager_top

keys d d d j                        # the top inside Version 2.0, after its inner block
expect_output "scrolled into Version 2.0" "  Upgrade the extension before the theme." pager_top
keys z
expect_text "z folds the block holding the top" "Folded: Version 2.0"
expect_output "... whose title is then at the top" "▸ Version 2.0" pager_top
expect_screen collapse-holding
keys / d a t a b a s e Enter
expect_text "/ does not look into folded blocks" "Not found: database (folded blocks are not searched)"
keys z
expect_output "z at once returns to the same line" "  Upgrade the extension before the theme." pager_top
keys z
expect_output "z folds it again" "▸ Version 2.0" pager_top
keys L Down Enter                  # en [ja-JP] ko-KR: Japanese
expect_text "the folds stay through a switch of language" "Language: ja-JP"
expect_output "... with the folded block's title at the top" "▸ バージョン 2.0" pager_top
expect_screen collapse-ja
resize 120 12
keys c
expect_text "c compares with English" "│ ja-JP ⇄ en │"
expect_screen collapse-compare
keys z
expect_text "z unfolds the block on both sides" "Unfolded: バージョン 2.0"
expect_text "... English too" "▾ Version 2.0"
keys q
