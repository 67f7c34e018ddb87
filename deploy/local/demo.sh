#!/usr/bin/env bash
# The main job, from a fresh clone on a machine with only the .NET SDK: starts the real servers and the
# four services, posts sample device events to Ingest and shows them stored by Insights.
# (Later issues grow this into the demo rollout on the simulated tenant.)
#
# usage: deploy/local/demo.sh        then: deploy/local/services.sh stop; deploy/local/stop.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export Ingest__DevelopmentTenantId="${Ingest__DevelopmentTenantId:-8f0a3c1e-4b7d-4e21-9a55-0c6d2e7f1b90}"

"$root/deploy/local/start.sh"
"$root/deploy/local/services.sh" start

echo
echo "Posting $(wc -l <"$root/deploy/local/samples/events.ndjson") sample device events to Ingest..."
curl -fsS -X POST http://127.0.0.1:5101/v1/events -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$root/deploy/local/samples/events.ndjson"
echo

echo "Waiting for Insights to store them..."
for _ in $(seq 1 60); do
  stored="$(curl -fsS 'http://127.0.0.1:5104/v1/history/recent?limit=10')"
  if grep -q '"count":[1-9]' <<<"$stored" && [[ "$(sed -E 's/.*"count":([0-9]+).*/\1/' <<<"$stored")" -ge 4 ]]; then
    break
  fi
  sleep 0.5
done
echo "Stored in Insights' history (PostgreSQL):"
python3 -m json.tool <<<"$stored" 2>/dev/null || echo "$stored"

echo
dotnet run --project "$root/services/Cli" -c Release -- status
echo
echo "Services keep running: logs in .local/logs/. Stop with deploy/local/services.sh stop && deploy/local/stop.sh"
