# fish completion for guidenav(1).
#
# `make install` puts this file where fish loads it on demand
# (PREFIX/share/fish/vendor_completions.d/guidenav.fish); else copy it to
# ~/.config/fish/completions/.
#
# Options as `guidenav --help` lists them, and their arguments: locale tags
# for --reference and --compare (A,B) from `guidenav --locales` run on the
# command line's PATH and LOCALE=PATH arguments (or on a page of a guide
# given there, or with none: the current folder's guide, else the bundled
# one), kinds of --check for --only and --skip, tsv or sarif for --format,
# Markdown files for --dump, files and folders otherwise.
# tests/integration/completions.sh checks the lists below against
# `guidenav --help` and src/check.c.

# The locale set the command line names: TAG<TAB>guide title, one a line.
function __guidenav_locale_set
    # The tokens but the one being completed (those after it too).
    set -l tokens (commandline -opc)
    set -l after (commandline -op)
    set -l skip (count $tokens)
    test -n "$(commandline -ct)"; and set skip (math $skip + 1)
    set -e after[1..$skip]
    set -a tokens $after
    set -l prog $tokens[1]
    set -e tokens[1]
    string match -q -- '*/*' $prog; and not test -x $prog; and set prog guidenav
    set -l paths
    set -l pages
    set -l others 0
    set -l skip 0
    set -l dashdash 0
    for t in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        if test $dashdash = 0; and string match -q -- '-?*' $t
            switch $t
                case --
                    set dashdash 1
                case --dump --compare --only --skip --format --reference --search --max-file-size --width --config
                    set skip 1
            end
            continue
        end
        set others 1
        set t (string replace -r -- '^~(?=/|$)' $HOME $t)
        if string match -qr -- '^[A-Za-z][^/]*=' $t; and test -d (string split -m1 = -- $t)[2]
            set -a paths $t
        else if test -d $t
            set -a paths $t
        else if string match -q -- '*.md' $t; and test -f $t
            # A page: its guide, the nearest folder above with a TOC.md.
            set -l d $t
            for i in (seq 16)
                string match -q -- '*/*' $d; and set d (string replace -r -- '/[^/]*$' '' $d); or set d .
                test -n "$d"; or set d /
                if test -f $d/TOC.md
                    set -a pages $d
                    break
                end
                contains -- $d / .; and break
            end
        end
    end
    test (count $paths) -gt 0; or set paths $pages[1]
    # Arguments that name no guide: no locale set, no tag.
    test (count $paths) -gt 0; or test $others = 0; or return
    command $prog --locales $paths 2>/dev/null | string replace -r '^([^\t]*)\t[^\t]*\t' '$1\t'
end

# --compare A,B: A (with its comma), then B among the others.
function __guidenav_pair
    set -l token (commandline -ct | string replace -r -- '^--compare=' '')
    if string match -q -- '*,*' $token
        set -l a (string split -m1 , -- $token)[1]
        for l in (__guidenav_locale_set)
            set -l tag (string split -m1 \t -- $l)[1]
            test "$tag" = "$a"; or printf '%s,%s\n' $a $l
        end
    else
        __guidenav_locale_set | string replace -r '^([^\t]*)' '$1,'
    end
end

# --only and --skip: KIND[,KIND...], each kind once.
function __guidenav_kinds
    set -l token (commandline -ct | string replace -r -- '^--(only|skip)=' '')
    set -l head (string match -r -- '^.*,' $token)
    set -l chosen (string split , -- $head)
    printf '%s\n' \
        'nofile	a TOC entry names a page that does not exist' \
        'orphan	a page under the guide folder that no TOC reaches' \
        'badlink	a link to a page that does not exist' \
        'badanchor	a link to a section that no page has' \
        'anchorlost	a link to a section the translation lost' \
        'outside	a TOC entry or link names a file outside the repository' \
        'structure	the heading levels differ from the reference page' \
        'stale	the reference page changed after the source commit' \
        'unknowncommit	source-git-commit is not in the reference history' \
        'unreadable	a file that cannot be read or parsed' \
        'uicontrol	a UI label or product name missing or changed' \
        'link	a link of the reference block missing or changed' \
        'code	an inline code span missing or changed' \
        'number	a number missing or changed' \
        'markup	markup broken in the translation' \
        'untranslated	a block with the reference text, not translated' |
        while read -l -d \t kind description
            contains -- $kind $chosen; or printf '%s%s\t%s\n' "$head" $kind $description
        end
end

complete -c guidenav -l toc -d 'Print the table of contents of each guide of the first locale'
complete -c guidenav -l dump -r -k -a '(__fish_complete_suffix .md)' -d 'Print a page laid out for the terminal'
complete -c guidenav -l compare -x -k -a '(__guidenav_pair)' -d 'Print a page in locales A and B side by side'
complete -c guidenav -l interleave -d "With --compare: each block of A followed by B's"
complete -c guidenav -l toc-matrix -d "Print each guide's TOC across the locales"
complete -c guidenav -l check -d 'List the problems of the guides and their translations'
complete -c guidenav -l only -x -k -a '(__guidenav_kinds)' -d 'With --check: only these kinds'
complete -c guidenav -l skip -x -k -a '(__guidenav_kinds)' -d 'With --check: not these kinds'
complete -c guidenav -l format -x -a 'tsv\t"tab-separated lines" sarif\t"SARIF 2.1.0"' -d 'With --check: the output format'
complete -c guidenav -l reference -x -k -a '(__guidenav_locale_set)' -d 'The locale translations are checked against'
complete -c guidenav -l search -x -d 'Print each match: locale, page, line, excerpt'
complete -c guidenav -l all-guides -d 'Search every guide of the locale'
complete -c guidenav -l all-locales -d 'Search every locale'
complete -c guidenav -l no-state -d 'Neither read nor write the saved place and bookmarks'
complete -c guidenav -l no-cache -d 'Neither read nor write the search cache'
complete -c guidenav -l max-file-size -x -d 'Refuse files larger than this many bytes'
complete -c guidenav -l width -x -a '80 100 120 160' -d 'The width for --dump and --compare'
complete -c guidenav -l plain -d 'No colours in --dump and --compare'
complete -c guidenav -l ascii -d 'ASCII borders and marks in --dump'
complete -c guidenav -l locales -d 'Print the locale set: tag, path, guide title'
complete -c guidenav -l osc52 -d "Let y copy links to the terminal's clipboard (OSC 52)"
complete -c guidenav -l hyperlinks -d "Make the pager's web and mail links hyperlinks (OSC 8)"
complete -c guidenav -l no-hyperlinks -d 'Never write hyperlinks'
complete -c guidenav -l mouse -d 'The wheel scrolls, a click selects an entry or follows a link'
complete -c guidenav -l config -r -d 'Read this configuration file'
complete -c guidenav -l no-config -d 'Read no configuration file: the defaults'
complete -c guidenav -l print-config -d 'Print the configuration in force as YAML'
complete -c guidenav -l help -d 'Show the help'
complete -c guidenav -l version -d 'Show the version'
