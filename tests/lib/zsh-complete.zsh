#!/usr/bin/env zsh
# zsh-complete.zsh DIR LINE...: what zsh's completion system offers at the
# end of each LINE (or where "@@" stands in it), with DIR first in fpath. For each LINE, a line
# "# LINE", then each match that the completion functions add (after the
# prefix they keep, as in "en,de-DE" or "--width=80"), one a line.
#
# Completion needs the line editor, so an interactive `zsh -f` runs in a
# pseudo-terminal (zpty) with compinit; TAB there calls a widget that runs
# complete-word with compadd wrapped to write each match to a file, lists
# and inserts nothing, and empties the line. Exits 2 when zsh cannot.
emulate -L zsh
zmodload zsh/zpty 2>/dev/null || { print -u2 "zsh-complete: no zsh/zpty"; exit 2 }
(( $# >= 1 )) || { print -u2 "usage: zsh-complete.zsh DIR LINE..."; exit 2 }
dir=${1:A}; shift
tmp=$(mktemp -d) || exit 2
trap 'zpty -d z 2>/dev/null; rm -rf $tmp' EXIT
out=$tmp/out

cat >$tmp/setup.zsh <<EOF
PS1='' PS2='' RPS1='' PROMPT_EOL_MARK=''
unsetopt zle_bracketed_paste 2>/dev/null
fpath=(${(q)dir} \$fpath)
autoload -Uz compinit && compinit -u -D
zmodload zsh/zutil
compadd() {
  local -a __o __m
  __o=("\${(@)@[1,(i)(-|--)]}")
  # Calls that only ask (-O, -A) or filter (-D) are not matches.
  if (( \${__o[(I)-[OAD]*]} )); then
    builtin compadd "\$@"
    return
  fi
  builtin compadd -O __m "\$@"
  (( \$#__m )) && print -rl -- "\${(@)__m/#/\$IPREFIX}" >>${(q)out}
  builtin compadd "\$@"
}
__gn_nolist() { compstate[list]=''; compstate[insert]='' }
__gn_complete() {
  print -r -- "# \$BUFFER" >>${(q)out}
  if [[ \$BUFFER == *@@* ]]; then
    local pos=\${#BUFFER%%@@*}
    BUFFER=\${BUFFER/@@/}
    CURSOR=\$pos
  fi
  comppostfuncs=(__gn_nolist)
  zle complete-word
  print -r -- "#." >>${(q)out}
  BUFFER=''
}
zle -N __gn_complete
bindkey '^I' __gn_complete
print -r -- ready >${(q)tmp}/ready
EOF

# wait_for FILE PATTERN: until FILE has a line matching PATTERN (10 s),
# reading what zsh writes to the terminal meanwhile.
wait_for() {
  local i junk
  for (( i = 0; i < 200; i++ )); do
    [[ -f $1 && -n ${(M)${(f)"$(<$1)"}:#$~2} ]] && return 0
    while zpty -rt z junk 2>/dev/null; do :; done
    sleep 0.05
  done
  print -u2 "zsh-complete: zsh did not answer"
  return 1
}

zpty z zsh -f -i || exit 2
zpty -w z "source ${(q)tmp}/setup.zsh"
wait_for $tmp/ready ready || exit 2
integer n=0 i
for line in "$@"; do
  zpty -w -n z "$line"$'\t'
  (( n++ ))
  # Done when the n-th "#." is there.
  for (( i = 0; i < 200; i++ )); do
    [[ -f $out && ${#${(M)${(f)"$(<$out)"}:#\#.}} -ge $n ]] && break
    while zpty -rt z junk 2>/dev/null; do :; done
    sleep 0.05
  done
  (( i < 200 )) || { print -u2 "zsh-complete: no answer to: $line"; exit 2 }
done
grep -v '^#\.$' $out
