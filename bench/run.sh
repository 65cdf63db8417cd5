#!/usr/bin/env bash
# The benchmark: builds Release, starts the baseline and the service on fresh SQLite files, seeds them,
# drives each endpoint with wrk and writes the table to bench/results/latest.md.
#   bash bench/run.sh                    # the full run (about 14 minutes)
#   BENCH_DURATION=5s bash bench/run.sh  # shorter runs
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

duration=${BENCH_DURATION:-10s}
# Tiered compilation and dynamic PGO take some 20-30 s of load to settle: shorter warm-ups measure the JIT, not the service.
warmup=${BENCH_WARMUP:-20s}
# The scale runs start a fresh process on a 200 MB file: its page maps and caches take longer to warm than the JIT.
scale_warmup=${BENCH_SCALE_WARMUP:-30s}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-1}
scale=${BENCH_SCALE_RECORDS:-1000000}
api_key=bench-$(date +%s)
service_port=5180
baseline_port=5181

if ! command -v wrk >/dev/null; then
  echo "installing wrk from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

echo "building Release"
dotnet build -c Release -v q src/Api/Api.csproj >/dev/null
dotnet build -c Release -v q bench/Baseline/Baseline.csproj >/dev/null
dotnet build -c Release -v q bench/Seeder/Seeder.csproj >/dev/null
api_dll=$root/src/Api/bin/Release/net10.0/PushTokenService.Api.dll
baseline_dll=$root/bench/Baseline/bin/Release/net10.0/PushTokenService.Baseline.dll
seeder_dll=$root/bench/Seeder/bin/Release/net10.0/PushTokenService.Seeder.dll

work=$(mktemp -d /tmp/pushtokens-bench.XXXXXX)
export BENCH_SCRIPTS=$root/bench/scripts BENCH_API_KEY=$api_key
pid=""
pid1k=""
pid1m=""
cleanup() { for p in "$pid" "$pid1k" "$pid1m"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

wait_ready() {
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.2
  done
  echo "service at $1 did not start" >&2
  return 1
}


# Starts the service on database file $1 (schema created first, then seeded by the caller).
start_service() {
  # shellcheck disable=SC2046
  dotnet "$api_dll" --urls "http://127.0.0.1:$service_port" --Database:ConnectionString="Data Source=$1" \
    --RateLimits:RequestsPerSessionPerMinute=0 --RateLimits:LoginPerMinute=100000000 --RateLimits:RegisterPerMinute=100000000 \
    --Admin:ApiKeys:0="$api_key" --Logging:LogLevel:Default=Warning >"$work/service-$service_port.log" 2>&1 &
  pid=$!
  wait_ready "http://127.0.0.1:$service_port/health/ready"
}

stop_service() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

migrate() {
  dotnet "$api_dll" migrate --Database:ConnectionString="Data Source=$1" --Logging:LogLevel:Default=Warning >/dev/null
}

# run NAME SCRIPT URL [TIMEOUT]: a warm-up run, then the measured run; appends "NAME rps p50 p99 non2xx errors".
run() {
  local name=$1 script=$2 url=$3 timeout=${4:-2s}
  BENCH_PHASE=warmup wrk -t"$threads" -c"$connections" -d"$warmup" --timeout "$timeout" -s "bench/scripts/$script" "$url" >/dev/null 2>&1 || true
  local line
  line=$(BENCH_PHASE=measure wrk -t"$threads" -c"$connections" -d"$duration" --timeout "$timeout" -s "bench/scripts/$script" "$url" | grep '^RESULT')
  local rps p50 p99 non2xx errors
  rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$line")
  p50=$(sed -E 's/.*p50=([0-9.]+).*/\1/' <<<"$line")
  p99=$(sed -E 's/.*p99=([0-9.]+).*/\1/' <<<"$line")
  non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")
  errors=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$line")
  echo "$name $rps $p50 $p99 $non2xx $errors" | tee -a "$work/results.txt"
}

echo "baseline"
dotnet "$baseline_dll" --urls "http://127.0.0.1:$baseline_port" >/dev/null 2>&1 &
pid=$!
wait_ready "http://127.0.0.1:$baseline_port/v1/api/user/token"
run "baseline" baseline.lua "http://127.0.0.1:$baseline_port"
stop_service

echo "endpoints (1,000 records, 60,000 registering users and a delete pool)"
export BENCH_DATA=$work/main BENCH_RUN=main
migrate "$work/main.db"
dotnet "$seeder_dll" "$work/main.db" "$work/main" 200 800 300000
# POST: new tokens from many users, as phones register after install or login; each user stays under the cap: 60,000
# users take 30 s of POSTs (warm-up and run) at up to 38,000/s before any reaches 20 records (20,000 did at 12,700/s).
dotnet "$seeder_dll" "$work/main.db" "$work/post" 60000 0 0
start_service "$work/main.db"
url=http://127.0.0.1:$service_port
# Reads and PUT first, while every bench user holds its one seeded ring record (post@cap's evictions remove it later).
# A fresh process: its first run gets the scale runs' longer warm-up, so that it is measured at steady state too.
endpoint_warmup=$warmup
warmup=$scale_warmup
run "get" get.lua "$url"
warmup=$endpoint_warmup
run "lookup100" lookup.lua "$url"
run "put" put.lua "$url"
BENCH_DATA=$work/post run "post" post.lua "$url"
# The same POST from 200 users that hold 20 records each after the warm-up: every new record evicts the oldest.
BENCH_RUN=cap run "post@cap" post.lua "$url"
run "delete" delete.lua "$url"
run "login" login.lua "$url" 30s
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
stop_service

echo "scale: 1,000 records and $scale records, side by side"
# One service per size, both running, measured in the order 1k, 1M, 1M, 1k: on a VM whose speed drifts during the run
# (its baseline moved 12 % within one run), both sizes then see the same machine on average. Each figure is the mean of
# its two runs. GET and POST use different users, so that the POSTs (which fill their users up to the cap) do not
# change what GET reads.
scale_port=5182
for size in 1k 1m; do
  migrate "$work/scale$size.db"
  dotnet "$seeder_dll" "$work/scale$size.db" "$work/get$size" 200 600 0 >/dev/null
  dotnet "$seeder_dll" "$work/scale$size.db" "$work/post$size" 200 0 0 >/dev/null
done
dotnet "$seeder_dll" "$work/scale1m.db" "$work/filler" 0 $((scale - 1000)) 0 >/dev/null
start_service "$work/scale1k.db"
pid1k=$pid
service_port=$scale_port start_service "$work/scale1m.db"
pid1m=$pid
pid=""
warmup=$scale_warmup
scale_url() { if [ "$1" = 1k ]; then echo "$url"; else echo "http://127.0.0.1:$scale_port"; fi; }
for endpoint in get post; do
  round=0
  for size in 1k 1m 1m 1k; do
    round=$((round + 1))
    BENCH_DATA=$work/$endpoint$size BENCH_RUN=scale$size-$round run "$endpoint@$size#$round" "$endpoint.lua" "$(scale_url $size)" >/dev/null
  done
done
kill "$pid1k" "$pid1m"; wait "$pid1k" "$pid1m" 2>/dev/null || true
# The mean of each size's two runs, as one row; the single runs stay in scale-runs.txt.
grep '#' "$work/results.txt" >"$work/scale-runs.txt"
grep -v '#' "$work/results.txt" >"$work/endpoints.txt"
awk '{ split($1, key, "#"); n[key[1]]++; for (i = 2; i <= 6; i++) sum[key[1], i] += $i; if (!(key[1] in seen)) { seen[key[1]] = 1; order[++count] = key[1] } }
  END { for (k = 1; k <= count; k++) { name = order[k]; printf "%s %.1f %.3f %.3f %d %d\n", name, sum[name, 2] / n[name], sum[name, 3] / n[name], sum[name, 4] / n[name], sum[name, 5], sum[name, 6] } }' \
  "$work/scale-runs.txt" | sort >>"$work/endpoints.txt"
mv "$work/endpoints.txt" "$work/results.txt"
grep -h '@1' "$work/scale-runs.txt" "$work/results.txt"

# The baseline once more: on a shared VM the machine's speed can move during the run, and a run whose two baselines
# disagree by more than 20 % is marked not valid instead of being read as a result.
echo "baseline again"
dotnet "$baseline_dll" --urls "http://127.0.0.1:$baseline_port" >/dev/null 2>&1 &
pid=$!
wait_ready "http://127.0.0.1:$baseline_port/v1/api/user/token"
run "baseline@end" baseline.lua "http://127.0.0.1:$baseline_port"
stop_service

# The table, every figure also as a ratio to the baseline measured first.
machine="$(nproc) cores, $(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB, .NET $(dotnet --version)"
mkdir -p bench/results
awk -v machine="$machine" -v when="$(date -u +%Y-%m-%dT%H:%MZ)" -v rss="$rss_kb" -v conns="$connections" -v threads="$threads" -v dur="$duration" '
  { name[NR] = $1; rps[NR] = $2; p50[NR] = $3; p99[NR] = $4; non2xx[NR] = $5; errors[NR] = $6; if ($1 == "baseline") base = $2; if ($1 == "baseline@end") last = $2; idx[$1] = NR }
  END {
    printf "Measured %s on %s; wrk -t%s -c%s -d%s after a warm-up run.\n\n", when, machine, threads, conns, dur
    printf "| run | requests/s | p50 ms | p99 ms | ratio to baseline | non-2xx | socket errors |\n|---|---:|---:|---:|---:|---:|---:|\n"
    for (i = 1; i <= NR; i++) printf "| %s | %.0f | %.2f | %.2f | %.3f | %d | %d |\n", name[i], rps[i], p50[i], p99[i], rps[i] / base, non2xx[i], errors[i]
    printf "\nResident memory of the service after the endpoint runs: %.0f MB. Login is slow on purpose: PBKDF2-HMAC-SHA512 at 220,000 iterations per attempt.\n\n", rss / 1024
    printf "post: 60,000 users register new tokens, each under the cap of 20 records; post@cap: 200 users at the cap, every POST also evicts the oldest record.\n\n"
    drift = (last - base) / base; if (drift < 0) drift = -drift
    valid = drift <= 0.2
    printf "Baseline at the start %.0f/s, at the end %.0f/s: %.0f%% apart; %s\n\n", base, last, drift * 100, \
      (valid ? "the run is valid (20% or less)." : "the run is NOT VALID (more than 20%): the machine changed speed, the ratios mean nothing.")
    if (!valid) printf "NOT VALID: "
    printf "Targets: GET >= 0.5 of baseline: %s; POST >= 0.25: %s; PUT >= 0.25: %s; GET p99 < 5 ms: %s; ", \
      (rps[idx["get"]] / base >= 0.5 ? "met" : "MISSED"), (rps[idx["post"]] / base >= 0.25 ? "met" : "MISSED"), \
      (rps[idx["put"]] / base >= 0.25 ? "met" : "MISSED"), (p99[idx["get"]] < 5 ? "met" : "MISSED")
    g = rps[idx["get@1m"]] / rps[idx["get@1k"]]; p = rps[idx["post@1m"]] / rps[idx["post@1k"]]
    printf "GET at 1M within 10%% of 1k: %s (%.2f); POST at 1M within 10%% of 1k: %s (%.2f); RSS < 200 MB: %s.\n", \
      (g >= 0.9 ? "met" : "MISSED"), g, (p >= 0.9 ? "met" : "MISSED"), p, (rss / 1024 < 200 ? "met" : "MISSED")
  }' "$work/results.txt" | tee bench/results/latest.md
{
  printf "\nEach scale row is the mean of two runs, measured in the order 1k, 1M, 1M, 1k with both services up: "
  awk '{ printf "%s%s %.0f/s", (NR > 1 ? ", " : ""), $1, $2 }' "$work/scale-runs.txt"
  printf ".\n"
} | tee -a bench/results/latest.md
