#!/usr/bin/env bash
# The main job, from a fresh clone on a machine with only the .NET SDK: starts the real servers and the
# four services, posts sample device events to Ingest and shows them stored by Insights.
# (Later issues grow this into the demo rollout on the simulated tenant.)
#
# usage: deploy/local/demo.sh        then: deploy/local/services.sh stop; deploy/local/stop.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tenant="8f0a3c1e-4b7d-4e21-9a55-0c6d2e7f1b90"
# The demo tenant's admin API key: made once, kept in .local/ (git-ignored); services get only its SHA-256.
mkdir -p "$root/.local"
[[ -s "$root/.local/demo-admin.key" ]] || ( umask 077; echo "adm_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >"$root/.local/demo-admin.key" )
admin_key="$(cat "$root/.local/demo-admin.key")"
export Auth__ApiKeys__0__Name=demo-admin Auth__ApiKeys__0__Role=admin Auth__ApiKeys__0__TenantId="$tenant"
Auth__ApiKeys__0__Sha256="$(printf '%s' "$admin_key" | sha256sum | cut -d' ' -f1)"; export Auth__ApiKeys__0__Sha256

"$root/deploy/local/start.sh"
"$root/deploy/local/services.sh" start

echo
echo "Creating a collector key through the admin API (whfb collector-key create does the same)..."
collector_key="$(curl -fsS -X POST http://127.0.0.1:5101/v1/admin/collector-keys -H "Authorization: ApiKey $admin_key" \
  -H 'Content-Type: application/json' -d '{"name":"demo collector"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')"
echo "Posting $(wc -l <"$root/deploy/local/samples/events.ndjson") sample device events to Ingest..."
curl -fsS -X POST http://127.0.0.1:5101/v1/events -H 'Content-Type: application/x-ndjson' -H "Authorization: Bearer $collector_key" \
  --data-binary @"$root/deploy/local/samples/events.ndjson"
echo

echo "Waiting for Insights to store them..."
for _ in $(seq 1 60); do
  stored="$(curl -fsS 'http://127.0.0.1:5104/v1/history/recent?limit=10' -H "Authorization: ApiKey $admin_key")"
  if grep -q '"count":[1-9]' <<<"$stored" && [[ "$(sed -E 's/.*"count":([0-9]+).*/\1/' <<<"$stored")" -ge 4 ]]; then
    break
  fi
  sleep 0.5
done
echo "Stored in Insights' history (PostgreSQL):"
python3 -m json.tool <<<"$stored" 2>/dev/null || echo "$stored"

echo
export WHFB_API_KEY="$admin_key"
dotnet run --project "$root/services/Cli" -c Release -- report funnel
dotnet run --project "$root/services/Cli" -c Release -- status
echo
echo "Services keep running: logs in .local/logs/. Stop with deploy/local/services.sh stop && deploy/local/stop.sh"
