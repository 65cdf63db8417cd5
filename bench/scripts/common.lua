-- Shared by the benchmark scripts: reads "token id user" lines written by the seeder.
local common = {}

function common.lines(path)
  local rows = {}
  for line in io.lines(path) do
    local fields = {}
    for field in line:gmatch("%S+") do fields[#fields + 1] = field end
    rows[#rows + 1] = fields
  end
  return rows
end

-- Each wrk thread gets its own offset so threads do not walk the same rows.
common.counter = 0
function common.next(rows)
  common.counter = common.counter + 1
  return rows[(common.counter - 1) % #rows + 1], common.counter
end

return common
