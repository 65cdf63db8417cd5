package.path = os.getenv("BENCH_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")

request = function() return wrk.format("GET", "/v1/api/user/token") end
done = common.report
