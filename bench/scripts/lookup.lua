package.path = os.getenv("BENCH_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")
local sessions = common.lines(os.getenv("BENCH_DATA") .. "/sessions.txt")
local key = os.getenv("BENCH_API_KEY")

-- Each request asks for the ring tokens of 100 consecutive bench users (a family of 100).
request = function()
  local _, n = common.next(sessions)
  local ids = {}
  for i = 0, 99 do ids[#ids + 1] = sessions[(n + i - 1) % #sessions + 1][3] end
  local body = '{"kind":"ring","user_ids":[' .. table.concat(ids, ",") .. ']}'
  return wrk.format("POST", "/v1/api/admin/tokens/lookup", { ["X-Api-Key"] = key, ["content-type"] = "application/json" }, body)
end
done = common.report
