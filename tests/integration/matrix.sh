#!/usr/bin/env bash
# --toc-matrix, --check and staleness over the seeds and the corpus; the
# staleness test clones the English repository from its bundle, checks that
# no translation is stale, commits a change to one English page and checks
# that exactly that page is stale in every locale. Skipped without ../shared.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
SHARED=${SHARED:-$PWD/../shared}
export LANG=C.UTF-8
if [ ! -d "$SHARED/seeds" ] || [ ! -d "$SHARED/corpus" ]; then
    echo "ok - matrix, check and staleness # SKIP $SHARED is absent"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
bad() { echo "not ok - $1"; [ -f "${2:-}" ] && sed 's/^/#   /' "$2" | head -20; }

# column FILE NAME: the index (1-based) of a header column.
column() { head -n 1 "$1" | tr '\t' '\n' | grep -nx -- "$2" | cut -d: -f1; }
# cell FILE ROW-KEY COLUMN-NAME
cell() { awk -F'\t' -v k="$2" -v c="$(column "$1" "$3")" '$1 == k { print $c }' "$1"; }

seeds=$SHARED/seeds/commerce-admin.ja-JP/help/customers
"$GN" --toc-matrix "$seeds" >"$tmp/seeds.tsv" || bad "--toc-matrix on the seeds exits 0"
row=personalize-scale.md
got="$(for l in ja-JP de-DE ko-KR fr-FR pt-BR; do printf '%s=%s ' "$l" "$(cell "$tmp/seeds.tsv" $row $l)"; done)"
if [ "$got" = "ja-JP=absent de-DE=absent ko-KR=nofile fr-FR=nofile pt-BR=nofile " ]; then
    ok "seeds: $row is absent in ja-JP and de-DE, listed without a file elsewhere"
else
    bad "seeds: $row: $got" "$tmp/seeds.tsv"
fi
ext=$(awk -F'\t' '$1 ~ /^https:/' "$tmp/seeds.tsv" | cut -f1-6)
if [ "$(printf '%s\n' "$ext" | grep -c .)" = 1 ] &&
   [ "$(cell "$tmp/seeds.tsv" "$(printf '%s' "$ext" | cut -f1)" ko-KR)" = ok ] &&
   [ "$(printf '%s' "$ext" | cut -f2-6 | tr '\t' '\n' | grep -c absent)" = 4 ]; then
    ok "seeds: the external link row exists only in ko-KR"
else
    bad "seeds: the external link row: $ext"
fi
if ! awk -F'\t' 'NR > 1 && $1 ~ /\.md$/ { for (i = 2; i <= 6; i++) if ($i == "ok") exit 1 }' "$tmp/seeds.tsv"; then
    bad "seeds: a page cell says ok, but the seeds carry no pages" "$tmp/seeds.tsv"
else
    ok "seeds: every page cell is absent or nofile"
fi
"$GN" --check "$seeds" >"$tmp/check.txt"
rc=$?
if [ $rc = 1 ] && grep -q $'^ja-JP\tTOC.md:[0-9]*\tnofile\tguide-overview.md$' "$tmp/check.txt"; then
    ok "seeds: --check exits 1 and names each missing file ($(wc -l <"$tmp/check.txt") problems)"
else
    bad "seeds: --check exited $rc" "$tmp/check.txt"
fi

# Staleness on a real clone of the English repository.
git clone -q "$SHARED/corpus/commerce-channels.en.bundle" "$tmp/commerce-channels.en" 2>"$tmp/clone.err" ||
    { bad "cloning the bundle" "$tmp/clone.err"; exit 0; }
set_args=(en="$tmp/commerce-channels.en")
for l in de-DE fr-FR ja-JP ko-KR pt-BR; do set_args+=("$l=$SHARED/corpus/commerce-channels.$l"); done
"$GN" --toc-matrix "${set_args[@]}" >"$tmp/m1.tsv"
stale1=$(grep -c $'\tstale' "$tmp/m1.tsv")
fresh1=$(grep -o $'\tfresh' "$tmp/m1.tsv" | wc -l)
if [ "$stale1" = 0 ] && [ "$fresh1" -gt 400 ]; then
    ok "corpus clone: no translation is stale ($fresh1 fresh page cells)"
else
    bad "corpus clone: $stale1 rows with stale cells, $fresh1 fresh cells"
fi
page=help/channel-manager/onboard.md
(cd "$tmp/commerce-channels.en" && echo "A sentence added by the test." >>"$page" &&
 git -c user.name=test -c user.email=test@example.org commit -qam "Change one page") ||
    bad "committing a change to $page"
"$GN" --toc-matrix "${set_args[@]}" >"$tmp/m2.tsv"
stale_rows=$(grep $'\tstale' "$tmp/m2.tsv" | cut -f1 | sort -u | tr '\n' ' ')
stale_cells=$(grep -o $'\tstale' "$tmp/m2.tsv" | wc -l)
if [ "$stale_rows" = "onboard.md " ] && [ "$stale_cells" = 5 ]; then
    ok "corpus clone: after the commit, exactly onboard.md is stale, in all five locales"
else
    bad "corpus clone: stale rows '$stale_rows', $stale_cells stale cells"
fi
"$GN" --check "${set_args[@]}" >"$tmp/check2.txt"
stale_lines=$(grep -c $'\tstale\t' "$tmp/check2.txt")
if [ "$stale_lines" = 5 ] && ! grep $'\tstale\t' "$tmp/check2.txt" | grep -vq "$page"; then
    ok "corpus clone: --check reports the five stale translations of onboard.md"
else
    bad "corpus clone: --check stale lines: $stale_lines" "$tmp/check2.txt"
fi

# The corpus: every en cell is ok; --check tells the truth about anchors.
"$GN" --toc-matrix "$SHARED/corpus/commerce-channels.en" >"$tmp/corpus.tsv"
if awk -F'\t' 'NR > 1 && $1 != "entry" && $2 != "ok" { exit 1 }' "$tmp/corpus.tsv"; then
    ok "corpus: every TOC entry is present in en ($(grep -vc '^entry' "$tmp/corpus.tsv") rows)"
else
    bad "corpus: an en cell is not ok" "$tmp/corpus.tsv"
fi
