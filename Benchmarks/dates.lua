-- wrk script for `make bench`: cycles through every date of 2022, /meetings?date=2022-MM-DD (365 days).
-- Requests are formatted once in init(); request() only hands the next one out.
local requests = {}
local index = 0

init = function(args)
  local days = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
  for month = 1, 12 do
    for day = 1, days[month] do
      requests[#requests + 1] = wrk.format("GET", string.format("/meetings?date=2022-%02d-%02d", month, day))
    end
  end
end

request = function()
  index = index % #requests + 1
  return requests[index]
end
