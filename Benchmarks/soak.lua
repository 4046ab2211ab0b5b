-- wrk script for `make soak`: a mix of endpoints, counting every response status itself.
-- Usage: wrk ... -s Benchmarks/soak.lua http://127.0.0.1:PORT -- '<etag of /meetings?date=2022-01-12>'
-- Every date of 2022 in turn, and after every fifth date one of the other endpoints. With an ETag
-- argument the mix also sends a conditional GET, which must be answered 304.
-- done() prints "soak-status <code> <count>" lines and "soak-unexpected <n>" (anything but 2xx/304).
local requests = {}
local index = 0
counts = {}  -- global: done() reads it from each thread with thread:get
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  local others = {
    wrk.format("GET", "/parties"),
    wrk.format("GET", "/quotes?q=crystal"),
    wrk.format("GET", "/people/julianne-smith"),
    wrk.format("GET", "/meetings/nato-russia-council-2022-01-12"),
    wrk.format("GET", "/topics"),
  }
  if args[1] and args[1] ~= "" and args[1] ~= "-" then
    table.insert(others, wrk.format("GET", "/meetings?date=2022-01-12", { ["If-None-Match"] = args[1] }))
  end
  local days = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
  local n, other = 0, 0
  for month = 1, 12 do
    for day = 1, days[month] do
      requests[#requests + 1] = wrk.format("GET", string.format("/meetings?date=2022-%02d-%02d", month, day))
      n = n + 1
      if n % 5 == 0 then
        other = other % #others + 1
        requests[#requests + 1] = others[other]
      end
    end
  end
end

request = function()
  index = index % #requests + 1
  return requests[index]
end

response = function(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

done = function(summary, latency, requests_)
  local total = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do
      total[status] = (total[status] or 0) + n
    end
  end
  local unexpected = 0
  local statuses = {}
  for status in pairs(total) do table.insert(statuses, status) end
  table.sort(statuses)
  for _, status in ipairs(statuses) do
    io.write(string.format("soak-status %d %d\n", status, total[status]))
    if not ((status >= 200 and status < 300) or status == 304) then
      unexpected = unexpected + total[status]
    end
  end
  io.write(string.format("soak-unexpected %d\n", unexpected))
end
