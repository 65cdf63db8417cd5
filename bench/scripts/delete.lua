package.path = os.getenv("BENCH_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")
local deletes = common.lines(os.getenv("BENCH_DATA") .. "/deletes.txt")

-- The measured run walks the first two thirds of the pool (600,000 ids of 900,000: 60,000 deletes/s for 10 s), the
-- warm-up the last third: no id of the measured run is deleted before it, and a request past the end of its part would
-- be a 404, reported as a non-2xx answer. The warm-up goes round its third again; its answers are not measured.
local measured = math.floor(#deletes * 2 / 3)
local warmup = os.getenv("BENCH_PHASE") == "warmup"
local offset = warmup and measured or 0
local size = warmup and (#deletes - measured) or measured

request = function()
  common.counter = common.counter + 1
  local row = deletes[offset + (common.counter - 1) % size + 1]
  return wrk.format("DELETE", "/v1/api/user/message/token/" .. row[2], { ["token"] = row[1] })
end
done = common.report
