#!/usr/bin/env bash
# One line per local server: running or stopped, pid, port.
# Exit status 0 when every selected server is running, else 3.
#
# usage: deploy/local/status.sh [postgres] [rabbitmq] [samba]     (none = all)
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Print the status line of one server; return 1 when it is not running.
status_one() {
  local server="$1" port pid owner
  port="$("${server}_port")"
  pid="$("${server}_pid")"
  if [[ -n "$pid" ]] && port_open "$port"; then
    printf '%-9s running   pid %-7s port %s\n' "$server" "$pid" "$port"
  elif [[ -n "$pid" ]]; then
    printf '%-9s starting  pid %-7s port %s (not accepting connections yet)\n' "$server" "$pid" "$port"
    return 1
  else
    owner="$(port_owner "$port")"
    if [[ -n "$owner" ]] && "${server}_is_kind" "$owner"; then
      printf '%-9s running   pid %-7s port %s (started from another folder)\n' "$server" "$owner" "$port"
    else
      printf '%-9s stopped   %-11s port %s\n' "$server" "" "$port"
      return 1
    fi
  fi
}

main() {
  local server rc=0
  select_servers "$@"
  for server in "${SERVERS[@]}"; do
    status_one "$server" || rc=3
  done
  return "$rc"
}

main "$@"
