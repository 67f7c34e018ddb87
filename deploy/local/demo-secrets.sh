# shellcheck shell=bash
# Sourced by demo.sh: the secret scan. The services export traces, logs and metrics over OTLP to a local sink
# (telemetry_sink.py, which also receives the alert webhooks), the demo plants canaries (a device key, a webhook with
# its secret and a credential in its URL) beside its own secrets, and at the end every service log, the exported
# telemetry, the webhook posts and the services' databases are searched for all of them (secret_scan.py).
telemetry_dir="$WHFB_LOCAL_DIR/telemetry" telemetry_port=54318
telemetry_pid_file="$WHFB_LOCAL_DIR/run/telemetry-sink.pid"

start_telemetry_sink() {
  local pid
  pid="$(read_pid_file "$telemetry_pid_file")"
  if pid_alive "$pid"; then terminate_pid "$pid" 5; fi
  rm -rf "$telemetry_dir"; mkdir -p "$telemetry_dir" "$(dirname "$telemetry_pid_file")"
  setsid nohup python3 "$root/deploy/local/telemetry_sink.py" "$telemetry_port" "$telemetry_dir" \
    >"$WHFB_LOG_DIR/telemetry-sink.log" 2>&1 &
  echo $! >"$telemetry_pid_file"
  wait_for_port telemetry-sink "$telemetry_port" "$!" 10 "$WHFB_LOG_DIR/telemetry-sink.log" || die "the telemetry sink did not start"
  export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$telemetry_port" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
  # The canary webhook's receiver is the sink on loopback.
  export Insights__Alerts__AllowLoopback=true
}

# A device key (used once, on a request Ingest refuses before publishing anything) and a webhook for every alert kind
# whose secret and URL token exist nowhere else: whatever path they take through the services, the scan follows.
plant_canaries() {
  local device
  device="$(python3 -c 'import uuid; print(uuid.uuid4())')"
  canary_device_key="$(curl -fsS -X POST http://127.0.0.1:5101/v1/enroll -H "Authorization: Bearer $Simulator__Fleet__CollectorKey" \
    -H 'Content-Type: application/json' -d "{\"deviceId\":\"$device\",\"deviceName\":\"SECRET-SCAN-CANARY\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')"
  curl -sS -o /dev/null -X POST http://127.0.0.1:5101/v1/events -H "Authorization: Bearer $canary_device_key" \
    -H 'Content-Type: application/x-ndjson' --data-binary '{"canary": true}'
  canary_webhook_secret="whsec-$(openssl rand -hex 24)" canary_hook_token="$(openssl rand -hex 16)"
  curl -fsS -o /dev/null -X POST http://127.0.0.1:5104/v1/webhooks -H "Authorization: ApiKey $admin_key" -H 'Content-Type: application/json' \
    -d "{\"name\":\"secret-scan canary\",\"url\":\"http://127.0.0.1:$telemetry_port/hook/$canary_hook_token\",\"secret\":\"$canary_webhook_secret\",\"format\":\"generic\",\"kinds\":[]}"
  echo "  a canary device enrolled and used its key once; a canary webhook receives every alert"
}

scan_for_secrets() {
  local bin db args=()
  bin="$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/pg_dump' | sort -V | tail -n 1)"
  for db in whfb_ingest whfb_synctracker whfb_policy whfb_insights; do
    args+=(--dump "database $db" "PGPASSWORD=$PG_PASSWORD '$bin' -h 127.0.0.1 -p $PG_PORT -U postgres --no-owner $db")
  done
  # The private key's base64 body without its line breaks: a leak would rarely keep the PEM's line layout.
  python3 - "$graph_app_key" <<'PY' >"$WHFB_LOCAL_DIR/run/secrets.json" || die "cannot collect the demo's secrets"
import json, os, sys, urllib.parse
pem = open(sys.argv[1]).read()
body = "".join(pem.split("-----BEGIN PRIVATE KEY-----")[1].split("-----END PRIVATE KEY-----")[0].split())
# Each service's broker password (its login in env.sh): a service must not log or export the URI it connects with.
brokers = {f"broker password of {service}": urllib.parse.unquote(urllib.parse.urlsplit(os.environ[f"WHFB_RABBITMQ_{service.upper()}"]).password)
           for service in ("ingest", "synctracker", "policy", "insights") if os.environ.get(f"WHFB_RABBITMQ_{service.upper()}")}
print(json.dumps(brokers | {
    "admin key": os.environ["WHFB_API_KEY"],
    "enrollment key": os.environ["Simulator__Fleet__CollectorKey"],
    "device key": os.environ["canary_device_key"],
    "webhook secret": os.environ["canary_webhook_secret"],
    "webhook URL token": os.environ["canary_hook_token"],
    "Graph app private key": body[64:128],
    "LDAP password": os.environ["WHFB_LDAP_PASSWORD"],
}))
PY
  chmod 600 "$WHFB_LOCAL_DIR/run/secrets.json"
  python3 "$root/deploy/local/secret_scan.py" \
    --files "$WHFB_LOG_DIR"/{ingest,synctracker,policy,insights,simulator}.log "$telemetry_dir" "${args[@]}" \
    --control "$WHFB_LOCAL_DIR/demo-admin.key" "admin key" <"$WHFB_LOCAL_DIR/run/secrets.json"
  local status=$?
  rm -f "$WHFB_LOCAL_DIR/run/secrets.json"
  return $status
}
