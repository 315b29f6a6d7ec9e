# goldens.sh: the render goldens. Each fixture page tests/render/**/NAME.md
# (snippet files under _includes excepted) is dumped with --plain at 40 and
# 80 columns and compared with NAME.40.txt and NAME.80.txt beside it. Pages
# under tests/render/ascii/ are dumped with --ascii.
GOLDEN_WIDTHS="40 80"

# golden_cases: one line per case: "PAGE WIDTH EXPECTED EXTRA-OPTION".
golden_cases() {
    local md w opt
    find tests/render -name '*.md' ! -path '*/_includes/*' | sort | while read -r md; do
        opt=--plain
        case "$md" in tests/render/ascii/*) opt=--ascii ;; esac
        for w in $GOLDEN_WIDTHS; do
            echo "$md $w ${md%.md}.$w.txt $opt"
        done
    done
}

# golden_render PAGE WIDTH OPTION: the dump, as compared.
golden_render() {
    LANG=C.UTF-8 LC_ALL=C.UTF-8 ${GN_BUILD:-build}/guidenav --dump "$1" --width "$2" --plain "$3" 2>&1
}
