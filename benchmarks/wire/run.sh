#!/usr/bin/env bash
# The wire benchmark: the SDK and a hand-written HttpClient + source-generated System.Text.Json baseline against a
# neutral fixed-response server (nginx from Debian on 127.0.0.1, HTTP/1.1 keep-alive), each run in a fresh process.
#   bash benchmarks/wire/run.sh             full run (about 10 minutes on 2 cores); results into benchmarks/wire/results/
#   bash benchmarks/wire/run.sh --quick     a look (about a minute); results into artifacts/wire-quick/
#   extra flags go to the runner: --rounds N, --startup-runs N, --cold-start (bisect the first create), --no-chart,
#   --out DIR
# Not part of `dotnet test` or CI. Needs root (or nginx already installed) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out=benchmarks/wire/results
for arg in "$@"; do [ "$arg" = "--quick" ] && out=artifacts/wire-quick; done

if ! command -v nginx >/dev/null 2>&1; then
  echo "== installing nginx-light (Debian)"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
fi

echo "== building (Release)"
dotnet build benchmarks/LumaAgents.WireBenchmark -c Release -v q -nologo >/dev/null
dotnet build benchmarks/LumaAgents.WireBenchmark.Runner -c Release -v q -nologo >/dev/null
client=benchmarks/LumaAgents.WireBenchmark/bin/Release/net10.0/LumaAgents.WireBenchmark
runner=benchmarks/LumaAgents.WireBenchmark.Runner/bin/Release/net10.0/LumaAgents.WireBenchmark.Runner.dll

# nginx with its own config in a temp dir, on a free port; stopped on exit whatever happens.
dir=$(mktemp -d -t luma-wire-XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() {
  if [ -f "$dir/nginx.pid" ]; then kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap stop EXIT
get_body=$("$client" body get)
create_body=$("$client" body create)
mkdir -p "$dir/body" "$dir/proxy" "$dir/fastcgi" "$dir/uwsgi" "$dir/scgi"
DIR="$dir" PORT="$port" GET_BODY="$get_body" CREATE_BODY="$create_body" python3 - benchmarks/wire/nginx.conf.template "$dir/nginx.conf" <<'PY'
import os, sys
text = open(sys.argv[1]).read()
for name in ("DIR", "PORT", "GET_BODY", "CREATE_BODY"):
    text = text.replace("@" + name + "@", os.environ[name])
open(sys.argv[2], "w").write(text)
PY
nginx -q -p "$dir" -c "$dir/nginx.conf" -t
nginx -p "$dir" -c "$dir/nginx.conf"
for _ in $(seq 50); do [ -f "$dir/nginx.pid" ] && break; sleep 0.1; done
server="$(nginx -v 2>&1 | sed 's/^nginx version: //'), 1 worker, 127.0.0.1:$port"
echo "== $server"

# The last commit that touched the SDK, and whether src/ has uncommitted changes: what these figures measure.
commit="$(git log -1 --format=%h -- src 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo '+uncommitted')"
dotnet "$runner" --client "$client" --base-url "http://127.0.0.1:$port/v1/" --server "$server" --commit "src at $commit" --out "$out" "$@"
