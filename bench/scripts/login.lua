package.path = os.getenv("BENCH_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")
local users = common.lines(os.getenv("BENCH_DATA") .. "/usernames.txt")

request = function()
  local row = common.next(users)
  local body = string.format('{"username":"%s","password":"bench-password"}', row[1])
  return wrk.format("POST", "/v1/api/user/login", { ["content-type"] = "application/json" }, body)
end
done = common.report
