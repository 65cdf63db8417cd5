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

-- Prints one machine-readable line after a wrk run: requests/s, p50 and p99 in ms, non-2xx and errors.
function common.report(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50=%.3f p99=%.3f requests=%d non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status, errors))
end

return common
