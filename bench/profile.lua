-- wrk script for the profile query: one request body per line of $BODIES (written by
-- `bench/profile.py --write-bodies FILE`), sent round-robin with $TOKEN as bearer token (no
-- Authorization header when $TOKEN is empty or unset: a peer server that checks none).
--   BODIES=/tmp/bodies.txt TOKEN=clt_… wrk -t1 -c1 -d20s -s bench/profile.lua http://127.0.0.1:8000/graphql
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN")
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "p50=%.2f ms  p95=%.2f ms  p99=%.2f ms  %.1f req/s  non-2xx=%d  socket-errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    e.status, e.connect + e.read + e.write + e.timeout))
end
