#!/usr/bin/env bash
# End to end: D, the reference page's changes since the translation, on a
# diff whose added line (English, Japanese and Korean) is far wider than
# the screen. The line wraps inside the box, rows it goes on after end
# with ↵, so the whole of it can be read, at 80 columns and, scrolling, at
# 50; a tab in the diff takes its columns without breaking the box; its
# bottom border says what lies below and above. Then the translation read
# alone: its status line says "stale", until the page says it was made
# from the reference's last commit; the reference says nothing.
set -u
. tests/lib/screen.sh

if ! command -v git >/dev/null; then
    echo "ok - D wraps long lines # SKIP git is not installed"
    exit 0
fi
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
# Fixed names and dates: the commit ids, shown in the box's title, are the
# same on every run.
export GIT_AUTHOR_DATE='2024-01-02T03:04:05Z' GIT_COMMITTER_DATE='2024-01-02T03:04:05Z'
G=(git -c user.name=t -c user.email=t@t -c commit.gpgsign=false -c init.defaultBranch=main
   -c core.autocrlf=false)
d=$TMPDIR_GN/docs
mkdir -p "$d/book.en/help/g" "$d/book.ja-JP/help/g"
long='Translators keep the labels of the interface in English: the Japanese guide says 顧客メニューからアカウントを作成します。作成したアカウントはすぐに使用できます and the Korean guide says 고객 메뉴에서 계정을 만들 수 있으며 만든 계정은 바로 사용할 수 있습니다 before the steps.'
(
    cd "$d/book.en" && "${G[@]}" init -q . &&
    printf '# Book\n\n- [Accounts](accounts.md)\n' >help/g/TOC.md &&
    printf '# Accounts\n\nCreate an account.\n\n## Steps\n\n1. Open the menu.\n' >help/g/accounts.md &&
    "${G[@]}" add -A && "${G[@]}" commit -qm one
) || { echo "not ok - the repository could not be made"; exit 0; }
c1=$(git -C "$d/book.en" rev-parse HEAD)
printf '# Accounts\n\nCreate an account.\n%s\n\n## Steps\n\n1. Open the menu.\n\t- and a tab\n' \
    "$long" >"$d/book.en/help/g/accounts.md"
"${G[@]}" -C "$d/book.en" commit -qam two
cp "$d/book.en/help/g/TOC.md" "$d/book.ja-JP/help/g/"
printf -- '---\nsource-git-commit: %s\n---\n# アカウント\n\nアカウントを作成します。\n\n## 手順\n\n1. メニューを開きます。\n' \
    "$c1" >"$d/book.ja-JP/help/g/accounts.md"

# box_text: the text in the box on the screen, its rows joined, the
# continuation marks and all spaces left out.
box_text() {
    capture | sed -n 's/^ *│ \(.*\)│ *$/\1/p' | sed 's/↵ *$//' | tr -d ' \n'
}
# shows_long: the added line can be read whole, in order, in the box.
shows_long() { box_text | grep -qF -- "+$(printf '%s' "$long" | tr -d ' ')"; }

start 80 24 "$d/book.en"
keys Enter c                       # open "Accounts", compare with ja-JP
expect_text "c compares with the translation" "en ⇄ ja-JP │ Accounts │ ja-JP stale"
keys D
expect_text "D shows the changes since the translation" "Changes to the en page since"
expect_screen changes-wrapped
if eventually shows_long; then
    echo "ok - at 80 columns the line of 250 columns is wrapped whole into the box"
else
    echo "not ok - the long line cannot be read whole at 80 columns"; capture | sed 's/^/#   /'
fi
resize 50 20                       # the rows wrap again to the narrower box
expect_screen changes-narrow
expect_text "the line's start is at the top" "│ +Translators keep the labels of the interface↵"
keys Space                         # a page down: the rest of the line
expect_screen changes-narrow-scrolled
expect_text "scrolling shows the line's end" "before the steps."
if capture | grep -q '│ +   - and a tab  *│$'; then
    echo "ok - a tab in the diff is expanded to its columns, the box intact"
else
    echo "not ok - the tabbed line does not fit its row"; capture | sed 's/^/#   /'
fi
expect_text "the bottom border says what lies above" "└─↑ 4 above  q: close─"
keys q
expect_text "q closes the box" "en ⇄ ja-JP │ Accounts"
if screen_has "Changes to the en page"; then
    echo "not ok - the box is still open after q"
else
    echo "ok - the box is closed"
fi
keys c
status() { capture | tail -n 1 | tr -s ' '; }  # its words
expect_output "the reference read alone: no staleness" " Book │ en │ Accounts 1-14/14 100%" status
keys L Down Enter j                # ja-JP alone; j: the message gone
expect_output "a stale translation read alone says so" " Book │ ja-JP │ アカウント │ stale 1-7/7 100%" status
# The page made again from the reference's last commit: up to date.
c2=$(git -C "$d/book.en" rev-parse HEAD)
sed -i "s/$c1/$c2/" "$d/book.ja-JP/help/g/accounts.md"
keys R j                           # read again; j: the message gone
expect_output "an up-to-date translation says nothing" " Book │ ja-JP │ アカウント 1-7/7 100%" status
keys q
