#!/bin/sh
# docker compose "collector-key" step: an enrollment key of the demo tenant for the Simulator's fleet, made once through
# Ingest's admin API with the admin key, as deploy/local/demo-steps.sh create_collector_key does.
set -eu
dir=/run/whfb
[ -s "$dir/collector.env" ] && exit 0
key="$(curl -fsS -X POST http://ingest:5101/v1/admin/collector-keys -H "Authorization: ApiKey $(cat "$dir/admin.key")" \
  -H 'Content-Type: application/json' -d '{"name":"compose fleet","kind":"enrollment"}' \
  | sed -n 's/.*"key" *: *"\([^"]*\)".*/\1/p')"
[ -n "$key" ] || { echo "collector-key: Ingest returned no key" >&2; exit 1; }
umask 077
printf 'export Simulator__Fleet__CollectorKey=%s\n' "$key" >"$dir/collector.env"
echo "collector-key: enrollment key for the fleet created"
