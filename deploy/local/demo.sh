#!/usr/bin/env bash
# The main job: a WHfB rollout on a simulated tenant, from a fresh clone on a machine with only the .NET SDK.
# Starts the real servers (PostgreSQL, RabbitMQ, Samba AD), the four services and the Simulator (Graph emulator,
# Entra Connect emulator writing keys into Samba, ~5,000 devices posting to Ingest), rolls the Intune WHfB policy
# out ring by ring through Policy, then prints what was injected next to what the services observed.
#
# usage: deploy/local/demo.sh [--rings policy|simulator] [--scenario NAME|PATH] [--keep-data]
#   --rings policy     Policy's rollout assigns the rings through Graph, gated on ring health (default)
#   --rings simulator  the simulator assigns the rings itself on the scenario's schedule (no Policy API needed)
#   --keep-data        keep the services' databases from earlier runs (default: start them empty, so the summary
#                      counts this run only)
# then: deploy/local/services.sh stop && deploy/local/stop.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=SCRIPTDIR/lib.sh
source "$root/deploy/local/lib.sh"
rings_mode="${WHFB_DEMO_RINGS:-policy}" scenario="${WHFB_DEMO_SCENARIO:-demo}" keep_data=no
while (( $# )); do
  case "$1" in
    --rings) rings_mode="$2"; shift 2 ;;
    --scenario) scenario="$2"; shift 2 ;;
    --keep-data) keep_data=yes; shift ;;
    *) die "usage: $0 [--rings policy|simulator] [--scenario NAME|PATH] [--keep-data]" ;;
  esac
done
[[ "$rings_mode" == policy || "$rings_mode" == simulator ]] || die "--rings is policy or simulator"
scenario_file="$scenario"; [[ -f "$scenario_file" ]] || scenario_file="$root/services/Simulator/Scenarios/$scenario.json"
[[ -f "$scenario_file" ]] || die "no scenario $scenario"
scenario_file="$(cd "$(dirname "$scenario_file")" && pwd)/$(basename "$scenario_file")"
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }
scenario_seed="$(json "$scenario_file" 'd.get("seed",1)')"
cycle_seconds="$(json "$scenario_file" 'int(d.get("timing",{}).get("syncCycleSeconds",10))')"
begin="$(now_ms)"
elapsed() { printf '%5.1f s' "$(( $(now_ms) - begin ))e-3"; }
step() { printf '\n[%s] %s\n' "$(elapsed)" "$*"; }

step "Servers (PostgreSQL, RabbitMQ, Samba AD)"
"$root/deploy/local/start.sh"
# shellcheck source=/dev/null
source "$WHFB_LOCAL_DIR/env.sh"
# shellcheck source=SCRIPTDIR/demo-env.sh
source "$root/deploy/local/demo-env.sh"
# shellcheck source=SCRIPTDIR/demo-steps.sh
source "$root/deploy/local/demo-steps.sh"
# shellcheck source=SCRIPTDIR/demo-secrets.sh
source "$root/deploy/local/demo-secrets.sh"

step "Building the services, the simulator and the whfb CLI in one pass (Release)"
"$root/deploy/local/services.sh" stop >/dev/null
dotnet build "$root/deploy/local/platform.slnf" -c Release -v quiet -nologo >"$WHFB_LOG_DIR/build-demo.log" 2>&1 \
  || { tail -n 30 "$WHFB_LOG_DIR/build-demo.log" >&2; die "build failed (log: $WHFB_LOG_DIR/build-demo.log)"; }
export WHFB_SERVICES_BUILT=1
whfb() { dotnet "$root/services/Cli/bin/Release/net10.0/whfb.dll" "$@"; }
if [[ "$keep_data" == no ]]; then reset_service_data; fi

step "A telemetry sink for the secret scan (the services export OTLP to it)"
start_telemetry_sink

step "Ingest, an enrollment key for the fleet, then the Simulator (scenario $(basename "$scenario_file" .json), rings by $rings_mode)"
"$root/deploy/local/services.sh" start ingest
Simulator__Fleet__CollectorKey="$(create_collector_key)"; export Simulator__Fleet__CollectorKey
rm -f "$graph_pem"
"$root/deploy/local/services.sh" start simulator
# SyncTracker starts once the OU is seeded: on a re-run the seeder first clears the last run's key values, which a
# scan before that would report as orphaned.
step "Waiting for the fleet to be seeded in AD (the first run creates the users: minutes) and its devices to enroll"
wait_for_fleet_state ready
printf '  %s\n' "$(json <(fleet) 'd["seeding"]')" "$(json <(fleet) 'd["enrollment"]')"

step "Insights, then SyncTracker and Policy (Graph pinned to the emulator's certificate)"
"$root/deploy/local/services.sh" start insights synctracker policy
plant_canaries

step "Starting the fleet and the rollout"
fleet_start
if [[ "$rings_mode" == policy ]]; then start_rollout; else echo "  the simulator assigns the rings itself every $(json "$scenario_file" 'd["timing"]["ringIntervalSeconds"]') s"; fi
watch_fleet
step "Letting the last keys reach AD and the last alerts settle"
settle

step "Summary"
whfb demo summary

step "Secret scan: service logs, exported telemetry, webhook posts and databases"
export canary_device_key canary_webhook_secret canary_hook_token
scan_for_secrets || die "a secret of the demo was found in clear (above)"
printf '\nDemo finished in %s. Services keep running (logs in .local/logs/, dashboard http://127.0.0.1:5104/dashboard/ with the key in .local/demo-admin.key).\n' "$(elapsed)"
echo "Stop with: deploy/local/services.sh stop && deploy/local/stop.sh"
