-- wrk script for bench/intake.sh: POST /v1/notifications, each request for another host (intake-NNNNN),
-- so that none is a duplicate. Each wrk thread takes its own range of hosts.
local counter = 0
local auth = os.getenv("INTAKE_AUTH")
local per_thread = tonumber(os.getenv("INTAKE_HOSTS_PER_THREAD") or "10000")
-- the warm-up and the measured run take hosts of their own
local offset = tonumber(os.getenv("INTAKE_OFFSET") or "0")
local threads = 0

function setup(thread)
  thread:set("first", offset + threads * per_thread)
  threads = threads + 1
end

function init(args)
  -- "first" is the global that setup() set in this thread
  first = tonumber(first) or 0
end

function request()
  local host = string.format("intake-%05d", first + counter)
  counter = (counter + 1) % per_thread
  local body = '{"notification": {"type": "COMPUTE_HOST", "hostname": "' .. host .. '", '
    .. '"generated_time": "2026-12-01T10:00:00.000000", '
    .. '"payload": {"event": "STOPPED", "host_status": "NORMAL", "cluster_status": "OFFLINE"}}}'
  return wrk.format("POST", "/v1/notifications",
    {["Content-Type"] = "application/json", ["Authorization"] = "Basic " .. auth}, body)
end
