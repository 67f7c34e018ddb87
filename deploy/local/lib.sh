# shellcheck shell=bash
# Shared settings and helpers for the deploy/local scripts.
# Sourced, never run: start.sh, stop.sh, status.sh and install.sh source this file.
#
# Everything the local servers write lives under ONE folder, $WHFB_LOCAL_DIR
# (default: <repo>/.local, git-ignored). Ports are fixed and bound to 127.0.0.1 only.

WHFB_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WHFB_REPO_DIR="$(cd "$WHFB_SCRIPTS_DIR/../.." && pwd)"
WHFB_LOCAL_DIR="${WHFB_LOCAL_DIR:-$WHFB_REPO_DIR/.local}"
WHFB_PROFILE="${WHFB_PROFILE:-default}"          # "test" enables unsafe PostgreSQL speed-ups
WHFB_LOG_DIR="$WHFB_LOCAL_DIR/logs"

# The servers this folder knows about.
WHFB_ALL_SERVERS=(postgres rabbitmq samba)

# --- PostgreSQL ---------------------------------------------------------------
PG_PORT=54329
PG_DIR="$WHFB_LOCAL_DIR/postgres"      # owned by the postgres OS user
PG_DATA="$PG_DIR/data"
PG_SOCKET_DIR="$PG_DIR/run"
# A unix socket path may not exceed 107 bytes: a very deep checkout uses a short folder instead.
(( ${#PG_SOCKET_DIR} <= 90 )) || PG_SOCKET_DIR=/tmp/whfb-postgres-run
PG_PASSWORD=postgres

# --- RabbitMQ -----------------------------------------------------------------
# The ports can be moved (WHFB_RABBITMQ_*_PORT) to run a second broker next to one another checkout started.
RMQ_PORT="${WHFB_RABBITMQ_PORT:-56729}"              # plain AMQP: tests and tools (the admin user)
RMQ_TLS_PORT="${WHFB_RABBITMQ_TLS_PORT:-56730}"      # AMQP over TLS: the services, each as its own user
RMQ_MGMT_PORT="${WHFB_RABBITMQ_MANAGEMENT_PORT:-15679}"
RMQ_EPMD_PORT="${WHFB_RABBITMQ_EPMD_PORT:-44369}"
RMQ_DIST_PORT="${WHFB_RABBITMQ_DIST_PORT:-25679}"
RMQ_NODE=whfb@localhost
RMQ_USER=whfb                                        # administrator: tests make vhosts and users with it
RMQ_PASSWORD=whfb
RMQ_DIR="$WHFB_LOCAL_DIR/rabbitmq"
RMQ_BIN=/usr/lib/rabbitmq/bin

# --- Samba AD DC ---------------------------------------------------------------
SAMBA_LDAP_PORT=389                      # also 636, 3268, 3269 (fixed by samba)
SAMBA_REALM=WHFB.TEST
SAMBA_DOMAIN=WHFB
SAMBA_BASE_DN="DC=whfb,DC=test"
SAMBA_ADMIN_DN="CN=Administrator,CN=Users,$SAMBA_BASE_DN"
SAMBA_ADMIN_PASSWORD="${WHFB_LDAP_PASSWORD:-Whfb-Local-Adm1n!}"   # local dev secret only
SAMBA_DIR="$WHFB_LOCAL_DIR/samba"
SAMBA_TEMPLATE_DIR="${WHFB_SAMBA_TEMPLATE:-$WHFB_LOCAL_DIR/samba-template}"

# --- messages -------------------------------------------------------------------
info() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# Milliseconds since the epoch, for timing reports.
now_ms() { date +%s%3N; }

# --- processes ------------------------------------------------------------------
# A pid is alive when it exists and is not a zombie. PID 1 in these sandboxes does not
# reap children, so a killed server can linger in state Z: treat that as dead.
pid_alive() {
  local pid="${1:-}" stat
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  stat="$(ps -o stat= -p "$pid" 2>/dev/null || true)"
  [[ -n "$stat" && "$stat" != Z* ]]
}

# True when PID's working directory is DIR or inside it. Our servers run with their working
# directory in their own folder, so this tells them from an unrelated process that got a
# stale pid file's pid, and from the same server started from another folder.
pid_in_dir() {
  local cwd
  cwd="$(readlink "/proc/$1/cwd" 2>/dev/null)" || return 1
  [[ "$cwd" == "$2" || "$cwd" == "$2"/* ]]
}

# First line of a pid file, or nothing.
read_pid_file() {
  local file="$1"
  [[ -f "$file" ]] && head -n 1 "$file" | tr -d '[:space:]'
  return 0
}

# Send SIGNAL (default TERM) to a pid, wait up to TIMEOUT seconds, then SIGKILL.
# Returns once the pid is dead (or a zombie).
# usage: terminate_pid PID [TIMEOUT_SECONDS] [SIGNAL]
terminate_pid() {
  local pid="$1" timeout="${2:-20}" signal="${3:-TERM}" waited=0
  pid_alive "$pid" || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  while pid_alive "$pid" && (( waited < timeout * 10 )); do
    sleep 0.1
    waited=$((waited + 1))
  done
  if pid_alive "$pid"; then
    warn "pid $pid did not stop within ${timeout}s of SIG$signal: sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
}

# --- TLS ------------------------------------------------------------------------
# A CA of DIR (made once: ca.pem, ca.key) and a server certificate it signs (cert.pem, key.pem) for SANS
# (openssl's subjectAltName syntax). Output goes to LOG.
# usage: tls_issue DIR CA_NAME SERVER_NAME SANS LOG
tls_issue() {
  local dir="$1" ca_name="$2" server_name="$3" sans="$4" log="$5"
  (
    set -e
    mkdir -p "$dir"
    chmod 700 "$dir"
    cd "$dir"
    umask 077
    if [[ ! -s ca.pem || ! -s ca.key ]]; then
      openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 \
        -subj "/O=WhfbPlatform local/CN=$ca_name" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
    fi
    openssl req -newkey rsa:2048 -nodes -keyout key.pem -out server.csr -subj "/O=WhfbPlatform local/CN=$server_name"
    printf '%s\n' "subjectAltName=$sans" \
      "extendedKeyUsage=serverAuth" "keyUsage=critical,digitalSignature,keyEncipherment" "basicConstraints=CA:FALSE" >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out cert.pem -days 3650 -extfile server.ext
    chmod 644 ca.pem cert.pem
    rm -f server.csr server.ext ca.srl
  ) >"$log" 2>&1
}

# --- ports ----------------------------------------------------------------------
# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  timeout 1 bash -c ": >/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Pid of the process listening on TCP PORT (any address), or nothing.
port_owner() {
  { ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2; } || true
}

# Short description of a pid ("1234 postgres: ...") for messages.
describe_pid() {
  { ps -o pid=,args= -p "$1" 2>/dev/null | cut -c1-120; } || true
}

# Wait until 127.0.0.1:PORT accepts connections. Fails early when PID dies.
# usage: wait_for_port NAME PORT PID TIMEOUT_SECONDS LOGFILE
wait_for_port() {
  local name="$1" port="$2" pid="$3" timeout="$4" log="$5" waited=0
  until port_open "$port"; do
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      warn "$name exited during start-up; last lines of $log:"
      tail -n 30 "$log" >&2 || true
      return 1
    fi
    if (( waited >= timeout * 5 )); then
      warn "$name did not accept connections on port $port within ${timeout}s; see $log"
      return 1
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
}

# --- arguments ------------------------------------------------------------------
# Set the global array SERVERS from the command-line names (none = all servers).
select_servers() {
  local name
  SERVERS=()
  (( $# > 0 )) || set -- "${WHFB_ALL_SERVERS[@]}"
  for name in "$@"; do
    case "$name" in
      postgres|rabbitmq|samba) SERVERS+=("$name") ;;
      *) die "unknown server '$name' (expected: ${WHFB_ALL_SERVERS[*]})" ;;
    esac
  done
}

# --- connection settings ----------------------------------------------------------
# One "NAME=VALUE" per line: what clients (tests, services) need to reach the servers.
connection_settings() {
  cat <<EOF2
ConnectionStrings__postgres=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD
ConnectionStrings__rabbitmq=amqp://$RMQ_USER:$RMQ_PASSWORD@127.0.0.1:$RMQ_PORT/
WHFB_RABBITMQ_MANAGEMENT=http://127.0.0.1:$RMQ_MGMT_PORT
$(rabbitmq_connection_settings)
WHFB_LDAP_URL=ldaps://127.0.0.1:636
WHFB_LDAP_CA_FILE=$(samba_ca_file)
WHFB_LDAP_KERBEROS_URL=ldap://localhost:$SAMBA_LDAP_PORT
WHFB_LDAP_BIND_DN=$SAMBA_ADMIN_DN
WHFB_LDAP_PASSWORD=$SAMBA_ADMIN_PASSWORD
WHFB_LDAP_BASE_DN=$SAMBA_BASE_DN
KRB5_CONFIG=$KRB5_CONF
EOF2
}

# connection_settings for a console: the services' broker passwords masked (they are in env.sh, mode 600).
connection_settings_masked() {
  connection_settings | sed -E 's#(://whfb-[a-z]+:)[^@]*@#\1***@#'
}

# Write $WHFB_LOCAL_DIR/env.sh (mode 600: it holds passwords): `source .local/env.sh` gives a shell the settings (and the krb5.conf it names).
# The directory is reached over LDAPS trusting its own CA (WHFB_LDAP_CA_FILE), or with Kerberos: no
# LDAPTLS_REQCERT=never, which would turn certificate checks off for every LDAP client of the shell.
write_env_file() {
  local file="$WHFB_LOCAL_DIR/env.sh" line name value
  samba_write_krb5_conf
  {
    echo "# Written by deploy/local/start.sh: connection settings of the local servers."
    while IFS= read -r line; do
      name="${line%%=*}"
      value="${line#*=}"
      value="${value//\\/\\\\}"; value="${value//\"/\\\"}"
      value="${value//\$/\\\$}"; value="${value//\`/\\\`}"
      printf 'export %s="%s"\n' "$name" "$value"
    done < <(connection_settings)
  } >"$file.tmp"
  chmod 600 "$file.tmp"
  mv "$file.tmp" "$file"
}

# Serialise start.sh and stop.sh runs on one folder (e.g. two test runs starting at once).
take_lock() {
  mkdir -p "$WHFB_LOCAL_DIR"
  exec 9>"$WHFB_LOCAL_DIR/.lock"
  flock -w 600 9 || die "another start/stop holds $WHFB_LOCAL_DIR/.lock"
}

# Load the per-server functions (<server>_start, <server>_stop, <server>_pid, ...).
# shellcheck source=SCRIPTDIR/postgres.sh
source "$WHFB_SCRIPTS_DIR/postgres.sh"
# shellcheck source=SCRIPTDIR/rabbitmq.sh
source "$WHFB_SCRIPTS_DIR/rabbitmq.sh"
# shellcheck source=SCRIPTDIR/samba.sh
source "$WHFB_SCRIPTS_DIR/samba.sh"
# shellcheck source=SCRIPTDIR/samba-auth.sh
source "$WHFB_SCRIPTS_DIR/samba-auth.sh"
