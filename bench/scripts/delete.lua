package.path = os.getenv("BENCH_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")
local deletes = common.lines(os.getenv("BENCH_DATA") .. "/deletes.txt")

-- The measured runs walk the first two thirds of the pool (600,000 ids of 900,000: 60,000 deletes/s for 10 s), each
-- of the BENCH_BURSTS runs its own slice of them (BENCH_BURST counts from 0); the warm-up walks the last third. No id
-- of a measured run is deleted before it, and a request past the end of its slice would be a 404, reported as a
-- non-2xx answer. The warm-up goes round its third again; its answers are not measured.
local measured = math.floor(#deletes * 2 / 3)
local bursts = tonumber(os.getenv("BENCH_BURSTS") or "1")
local burst = tonumber(os.getenv("BENCH_BURST") or "0")
local offset, size
if os.getenv("BENCH_PHASE") == "warmup" then
  offset, size = measured, #deletes - measured
else
  size = math.floor(measured / bursts)
  offset = burst * size
end

request = function()
  common.counter = common.counter + 1
  local row = deletes[offset + (common.counter - 1) % size + 1]
  return wrk.format("DELETE", "/v1/api/user/message/token/" .. row[2], { ["token"] = row[1] })
end
done = common.report
