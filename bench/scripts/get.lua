package.path = os.getenv("BENCH_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")
local sessions = common.lines(os.getenv("BENCH_DATA") .. "/sessions.txt")

request = function()
  local row = common.next(sessions)
  return wrk.format("GET", "/v1/api/user/token", { ["token"] = row[1] })
end
done = common.report
