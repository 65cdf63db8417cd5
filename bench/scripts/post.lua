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
done = common.report
