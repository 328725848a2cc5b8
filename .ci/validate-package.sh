#!/usr/bin/env bash
# Packs the SDK (src/LumaAgents) into artifacts/package-validation and checks what a NuGet user receives: both target
# frameworks with XML docs, the README, the repository commit (and URL) for Source Link, and a symbols package.
# Fails loudly on the first missing piece. Set REQUIRE_SOURCE_LINK=1 (a release build) to also fail when the checkout
# has no http(s) remote: without one the package records the commit but no repository URL, and the PDBs no Source Link map.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out=artifacts/package-validation
log="$out/pack.log"
rm -rf "$out"
mkdir -p "$out"
started=$SECONDS

fail() { echo "validate-package: FAILED: $*" >&2; exit 1; }
ok() { echo "  ok: $*"; }

# -warnaserror also escalates pack and Source Link warnings, which TreatWarningsAsErrors does not.
if ! dotnet pack src/LumaAgents -c Release -warnaserror -o "$out" >"$log" 2>&1; then
  cat "$log"
  fail "dotnet pack failed (log above, also in $log)."
fi
if grep -E '(^|[^A-Za-z])warning [A-Z]+[0-9]+' "$log"; then
  fail "dotnet pack printed warnings (above)."
fi
packed=$SECONDS

shopt -s nullglob
packages=("$out"/LumaAgents.*.nupkg)
symbols=("$out"/LumaAgents.*.snupkg)
shopt -u nullglob
[ "${#packages[@]}" -eq 1 ] && [ -n "${packages[0]}" ] || fail "expected one LumaAgents .nupkg in $out, found: ${packages[*]:-none}."
[ "${#symbols[@]}" -eq 1 ] || fail "expected one LumaAgents .snupkg in $out (IncludeSymbols, SymbolPackageFormat=snupkg), found ${#symbols[@]}."
package="${packages[0]}"
symbol_package="${symbols[0]}"
echo "Checking $package"

listing=$(unzip -l "$package")
has_entry() { grep -qE "[[:space:]]$1\$" <<<"$listing"; }
for tfm in net10.0 netstandard2.0; do
  has_entry "lib/$tfm/LumaAgents.dll" || fail "lib/$tfm/LumaAgents.dll is missing from the package."
  has_entry "lib/$tfm/LumaAgents.xml" || fail "lib/$tfm/LumaAgents.xml (XML docs) is missing from the package."
  docs=$(unzip -p "$package" "lib/$tfm/LumaAgents.xml")
  grep -q 'name="T:LumaAgents.LumaClient"' <<<"$docs" || fail "lib/$tfm/LumaAgents.xml does not document LumaClient."
  ok "lib/$tfm: LumaAgents.dll and XML docs ($(grep -c '<member name=' <<<"$docs") documented members)"
done
libs=$(grep -oE 'lib/[^/]+/' <<<"$listing" | sort -u | tr '\n' ' ')
[ "$libs" = "lib/net10.0/ lib/netstandard2.0/ " ] || fail "unexpected target frameworks in the package: $libs"
has_entry "README.md" || fail "README.md is missing from the package root."
ok "README.md at the package root"

nuspec=$(unzip -p "$package" LumaAgents.nuspec)
grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "the nuspec does not name README.md as the package readme."
grep -q '<license type="expression">' <<<"$nuspec" || fail "the nuspec has no license expression."
grep -q '<group targetFramework="net10.0">' <<<"$nuspec" || fail "the nuspec has no net10.0 dependency group."
grep -q '<group targetFramework=".NETStandard2.0">' <<<"$nuspec" || fail "the nuspec has no netstandard2.0 dependency group."
ok "nuspec: readme, license, dependency groups for both frameworks"

repository=$(grep -o '<repository [^>]*>' <<<"$nuspec" || true)
[ -n "$repository" ] || fail "the nuspec has no <repository> element (Source Link / PublishRepositoryUrl)."
head_commit=$(git rev-parse HEAD)
grep -q 'type="git"' <<<"$repository" || fail "the nuspec repository is not type git: $repository"
grep -q "commit=\"$head_commit\"" <<<"$repository" || fail "the nuspec repository commit is not HEAD ($head_commit): $repository"
ok "nuspec repository commit = HEAD ($head_commit)"

symbol_listing=$(unzip -l "$symbol_package")
for tfm in net10.0 netstandard2.0; do
  grep -qE "[[:space:]]lib/$tfm/LumaAgents.pdb\$" <<<"$symbol_listing" || fail "lib/$tfm/LumaAgents.pdb is missing from $symbol_package."
done
ok "symbols package $(basename "$symbol_package") with a PDB per framework"

remote=$(git remote get-url origin 2>/dev/null || true)
if [[ "$remote" =~ ^https?:// ]] || [[ "$remote" =~ ^git@ ]]; then
  grep -q 'url="' <<<"$repository" || fail "the checkout has remote $remote but the nuspec repository has no url: $repository"
  for tfm in net10.0 netstandard2.0; do
    unzip -p "$symbol_package" "lib/$tfm/LumaAgents.pdb" | grep -aq '{"documents":' \
      || fail "lib/$tfm/LumaAgents.pdb has no Source Link map although the checkout has remote $remote."
  done
  ok "Source Link: repository url in the nuspec and a Source Link map in both PDBs"
elif [ "${REQUIRE_SOURCE_LINK:-0}" = 1 ]; then
  fail "REQUIRE_SOURCE_LINK=1 but the checkout has no http(s) remote (origin: ${remote:-none}), so there is no repository URL for Source Link."
else
  echo "  note: no http(s) git remote (origin: ${remote:-none}): the package records the commit but no repository URL, and the"
  echo "        PDBs carry no Source Link map. A clone of the hosted repository (as in GitHub CI) has both."
fi

echo "validate-package: OK (pack $((packed - started)) s, checks $((SECONDS - packed)) s)"
