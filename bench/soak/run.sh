#!/usr/bin/env bash
# The soak run (not part of CI): builds Release, starts the service on a fresh SQLite file with the rate limits raised,
# drives mixed traffic from 1,000 simulated phones over loopback HTTP, then audits the database file against what the
# 2xx answers said: nothing lost, nothing duplicated, no push token held by two users, nothing left of a logged-out session.
#   bash bench/soak/run.sh                    # 3 minutes of mixed traffic (after 1-2 minutes of logins: PBKDF2 is slow on purpose)
#   SOAK_SECONDS=60 bash bench/soak/run.sh    # shorter
#   SOAK_PHONES=200 SOAK_USERS=30 bash bench/soak/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

seconds=${SOAK_SECONDS:-180}
phones=${SOAK_PHONES:-1000}
users=${SOAK_USERS:-150}
port=${SOAK_PORT:-5190}

echo "building Release"
dotnet build -c Release -v q src/Api/Api.csproj >/dev/null
dotnet build -c Release -v q bench/soak/Soak.csproj >/dev/null
api_dll=$root/src/Api/bin/Release/net10.0/PushTokenService.Api.dll
soak_dll=$root/bench/soak/bin/Release/net10.0/PushTokenService.Soak.dll

work=$(mktemp -d /tmp/pushtokens-soak.XXXXXX)
database=$work/pushtokens.db
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet "$api_dll" --urls "http://127.0.0.1:$port" --environment Production --Database:ConnectionString="Data Source=$database" \
  --RateLimits:LoginPerMinute=100000000 --RateLimits:RegisterPerMinute=100000000 --RateLimits:RequestsPerSessionPerMinute=100000000 \
  --Logging:LogLevel:Default=Warning >"$work/service.log" 2>&1 &
pid=$!
for _ in $(seq 1 150); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 0.2
done

status=0
dotnet "$soak_dll" --url "http://127.0.0.1:$port" --database "$database" --seconds "$seconds" --phones "$phones" --users "$users" || status=$?

echo "service: $(grep -c '^fail' "$work/service.log" || true) errors logged"
grep -m 5 -A 3 '^fail' "$work/service.log" || true
kill -TERM "$pid"
wait "$pid" || status=$?
pid=""
exit "$status"
