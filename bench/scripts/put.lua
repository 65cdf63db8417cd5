package.path = os.getenv("BENCH_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")
local sessions = common.lines(os.getenv("BENCH_DATA") .. "/sessions.txt")
local phase = os.getenv("BENCH_PHASE") or "0"

request = function()
  local row, n = common.next(sessions)
  local body = string.format('{"push_token":"put-%s-%s-%d","language":"zh-CN"}', row[2], phase, n)
  return wrk.format("PUT", "/v1/api/user/token/" .. row[2], { ["token"] = row[1], ["content-type"] = "application/json" }, body)
end
done = common.report
