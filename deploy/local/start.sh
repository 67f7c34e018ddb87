#!/usr/bin/env bash
# Start the local PostgreSQL, RabbitMQ and Samba AD DC as plain background processes
# (installing their packages first when missing), wait until each accepts connections,
# then print the connection settings and write them to $WHFB_LOCAL_DIR/env.sh.
# Idempotent: a server that is already running is left alone.
#
# usage: deploy/local/start.sh [postgres] [rabbitmq] [samba]     (none = all)
# env:   WHFB_LOCAL_DIR (default <repo>/.local), WHFB_PROFILE=test (unsafe PostgreSQL
#        speed-ups), WHFB_LDAP_PASSWORD (Administrator password of a NEW domain)
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Start one server unless it already runs. A port held by a server of the same kind from
# another folder (another checkout, another WHFB_LOCAL_DIR) is reused: same settings.
start_one() {
  local server="$1" port pid owner started
  port="$("${server}_port")"
  pid="$("${server}_pid")"
  if [[ -n "$pid" ]] && declare -F "${server}_outdated" >/dev/null && "${server}_outdated"; then
    info "$server: running (pid $pid) as set up by an older version of these scripts: restarting it"
    "${server}_stop"
    pid=""
  fi
  if [[ -n "$pid" ]]; then
    info "$server: already running (pid $pid, port $port)"
    return
  fi
  owner="$(port_owner "$port")"
  if [[ -n "$owner" ]] && "${server}_is_kind" "$owner"; then
    info "$server: port $port is served by another instance ($(describe_pid "$owner")); using it"
    return
  fi
  if [[ -n "$owner" ]] || port_open "$port"; then
    die "$server: port $port is already in use${owner:+ by $(describe_pid "$owner")}"
  fi
  started="$(now_ms)"
  "${server}_start" || die "$server: failed to start (logs in $WHFB_LOG_DIR)"
  info "$server: started (pid $("${server}_pid"), port $port) in $(( $(now_ms) - started )) ms"
}

main() {
  local server begin pid failed=no
  local -a pids=()
  begin="$(now_ms)"
  select_servers "$@"
  take_lock
  "$WHFB_SCRIPTS_DIR/install.sh" "${SERVERS[@]}"
  mkdir -p "$WHFB_LOG_DIR"
  # In parallel: RabbitMQ's boot (~7 s) dominates; the others fit inside it.
  for server in "${SERVERS[@]}"; do
    start_one "$server" &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || failed=yes
  done
  [[ "$failed" == no ]] || die "not every server started; see the messages above and $WHFB_LOG_DIR"
  if [[ " ${SERVERS[*]} " == *" rabbitmq "* ]]; then rabbitmq_add_service_users; fi
  write_env_file
  info ""
  info "Ready in $(( $(now_ms) - begin )) ms. Connection settings (also in $WHFB_LOCAL_DIR/env.sh):"
  connection_settings_masked | sed 's/^/  /'
}

main "$@"
