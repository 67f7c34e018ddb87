# shellcheck shell=bash
# Sourced by demo.sh: its steps. Needs lib.sh, env.sh and demo-env.sh sourced, and json() from demo.sh.

simulator_url="http://127.0.0.1:5105"
policy_url="http://127.0.0.1:5103"
progress="$WHFB_SCRIPTS_DIR/demo_progress.py"

# Every service starts from empty databases and queues, so the summary counts this run only.
reset_service_data() {
  local db queue
  # shellcheck source=SCRIPTDIR/postgres.sh
  source "$WHFB_SCRIPTS_DIR/postgres.sh"
  for db in whfb_ingest whfb_synctracker whfb_policy whfb_insights; do
    postgres_sql "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  done
  for queue in $(curl -fsS -u "$RMQ_USER:$RMQ_PASSWORD" "http://127.0.0.1:$RMQ_MGMT_PORT/api/queues/%2F?columns=name,messages" \
      | python3 -c 'import json,sys; print(" ".join(q["name"] for q in json.load(sys.stdin) if q.get("messages")))'); do
    curl -fsS -u "$RMQ_USER:$RMQ_PASSWORD" -X DELETE "http://127.0.0.1:$RMQ_MGMT_PORT/api/queues/%2F/$queue/contents" >/dev/null
  done
  echo "  service databases dropped (migrations recreate them), leftover messages purged"
}

# A new enrollment key of the demo tenant, through Ingest's admin API (whfb collector-key create does the same): the
# fleet's devices enroll with it and post with the device keys they get.
create_collector_key() {
  curl -fsS -X POST http://127.0.0.1:5101/v1/admin/collector-keys -H "Authorization: ApiKey $admin_key" \
    -H 'Content-Type: application/json' -d '{"name":"demo fleet","kind":"enrollment"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])'
}

fleet() { curl -fsS "$simulator_url/admin/fleet"; }

wait_for_fleet_state() {
  local want="$1" state
  while true; do
    state="$(fleet | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["state"], d.get("error") or "")')"
    case "$state" in
      "$want"*) return ;;
      failed*) die "the simulator's fleet failed: ${state#failed }; see $WHFB_LOG_DIR/simulator.log" ;;
    esac
    sleep 1
  done
}

fleet_start() { curl -fsS -X POST "$simulator_url/admin/fleet/start" >/dev/null; }

# The rollout plan: the scenario's ring groups (from the simulator) with gates a healthy ring passes.
write_rollout_plan() {
  curl -fsS "$simulator_url/admin/tenant" | python3 -c '
import json, sys
tenant = json.load(sys.stdin)
gate = lambda ring: {"minPrerequisitesPassedShare": 0.8, "maxProvisioningFailureShare": 0.1,
                     "maxStuckKeys": max(5, ring["devices"] // 20), "minSoak": "00:01:00"}
print(json.dumps({"name": "WHfB hybrid key trust (demo)", "mode": "settingsCatalog",
  "settings": {"usePassportForWork": True, "requireSecurityDevice": True, "scope": "device"},
  "rings": [{"name": r["name"], "groupId": r["groupId"], "gate": gate(r)} for r in tenant["rings"]]}, indent=2))' >"$demo_dir/rollout-plan.json"
}

# Creates and starts the rollout with whfb rollout (or Policy's API when this CLI has no rollout command yet).
start_rollout() {
  local created
  write_rollout_plan
  if whfb rollout --help >/dev/null 2>&1; then
    created="$(whfb rollout create --file "$demo_dir/rollout-plan.json" 2>&1)" || die "whfb rollout create failed: $created"
    rollout_id="$(whfb rollout list --json | python3 "$progress" newest-draft)"
    [[ -n "$rollout_id" ]] || die "the new rollout is not in whfb rollout list: $created"
    whfb rollout start "$rollout_id" >/dev/null || die "whfb rollout start $rollout_id failed"
  else
    created="$(curl -fsS -X POST "$policy_url/v1/rollouts" -H "Authorization: ApiKey $admin_key" -H 'Content-Type: application/json' \
      --data-binary @"$demo_dir/rollout-plan.json")" || die "Policy refused the rollout plan ($demo_dir/rollout-plan.json)"
    rollout_id="$(json <(echo "$created") 'd["id"]')"
    curl -fsS -X POST "$policy_url/v1/rollouts/$rollout_id/start" -H "Authorization: ApiKey $admin_key" >/dev/null
  fi
  echo "$rollout_id" >"$demo_dir/rollout.id"
  echo "  rollout $rollout_id started: $(json "$demo_dir/rollout-plan.json" '" -> ".join(r["name"] for r in d["rings"])')"
}

# A gate halted the rollout (while devices report, or as the last events settle): say why, then override it as an
# operator would (audited).
override_halt() {
  local reason
  [[ -n "${rollout_id:-}" ]] || return 0
  reason="$(curl -fsS "$policy_url/v1/rollouts/$rollout_id" -H "Authorization: ApiKey $admin_key" | python3 "$progress" halted)" || return 0
  [[ -n "$reason" ]] || return 0
  printf '[%s] rollout halted by its gate (%s); the demo operator overrides it: whfb rollout advance --justification\n' "$(elapsed)" "$reason"
  whfb rollout advance "$rollout_id" --justification "demo operator override after a halt: $reason" >/dev/null \
    || echo "  override refused; see whfb rollout status $rollout_id"
}

rollout_line() {
  [[ -n "${rollout_id:-}" ]] || return 0
  curl -fsS "$policy_url/v1/rollouts/$rollout_id" -H "Authorization: ApiKey $admin_key" 2>/dev/null | python3 "$progress" rollout || true
}

# One progress line every 15 s (plain text: fine in a log or a CI job) until the fleet has finished.
watch_fleet() {
  local last=0 now
  while true; do
    now="$(now_ms)"
    if (( now - last >= 15000 )); then
      last="$now"
      printf '[%s] ' "$(elapsed)"
      fleet | python3 "$progress" fleet || true
      curl -fsS "$simulator_url/admin/entra-connect/scheduler" | python3 "$progress" scheduler || true
      rollout_line
      echo
      override_halt
    fi
    case "$(fleet | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')" in
      finished) return ;;
      failed) die "the fleet failed; see $WHFB_LOG_DIR/simulator.log" ;;
    esac
    sleep 1
  done
}

# After the devices stop: until no key is still on its way (all synced or stuck), at most four sync cycles.
settle() {
  local waited=0 awaiting
  while (( waited < cycle_seconds * 4 )); do
    sleep 2; waited=$(( waited + 2 ))
    awaiting="$(curl -fsS http://127.0.0.1:5102/v1/sync/health -H "Authorization: ApiKey $admin_key" \
      | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["keysWaiting"] - d["keysStuck"])')" || awaiting=1
    (( awaiting > 0 || waited < cycle_seconds * 2 )) || break
  done
  echo "  waited ${waited} s; keys still awaiting AD: ${awaiting:-?}"
  drain_queues
  # A halt can also come after the fleet finished (the scheduler stall's stuck keys reach the last ring's gate late).
  override_halt && sleep 2
}

# Messages still queued for the services (RabbitMQ's management API; its figures lag up to 5 s).
queued_messages() {
  curl -fsS -u "$RMQ_USER:$RMQ_PASSWORD" "http://127.0.0.1:$RMQ_MGMT_PORT/api/queues/%2F?columns=name,messages" \
    | python3 -c 'import json,sys; print(sum(q.get("messages", 0) for q in json.load(sys.stdin)))'
}

# The summary reads every service: let them consume what is queued first (a stall's thousands of stuck and recovered
# events reach Policy last), until two readings 6 s apart find nothing queued, at most 3 minutes.
drain_queues() {
  local waited=0 queued zeros=0
  while (( waited < 180 && zeros < 2 )); do
    queued="$(queued_messages)" || queued="?"
    if [[ "$queued" == 0 ]]; then zeros=$(( zeros + 1 )); else zeros=0; fi
    (( zeros >= 2 )) || { sleep 6; waited=$(( waited + 6 )); }
  done
  echo "  waited ${waited} s for the services' queues; messages still queued: ${queued}"
}
