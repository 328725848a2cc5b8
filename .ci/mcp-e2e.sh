#!/usr/bin/env bash
# End-to-end check of luma-mcp with a third-party MCP client. Packs the LumaAgents.Mcp dotnet tool, installs it from
# that local package folder into a throw-away tool path, installs the official MCP TypeScript SDK pinned in
# tests/mcp-e2e/package-lock.json (npm ci), and runs tests/mcp-e2e/e2e.mjs against `luma-mcp --simulator`: tools/list
# with input and output schemas for all nine tools, create_generation -> wait_for_generation (with progress) ->
# download_outputs, upload_file -> create_generation with its file_id -> wait_for_generation -> download_outputs, the
# other file tools, and real files in the allowed folder. Nothing calls the API. Fails loudly on the first problem.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
unset LUMA_AGENTS_API_KEY LUMA_BASE_URL

fail() { echo "mcp-e2e: FAILED: $*" >&2; exit 1; }
started=$SECONDS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v node >/dev/null || fail "node is not installed (Node 20 or later is needed)"
command -v npm >/dev/null || fail "npm is not installed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "node $(node --version) is too old; Node 20 or later is needed"

version=$(dotnet msbuild src/LumaAgents.Mcp/LumaAgents.Mcp.csproj -getProperty:Version)
[ -n "$version" ] || fail "could not read the tool's version"
echo "mcp-e2e: packing LumaAgents.Mcp $version"
dotnet pack src/LumaAgents.Mcp/LumaAgents.Mcp.csproj -c Release -o "$work/packages" --nologo -v q || fail "dotnet pack of the MCP server"
packed=$SECONDS
package="$work/packages/LumaAgents.Mcp.$version.nupkg"
[ -f "$package" ] || fail "no $package"
# A tool package carries its dependencies: the SDK, the simulator and the MCP SDK must be inside it.
python3 - "$package" <<'PY' || fail "the tool package lacks an assembly it needs"
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
for dll in ("luma-mcp.dll", "LumaAgents.dll", "LumaAgents.Testing.dll", "ModelContextProtocol.dll", "ModelContextProtocol.Core.dll"):
    if "tools/net10.0/any/" + dll not in names:
        sys.exit("missing " + dll)
PY

echo "mcp-e2e: installing the tool from $work/packages"
dotnet tool install --tool-path "$work/tools" --add-source "$work/packages" LumaAgents.Mcp --version "$version" >/dev/null \
  || fail "dotnet tool install"
server="$work/tools/luma-mcp"
[ -x "$server" ] || fail "no luma-mcp command in the tool path"
reported=$("$server" --version) || fail "luma-mcp --version exited $?"
case "$reported" in
  "$version"|"$version+"*) echo "mcp-e2e: luma-mcp --version: $reported" ;;
  *) fail "luma-mcp --version printed '$reported', expected $version" ;;
esac
installed=$SECONDS

echo "mcp-e2e: npm ci (@modelcontextprotocol/sdk, pinned)"
npm ci --prefix tests/mcp-e2e --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null || fail "npm ci in tests/mcp-e2e"
npm_done=$SECONDS

mkdir -p "$work/allowed"
node tests/mcp-e2e/e2e.mjs "$work/allowed" "$server" || fail "the end-to-end script (see above)"
saved=$(find "$work/allowed/e2e-out" -type f -name '*.png' | wc -l)
[ "$saved" -eq 2 ] || fail "expected two saved files in the allowed folder, found $saved"

echo "mcp-e2e: ok in $((SECONDS - started)) s (pack $((packed - started)) s, install $((installed - packed)) s, npm ci $((npm_done - installed)) s, script $((SECONDS - npm_done)) s)"
