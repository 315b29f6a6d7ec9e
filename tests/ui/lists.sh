#!/usr/bin/env bash
# End to end: the boxes over the page, on the bundled guide. The list of
# bookmarks (B) names each bookmark's page by its title in its locale
# (Japanese and Korean too), with the file and line of the selected one
# on the status line; Delete deletes one, for good (the next run lacks
# it). The language list (L) marks the locales that lack the page, and the
# second locale's list (C) leaves out the locale shown. The keys (H) say
# what lies below and above, scroll with the motions, wrap their
# descriptions under their column at 100 and at 40 columns, and close with
# q, Esc, H or ?, the keys that say so.
set -u
. tests/lib/screen.sh

# A copy outside any git checkout, as compare.sh does.
cp -R guide "$TMPDIR_GN/guide"
G=$TMPDIR_GN/guide/en
gone() { ! tm has-session -t "$GN_SESSION" 2>/dev/null; }
# not_on_screen NAME TEXT: the screen does not show TEXT.
not_on_screen() {
    if screen_has "$2"; then echo "not ok - $1: '$2' is on screen"; capture | sed 's/^/#   /'
    else echo "ok - $1"; fi
}

# ---- bookmarks ----
start 100 30 "$G"
keys m a                               # the first page: "Guide overview"
keys Down Down Enter Down Enter m b    # "Keys"
keys L Down Down Down Enter m c        # en de-DE fr-FR [ja-JP]: キー
keys L Down Enter m d                  # ja-JP [ko-KR]: 키
keys B
expect_text "B lists the bookmarks by their pages' titles" "b  en     Keys"
expect_text "...in Japanese, by the ja-JP table of contents" "c  ja-JP  キー"
expect_text "...and in Korean" "d  ko-KR  키"
expect_text "the status line says the selected one's file and line" "en: overview.md, line 1"
expect_text "the bottom border names the list's keys" "Enter: go  Delete: delete  q: close"
expect_screen marks-list
keys Down DC
expect_text "Delete deletes the selected bookmark" "Bookmark b deleted."
not_on_screen "...and it is gone from the list" "b  en"
keys Down Up
expect_text "...the next key shows the selected one's file again" "ja-JP: keys.md, line 1"
keys Enter
expect_text "Enter goes to the selected bookmark" "│ ja-JP │ キー"
keys DC
expect_text "Delete outside the list says where it works" \
    "Nothing to delete here: bookmarks are deleted from their list (B)."
keys q
eventually gone || echo "not ok - the navigator did not quit"

state=$(ls "$TMPDIR_GN"/guidenav/*.state 2>/dev/null)
if grep -q $'^mark\\.b\t\t\t\t0\t[0-9]' "$state" && ! grep -q 'mark\.b.*keys\.md' "$state"; then
    echo "ok - the state file keeps the deletion of b"
else
    echo "not ok - the state file does not record the deletion: $(cat "$state" 2>&1)"
fi
start 100 30 "$G"
keys B
expect_text "the next run lists the bookmarks kept" "d  ko-KR  키"
not_on_screen "...without the one deleted" "b  en"
keys DC DC DC
expect_text "deleting the last closes the list" "Bookmark d deleted."
not_on_screen "...the list is closed" "Bookmarks"
keys B
expect_text "no bookmark is left" "No bookmarks yet: m and a letter sets one."
keys q
eventually gone || echo "not ok - the navigator did not quit"

# ---- the language lists ----
start 100 30 --no-state "$G"
keys Down Down Enter Down Down Enter   # "Reading guides": "Switching languages"
keys L
expect_text "L marks a locale that lacks the page" \
    "pt-BR   Guia do usuário do guidenav  (page missing)"
lacking() { capture | grep -F "$1" | grep -q 'missing'; }
if lacking "ja-JP   guidenav"; then echo "not ok - ja-JP is marked though it has the page"
else echo "ok - ...not the locales that have it"; fi
missing_dimmed() {
    tm capture-pane -e -p -t gn | grep -a '(page missing)' | grep -qaE $'\e\\[([0-9]*;)*2[;m]'
}
if eventually missing_dimmed; then echo "ok - ...and dims it"
else echo "not ok - the locale lacking the page is not dimmed"; fi
expect_screen languages-missing
keys Down Down Down Enter              # ja-JP
keys C
expect_text "C offers the other locales" "ko-KR   guidenav 사용자 가이드"
not_on_screen "...not the one shown" "ja-JP   guidenav"
expect_text "...marking the one lacking the page" "pt-BR   Guia do usuário do guidenav  (page missing)"
keys g Enter                           # the first: en
expect_text "the chosen line's locale is compared" "│ ja-JP ⇄ en │"
keys q
stop

# ---- the keys ----
start 100 30 --no-state "$G"
keys H
expect_text "the keys say that more lies below, and what closes them" "└─↓ "
expect_text "...q closes" " more  q: close─"
expect_screen keys-help
keys j j
expect_text "j scrolls them" "└─↑ 2 above  ↓ "
keys G
expect_text "at the end, only what lies above" "quit: Quit"
not_on_screen "...nothing below" "more  q: close"
keys q
not_on_screen "q closes them" "q: close"
keys H Escape
not_on_screen "Esc closes them" "q: close"
keys H H
not_on_screen "H closes them" "q: close"
keys Down H Space
expect_text "Space scrolls them" "└─↑ "
keys '?'
not_on_screen "? closes them, as it opens them from the tree" "q: close"
keys '?'
expect_text "? in the tree shows them" "q: close"
keys x Enter
expect_text "other keys leave them open" "q: close"
keys q
resize 40 24
keys H f f f f f
expect_text "at 40 columns, a long key is alone on its row" "│ Backspace, Ctrl-H, Ctrl-O            │"
expect_text "...its description under the others'" "│                  back: Go back to    │"
cut() { capture | sed '$d' | grep -q '…'; }
if cut; then echo "not ok - a description is cut at 40 columns"; capture | sed 's/^/#   /'
else echo "ok - no description is cut at 40 columns"; fi
expect_screen keys-help-narrow
keys q
keys q
eventually gone || echo "not ok - q did not quit"
