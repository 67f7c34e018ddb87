#!/usr/bin/env bash
# Stop the local servers that start.sh started (SIGTERM, wait, then SIGKILL), the private
# epmd of RabbitMQ included, and remove their pid files. Data stays in $WHFB_LOCAL_DIR.
#
# usage: deploy/local/stop.sh [postgres] [rabbitmq] [samba]     (none = all)
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  local server pid i
  select_servers "$@"
  take_lock
  # Reverse start order.
  for (( i = ${#SERVERS[@]} - 1; i >= 0; i-- )); do
    server="${SERVERS[i]}"
    pid="$("${server}_pid")"
    "${server}_stop"
    if [[ -n "$pid" ]]; then
      info "$server: stopped (pid $pid)"
    else
      info "$server: not running"
    fi
  done
}

main "$@"
