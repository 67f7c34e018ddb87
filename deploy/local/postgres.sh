# shellcheck shell=bash
# PostgreSQL as a plain process (sourced by lib.sh).
# Data in $PG_DIR/data, owned by the postgres OS user (PostgreSQL refuses to run as root);
# unix socket in $PG_DIR/run; listens on 127.0.0.1:$PG_PORT only; trust auth on loopback.

# Directory of the newest installed PostgreSQL binaries (initdb, pg_ctl, psql).
postgres_bin() {
  local initdb
  initdb="$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$initdb" ]] || die "PostgreSQL binaries not found under /usr/lib/postgresql (run install.sh)"
  dirname "$initdb"
}

postgres_port() { echo "$PG_PORT"; }

# Pid of the running postmaster of OUR data folder, or nothing.
postgres_pid() {
  local pid
  pid="$(read_pid_file "$PG_DATA/postmaster.pid")"
  if pid_alive "$pid" && pid_in_dir "$pid" "$PG_DATA"; then echo "$pid"; fi
}

# True when PID looks like a PostgreSQL server (for a port used by another folder's server).
postgres_is_kind() { [[ "$(ps -o comm= -p "$1" 2>/dev/null)" == postgres* ]]; }

# Remove the lock files a dead (or zombie) postmaster left behind: PostgreSQL itself would
# refuse to start while the pid in postmaster.pid still exists, even as a zombie.
postgres_clean_stale() {
  if [[ -f "$PG_DATA/postmaster.pid" ]] && [[ -z "$(postgres_pid)" ]]; then
    info "postgres: removing stale postmaster.pid"
    rm -f "$PG_DATA/postmaster.pid"
  fi
  rm -f "$PG_SOCKET_DIR/.s.PGSQL.$PG_PORT" "$PG_SOCKET_DIR/.s.PGSQL.$PG_PORT.lock"
}

# The postgres OS user must be able to traverse every parent folder of $PG_DIR
# (e.g. a repo under /root, which is 0700). Grant traverse (o+x) only where missing.
postgres_make_reachable() {
  local dir="" part
  local -a parts
  id postgres >/dev/null 2>&1 || die "the postgres OS user does not exist (run install.sh)"
  mkdir -p "$WHFB_LOCAL_DIR"
  IFS=/ read -r -a parts <<<"${WHFB_LOCAL_DIR#/}"
  for part in "${parts[@]}"; do
    dir="$dir/$part"
    if ! runuser -u postgres -- test -x "$dir"; then
      info "postgres: granting traverse permission (o+x) on $dir so the postgres user can reach its data"
      chmod o+x "$dir"
    fi
  done
  mkdir -p "$PG_DIR" "$PG_SOCKET_DIR" "$WHFB_LOG_DIR"
  chown postgres:postgres "$PG_DIR" "$PG_SOCKET_DIR"
  chmod 0700 "$PG_DIR"
  touch "$WHFB_LOG_DIR/postgres.log"
  chown postgres:postgres "$WHFB_LOG_DIR/postgres.log"
  runuser -u postgres -- test -w "$PG_DIR" || die "the postgres user cannot write to $PG_DIR"
}

# Settings of ours, rewritten on every start so WHFB_PROFILE takes effect on a restart.
postgres_write_conf() {
  local conf="$PG_DATA/whfb.conf"
  {
    echo "# Written by deploy/local/postgres.sh on every start; edits are lost."
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $PG_PORT"
    echo "unix_socket_directories = '$PG_SOCKET_DIR'"
    echo "max_connections = 300"
    echo "shared_buffers = 128MB"
    if [[ "$WHFB_PROFILE" == test ]]; then
      echo "# WHFB_PROFILE=test: unsafe speed-ups, a crash may lose or corrupt data"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >"$conf"
  chown postgres:postgres "$conf"
}

# First start: create the cluster and include our settings file from postgresql.conf.
postgres_init() {
  local bin="$1"
  info "postgres: initdb in $PG_DATA"
  runuser -u postgres -- "$bin/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 >"$WHFB_LOG_DIR/postgres-initdb.log" 2>&1 \
    || { tail -n 20 "$WHFB_LOG_DIR/postgres-initdb.log" >&2; die "initdb failed"; }
  echo "include = 'whfb.conf'" >>"$PG_DATA/postgresql.conf"
}

# Run SQL as the postgres superuser over the unix socket (from /: the postgres user may
# not be allowed into the current directory), or over loopback TCP when the server is another checkout's (start.sh
# reuses it, and its socket is in that checkout's folder).
postgres_sql() {
  if [[ -S "$PG_SOCKET_DIR/.s.PGSQL.$PG_PORT" ]]; then
    (cd / && runuser -u postgres -- "$(postgres_bin)/psql" -h "$PG_SOCKET_DIR" -p "$PG_PORT" \
      -U postgres -d postgres -qAtX -v ON_ERROR_STOP=1 -c "$1")
  else
    PGPASSWORD="$PG_PASSWORD" "$(postgres_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" \
      -U postgres -d postgres -qAtX -v ON_ERROR_STOP=1 -c "$1"
  fi
}

postgres_start() {
  local bin
  bin="$(postgres_bin)"
  postgres_make_reachable
  [[ -f "$PG_DATA/PG_VERSION" ]] || postgres_init "$bin"
  postgres_clean_stale
  postgres_write_conf
  runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DATA" -l "$WHFB_LOG_DIR/postgres.log" \
    -w -t 60 -s start 9>&- || { tail -n 20 "$WHFB_LOG_DIR/postgres.log" >&2; die "postgres failed to start"; }
  wait_for_port postgres "$PG_PORT" "$(postgres_pid)" 30 "$WHFB_LOG_DIR/postgres.log"
  # Trust auth on loopback needs no password, but clients may send one: make it valid.
  postgres_sql "ALTER ROLE postgres PASSWORD '$PG_PASSWORD'"
}

# Fast shutdown (SIGINT: disconnects clients) rather than SIGTERM's "smart" mode, which
# waits for every pooled connection to close. SIGKILL after 30 s.
postgres_stop() {
  local pid
  pid="$(postgres_pid)"
  [[ -n "$pid" ]] && terminate_pid "$pid" 30 INT
  postgres_clean_stale
}
