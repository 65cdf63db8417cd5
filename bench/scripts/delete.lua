package.path = os.getenv("BENCH_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")
local deletes = common.lines(os.getenv("BENCH_DATA") .. "/deletes.txt")

-- The warm-up walks the second half of the pool, the measured run the first: no id is deleted twice,
-- and a request past the end of its half would be a 404, reported as a non-2xx answer.
local half = math.floor(#deletes / 2)
local offset = (os.getenv("BENCH_PHASE") == "warmup") and half or 0

request = function()
  common.counter = common.counter + 1
  local row = deletes[offset + (common.counter - 1) % half + 1]
  return wrk.format("DELETE", "/v1/api/user/message/token/" .. row[2], { ["token"] = row[1] })
end
done = common.report
