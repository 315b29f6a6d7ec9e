# bash completion for guidenav(1)                          -*- shell-script -*-
#
# `make install` puts this file where bash-completion loads it on demand
# (PREFIX/share/bash-completion/completions/guidenav); without
# bash-completion, source it from ~/.bashrc. It needs nothing but bash.
#
# Options as `guidenav --help` lists them, and their arguments: locale tags
# for --reference and --compare (A,B) from `guidenav --locales` run on the
# command line's PATH and LOCALE=PATH arguments (or on a page of a guide
# given there, or with none: the current folder's guide, else the bundled
# one), kinds of --check for --only and --skip, tsv or sarif for --format,
# Markdown files for --dump, folders otherwise.
# tests/integration/completions.sh checks the lists below against
# `guidenav --help` and src/check.c.

_guidenav_options='--toc --dump --compare --interleave --toc-matrix --check
--only --skip --format --reference --search --all-guides --all-locales
--no-state --no-cache --max-file-size --width --plain --ascii --locales
--osc52 --hyperlinks --no-hyperlinks --mouse --config --no-config --print-config
--help --version'
# The options that take an argument (in the next word or after '=').
_guidenav_with_arg='--dump --compare --only --skip --format --reference
--search --max-file-size --width --config'
_guidenav_kinds='nofile orphan badlink badanchor anchorlost outside structure
stale unknowncommit unreadable uicontrol link code number markup untranslated'

# A word of the command line as the program would get it, in REPLY: a
# leading ~ or ~/ expanded, quotes and backslashes dropped (enough for
# paths; the word is never evaluated).
_guidenav_word() {
    local w=$1
    case $w in
        \~) w=$HOME ;;
        \~/*) w=$HOME/${w#\~/} ;;
    esac
    w=${w//\\/}
    w=${w//\'/}
    w=${w//\"/}
    REPLY=$w
}

# The locale tags of the locale set the command line names, one a line.
# Uses _guidenav_words, _guidenav_paths and _guidenav_none (_guidenav).
_guidenav_tags() {
    local prog
    [[ $_guidenav_none ]] && return
    _guidenav_word "${_guidenav_words[0]}"
    prog=$REPLY
    [[ $prog == */* && ! -x $prog ]] && prog=guidenav
    "$prog" --locales "${_guidenav_paths[@]}" 2>/dev/null | cut -f1
}

# COMPREPLY: the words of $1 that start with $3, each after the prefix $2.
_guidenav_add() {
    local w
    for w in $1; do
        [[ $w == "$3"* ]] && COMPREPLY+=("$2$w")
    done
}

# COMPREPLY: the lines of $1 (file names: spaces kept) added.
_guidenav_lines() {
    local w
    while IFS= read -r w; do
        [[ $w ]] && COMPREPLY+=("$w")
    done <<<"$1"
}

_guidenav() {
    local cur=$2 i w glue= opt= val= pre= dashdash= compare= expect= npos=0 others=
    # Seen by the functions called from here (bash's scoping is dynamic).
    local -a _guidenav_words=() _guidenav_paths=()
    local _guidenav_cword=0 _guidenav_none=
    COMPREPLY=()
    # COMP_WORDS again with the words bash splits at '=' put back together
    # (--width=80, en=guide/en): _guidenav_words, the current one at
    # _guidenav_cword.
    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
        w=${COMP_WORDS[i]}
        if ((i > 1)) && [[ $w == =* && -z ${w//=/} ]]; then
            _guidenav_words[${#_guidenav_words[@]} - 1]+=$w
            glue=1
        elif [[ $glue ]]; then
            _guidenav_words[${#_guidenav_words[@]} - 1]+=$w
            glue=
        else
            _guidenav_words+=("$w")
        fi
        ((i == COMP_CWORD)) && _guidenav_cword=$((${#_guidenav_words[@]} - 1))
    done

    # The other words: which option the current word is the argument of,
    # whether --compare is there, how many arguments come before the
    # current word, and the paths that name the locale set (those after
    # the current word too).
    local pages=() d n
    for ((i = 1; i < ${#_guidenav_words[@]}; i++)); do
        w=${_guidenav_words[i]}
        if [[ $expect ]]; then
            ((i == _guidenav_cword)) && opt=$expect
            expect=
            continue
        fi
        ((i == _guidenav_cword)) && continue
        if [[ ! $dashdash && $w == -?* ]]; then
            case $w in
                --) dashdash=1 ;;
                --compare*) compare=1 ;;&
                --*=*) ;;
                *) [[ " "$_guidenav_with_arg" " == *[[:space:]]"$w"[[:space:]]* ]] && expect=$w ;;
            esac
            continue
        fi
        ((i < _guidenav_cword)) && npos=$((npos + 1))
        others=1
        _guidenav_word "$w"
        w=$REPLY
        if [[ $w == [A-Za-z]*=* && ${w%%=*} != */* && -d ${w#*=} ]]; then
            _guidenav_paths+=("$w")
        elif [[ -d $w ]]; then
            _guidenav_paths+=("$w")
        elif [[ $w == *.md && -f $w ]]; then
            # A page: its guide, the nearest folder above with a TOC.md.
            d=$w
            for ((n = 0; n < 16; n++)); do
                [[ $d == */* ]] && d=${d%/*} || d=.
                [[ $d ]] || d=/
                if [[ -f $d/TOC.md ]]; then
                    pages+=("$d")
                    break
                fi
                [[ $d == / || $d == . ]] && break
            done
        fi
    done
    # Else a page's guide; with no argument at all, guidenav's own choice.
    ((${#_guidenav_paths[@]})) || _guidenav_paths=("${pages[@]:0:1}")
    # (Arguments that name no guide: no locale set, no tag.)
    ((${#_guidenav_paths[@]})) || _guidenav_none=$others

    w=${_guidenav_words[_guidenav_cword]}
    if [[ ! $opt && ! $dashdash && $w == --*=* ]]; then
        opt=${w%%=*}
        if [[ $cur == "$w" ]]; then # '=' is not a word break
            pre=${cur%%=*}=
            cur=${cur#*=}
        fi
    fi

    case $opt in
        --dump)
            compopt -o filenames 2>/dev/null
            _guidenav_lines "$(compgen -d -- "$cur")"
            _guidenav_lines "$(compgen -f -X '!*.md' -- "$cur")"
            ;;
        --width)
            _guidenav_add '80 100 120 160' "$pre" "$cur"
            ;;
        --format)
            _guidenav_add 'tsv sarif' "$pre" "$cur"
            ;;
        --reference)
            _guidenav_add "$(_guidenav_tags)" "$pre" "$cur"
            ;;
        --compare) # A, then A,B
            if [[ $cur == *,* ]]; then
                val=${cur%%,*}
                local tags
                tags=$(_guidenav_tags | grep -vxF -- "$val")
                _guidenav_add "$tags" "$pre$val," "${cur#*,}"
            else
                _guidenav_add "$(_guidenav_tags)" "$pre" "$cur"
                for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]+=,; done
                compopt -o nospace 2>/dev/null
            fi
            ;;
        --only | --skip) # KIND[,KIND...], each kind once
            val=
            [[ $cur == *,* ]] && val=${cur%,*},
            local kinds= k
            for k in $_guidenav_kinds; do
                [[ ,$val == *,"$k",* ]] || kinds+=" $k"
            done
            _guidenav_add "$kinds" "$pre$val" "${cur##*,}"
            ;;
        --search | --max-file-size | --*) # free text, a number
            ;;
        *)
            if [[ ! $dashdash && $cur == -* ]]; then
                _guidenav_add "$_guidenav_options" "" "$cur"
                return 0
            fi
            # A PATH (a folder), LOCALE=PATH, or --compare's PAGE.
            compopt -o filenames 2>/dev/null
            if [[ $cur == [A-Za-z]*=* && ${cur%%=*} != */* ]]; then
                pre=${cur%%=*}=
                cur=${cur#*=}
                compopt +o filenames -o nospace 2>/dev/null
                while IFS= read -r w; do
                    [[ $w ]] && COMPREPLY+=("$pre$w/")
                done <<<"$(compgen -d -- "$cur")"
            else
                _guidenav_lines "$(compgen -d -- "$cur")"
                [[ $compare && $npos == 0 ]] && _guidenav_lines "$(compgen -f -X '!*.md' -- "$cur")"
            fi
            ;;
    esac
    return 0
}

complete -F _guidenav guidenav
