#!/usr/bin/env bash
# --toc-matrix of a repository of several guides (the project's fixture):
# one table, one header, each row naming its guide. Then --toc-matrix,
# --check and staleness over the seeds and the corpus; the staleness test
# clones the English repository from its bundle, checks that no
# translation is stale, commits a change to one English page and checks
# that exactly that page is stale in every locale. Those are skipped
# without ../shared.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
SHARED=${SHARED:-$PWD/../shared}
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
bad() { echo "not ok - $1"; [ -f "${2:-}" ] && sed 's/^/#   /' "$2" | head -20; }

# column FILE NAME: the index (1-based) of a header column.
column() { head -n 1 "$1" | tr '\t' '\n' | grep -nx -- "$2" | cut -d: -f1; }
# cell FILE ROW-KEY COLUMN-NAME [GUIDE]: the cell of an entry (of a guide).
cell() {
    awk -F'\t' -v k="$2" -v g="${4:-}" -v c="$(column "$1" "$3")" -v e="$(column "$1" entry)" \
        'NR > 1 && $e == k && (g == "" || $1 == g) { print $c }' "$1"
}

# A repository of two guides in six locales.
fleet=tests/fixtures/matrix/fleet.en
"$GN" --toc-matrix "$fleet" >"$tmp/fleet.tsv" 2>"$tmp/fleet.err" ||
    bad "--toc-matrix on a repository exits 0" "$tmp/fleet.err"
want_head=$(printf 'guide\tentry\ten\tde-DE\tfr-FR\tja-JP\tko-KR\tpt-BR')
if [ "$(head -n 1 "$tmp/fleet.tsv" | cut -f1-8)" = "$want_head" ] &&
   [ "$(grep -c $'^guide\tentry\t' "$tmp/fleet.tsv")" = 1 ]; then
    ok "repository: one header, the guide's column first"
else
    bad "repository: the header" "$tmp/fleet.tsv"
fi
if awk -F'\t' 'NF != 32 { exit 1 }' "$tmp/fleet.tsv"; then
    ok "repository: every line has the header's 32 fields"
else
    bad "repository: a line with another number of fields" "$tmp/fleet.tsv"
fi
guides=$(tail -n +2 "$tmp/fleet.tsv" | cut -f1 | uniq | tr '\n' ' ')
if [ "$guides" = "help/boats help/crew " ] &&
   [ "$(grep -c $'^help/boats\t' "$tmp/fleet.tsv")" = 13 ] &&
   [ "$(grep -c $'^help/crew\t' "$tmp/fleet.tsv")" = 3 ]; then
    ok "repository: each row names its guide, a guide's rows together"
else
    bad "repository: guides in order '$guides'" "$tmp/fleet.tsv"
fi
got="$(cell "$tmp/fleet.tsv" duties.md fr-FR help/crew) $(cell "$tmp/fleet.tsv" kayaks.md ko-KR help/boats)"
got="$got $(cell "$tmp/fleet.tsv" drills.md de-DE help/crew) $(cell "$tmp/fleet.tsv" glossary.md ja-JP)"
got="$got $(cell "$tmp/fleet.tsv" roster.md de-DE:source-git-commit help/crew)"
got="$got $(cell "$tmp/fleet.tsv" roster.md en:stale help/crew)"
if [ "$got" = "nofile absent absent ok cccc333 -" ]; then
    ok "repository: cells found by guide, entry and column name"
else
    bad "repository: cells '$got'" "$tmp/fleet.tsv"
fi
# A guide folder given alone: its lines in the repository's table.
rc=0
for g in boats crew; do
    "$GN" --toc-matrix "$fleet/help/$g" >"$tmp/$g.tsv" || rc=1
    diff "$tmp/$g.tsv" <(awk -F'\t' -v g="help/$g" 'NR == 1 || $1 == g' "$tmp/fleet.tsv") \
         >"$tmp/$g.diff" || rc=1
done
if [ $rc = 0 ]; then
    ok "a guide folder of the repository: its lines of the repository's table"
else
    bad "a guide folder's table" "$tmp/boats.diff"
fi
# A guide folder that is the locale source itself: its guide is ".".
"$GN" --toc-matrix guide/en >"$tmp/bundled.tsv"
if [ "$(tail -n +2 "$tmp/bundled.tsv" | cut -f1 | sort -u)" = "." ] &&
   [ "$(cell "$tmp/bundled.tsv" languages.md pt-BR .)" = nofile ]; then
    ok "the bundled guide (a source that is a guide folder): its guide is \".\""
else
    bad "the bundled guide's table" "$tmp/bundled.tsv"
fi

if [ ! -d "$SHARED/seeds" ] || [ ! -d "$SHARED/corpus" ]; then
    echo "ok - matrix, check and staleness over ../shared # SKIP $SHARED is absent"
    exit 0
fi

seeds=$SHARED/seeds/commerce-admin.ja-JP/help/customers
"$GN" --toc-matrix "$seeds" >"$tmp/seeds.tsv" || bad "--toc-matrix on the seeds exits 0"
row=personalize-scale.md
got="$(for l in ja-JP de-DE ko-KR fr-FR pt-BR; do printf '%s=%s ' "$l" "$(cell "$tmp/seeds.tsv" $row $l)"; done)"
if [ "$got" = "ja-JP=absent de-DE=absent ko-KR=nofile fr-FR=nofile pt-BR=nofile " ]; then
    ok "seeds: $row is absent in ja-JP and de-DE, listed without a file elsewhere"
else
    bad "seeds: $row: $got" "$tmp/seeds.tsv"
fi
ext=$(awk -F'\t' '$2 ~ /^https:/' "$tmp/seeds.tsv" | cut -f2-7)
if [ "$(printf '%s\n' "$ext" | grep -c .)" = 1 ] &&
   [ "$(cell "$tmp/seeds.tsv" "$(printf '%s' "$ext" | cut -f1)" ko-KR)" = ok ] &&
   [ "$(printf '%s' "$ext" | cut -f2-6 | tr '\t' '\n' | grep -c absent)" = 4 ]; then
    ok "seeds: the external link row exists only in ko-KR"
else
    bad "seeds: the external link row: $ext"
fi
if ! awk -F'\t' 'NR > 1 && $2 ~ /\.md$/ { for (i = 3; i <= 7; i++) if ($i == "ok") exit 1 }' "$tmp/seeds.tsv"; then
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
stale_rows=$(grep $'\tstale' "$tmp/m2.tsv" | cut -f2 | sort -u | tr '\n' ' ')
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
if awk -F'\t' 'NR > 1 && $3 != "ok" { exit 1 }' "$tmp/corpus.tsv" &&
   [ "$(grep -c $'^guide\tentry\t' "$tmp/corpus.tsv")" = 1 ]; then
    ok "corpus: every TOC entry is present in en ($(tail -n +2 "$tmp/corpus.tsv" | wc -l) rows, one header)"
else
    bad "corpus: an en cell is not ok" "$tmp/corpus.tsv"
fi
