#!/usr/bin/env bash
# A bounded fuzz run of the GraphQL endpoint (issue #18 item 8): schemathesis, from PyPI and
# pinned, against a demo hub started from the built dist, once anonymous and once with a demo
# API key (a platform admin's, from demoLogin), FUZZ_SECONDS each (default 60).
#
# Findings, each one failing the run (exit 1):
#   - any 5xx answer (schemathesis' not_a_server_error check, and the recorded answers);
#   - any INTERNAL error code: everything the fuzzer sends is client input, and client input
#     must be refused with a client code (BAD_USER_INPUT, BAD_REQUEST, ...), never INTERNAL;
#   - any leaked file path or stack trace in a body (the checkout's absolute path, node_modules/,
#     node:internal, a "    at f (file:line:col)" frame);
#   - an unexpected error in the hub's log;
#   - an error of schemathesis itself (a dropped connection, a timeout, a scalar it cannot generate).
# Every request and answer is kept as HAR in $FUZZ_OUT (default: a temporary directory) to read
# a finding. Rate limiting is off for the fuzzed hub (MARU_RATE_LIMIT=0): the fuzzer is to reach
# the resolvers, not the limiter (the limiter has its own tests in http/request-front.test.ts).
#
# Runs on any machine with python3 (with venv) and the repository installed; schemathesis goes
# into a virtual environment in node_modules/.cache (ignored), made once.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$root"

SCHEMATHESIS_VERSION=4.32.5
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
venv="${FUZZ_VENV:-$root/node_modules/.cache/maru-fuzz/venv-$SCHEMATHESIS_VERSION}"
out="${FUZZ_OUT:-$(mktemp -d /tmp/maru-fuzz.XXXXXX)}"
mkdir -p "$out"

if [ ! -x "$venv/bin/schemathesis" ]; then
  echo "fuzz: installing schemathesis $SCHEMATHESIS_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
echo "fuzz: $("$venv/bin/schemathesis" --version)"

TURBO_TELEMETRY_DISABLED=1 npx turbo run build --filter=@maru/hub... --output-logs=errors-only

data_dir="$(mktemp -d /tmp/maru-fuzz-data.XXXXXX)"
hub_log="$out/hub.log"
# The repository's Node (npm exec finds it), run directly so that $hub_pid is the hub itself.
node_bin="$(npm exec -- node -p process.execPath)"
PORT=0 HOST=127.0.0.1 MARU_DATA_DIR="$data_dir" MARU_RATE_LIMIT=0 LOG_LEVEL=info \
  "$node_bin" packages/hub/dist/main.js --demo >"$hub_log" 2>&1 &
hub_pid=$!
stop_hub() {
  if kill -0 "$hub_pid" 2>/dev/null; then
    kill -TERM "$hub_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$hub_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$hub_pid" 2>/dev/null || true
  fi
  rm -rf "$data_dir"
}
trap stop_hub EXIT

url=""
for _ in $(seq 120); do
  url="$(grep -o '"url":"http://[^"]*"[^}]*Maru hub listening' "$hub_log" | head -1 | sed -E 's/^"url":"([^"]*)".*/\1/' || true)"
  [ -n "$url" ] && break
  kill -0 "$hub_pid" 2>/dev/null || { cat "$hub_log"; echo "fuzz: the hub did not start" >&2; exit 1; }
  sleep 0.5
done
[ -n "$url" ] || { cat "$hub_log"; echo "fuzz: the hub did not listen within 60 s" >&2; exit 1; }
echo "fuzz: demo hub, GraphQL at $url (pid $hub_pid)"

key="$(curl -sf "$url" -H 'content-type: application/json' \
  -d '{"query":"mutation { demoLogin(email: \"admin@maru.example\") { secret } }"}' |
  "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["data"]["demoLogin"]["secret"])')"

status=0
fuzz() {
  local name="$1"
  shift
  echo
  echo "=== fuzz: $name, ${FUZZ_SECONDS}s"
  # Schemathesis' GraphQL checks cannot be turned off and take every `errors` entry for a failure (ST113, ST206):
  # the hub's coded refusals too, so its exit code says nothing here. The verdict is the checks below, over every
  # recorded answer, and any error of schemathesis itself (a dropped connection, a timeout, an unknown scalar).
  # Run from $out: schemathesis keeps its own state in ./.schemathesis.
  (cd "$out" && PYTHONPATH="$root/packages/devtools/scripts" SCHEMATHESIS_HOOKS=fuzz_graphql_hooks \
    "$venv/bin/schemathesis" run "$url" --no-color \
    --max-time "$FUZZ_SECONDS" --workers 2 --suppress-health-check all --generation-database none \
    --request-timeout 10 --report har --report-har-path "$out/$name.har" "$@" >"$out/$name.txt" 2>&1) || true
  # Its "N unique failures" are those ST113/ST206 counts (coded refusals), not findings.
  grep -E '^  [0-9]+ generated' "$out/$name.txt" | sed -E 's/, [0-9]+ found .*/ (schemathesis test cases)/' || true
  if grep -q '^Errors:' "$out/$name.txt" || [ ! -s "$out/$name.har" ]; then
    status=1
    echo "fuzz: schemathesis could not test everything ($name):"
    sed -n '/^Errors:/,/^Test cases:/p' "$out/$name.txt"
  fi
}
fuzz anonymous
fuzz keyed -H "Authorization: Bearer $key"

echo
echo "=== fuzz: reading every recorded answer"
if ! "$venv/bin/python" - "$root" "$hub_log" "$out/anonymous.har" "$out/keyed.har" <<'PY'; then
import json, re, sys

root, hub_log, *hars = sys.argv[1:]
leaks = [
    re.compile(re.escape(root)),
    re.compile(r"node_modules/"),
    re.compile(r"node:internal"),
    re.compile(r"\bat [\w$.<>\[\] ]+ \((?:file://|/)[^)]*:\d+:\d+\)"),
    re.compile(r"\n\s+at (?:file://|/)"),
]
findings = []
for har in hars:
    entries = json.load(open(har, encoding="utf-8"))["log"]["entries"]
    statuses = {}
    for entry in entries:
        response = entry["response"]
        status = response["status"]
        statuses[status] = statuses.get(status, 0) + 1
        text = response.get("content", {}).get("text") or ""
        sent = (entry["request"].get("postData") or {}).get("text") or entry["request"]["url"]
        why = []
        if status >= 500:
            why.append(f"HTTP {status}")
        try:
            body = json.loads(text)
        except ValueError:
            body = None
        errors = body.get("errors") if isinstance(body, dict) else None
        for error in errors if isinstance(errors, list) else []:
            code = ((error or {}).get("extensions") or {}).get("code") if isinstance(error, dict) else None
            if code == "INTERNAL":
                why.append("INTERNAL for client input")
        for leak in leaks:
            if leak.search(text) and not leak.search(sent):
                why.append(f"leak: {leak.pattern}")
        if why:
            findings.append((har, ", ".join(sorted(set(why))), sent[:2000], text[:2000]))
    print(f"{har}: {len(entries)} requests, statuses {dict(sorted(statuses.items()))}")
unexpected = [line for line in open(hub_log, encoding="utf-8", errors="replace") if re.search(r'"level":"?(error|fatal|50|60)\b', line)]
for line in unexpected:
    findings.append((hub_log, "error in the hub's log", "", line[:2000]))
for where, why, sent, got in findings[:20]:
    print(f"\nFINDING ({where}): {why}\n  sent: {sent}\n  got:  {got}")
print(f"\n{len(findings)} finding(s)")
sys.exit(1 if findings else 0)
PY
  status=1
fi
echo "fuzz: records in $out"
exit "$status"
