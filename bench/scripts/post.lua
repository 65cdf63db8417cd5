package.path = os.getenv("BENCH_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")
local sessions = common.lines(os.getenv("BENCH_DATA") .. "/sessions.txt")
-- Unique across runs and phases: a token POSTed twice would be a 409, not the path being measured.
local run = (os.getenv("BENCH_RUN") or "0") .. "-" .. (os.getenv("BENCH_PHASE") or "0")

request = function()
  local row, n = common.next(sessions)
  local body = string.format('{"push_token":"bench-%s-%d","language":"en","dev":0}', run, n)
  return wrk.format("POST", "/v1/api/user/token", { ["token"] = row[1], ["content-type"] = "application/json" }, body)
end
-- Prints one machine-readable line after a wrk run: requests/s, p50 and p99 in ms, non-2xx and errors.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50=%.3f p99=%.3f requests=%d non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status, errors))
end
