#!/usr/bin/env bash
# Anchors lost in translation, through the command line. --check on
# tests/fixtures/anchors prints tests/integration/expected/check-anchors.txt
# (anchorlost apart from badanchor) and exits 1; --reference moves what is
# lost. Then the corpus (skipped, saying so, without ../shared): the
# figures of anchorlost and badanchor per locale are printed, and what
# holds whatever the snapshot is asserted: en has no anchorlost, every
# translation has some, the anchor of every anchorlost is in the en page
# (by {#anchor} or by the slug of a heading's text, read here from the
# Markdown, not by guidenav) and that of every badanchor is in neither.
set -u
GN=${GN:-$PWD/${GN_BUILD:-build}/guidenav}
SHARED=${SHARED:-$PWD/../shared}
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
bad() { # NAME [FILE...]: a failure, with the files' first lines
    local name=$1; shift
    echo "not ok - $name"
    for f in "$@"; do [ -f "$f" ] && sed 's/^/#   /' "$f" | head -20; done
}

# ---- the fixture ----
"$GN" --check tests/fixtures/anchors/bikes.en >"$tmp/check" 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && diff -u tests/integration/expected/check-anchors.txt "$tmp/check" >"$tmp/diff"; then
    ok "--check on the fixture: anchorlost and badanchor as expected, status 1"
else
    bad "--check on the fixture: status $rc, or its output differs" "$tmp/diff" "$tmp/err"
fi

# ja-JP as the reference: ko-KR's "brakes.md#pads" is lost (ja-JP keeps
# {#pads}), its "tyres.md#fix-a-puncture" bad (ja-JP's heading lost it too).
"$GN" --check --reference ja-JP tests/fixtures/anchors/bikes.en >"$tmp/check-ja"
if grep -q $'^ko-KR\thelp/repair/overview.md:17\tanchorlost\tbrakes.md#pads: lands on "패드" (ja-JP: "パッド")$' "$tmp/check-ja" &&
   grep -q $'^ko-KR\thelp/repair/overview.md:16\tbadanchor\ttyres.md#fix-a-puncture$' "$tmp/check-ja"; then
    ok "--reference ja-JP: anchors are lost against the ja-JP pages"
else
    bad "--reference ja-JP: anchorlost and badanchor lines" "$tmp/check-ja"
fi

# ---- the corpus ----
corpus=$SHARED/corpus
if [ ! -d "$corpus/commerce-channels.en" ]; then
    echo "ok - anchors lost in the corpus # SKIP $corpus is absent"
    exit 0
fi
"$GN" --check "$corpus/commerce-channels.en" >"$tmp/corpus"
printf '# corpus, --check: locale, anchorlost, badanchor\n'
for l in en ja-JP ko-KR fr-FR pt-BR de-DE; do
    lost=$(awk -F'\t' -v l="$l" '$1 == l && $3 == "anchorlost"' "$tmp/corpus" | wc -l)
    broken=$(awk -F'\t' -v l="$l" '$1 == l && $3 == "badanchor"' "$tmp/corpus" | wc -l)
    printf '#   %-6s %4d %4d\n' "$l" "$lost" "$broken"
    if [ "$l" = en ]; then
        [ "$lost" = 0 ] && ok "corpus: en, the reference, loses no anchor" ||
            bad "corpus: en has $lost anchorlost" "$tmp/corpus"
    else
        [ "$lost" -gt 0 ] && ok "corpus: $l has anchors lost in translation ($lost)" ||
            bad "corpus: $l has no anchorlost" "$tmp/corpus"
    fi
done

# Each anchorlost and badanchor of a translation, against the en page of
# its target: "yes" when the en page has the anchor, by {#anchor} or by
# the slug of a heading's text (markup and {#...} left out), else "no".
python3 - "$corpus" "$tmp/corpus" >"$tmp/verdicts" <<'EOF'
import os, re, sys
corpus, check = sys.argv[1], sys.argv[2]

def slug(text):
    out = []
    for ch in text:
        if ch.isascii():
            if ch.isalnum() or ch == '_':
                out.append(ch.lower())
            elif ch in ' -':
                out.append('-')
        else:
            out.append(ch)
    return ''.join(out)

def anchors(path):
    """Every {#id} and heading slug of a Markdown page."""
    found, fence = set(), False
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.lstrip().startswith(('```', '~~~')):
                fence = not fence
            m = None if fence else re.match(r'#{1,6}\s+(.*?)\s*#*\s*$', line)
            if not m:
                continue
            text = m.group(1)
            found.update(re.findall(r'\{#([^}\s]+)\}', text))
            text = re.sub(r'\{#[^}]*\}', '', text)
            text = re.sub(r'\[!(?:UICONTROL|DNL|BADGE)\s+([^\]]*)\]', r'\1', text)
            text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', text)
            text = re.sub(r'[`*]', '', text).strip()
            found.add(slug(text))
    return found

for rec in open(check, encoding='utf-8'):
    locale, where, kind, detail = rec.rstrip('\n').split('\t', 3)
    if locale == 'en' or kind not in ('anchorlost', 'badanchor'):
        continue
    url = re.sub(r': (lands on|no heading here) .*$', '', detail) if kind == 'anchorlost' else detail
    page = where.rsplit(':', 1)[0]
    target, _, anchor = url.partition('#')
    anchor = anchor.lstrip('#')
    rel = page if not target else os.path.normpath(os.path.join(os.path.dirname(page), target))
    en = os.path.join(corpus, 'commerce-channels.en', rel)
    has = os.path.isfile(en) and anchor in anchors(en)
    print(f"{kind}\t{'yes' if has else 'no'}\t{locale}\t{where}\t{url}")
EOF
nlost=$(awk -F'\t' '$1 == "anchorlost"' "$tmp/verdicts" | wc -l)
awk -F'\t' '$1 == "anchorlost" && $2 == "no"' "$tmp/verdicts" >"$tmp/lost-missing"
if [ "$nlost" -gt 0 ] && [ ! -s "$tmp/lost-missing" ]; then
    ok "corpus: the anchor of each of the $nlost anchorlost is in the en page"
else
    bad "corpus: anchorlost whose anchor the en page lacks ($nlost in all)" "$tmp/lost-missing"
fi
awk -F'\t' '$1 == "badanchor" && $2 == "yes"' "$tmp/verdicts" >"$tmp/bad-found"
if [ ! -s "$tmp/bad-found" ]; then
    ok "corpus: no translation's badanchor names an anchor of the en page"
else
    bad "corpus: badanchor whose anchor the en page has" "$tmp/bad-found"
fi
