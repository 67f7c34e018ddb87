#!/usr/bin/env bash
# Stop the local servers that start.sh started (SIGTERM, wait, then SIGKILL), the private
# epmd of RabbitMQ included, and remove their pid files. Data stays in $WHFB_LOCAL_DIR.
#
# usage: deploy/local/stop.sh [postgres] [rabbitmq] [samba]     (none = all)
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stop_one() {
  local server="$1" pid
  pid="$("${server}_pid")"
  "${server}_stop"
  if [[ -n "$pid" ]]; then
    info "$server: stopped (pid $pid)"
  else
    info "$server: not running"
  fi
}

main() {
  local server
  select_servers "$@"
  take_lock
  # In parallel: RabbitMQ's clean stop (~6 s with management) dominates.
  for server in "${SERVERS[@]}"; do
    stop_one "$server" &
  done
  wait
}

main "$@"
