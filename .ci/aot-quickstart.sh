#!/usr/bin/env bash
# Native AOT check: publishes samples/Quickstart as a native binary (PublishAot, set in its csproj; gcc links it),
# failing on any warning (AOT publishing runs the trimmer's and the AOT compiler's analysis, so a trim or AOT warning
# means code that may break), then runs the binary with no API key, so it must complete a generation against the
# built-in simulator (FakeLumaServer on 127.0.0.1) and save the image. It replaces the former trimmed-publish check:
# an AOT publish includes trimming. Prints the publish time and the binary's start-up:
# process start → first request sent, → first request answered, → exit.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Never call the real API: without a key the Quickstart uses the simulator.
unset LUMA_AGENTS_API_KEY LUMA_BASE_URL

rid="${RID:-linux-x64}"
out=artifacts/aot-quickstart
log=artifacts/aot-quickstart.log
work=artifacts/aot-quickstart-run
rm -rf "$out" "$work"
mkdir -p artifacts "$work"
started=$SECONDS

fail() { echo "aot-quickstart: FAILED: $*" >&2; exit 1; }

# -warnaserror also escalates MSBuild and SDK warnings, which TreatWarningsAsErrors (compiler, NuGet, ILLink, ILC)
# does not.
if ! dotnet publish samples/Quickstart -c Release -r "$rid" -warnaserror -o "$out" >"$log" 2>&1; then
  cat "$log"
  fail "dotnet publish failed (log above, also in $log)."
fi
# Belt and braces: any diagnostic that still printed as a warning fails the check.
if grep -E '(^|[^A-Za-z])warning [A-Z]+[0-9]+' "$log"; then
  fail "the AOT publish printed warnings (above)."
fi
grep -q "Generating native code" "$log" || fail "the publish did not run the AOT compiler (is PublishAot still set in samples/Quickstart?)."
published=$SECONDS

binary="$out/Quickstart"
[ -x "$binary" ] || fail "no executable at $binary."
file_type=$(head -c 4 "$binary" | od -An -c | tr -d ' ')
[ "$file_type" = "177ELF" ] || fail "$binary is not a native ELF executable."

# Each output line is stamped with the milliseconds since the process started (bash's clock, no fork per line).
run_log=artifacts/aot-quickstart.run.log
now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }
launched=$(now_us)
set +e
(cd "$work" && timeout 120 "../../$binary" "a lighthouse at dawn, oil painting" 2>&1) | while IFS= read -r line; do
  echo "$(( ($(now_us) - launched) / 1000 )) $line"
done >"$run_log"
status=${PIPESTATUS[0]}
set -e
finished=$(( ($(now_us) - launched) / 1000 ))
cat "$run_log"
[ "$status" -eq 0 ] || fail "the AOT Quickstart exited with $status (output above)."
grep -q "using the built-in simulator" "$run_log" || fail "the Quickstart did not use the simulator."
saved=$(sed -En 's/^[0-9]+ Saved (.+_0\.png) \(.*/\1/p' "$run_log" | head -1)
[ -n "$saved" ] || fail "the Quickstart did not report a saved image."
[ -f "$saved" ] || fail "the reported image $saved does not exist."
[ "$(head -c 4 "$saved" | od -An -tx1 | tr -d ' ')" = "89504e47" ] || fail "$saved is not a PNG."

first_sent=$(awk '/ Creating /{print $1; exit}' "$run_log")
first_answered=$(awk '/ Created generation /{print $1; exit}' "$run_log")
echo "aot-quickstart: OK ($(du -h "$binary" | cut -f1) native binary, publish $((published - started)) s;" \
  "start → first request ${first_sent:-?} ms, → first answer ${first_answered:-?} ms, → exit ${finished} ms" \
  "(the simulated job takes 3 s))"
