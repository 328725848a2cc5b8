#!/usr/bin/env bash
# Packs the `luma` dotnet tool (and the SDK package it is built on), installs the tool from that local package
# folder into a throw-away tool path, and runs it as a user would: --version, --help, a completion script and an
# exit code. Nothing calls the API. Fails loudly on the first problem.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The tool must never reach the real API from CI.
unset LUMA_AGENTS_API_KEY LUMA_BASE_URL

fail() { echo "cli-install: FAILED: $*" >&2; exit 1; }
started=$(date +%s)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$(dotnet msbuild src/LumaAgents.Cli/LumaAgents.Cli.csproj -getProperty:Version)
[ -n "$version" ] || fail "could not read the tool's version"
echo "cli-install: packing LumaAgents $version and LumaAgents.Cli $version"
dotnet pack src/LumaAgents/LumaAgents.csproj -c Release -o "$work/packages" --nologo -v q || fail "dotnet pack of the SDK"
dotnet pack src/LumaAgents.Cli/LumaAgents.Cli.csproj -c Release -o "$work/packages" --nologo -v q || fail "dotnet pack of the tool"
package="$work/packages/LumaAgents.Cli.$version.nupkg"
[ -f "$package" ] || fail "no $package"
# A tool package carries its dependencies: the SDK assembly must be inside it.
python3 -c 'import sys, zipfile; sys.exit(0 if "tools/net10.0/any/LumaAgents.dll" in zipfile.ZipFile(sys.argv[1]).namelist() else 1)' "$package" \
  || fail "the tool package does not contain LumaAgents.dll"

echo "cli-install: installing from $work/packages"
dotnet tool install --tool-path "$work/tools" --add-source "$work/packages" LumaAgents.Cli --version "$version" \
  || fail "dotnet tool install"
luma="$work/tools/luma"
[ -x "$luma" ] || fail "no luma command in the tool path"

reported=$("$luma" --version) || fail "luma --version exited $?"
case "$reported" in
  "$version"|"$version+"*) echo "cli-install: luma --version: $reported" ;;
  *) fail "luma --version printed '$reported', expected $version" ;;
esac

help=$("$luma" --help) || fail "luma --help exited $?"
for word in generations generate completion --format --api-key; do
  grep -q -- "$word" <<<"$help" || fail "luma --help does not mention $word"
done
"$luma" generations create --help | grep -q -- "--video.edit.strength" || fail "create --help lacks the nested flags"

"$luma" completion bash | bash -n || fail "the bash completion script does not parse"
suggestions=$("$luma" "[suggest:33]" "luma generations create --model ") || fail "the [suggest] directive exited $?"
grep -qx "ray-3.2" <<<"$suggestions" || fail "no ray-3.2 among the --model completions: $suggestions"

# No key anywhere: a typed exit code (3) and one error line, not a crash. Nothing is sent.
set +e
"$luma" generations get 00000000-0000-0000-0000-000000000000 </dev/null >/dev/null 2>"$work/stderr"
code=$?
set -e
[ "$code" -eq 3 ] || fail "luma without a key exited $code, expected 3 ($(cat "$work/stderr"))"
grep -q "^error: no API key" "$work/stderr" || fail "unexpected stderr: $(cat "$work/stderr")"

echo "cli-install: ok in $(( $(date +%s) - started )) s"
