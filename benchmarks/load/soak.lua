-- wrk script for soak.sh: a mix of sign-ins, refreshes, API-key calls, bearer calls and denied
-- requests. Each thread keeps the refresh token its last sign-in or refresh returned and uses it
-- once (a token used twice would be reuse and revoke its family, which is not what a soak tests).
-- Counts responses by status class per thread; done() prints the totals soak.sh reads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  api_key = os.getenv("SOAK_API_KEY")
  access = os.getenv("SOAK_ACCESS_TOKEN")
  refresh = nil
  n = 0
  s2, s4, s429, s5 = 0, 0, 0, 0
end

local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local json = { ["Content-Type"] = "application/json" }

function request()
  n = n + 1
  local m = n % 20
  if n % 200 == 0 then
    -- a sign-in costs one Argon2id hash (about 25 ms of a core here), so it is 1 request in 200
    return wrk.format("POST", "/auth/token", form, "grant_type=password&username=acme-dev&password=acme-dev-password")
  elseif n % 200 == 100 then
    -- a failed sign-in of an unknown user: the same hash cost, throttled per username, audited, never a 5xx
    return wrk.format("POST", "/auth/token", form, "grant_type=password&username=soak-nobody&password=wrong")
  elseif m <= 3 and refresh ~= nil then
    local token = refresh
    refresh = nil
    return wrk.format("POST", "/auth/token", json, '{"grant_type":"refresh_token","refresh_token":"' .. token .. '"}')
  elseif m <= 10 then
    return wrk.format("GET", "/api/v1/me", { ["X-API-Key"] = api_key })
  elseif m <= 16 then
    return wrk.format("GET", "/api/v1/me", { ["Authorization"] = "Bearer " .. access })
  elseif m <= 18 then
    -- denied: an org developer may not read the platform's audit log
    return wrk.format("GET", "/api/v1/admin/audit", { ["Authorization"] = "Bearer " .. access })
  else
    -- refused: a well-formed API key that does not exist
    return wrk.format("GET", "/api/v1/me", { ["X-API-Key"] = "pal_AAAAAAAAAAAAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA_AAAAAA" })
  end
end

function response(status, headers, body)
  if status >= 500 then
    s5 = s5 + 1
  elseif status == 429 then
    s429 = s429 + 1
  elseif status >= 400 then
    s4 = s4 + 1
  else
    s2 = s2 + 1
    local token = body:match('"refresh_token":"([^"]+)"')
    if token then
      refresh = token
      access = body:match('"access_token":"([^"]+)"') or access
    end
  end
end

function done(summary, latency, requests)
  local t2, t4, t429, t5 = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    t2 = t2 + thread:get("s2")
    t4 = t4 + thread:get("s4")
    t429 = t429 + thread:get("s429")
    t5 = t5 + thread:get("s5")
  end
  io.write(string.format("SOAK 2xx=%d 4xx=%d 429=%d 5xx=%d socket_errors=%d requests=%d p99_ms=%.2f\n", t2, t4, t429, t5,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.requests,
    latency:percentile(99) / 1000))
end
