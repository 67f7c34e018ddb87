#!/usr/bin/env bash
# Start, stop or list the platform's own services (Ingest, SyncTracker, Policy, Insights) and the
# Simulator (Graph emulator, Entra Connect emulator, device fleet) as background processes on fixed
# loopback ports, built once in Release. Logs: .local/logs/<svc>.log.
#
# usage: deploy/local/services.sh start|stop|status [service...]     (none = all, in the order below)
# Needs the servers of deploy/local/start.sh (it reads .local/env.sh). Each service also gets the
# caller's environment: demo.sh passes settings and secrets that way (never on command lines). Each service reaches
# RabbitMQ over amqps as its own broker user (WHFB_RABBITMQ_<NAME> of env.sh), never as the administrator.
# WHFB_SERVICES_BUILT=1 skips the build (the caller built them all already).
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# name:port:project, in start order: Insights binds its queues before SyncTracker and Policy publish, since on a new
# broker an event published before any queue is bound to its exchange is dropped.
WHFB_SERVICES=(
  "ingest:5101:services/Ingest/Whfb.Ingest.csproj"
  "insights:5104:services/Insights/Whfb.Insights.csproj"
  "synctracker:5102:services/SyncTracker/Whfb.SyncTracker.csproj"
  "policy:5103:services/Policy/Whfb.Policy.csproj"
  "simulator:5105:services/Simulator/Whfb.Simulator.csproj"
)
RUN_DIR="$WHFB_LOCAL_DIR/run"

service_pid() { read_pid_file "$RUN_DIR/$1.pid"; }

# The entries of the services named in "$@" (all when none), in table order; unknown names fail.
select_services() {
  local entry name wanted
  SELECTED=()
  for wanted in "$@"; do
    [[ " ${WHFB_SERVICES[*]%%:*} " == *" $wanted "* ]] || die "unknown service '$wanted' (known: ${WHFB_SERVICES[*]%%:*})"
  done
  for entry in "${WHFB_SERVICES[@]}"; do
    name="${entry%%:*}"
    if (( $# == 0 )) || [[ " $* " == *" $name "* ]]; then SELECTED+=("$entry"); fi
  done
}

build_services() {
  # demo.sh builds everything in one pass first (deploy/local/platform.slnf) and says so.
  [[ "${WHFB_SERVICES_BUILT:-}" == 1 ]] && return 0
  local entry projects=()
  for entry in "${SELECTED[@]}"; do projects+=("${entry##*:}"); done
  for project in "${projects[@]}"; do
    dotnet build "$WHFB_REPO_DIR/$project" -c Release -v quiet -nologo >"$WHFB_LOG_DIR/build-$(basename "$project" .csproj).log" 2>&1 \
      || { tail -n 30 "$WHFB_LOG_DIR/build-$(basename "$project" .csproj).log" >&2; die "build of $project failed"; }
  done
}

start_service() {
  local name="$1" port="$2" project="$3" dir dll pid
  pid="$(service_pid "$name")"
  if pid_alive "$pid"; then info "$name: already running (pid $pid, port $port)"; return; fi
  port_open "$port" && die "$name: port $port is already in use by $(describe_pid "$(port_owner "$port")")"
  dir="$WHFB_REPO_DIR/$(dirname "$project")"
  dll="$dir/bin/Release/net10.0/$(basename "$project" .csproj).dll"
  (
    cd "$dir"
    # shellcheck source=/dev/null
    source "$WHFB_LOCAL_DIR/env.sh"
    broker_login "$name"
    # MALLOC_ARENA_MAX as in the service image (deploy/docker/service.Dockerfile).
    ASPNETCORE_URLS="http://127.0.0.1:$port" DOTNET_ENVIRONMENT=Development MALLOC_ARENA_MAX=2 \
      setsid nohup dotnet "$dll" >"$WHFB_LOG_DIR/$name.log" 2>&1 &
    echo $! >"$RUN_DIR/$name.pid"
  )
  pid="$(service_pid "$name")"
  wait_for_http "$name" "http://127.0.0.1:$port/health/ready" "$pid" 120
  info "$name: ready on http://127.0.0.1:$port (pid $pid)"
}

# The service reaches the broker as its own user (WHFB_RABBITMQ_<NAME> of env.sh, amqps with the local CA), never as the
# administrator of env.sh's ConnectionStrings__rabbitmq; a service without a broker user gets no broker login at all.
broker_login() {
  local login="WHFB_RABBITMQ_${1^^}"
  unset ConnectionStrings__rabbitmq
  [[ -n "${!login:-}" ]] || return 0
  export ConnectionStrings__rabbitmq="${!login}"
  if [[ -n "${WHFB_RABBITMQ_CA_FILE:-}" ]]; then export RabbitMq__CaCertificatesFile="$WHFB_RABBITMQ_CA_FILE"; fi
}

# Wait until URL answers 200 (ready), failing early if PID dies.
wait_for_http() {
  local name="$1" url="$2" pid="$3" timeout="$4" waited=0
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    pid_alive "$pid" || { tail -n 40 "$WHFB_LOG_DIR/$name.log" >&2; die "$name exited during start-up"; }
    (( waited < timeout * 2 )) || die "$name not ready within ${timeout}s; see $WHFB_LOG_DIR/$name.log"
    sleep 0.5; waited=$((waited + 1))
  done
}

cmd_start() {
  [[ -f "$WHFB_LOCAL_DIR/env.sh" ]] || die "run deploy/local/start.sh first"
  mkdir -p "$RUN_DIR" "$WHFB_LOG_DIR"
  build_services
  local entry name rest
  for entry in "${SELECTED[@]}"; do
    name="${entry%%:*}"; rest="${entry#*:}"
    start_service "$name" "${rest%%:*}" "${rest#*:}"
  done
}

cmd_stop() {
  local entry name pid
  for entry in "${SELECTED[@]}"; do
    name="${entry%%:*}"; pid="$(service_pid "$name")"
    if pid_alive "$pid"; then terminate_pid "$pid" 20; info "$name: stopped"; fi
    rm -f "$RUN_DIR/$name.pid"
  done
  # The demo's telemetry sink (demo-secrets.sh) goes with the last service.
  if (( ${#SELECTED[@]} == ${#WHFB_SERVICES[@]} )); then
    pid="$(read_pid_file "$RUN_DIR/telemetry-sink.pid")"
    if pid_alive "$pid"; then terminate_pid "$pid" 5; info "telemetry sink: stopped"; fi
    rm -f "$RUN_DIR/telemetry-sink.pid"
  fi
}

cmd_status() {
  local entry name port pid state=0
  for entry in "${SELECTED[@]}"; do
    name="${entry%%:*}"; port="${entry#*:}"; port="${port%%:*}"; pid="$(service_pid "$name")"
    if pid_alive "$pid"; then printf '%-12s running   pid %-7s port %s\n' "$name" "$pid" "$port"
    else printf '%-12s stopped             port %s\n' "$name" "$port"; state=3; fi
  done
  return $state
}

command="${1:-}"
shift || true
select_services "$@"
case "$command" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) die "usage: $0 start|stop|status [${WHFB_SERVICES[*]%%:*}]" ;;
esac
