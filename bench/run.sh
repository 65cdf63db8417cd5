#!/usr/bin/env bash
# The benchmark: builds Release, starts the baseline and the service on fresh SQLite files, seeds them,
# drives each endpoint with wrk, measures delivery against fake providers and writes the table to bench/results/latest.md.
#   bash bench/run.sh                        # the full run (about 14 minutes)
#   BENCH_DURATION=5s bash bench/run.sh      # shorter runs
#   BENCH_ONLY=delivery bash bench/run.sh    # the delivery rows alone, to stdout only (about a minute)
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
only=${BENCH_ONLY:-}
fanout_users=${BENCH_DELIVERY_USERS:-1000}
delivery_rounds=${BENCH_DELIVERY_ROUNDS:-5}
delivery_sends=${BENCH_DELIVERY_SENDS:-10}
delivery_warmup=${BENCH_DELIVERY_WARMUP:-30s}
ring_sends=${BENCH_RING_SENDS:-2000}
service_port=5180
baseline_port=5181

if [ "$only" != delivery ] && ! command -v wrk >/dev/null; then
  echo "installing wrk from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

echo "building Release"
dotnet build -c Release -v q src/Api/Api.csproj >/dev/null
dotnet build -c Release -v q bench/Baseline/Baseline.csproj >/dev/null
dotnet build -c Release -v q bench/Seeder/Seeder.csproj >/dev/null
dotnet build -c Release -v q bench/Delivery/Delivery.csproj >/dev/null
api_dll=$root/src/Api/bin/Release/net10.0/PushTokenService.Api.dll
baseline_dll=$root/bench/Baseline/bin/Release/net10.0/PushTokenService.Baseline.dll
seeder_dll=$root/bench/Seeder/bin/Release/net10.0/PushTokenService.Seeder.dll
delivery_dll=$root/bench/Delivery/bin/Release/net10.0/PushTokenService.BenchDelivery.dll

work=$(mktemp -d /tmp/pushtokens-bench.XXXXXX)
export BENCH_SCRIPTS=$root/bench/scripts BENCH_API_KEY=$api_key
pid=""
pid1k=""
pid1m=""
pid_baseline=""
pid_fakes=""
cleanup() { for p in "$pid" "$pid1k" "$pid1m" "$pid_baseline" "$pid_fakes"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

wait_ready() {
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.2
  done
  echo "service at $1 did not start" >&2
  return 1
}


# Starts the service on database file $1 (schema created first, then seeded by the caller), with any more arguments given.
start_service() {
  dotnet "$api_dll" --urls "http://127.0.0.1:$service_port" --Database:ConnectionString="Data Source=$1" \
    --RateLimits:RequestsPerSessionPerMinute=0 --RateLimits:LoginPerMinute=100000000 --RateLimits:RegisterPerMinute=100000000 \
    --Admin:ApiKeys:0="$api_key" --Logging:LogLevel:Default=Warning "${@:2}" >"$work/service-$service_port.log" 2>&1 &
  pid=$!
  wait_ready "http://127.0.0.1:$service_port/health/ready"
}

stop_service() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

migrate() {
  dotnet "$api_dll" migrate --Database:ConnectionString="Data Source=$1" --Logging:LogLevel:Default=Warning >/dev/null
}

# measure NAME SCRIPT URL [TIMEOUT] [DURATION]: one measured run; appends "NAME rps p50 p99 non2xx errors" to results.txt,
# whose order the table keeps: each run's ratio is taken against the baseline runs on either side of it.
measure() {
  local name=$1 script=$2 url=$3 timeout=${4:-2s} length=${5:-$duration}
  local line
  line=$(BENCH_PHASE=${BENCH_PHASE:-measure} wrk -t"$threads" -c"$connections" -d"$length" --timeout "$timeout" -s "bench/scripts/$script" "$url" | grep '^RESULT')
  local rps p50 p99 non2xx errors
  rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$line")
  p50=$(sed -E 's/.*p50=([0-9.]+).*/\1/' <<<"$line")
  p99=$(sed -E 's/.*p99=([0-9.]+).*/\1/' <<<"$line")
  non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")
  errors=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$line")
  echo "$name $rps $p50 $p99 $non2xx $errors" | tee -a "$work/results.txt"
}

warm() {
  local script=$1 url=$2 timeout=${3:-2s} length=${4:-$warmup}
  BENCH_PHASE=warmup wrk -t"$threads" -c"$connections" -d"$length" --timeout "$timeout" -s "bench/scripts/$script" "$url" >/dev/null 2>&1 || true
}

# settle PID...: waits (up to 3 s) until the processes use less than a tenth of a core, so that work left over from one
# run (a checkpoint, a collection, the answers still queued) is not charged to the baseline run after it.
cpu_ticks() { local total=0 p; for p in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$total"; }
settle() {
  local previous current
  previous=$(cpu_ticks "$@")
  for _ in $(seq 1 30); do
    sleep 0.1
    current=$(cpu_ticks "$@")
    [ $((current - previous)) -le 1 ] && return 0
    previous=$current
  done
}

# The baseline runs beside the service for the whole benchmark (idle while the service is measured) and is measured
# again and again, alternating with the service's runs: on a shared VM the machine's speed moves within minutes,
# even within one 10-s run, and a ratio against a baseline measured minutes earlier would measure that drift.
baseline_count=0
baseline() {
  baseline_count=$((baseline_count + 1))
  measure "baseline#$baseline_count" baseline.lua "$baseline_url" 2s "${1:-$duration}"
}

# run NAME SCRIPT URL: a warm-up run, then BENCH_BURSTS runs of the measured duration split among them, each after a
# baseline run of the same length; the table's row is their mean, its ratio to the baseline runs around them.
bursts=${BENCH_BURSTS:-5}
burst_length=$(( ${duration%s} / bursts ))s
run() {
  warm "$2" "$3"
  local k
  for k in $(seq 1 "$bursts"); do
    baseline "$burst_length"
    BENCH_PHASE=measure-$k BENCH_BURST=$((k - 1)) BENCH_BURSTS=$bursts measure "$1#$k" "$2" "$3" 2s "$burst_length" >/dev/null
    settle "$pid"
  done
  baseline "$burst_length"
  awk -v name="$1" 'index($1, name "#") == 1 { sum += $2; count++ } END { printf "%s %.1f/s, the mean of %d runs\n", name, sum / count, count }' \
    "$work/results.txt"
}

# The delivery rows, run after the scale rows (or alone with BENCH_ONLY=delivery): the fake APNs, FCM and Huawei servers
# in a process of their own, answering at once; a fresh service on a fresh file seeded with the fan-out users (an APNs
# and an FCM record each) and the ring user (APNs, FCM, Huawei), pointed at the fakes. The driver alternates runs of a
# bare HttpClient sending the fan-out's provider requests with runs of the service's fan-out, then times the ring; its
# RESULT lines (with each run's CPU per send of the service, the fakes and the driver) go to stdout, and
# "NAME rps p50 p99 not-sent 0" lines to delivery.txt.
delivery() {
  echo "delivery: a ring to $fanout_users users with two records each against its baseline, then a ring to one user with three"
  local fakes=$work/fakes
  dotnet "$delivery_dll" fakes "$fakes" >"$work/fakes.log" 2>&1 &
  pid_fakes=$!
  for _ in $(seq 1 100); do
    [ -f "$fakes/service-args.txt" ] && break
    sleep 0.2
  done
  [ -f "$fakes/service-args.txt" ] || { echo "the fake providers did not start" >&2; cat "$work/fakes.log" >&2; return 1; }
  migrate "$work/delivery.db"
  dotnet "$seeder_dll" "$work/delivery.db" "$work/delivery" delivery "$fanout_users" >/dev/null
  local service_args
  mapfile -t service_args <"$fakes/service-args.txt"
  start_service "$work/delivery.db" "${service_args[@]}"
  dotnet "$delivery_dll" drive --Fakes="$fakes" --Seed="$work/delivery" --Service="http://127.0.0.1:$service_port/" \
    --ApiKey="$api_key" --Rounds="$delivery_rounds" --Sends="$delivery_sends" --WarmupSeconds="${delivery_warmup%s}" \
    --RingSends="$ring_sends" --SettlePids="$pid,$pid_fakes" | tee "$work/drive.txt" | grep '^RESULT'
  sed -nE 's/^RESULT run=([^ ]+) rps=([0-9.]+) p50=([0-9.]+) p99=([0-9.]+) .*not_sent=([0-9]+).*/\1 \2 \3 \4 \5 0/p' \
    "$work/drive.txt" >>"$work/delivery.txt"
  stop_service
  kill "$pid_fakes"
  wait "$pid_fakes" 2>/dev/null || true
  pid_fakes=""
}

# table FILE: writes the table to stdout and FILE. Each run's ratio is to the mean of the two baseline runs measured
# just before and just after it (the fan-out's: of its own baseline's runs); a row is the mean of its runs. The runs of
# one row scatter with the machine: a row with a target (GET, PUT, POST, fan-out) whose ratio's standard error (over its
# runs) is more than 10 % of the ratio makes the whole benchmark NOT VALID, and so does such a scatter in the rounds'
# 1M/1k. With BENCH_ONLY=delivery the table holds the delivery rows alone.
table() {
  local machine
  machine="$(nproc) cores, $(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB, .NET $(dotnet --version)"
  mkdir -p "$(dirname "$1")"
  awk -v machine="$machine" -v when="$(date -u +%Y-%m-%dT%H:%MZ)" -v rss="${rss_kb:-0}" -v conns="$connections" -v threads="$threads" \
    -v dur="$duration" -v bursts="$bursts" -v blen="$burst_length" -v burst="${scale_burst:-}" -v rounds="${scale_rounds:-0}" \
    -v delivery_file="$work/delivery.txt" -v users="$fanout_users" -v sends="$delivery_sends" '
  function stderr(sum, sumsq, c,   mean, var) { if (c < 2) return 0; mean = sum / c; var = (sumsq - c * mean * mean) / (c - 1); return (var > 0 ? sqrt(var / c) : 0) }
  FILENAME == delivery_file { dn++; dname[dn] = $1; drps[dn] = $2; d50[dn] = $3; d99[dn] = $4; dbad[dn] = $5; next }
  { n++; name[n] = $1; rps[n] = $2; p50[n] = $3; p99[n] = $4; non2xx[n] = $5; errors[n] = $6; isbase[n] = ($1 ~ /^baseline#/) }
  END {
    if (n > 0) registry_figures()
    if (dn > 0) delivery_figures()
    if (n > 0) printf "Measured %s on %s; wrk -t%s -c%s, %d runs of %s per endpoint after a warm-up run (login: one run of %s).\n\n", when, machine, threads, conns, bursts, blen, dur
    else printf "Measured %s on %s; the delivery rows alone (BENCH_ONLY=delivery).\n\n", when, machine
    printf "| run | requests/s | p50 ms | p99 ms | baseline/s around it | ratio to baseline | its standard error | non-2xx | socket errors |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    if (n > 0) registry_rows()
    if (dn > 0) delivery_rows()
    if (n > 0) registry_notes()
    if (dn > 0) delivery_notes()
    if (n > 0) registry_validity()
    if (n > 0) registry_targets()
    else printf "%sTargets: ", (fse > 0.1 ? "NOT VALID: " : "")
    if (n > 0 && dn > 0) printf "; "
    if (dn > 0) printf "fan-out >= 0.5 of its baseline: %s (%.3f, standard error %.1f%%); ring p99 < 5 ms: %s", \
      (fratio >= 0.5 && fbad == 0 ? "met" : "MISSED"), fratio, fse * 100, (ring99 < 5 && ringbad == 0 ? "met" : "MISSED")
    printf ".\n"
  }
  function registry_figures(   i, k, key, c, one, last, e, ep, j, x, sum, sumsq, part) {
    for (i = 1; i <= n; i++) if (isbase[i]) { nb++; bsum += rps[i]; b50 += p50[i]; b99 += p99[i]; if (nb == 1 || rps[i] < bmin) bmin = rps[i]; if (rps[i] > bmax) bmax = rps[i] }
    last = 0; for (i = 1; i <= n; i++) if (isbase[i]) last = rps[i]; else before[i] = last
    last = 0; for (i = n; i >= 1; i--) if (isbase[i]) last = rps[i]; else after[i] = last
    # Runs named NAME#k make one row, NAME, with the means of their figures.
    for (i = 1; i <= n; i++) {
      if (isbase[i]) continue
      split(name[i], part, "#"); key = part[1]
      if (!(key in count)) order[++rows] = key
      count[key]++; r[key] += rps[i]; q50[key] += p50[i]; q99[key] += p99[i]; bad[key] += non2xx[i]; err[key] += errors[i]
      around[key] += (before[i] + after[i]) / 2
      one = rps[i] / ((before[i] + after[i]) / 2); rs[key] += one; rss2[key] += one * one
      if (part[2] != "") { byround[key, part[2]] = rps[i] }
    }
    for (k = 1; k <= rows; k++) {
      key = order[k]; c = count[key]; r[key] /= c; q50[key] /= c; q99[key] /= c; around[key] /= c; ratio[key] = r[key] / around[key]
      se[key] = (c > 1 && rs[key] > 0 ? stderr(rs[key], rss2[key], c) / (rs[key] / c) : -1)
    }
    # 1M against 1k, round by round: the rounds alternate the sizes, so each round sees one machine.
    for (e = 1; e <= 2; e++) {
      ep = (e == 1 ? "get" : "post"); sum = 0; sumsq = 0; c = 0
      for (j = 1; j <= rounds; j++) if ((ep "@1k", j) in byround && byround[ep "@1k", j] > 0) { x = byround[ep "@1m", j] / byround[ep "@1k", j]; sum += x; sumsq += x * x; c++ }
      scale_ratio[ep] = r[ep "@1m"] / r[ep "@1k"]; scale_se[ep] = (c > 0 ? stderr(sum, sumsq, c) / (sum / c) : 0)
    }
  }
  # The fan-out row: each run of the service against the mean of its baseline runs just before and just after it.
  function delivery_figures(   i, last, around, one, sum, sumsq) {
    last = 0; for (i = 1; i <= dn; i++) if (dname[i] ~ /^fan-out-baseline#/) last = drps[i]; else dbefore[i] = last
    last = 0; for (i = dn; i >= 1; i--) if (dname[i] ~ /^fan-out-baseline#/) last = drps[i]; else dafter[i] = last
    for (i = 1; i <= dn; i++) {
      if (dname[i] ~ /^fan-out#/) {
        fc++; fr += drps[i]; f50 += d50[i]; f99 += d99[i]; fbad += dbad[i]
        around = (dbefore[i] + dafter[i]) / 2; faround += around; one = drps[i] / around; sum += one; sumsq += one * one
      } else if (dname[i] == "ring") { ring_rps = drps[i]; ring50 = d50[i]; ring99 = d99[i]; ringbad = dbad[i] }
    }
    fr /= fc; f50 /= fc; f99 /= fc; faround /= fc; fratio = fr / faround
    fse = (fc > 1 && sum > 0 ? stderr(sum, sumsq, fc) / (sum / fc) : 0)
  }
  function registry_rows(   k, key) {
    printf "| baseline (mean of %d runs) | %.0f | %.2f | %.2f | | 1.000 | | 0 | 0 |\n", nb, bsum / nb, b50 / nb, b99 / nb
    for (k = 1; k <= rows; k++) { key = order[k]; printf "| %s | %.0f | %.2f | %.2f | %.0f | %.3f | %s | %d | %d |\n", key, r[key], q50[key], q99[key], around[key], ratio[key], (se[key] < 0 ? "one run" : sprintf("%.1f %%", se[key] * 100)), bad[key], err[key] }
  }
  function delivery_rows() {
    printf "| fan-out | %.0f | %.2f | %.2f | %.0f | %.3f | %.1f %% | %d | 0 |\n", fr, f50, f99, faround, fratio, fse * 100, fbad
    printf "| ring | %.0f | %.2f | %.2f | | | one run | %d | 0 |\n", ring_rps, ring50, ring99, ringbad
  }
  function registry_notes() {
    printf "\nResident memory of the service after the endpoint runs: %.0f MB. Login is slow on purpose: PBKDF2-HMAC-SHA512 at 220,000 iterations per attempt.\n\n", rss / 1024
    printf "post: 60,000 users register new tokens, each under the cap of 20 records; post@cap: 200 users at the cap, every POST also evicts the oldest record. "
    printf "The scale rows (@1k, @1m) are each the mean of %d runs of %s, alternating between the two sizes.\n\n", rounds, burst
  }
  function delivery_notes() {
    if (n == 0) printf "\n"
    printf "fan-out: one ring to %s users with an APNs and an FCM record each; requests/s are provider requests (targets) per second, p50 and p99 those of one send, ", users
    printf "the mean of %d runs of %s sends, each between two runs of its baseline, a bare HttpClient sending the same requests to the same fake providers. ", fc, sends
    printf "ring: sends to one user with an APNs, an FCM and a Huawei record, back to back; requests/s are sends per second. In both rows non-2xx counts the targets not sent.\n\n"
  }
  # The rows the targets read: the scatter of a row without a target (DELETE, the lookup) does not change whether
  # the targets can be read.
  function registry_validity(   t, e, ep, targeted) {
    worst = ""; spread = 0
    split("get put post", targeted, " ")
    for (t = 1; t <= 3; t++) if (se[targeted[t]] > spread) { spread = se[targeted[t]]; worst = targeted[t] }
    for (e = 1; e <= 2; e++) { ep = (e == 1 ? "get" : "post"); if (scale_se[ep] > spread) { spread = scale_se[ep]; worst = ep " 1M/1k" } }
    if (dn > 0 && fse > spread) { spread = fse; worst = "fan-out" }
    valid = spread <= 0.1
    printf "The baseline was measured %d times, between the runs of the service: from %.0f to %.0f/s. The largest standard error of a ratio that a target reads (%s): %.1f%% of it; %s\n\n", \
      nb, bmin, bmax, worst, spread * 100, (valid ? "the run is valid (10% or less)." : "the run is NOT VALID (more than 10%): the machine changed speed too much between runs to read the ratios.")
  }
  function registry_targets(   g, p) {
    if (!valid) printf "NOT VALID: "
    printf "Targets: GET >= 0.5 of baseline: %s; POST >= 0.25: %s; PUT >= 0.25: %s; GET p99 < 5 ms: %s; ", \
      (ratio["get"] >= 0.5 ? "met" : "MISSED"), (ratio["post"] >= 0.25 ? "met" : "MISSED"), (ratio["put"] >= 0.25 ? "met" : "MISSED"), (q99["get"] < 5 ? "met" : "MISSED")
    g = scale_ratio["get"]; p = scale_ratio["post"]
    printf "GET at 1M within 10%% of 1k: %s (%.2f, standard error %.1f%%); POST at 1M within 10%% of 1k: %s (%.2f, standard error %.1f%%); RSS < 200 MB: %s", \
      (g >= 0.9 ? "met" : "MISSED"), g, scale_se["get"] * 100, (p >= 0.9 ? "met" : "MISSED"), p, scale_se["post"] * 100, (rss / 1024 < 200 ? "met" : "MISSED")
  }' "$work/results.txt" "$work/delivery.txt" | tee "$1"
  {
    printf "\nThe runs in the order measured (requests/s): "
    awk '{ printf "%s%s %.0f", (NR > 1 ? ", " : ""), $1, $2 }' "$work/results.txt" "$work/delivery.txt"
    printf ".\n"
  } | tee -a "$1"
}

touch "$work/results.txt" "$work/delivery.txt"
if [ "$only" = delivery ]; then
  delivery
  table "$work/latest.md"
  exit 0
fi

echo "baseline"
baseline_url=http://127.0.0.1:$baseline_port
dotnet "$baseline_dll" --urls "$baseline_url" >/dev/null 2>&1 &
pid_baseline=$!
wait_ready "$baseline_url/v1/api/user/token"
warm baseline.lua "$baseline_url"

echo "endpoints (1,000 records and 60,000 registering users; the delete pool is seeded before DELETE's run)"
export BENCH_DATA=$work/main BENCH_RUN=main
migrate "$work/main.db"
dotnet "$seeder_dll" "$work/main.db" "$work/main" 200 800 0
# POST: new tokens from many users, as phones register after install or login; each user stays under the cap: 60,000
# users take 30 s of POSTs (warm-up and run) at up to 38,000/s before any reaches 20 records.
dotnet "$seeder_dll" "$work/main.db" "$work/post" 60000 0 0
start_service "$work/main.db"
url=http://127.0.0.1:$service_port
# Reads and PUT first, while every bench user holds its one seeded ring record (post@cap's evictions remove it later).
# A fresh process: its first run gets the scale runs' longer warm-up, so that it is measured at steady state too.
warm get.lua "$url" 2s "$scale_warmup"
run "get" get.lua "$url"
run "lookup100" lookup.lua "$url"
run "put" put.lua "$url"
BENCH_DATA=$work/post run "post" post.lua "$url"
# The same POST from 200 users that hold 20 records each after the warm-up: every new record evicts the oldest.
BENCH_RUN=cap run "post@cap" post.lua "$url"
# DELETE's pool: 900,000 message records of 200 more users, seeded into the running service's file just before its run
# (the seeder checkpoints them into the file): the warm-up and the run take 30 s of DELETEs, more than 700,000 at
# 25,000/s, and a pool seeded at the start would have made every run before it work on a 900,000-record registry.
dotnet "$seeder_dll" "$work/main.db" "$work/delete" 200 0 "${BENCH_DELETE_POOL:-900000}" >/dev/null
BENCH_DATA=$work/delete run "delete" delete.lua "$url"
# Login: one run of the whole duration, between two baseline runs (one login takes seconds, too long for short runs).
warm login.lua "$url" 30s
measure "login" login.lua "$url" 30s
# Resident memory right after the last run, before the service idles through the baseline run after it.
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
settle "$pid"
baseline
stop_service

echo "scale: 1,000 records and $scale records, side by side"
# One service per size, both running, each warmed up, then measured in short runs that alternate between the sizes
# (1k, 1M, 1M, 1k, ...): the VM's speed drifts within seconds as well as minutes, and alternating runs of 2 s let both
# sizes see the same machine. Each size's figure is the mean of its runs. GET and POST use different users, so that
# the POSTs (which fill their users up to the cap) do not change what GET reads.
scale_port=5182
scale_rounds=${BENCH_SCALE_ROUNDS:-10}
scale_burst=${BENCH_SCALE_BURST:-2s}
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
scale_url() { if [ "$1" = 1k ]; then echo "$url"; else echo "http://127.0.0.1:$scale_port"; fi; }
for endpoint in get post; do
  for size in 1k 1m; do
    BENCH_DATA=$work/$endpoint$size BENCH_RUN=scale$size-warmup warm "$endpoint.lua" "$(scale_url $size)" 2s "$scale_warmup"
  done
  for round in $(seq 1 "$scale_rounds"); do
    # Odd rounds open with a baseline run, so there is one between every two rounds.
    if [ $((round % 2)) = 1 ]; then order="1k 1m"; baseline "$scale_burst"; else order="1m 1k"; fi
    for size in $order; do
      BENCH_DATA=$work/$endpoint$size BENCH_RUN=scale$size-$round measure "$endpoint@$size#$round" "$endpoint.lua" "$(scale_url $size)" 2s "$scale_burst" >/dev/null
      settle "$pid1k" "$pid1m"
    done
  done
  baseline "$scale_burst"
done
kill "$pid1k" "$pid1m"; wait "$pid1k" "$pid1m" 2>/dev/null || true
pid1k=""
pid1m=""
kill "$pid_baseline"; wait "$pid_baseline" 2>/dev/null || true
pid_baseline=""

delivery
table bench/results/latest.md
