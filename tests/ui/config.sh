#!/usr/bin/env bash
# End to end: the configuration file ($XDG_CONFIG_HOME/guidenav/config.yaml,
# here $TMPDIR_GN/config/guidenav/config.yaml: see start in screen.sh). A
# remapped key, the help naming actions, a default second locale, themes
# seen in the escape codes of the pane, a bad file's message on the status
# line with the defaults kept, and @SET opening a named locale set.
set -u
. tests/lib/screen.sh

cfg=$TMPDIR_GN/config/guidenav/config.yaml
mkdir -p "$(dirname "$cfg")"
# A copy outside any git checkout, as compare.sh does.
cp -R guide "$TMPDIR_GN/guide"

# colour_codes: the SGR colour codes (30-37, 90-97, 38;5;N) on the pane.
colour_codes() {
    tm capture-pane -e -p -t "$GN_SESSION" |
        grep -oE $'\e\\[([0-9]+;)*(3[0-7]|9[0-7]|38;5;[0-9]+)(;[0-9]+)*m' | sort -u
}

# ---- keys ----
cat >"$cfg" <<'YAML'
keys:
  global:
    help: [e, F1]
    quit: Q
compare: fr-FR
YAML
start 120 30 "$TMPDIR_GN/guide/en"
keys H
expect_text "a key taken from an action is bound to nothing" "H: no such key"
keys e
expect_text "a remapped key does its action" "┌─Keys─"
keys G                             # the end of the list
expect_text "the help shows the new keys and the action's name" "e, F1"
expect_text "the help names the actions as config.yaml does" "help: Show the keys"
expect_text "the help shows each key once: Q for quit" "Q       "
keys Escape
keys Down Down Enter Down Enter c  # open "Keys", compare
expect_text "compare: the default second locale" "│ en ⇄ fr-FR │ Keys"
keys q
expect_text "q is no longer quit" "q: no such key"
keys Q
gone() { ! tm has-session -t "$GN_SESSION" 2>/dev/null; }
if eventually gone; then echo "ok - the remapped quit quits"
else echo "not ok - Q did not quit"; capture | sed 's/^/#   /'; fi
stop

# ---- colours ----
rm -f "$cfg"
start 120 30 "$TMPDIR_GN/guide/en"
keys Down Down Enter Down Enter    # open "Keys"
if [ -n "$(colour_codes)" ]; then echo "ok - the dark theme colours the page"
else echo "not ok - no colour on the screen with the default theme"; fi
stop

printf 'colors: {theme: none}\n' >"$cfg"
start 120 30 "$TMPDIR_GN/guide/en"
keys Down Down Enter Down Enter    # open "Keys"
codes=$(colour_codes)
if [ -z "$codes" ]; then echo "ok - theme none: no colour at all"
else echo "not ok - theme none shows colours:"; printf '%s\n' "$codes" | cat -v | sed 's/^/#   /'; fi
expect_text "theme none: the page is shown" "Keys"
stop

printf 'colors:\n  theme: none\n  heading: 208 on 17 bold\n' >"$cfg"
start 120 30 "$TMPDIR_GN/guide/en"
keys Down Down Enter Down Enter    # open "Keys"
codes=$(colour_codes)
if printf '%s\n' "$codes" | grep -q '38;5;208'; then echo "ok - a style's 256-colour foreground"
else echo "not ok - no 38;5;208 for the heading:"; printf '%s\n' "$codes" | cat -v | sed 's/^/#   /'; fi
stop

# ---- a bad file ----
printf 'mouse: on\nkeys:\n  global:\n    quit: [Spce]\n' >"$cfg"
start 200 30 "$TMPDIR_GN/guide/en"
expect_text "a bad file's message on the status line, with its line" \
    "config.yaml:4: keys.global.quit: unknown key name 'Spce'"
expect_text "...and the defaults used" "(the defaults are used)"
keys H
expect_text "the defaults are in force: H shows the keys" "┌─Keys─"
keys Escape q
if eventually gone; then echo "ok - the default q quits"
else echo "not ok - q did not quit"; fi
stop

# ---- sets ----
cat >"$cfg" <<YAML
sets:
  mine: [de-DE=$TMPDIR_GN/guide/de-DE]
YAML
start 120 30 @mine
expect_text "@SET opens the set: its first locale (German)" "Erste Schritte"
stop
