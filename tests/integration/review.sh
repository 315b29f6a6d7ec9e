#!/usr/bin/env bash
# The translation checks of --check on a real guide: one corpus guide is
# copied as the reference (a git checkout of its own) and again as a
# "translation" that is an exact copy, which must give no finding of the
# kinds uicontrol, link, code, number or markup; then one fault of each
# kind is planted in the copy (and a source-git-commit the reference
# history lacks, and a link to a heading whose anchor the translation
# lost), and each must be found at its line; the copy's blocks are all
# untranslated, which is reported and not counted. --format sarif is
# checked by a real SARIF consumer (Microsoft's SARIF Multitool, from npm)
# when npm is there. Skipped without ../shared.
set -u
GN=$PWD/${GN_BUILD:-build}/guidenav
SHARED=${SHARED:-$PWD/../shared}
export LANG=C.UTF-8
if [ ! -d "$SHARED/corpus/commerce-channels.en" ]; then
    echo "ok - translation checks on a corpus guide # SKIP $SHARED is absent"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
bad() { echo "not ok - $1"; [ -f "${2:-}" ] && sed 's/^/#   /' "$2" | head -20; }

guide=channel-manager
for l in en ja-JP; do
    mkdir -p "$tmp/set/cc.$l/help"
    cp -r "$SHARED/corpus/commerce-channels.en/help/$guide" "$tmp/set/cc.$l/help/"
done
git -C "$tmp/set/cc.en" init -q && git -C "$tmp/set/cc.en" add -A &&
    git -C "$tmp/set/cc.en" -c user.name=t -c user.email=t@example.org commit -qm ref

core=uicontrol,link,code,number,markup
"$GN" --check --only "$core" "$tmp/set/cc.en" >"$tmp/copy.out" 2>&1
if [ ! -s "$tmp/copy.out" ]; then
    ok "an exact copy of the reference has no finding of kinds $core"
else
    bad "an exact copy of the reference has no finding of kinds $core" "$tmp/copy.out"
fi

# Plant one fault of each kind in the copy; plant.py prints "KIND FILE LINE"
# for each, the file relative to the locale's folder.
python3 - "$tmp/set/cc.ja-JP" "$guide" >"$tmp/planted" <<'EOF'
import os, re, sys
root, guide = sys.argv[1], sys.argv[2]
folder = os.path.join(root, "help", guide)
pages = sorted(f for f in os.listdir(folder) if f.endswith(".md") and f != "TOC.md")
text = {p: open(os.path.join(folder, p), encoding="utf-8").read().split("\n") for p in pages}
done, used = {}, set()

def body_lines(p):
    """(index, line) of body lines outside front matter and fenced code."""
    lines, fence, front = text[p], False, lines_front(text[p])
    for i, l in enumerate(lines):
        if i < front:
            continue
        if l.lstrip().startswith("```"):
            fence = not fence
            continue
        if not fence and l.strip() and not l.startswith("#") and not l.lstrip().startswith("|"):
            yield i, l

def lines_front(lines):
    if lines and lines[0] == "---":
        for i in range(1, len(lines)):
            if lines[i] == "---":
                return i + 1
    return 0

# A source-git-commit the reference history does not have (first: it may
# add a line).
for p in pages:
    lines = text[p]
    for i in range(lines_front(lines)):
        if lines[i].startswith("source-git-commit:"):
            lines[i] = "source-git-commit: " + "0123456789abcdef" * 2 + "01234567"
            done["unknowncommit"] = (p, i + 1)
            break
    if "unknowncommit" in done:
        break
else:
    p = pages[0]
    lines = text[p]
    front = lines_front(lines)
    if front:
        lines.insert(front - 1, "source-git-commit: " + "0123456789abcdef" * 2 + "01234567")
        done["unknowncommit"] = (p, front)
plants = [
    ("uicontrol", re.compile(r"\[!UICONTROL ([^\]\[]+)\]"), lambda m: "GEÄNDERT"),
    ("link", re.compile(r"\]\((https?://[^)\s]+)\)"), lambda m: "](https://example.org/elsewhere)"),
    ("code", re.compile(r"`([^`]+)`"), lambda m: "`" + m.group(1) + "x`"),
    ("number", re.compile(r"(?<![\w.])(\d+)(?![\w.,])"), lambda m: str(int(m.group(1)) + 7)),
    ("markup", re.compile(r"\.\s*$"), lambda m: " [.")]
for kind, rx, repl in plants:
    for p in pages:
        if kind in done:
            break
        for i, l in body_lines(p):
            if (p, i) in used or "{{" in l:
                continue
            m = rx.search(l)
            if m and (kind != "link" or l.count("](") == 1):
                text[p][i] = l[:m.start()] + repl(m) + l[m.end():]
                used.add((p, i))
                done[kind] = (p, i + 1)
                break
# A heading translated without its {#id}, and a link to its anchor: the
# anchor is lost in translation (the reference page has the heading).
for p in pages:
    heads = [i for i, l in enumerate(text[p]) if re.fullmatch(r"## [A-Za-z ]+", l)]
    lines = [i for i, l in body_lines(p) if (p, i) not in used and "{{" not in l]
    if heads and lines:
        h = heads[0]
        slug = text[p][h][3:].strip().lower().replace(" ", "-")
        text[p][h] = "## Übersetzte Überschrift"
        i = lines[0]
        text[p][i] += " [siehe](#%s)" % slug
        used.add((p, i))
        done["anchorlost"] = (p, i + 1)
        break
for p in pages:
    open(os.path.join(folder, p), "w", encoding="utf-8").write("\n".join(text[p]))
for kind, (p, line) in done.items():
    print(kind, "help/%s/%s" % (guide, p), line)
EOF

"$GN" --check "$tmp/set/cc.en" >"$tmp/check.out" 2>&1
rc=$?
for kind in uicontrol link code number markup unknowncommit anchorlost; do
    read -r _ file line < <(grep "^$kind " "$tmp/planted")
    if [ -z "${file:-}" ]; then
        bad "a $kind fault could be planted in the guide's copy" "$tmp/planted"
    elif grep -qP "^ja-JP\t\Q$file:$line\E\t$kind\t" "$tmp/check.out"; then
        ok "the planted $kind fault is found at $file:$line"
    else
        bad "the planted $kind fault is found at $file:$line" "$tmp/check.out"
    fi
done
if [ "$rc" = 1 ] &&
   [ "$(grep -Pc '^ja-JP\t[^\t]+\t(uicontrol|link|code|number|markup|unknowncommit|anchorlost)\t' "$tmp/check.out")" = 7 ]; then
    ok "the copy has no other finding of those kinds than the seven planted; exit status 1"
else
    bad "the copy has no other finding of those kinds than the seven planted; exit status 1" "$tmp/check.out"
fi
if grep -qP '^ja-JP\t[^\t]+\tuntranslated\t' "$tmp/check.out" &&
   "$GN" --check --only untranslated "$tmp/set/cc.en" >/dev/null; then
    ok "untranslated blocks are reported and never counted in the exit status"
else
    bad "untranslated blocks are reported and never counted in the exit status" "$tmp/check.out"
fi
"$GN" --check --skip untranslated,unknowncommit --only link "$tmp/set/cc.en" >"$tmp/only.out"
if [ "$(cut -f3 "$tmp/only.out" | sort -u)" = link ]; then
    ok "--only and --skip choose the kinds reported"
else
    bad "--only and --skip choose the kinds reported" "$tmp/only.out"
fi
"$GN" --check --only nosuchkind "$tmp/set/cc.en" >"$tmp/usage.out" 2>&1
if [ $? = 2 ] && grep -q 'nosuchkind' "$tmp/usage.out"; then
    ok "an unknown kind is a usage error naming it"
else
    bad "an unknown kind is a usage error naming it" "$tmp/usage.out"
fi

# SARIF: valid JSON with a result per finding, then a real consumer.
"$GN" --check --format sarif "$tmp/set/cc.en" >"$tmp/check.sarif"
n=$(grep -c . "$tmp/check.out")
if python3 - "$tmp/check.sarif" "$n" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
run = log["runs"][0]
assert log["version"] == "2.1.0"
assert len(run["results"]) == int(sys.argv[2]), len(run["results"])
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
for r in run["results"]:
    assert rules[r["ruleIndex"]] == r["ruleId"]
    assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
EOF
then
    ok "--format sarif: one result per finding, each naming its rule and file"
else
    bad "--format sarif: one result per finding, each naming its rule and file" "$tmp/check.sarif"
fi
# scripts/install-deps installs it (npm install -g).
tool=${SARIF_MULTITOOL:-$(command -v sarif-multitool)}
if [ -z "$tool" ]; then
    echo "ok - SARIF Multitool validates --format sarif # SKIP sarif-multitool is not installed (scripts/install-deps)"
else
    "$tool" validate "$tmp/check.sarif" >"$tmp/validate.out" 2>&1
    if grep -q 'Analysis completed successfully' "$tmp/validate.out" &&
       ! grep -q ': error ' "$tmp/validate.out"; then
        ok "SARIF Multitool validates --format sarif (schema and rules: no error)"
    else
        bad "SARIF Multitool validates --format sarif (schema and rules: no error)" "$tmp/validate.out"
    fi
fi
