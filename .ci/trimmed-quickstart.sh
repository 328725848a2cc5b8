#!/usr/bin/env bash
# Trim/AOT-readiness check: publishes samples/Quickstart trimmed and self-contained, failing on any warning (a trim
# warning means code the trimmer may break), then runs the trimmed binary with no API key, so it must complete a
# generation against the built-in simulator (FakeLumaServer on 127.0.0.1). Native AOT itself cannot be compiled here
# (no ILCompiler pack in the registry copy); the SDK's IsAotCompatible analyzers plus this trimmed run stand in for it.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Never call the real API: without a key the Quickstart uses the simulator.
unset LUMA_AGENTS_API_KEY LUMA_BASE_URL

rid="${RID:-linux-x64}"
out=artifacts/trimmed-quickstart
log=artifacts/trimmed-quickstart.log
rm -rf "$out"
mkdir -p artifacts
started=$SECONDS

fail() { echo "trimmed-quickstart: FAILED: $*" >&2; exit 1; }

# -warnaserror also escalates MSBuild and SDK warnings, which TreatWarningsAsErrors (compiler, NuGet, ILLink) does not.
if ! dotnet publish samples/Quickstart -c Release -r "$rid" --self-contained -p:PublishTrimmed=true -warnaserror -o "$out" >"$log" 2>&1; then
  cat "$log"
  fail "dotnet publish failed (log above, also in $log)."
fi
# Belt and braces: any diagnostic that still printed as a warning fails the check.
if grep -E '(^|[^A-Za-z])warning [A-Z]+[0-9]+' "$log"; then
  fail "the trimmed publish printed warnings (above)."
fi
published=$SECONDS

binary="$out/Quickstart"
[ -x "$binary" ] || fail "no executable at $binary."
run_log=artifacts/trimmed-quickstart.run.log
if ! timeout 120 "$binary" "a lighthouse at dawn, oil painting" >"$run_log" 2>&1; then
  cat "$run_log"
  fail "the trimmed Quickstart exited with an error (output above)."
fi
cat "$run_log"
grep -q "using the built-in simulator" "$run_log" || fail "the Quickstart did not use the simulator."
grep -Eq "^Saved .+_0\.png \(" "$run_log" || fail "the Quickstart did not report a saved image."

echo "trimmed-quickstart: OK ($(du -sh "$out" | cut -f1) self-contained, publish $((published - started)) s, run $((SECONDS - published)) s)"
