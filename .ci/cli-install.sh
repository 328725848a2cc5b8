#!/usr/bin/env bash
# Packs the `luma` dotnet tool as NuGet users will get it: a top-level package that points at a Native AOT package for
# linux-x64 and a framework-dependent one for every other platform ('any'). Installs it from that local folder into a
# throw-away tool path (the native one is chosen here), and runs it as a user would: --version, --help, a completion
# script, an exit code, and `luma simulator` + `luma generate image` with no key. Each build gets its own version
# suffix, so a rebuilt tool is a new version that `dotnet tool install`/`update` picks up. Nothing calls the real API.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The tool must never reach the real API from CI.
unset LUMA_AGENTS_API_KEY LUMA_BASE_URL

fail() { echo "cli-install: FAILED: $*" >&2; exit 1; }
started=$(date +%s)
work=$(mktemp -d)
simulator_pid=
cleanup() { [ -n "$simulator_pid" ] && kill "$simulator_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

suffix="ci.$(date -u +%Y%m%d%H%M%S)"
csproj=src/LumaAgents.Cli/LumaAgents.Cli.csproj
version=$(dotnet msbuild "$csproj" -getProperty:Version -p:VersionSuffix="$suffix")
[ -n "$version" ] || fail "could not read the tool's version"
packages="$work/packages"
echo "cli-install: packing LumaAgents.Cli $version (pointer, any, linux-x64 Native AOT)"
dotnet pack "$csproj" -c Release -o "$packages" -p:VersionSuffix="$suffix" --nologo -v q || fail "dotnet pack (the top-level package)"
dotnet pack "$csproj" -c Release -r any -p:PublishAot=false -o "$packages" -p:VersionSuffix="$suffix" --nologo -v q || fail "dotnet pack -r any"
# A publish folder left by an earlier local build could lend the package stale files (a .dbg); CI starts clean anyway.
rm -rf src/LumaAgents.Cli/bin/Release/net10.0/linux-x64/publish
aot_started=$(date +%s)
# Warnings are errors in this repository, so a trim or AOT warning fails the native pack.
dotnet pack "$csproj" -c Release -r linux-x64 -o "$packages" -p:VersionSuffix="$suffix" --nologo -v q || fail "dotnet pack -r linux-x64 (Native AOT)"
echo "cli-install: the Native AOT pack took $(( $(date +%s) - aot_started )) s"

for id in LumaAgents.Cli LumaAgents.Cli.any LumaAgents.Cli.linux-x64; do
  [ -f "$packages/$id.$version.nupkg" ] || fail "no $id.$version.nupkg"
done
python3 - "$packages" "$version" <<'PY' || fail "the tool packages do not have the expected contents"
import sys, zipfile
folder, version = sys.argv[1], sys.argv[2]
names = lambda id: zipfile.ZipFile(f"{folder}/{id}.{version}.nupkg").namelist()
pointer = zipfile.ZipFile(f"{folder}/LumaAgents.Cli.{version}.nupkg").read("tools/any/any/DotnetToolSettings.xml").decode("utf-8-sig")
assert 'RuntimeIdentifier="linux-x64"' in pointer and 'RuntimeIdentifier="any"' in pointer, pointer
portable = names("LumaAgents.Cli.any")
assert "tools/net10.0/any/LumaAgents.dll" in portable and "tools/net10.0/any/luma.dll" in portable, portable
native = names("LumaAgents.Cli.linux-x64")
assert "tools/any/linux-x64/luma" in native, native
assert not any(n.endswith((".dll", ".dbg")) for n in native), native
PY

echo "cli-install: installing from $packages"
dotnet tool install --tool-path "$work/tools" --add-source "$packages" LumaAgents.Cli --version "$version" >/dev/null \
  || fail "dotnet tool install"
luma="$work/tools/luma"
[ -x "$luma" ] || fail "no luma command in the tool path"
native=$(find "$work/tools/.store" -path "*linux-x64*" -name luma -type f | head -1)
[ -n "$native" ] && [ "$(head -c 4 "$native" | od -An -c | tr -d ' ')" = "177ELF" ] || fail "the installed luma is not the native linux-x64 binary"

reported=$("$luma" --version) || fail "luma --version exited $?"
case "$reported" in
  "$version"|"$version+"*) echo "cli-install: luma --version: $reported" ;;
  *) fail "luma --version printed '$reported', expected $version" ;;
esac

help=$("$luma" --help) || fail "luma --help exited $?"
for word in generations generate simulator completion --format --api-key; do
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
# A typo is a usage error (2) before anything is sent.
"$luma" generate image "a cat" --aspect-ration 16:9 </dev/null >/dev/null 2>"$work/typo"
typo=$?
set -e
[ "$code" -eq 3 ] || fail "luma without a key exited $code, expected 3 ($(cat "$work/stderr"))"
grep -q "^error: no API key" "$work/stderr" || fail "unexpected stderr: $(cat "$work/stderr")"
[ "$typo" -eq 2 ] && grep -q "did you mean --aspect-ratio?" "$work/typo" || fail "a misspelt option exited $typo: $(cat "$work/typo")"

# No key of one's own: the simulator, then an image, with the native binary (the time printed, not asserted: a
# loaded CI machine must not fail a correct build).
e2e_started=$(date +%s%N)
"$luma" simulator --queued 0s --processing 1s >"$work/exports" 2>"$work/simulator.log" &
simulator_pid=$!
for _ in $(seq 100); do grep -q LUMA_AGENTS_API_KEY "$work/exports" 2>/dev/null && break; sleep 0.1; done
grep -q LUMA_AGENTS_API_KEY "$work/exports" || fail "luma simulator printed no exports: $(cat "$work/simulator.log")"
(
  eval "$(cat "$work/exports")"
  cd "$work" && "$luma" generate image "a lighthouse at dawn" --out pictures </dev/null >/dev/null 2>"$work/generate.log"
) || fail "generate against the simulator: $(cat "$work/generate.log")"
ls "$work"/pictures/*.png >/dev/null || fail "no image saved"
echo "cli-install: luma simulator + luma generate image with no key, end to end: $(( ($(date +%s%N) - e2e_started) / 1000000 )) ms"
kill -TERM "$simulator_pid"
wait "$simulator_pid" || fail "luma simulator did not stop cleanly on SIGTERM"
simulator_pid=
grep -q "stopped" "$work/simulator.log" || fail "luma simulator did not say it stopped"

echo "cli-install: ok in $(( $(date +%s) - started )) s"
