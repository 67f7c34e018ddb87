# shellcheck shell=bash
# RabbitMQ as a plain process (sourced by lib.sh).
# Runs the real scripts in /usr/lib/rabbitmq/bin (the /usr/sbin wrappers switch to the rabbitmq
# user and use /var/lib, /var/log). Everything lives in $RMQ_DIR through environment variables;
# AMQP, management, epmd and the distribution port are all private and bound to 127.0.0.1.

rabbitmq_port() { echo "$RMQ_PORT"; }

# Export the environment that points the server and its CLI at our folder and ports.
# Call it inside a subshell: it changes HOME.
rabbitmq_env() {
  export HOME="$RMQ_DIR/home"                          # .erlang.cookie, shared by server and CLI
  export RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"   # empty: /etc/rabbitmq is not read
  export RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$WHFB_LOG_DIR/rabbitmq"
  export RABBITMQ_PID_FILE="$RMQ_DIR/rabbitmq.pid"
  export RABBITMQ_NODENAME="$RMQ_NODE"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RMQ_PORT"
  export RABBITMQ_DIST_PORT="$RMQ_DIST_PORT"        # default is node port + 20000: past 65535
  export ERL_EPMD_ADDRESS=127.0.0.1
  export ERL_EPMD_PORT="$RMQ_EPMD_PORT"             # without it a CLI call starts epmd on 0.0.0.0:4369
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

# rabbitmqctl against our node (slow: every call boots an Erlang VM, 1-2 s).
rabbitmq_ctl() { ( rabbitmq_env; "$RMQ_BIN/rabbitmqctl" -n "$RMQ_NODE" "$@" ); }

# Pid of our running node: the beam process from its pid file, else the launcher script
# (the pid file appears a few seconds into the boot). Nothing when stopped.
rabbitmq_pid() {
  local pid
  for pid in "$(read_pid_file "$RMQ_DIR/rabbitmq.pid")" "$(read_pid_file "$RMQ_DIR/launcher.pid")"; do
    if pid_alive "$pid" && pid_in_dir "$pid" "$RMQ_DIR"; then echo "$pid"; return 0; fi
  done
  return 0
}

rabbitmq_is_kind() { [[ "$(ps -o comm= -p "$1" 2>/dev/null)" == beam* ]]; }

rabbitmq_clean_stale() {
  if [[ -z "$(rabbitmq_pid)" ]]; then
    rm -f "$RMQ_DIR/rabbitmq.pid" "$RMQ_DIR/launcher.pid"
  fi
}

# The folder of the node serving our port: ours, or the one of another checkout whose node start.sh reuses (its beam
# runs in its folder). Its CA and its users' passwords are the ones that work.
rabbitmq_serving_dir() {
  local owner cwd
  if [[ -z "$(rabbitmq_pid)" ]] && owner="$(port_owner "$RMQ_PORT")" && [[ -n "$owner" ]] && rabbitmq_is_kind "$owner" \
    && cwd="$(readlink "/proc/$owner/cwd" 2>/dev/null)"; then
    echo "$cwd"
  else
    echo "$RMQ_DIR"
  fi
}

# The CA (made once) and the certificate of the TLS listener, for every name local clients use: localhost, 127.0.0.1,
# ::1, this machine's host name and "rabbitmq" (the Docker Compose service).
rabbitmq_make_tls() {
  local tls="$RMQ_DIR/tls"
  [[ -s "$tls/cert.pem" && -s "$tls/key.pem" && -s "$tls/ca.pem" ]] && return 0
  tls_issue "$tls" "RabbitMQ local CA" localhost \
    "DNS:localhost,DNS:rabbitmq,DNS:$(hostname),IP:127.0.0.1,IP:::1" "$WHFB_LOG_DIR/rabbitmq/tls.log" \
    || { cat "$WHFB_LOG_DIR/rabbitmq/tls.log" >&2; die "rabbitmq: could not make the TLS certificate"; }
}

# A node started by an older version of these scripts has no TLS listener: start.sh restarts it.
rabbitmq_outdated() { ! port_open "$RMQ_TLS_PORT"; }

# Config files, rewritten on every start. The default user is created by RabbitMQ itself on
# the first boot of an empty node (administrator, full permissions on vhost "/"), so no slow
# CLI calls are needed; "guest" is then never created.
rabbitmq_write_conf() {
  mkdir -p "$RMQ_DIR/home" "$RMQ_DIR/mnesia" "$WHFB_LOG_DIR/rabbitmq"
  : >"$RMQ_DIR/rabbitmq-env.conf"
  echo '[rabbitmq_management].' >"$RMQ_DIR/enabled_plugins"
  rabbitmq_make_tls
  cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
# Written by deploy/local/rabbitmq.sh on every start; edits are lost.
listeners.tcp.1 = 127.0.0.1:$RMQ_PORT
listeners.ssl.1 = 127.0.0.1:$RMQ_TLS_PORT
ssl_options.cacertfile = $RMQ_DIR/tls/ca.pem
ssl_options.certfile = $RMQ_DIR/tls/cert.pem
ssl_options.keyfile = $RMQ_DIR/tls/key.pem
ssl_options.verify = verify_none
ssl_options.fail_if_no_peer_cert = false
ssl_options.versions.1 = tlsv1.3
ssl_options.versions.2 = tlsv1.2
management.tcp.ip = 127.0.0.1
management.tcp.port = $RMQ_MGMT_PORT
loopback_users = none
default_vhost = /
default_user = $RMQ_USER
default_pass = $RMQ_PASSWORD
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
log.file.level = info
log.console = false
EOF
}

rabbitmq_start() {
  local pid log="$WHFB_LOG_DIR/rabbitmq.log"
  [[ -x "$RMQ_BIN/rabbitmq-server" ]] || die "RabbitMQ not found in $RMQ_BIN (run install.sh)"
  rabbitmq_clean_stale
  rabbitmq_write_conf
  (
    rabbitmq_env
    cd "$RMQ_DIR" || exit 1
    setsid nohup "$RMQ_BIN/rabbitmq-server" >"$log" 2>&1 </dev/null 9>&- &
    echo $! >"$RMQ_DIR/launcher.pid"
  )
  pid="$(read_pid_file "$RMQ_DIR/launcher.pid")"
  # Poll the TCP ports, not the CLI (each CLI call costs an Erlang VM boot).
  wait_for_port rabbitmq "$RMQ_PORT" "$pid" 120 "$log" || return 1
  wait_for_port rabbitmq-management "$RMQ_MGMT_PORT" "$pid" 60 "$log"
}

# The beam's epmd outlives the node: stop the one on our private port (never the default
# one), unless a node is still registered with it (e.g. started from another folder).
rabbitmq_stop_epmd() {
  local pid
  pid="$(port_owner "$RMQ_EPMD_PORT")"
  [[ -n "$pid" ]] || return 0
  if epmd -port "$RMQ_EPMD_PORT" -names 2>/dev/null | grep -q '^name '; then
    return 0
  fi
  epmd -port "$RMQ_EPMD_PORT" -kill >/dev/null 2>&1 || true
  sleep 0.2
  pid="$(port_owner "$RMQ_EPMD_PORT")"
  if [[ -n "$pid" ]] && [[ "$(ps -o comm= -p "$pid")" == epmd ]]; then
    terminate_pid "$pid" 5
  fi
}

# SIGTERM to the beam is a clean stop (about 6 s with management); the launcher script
# forwards SIGTERM as well. SIGKILL after 30 s.
rabbitmq_stop() {
  local pid
  for pid in "$(read_pid_file "$RMQ_DIR/rabbitmq.pid")" "$(read_pid_file "$RMQ_DIR/launcher.pid")"; do
    terminate_pid "$pid" 30
  done
  rabbitmq_stop_epmd
  rm -f "$RMQ_DIR/rabbitmq.pid" "$RMQ_DIR/launcher.pid"
}

# --- per-service users ------------------------------------------------------------
# Their rights are in rabbitmq-users.conf; each password is random, made once, in <node folder>/users/<user> (mode 600).

# The users of rabbitmq-users.conf, one "user configure write read" line each.
rabbitmq_service_users() { grep -v -e '^#' -e '^[[:space:]]*$' "$WHFB_SCRIPTS_DIR/rabbitmq-users.conf"; }

rabbitmq_user_password_file() { echo "$(rabbitmq_serving_dir)/users/$1"; }

# Create or update every service user and its rights on vhost "/" through the management API (a rabbitmqctl call boots
# an Erlang VM each time; these take milliseconds). Idempotent.
rabbitmq_add_service_users() {
  local user configure write read file
  while read -r user configure write read; do
    file="$(rabbitmq_user_password_file "$user")"
    if [[ ! -s "$file" ]]; then
      ( umask 077; mkdir -p "$(dirname "$file")"; openssl rand -hex 24 >"$file" )
    fi
    rabbitmq_api PUT "users/$user" "{\"password\":\"$(<"$file")\",\"tags\":\"\"}" \
      && rabbitmq_api PUT "permissions/%2F/$user" \
        "{\"configure\":\"${configure//\\/\\\\}\",\"write\":\"${write//\\/\\\\}\",\"read\":\"${read//\\/\\\\}\"}" \
      || die "rabbitmq: could not create the broker user $user"
  done < <(rabbitmq_service_users)
}

# usage: rabbitmq_api METHOD PATH JSON     (as the administrator)
rabbitmq_api() {
  curl -fsS -o /dev/null -u "$RMQ_USER:$RMQ_PASSWORD" -X "$1" -H 'content-type: application/json' --data-binary "$3" \
    "http://127.0.0.1:$RMQ_MGMT_PORT/api/$2"
}

# "NAME=VALUE" lines for env.sh: the CA, the administrator over TLS, and WHFB_RABBITMQ_<SERVICE> per service user.
# A node without a TLS listener (started elsewhere by an older version) gets plain amqp:// on loopback instead.
rabbitmq_connection_settings() {
  local user user_var file scheme=amqps port="$RMQ_TLS_PORT" ca
  ca="$(rabbitmq_serving_dir)/tls/ca.pem"
  if ! port_open "$RMQ_TLS_PORT"; then
    scheme=amqp port="$RMQ_PORT"
  else
    echo "WHFB_RABBITMQ_AMQPS=amqps://$RMQ_USER:$RMQ_PASSWORD@127.0.0.1:$RMQ_TLS_PORT/"
    echo "WHFB_RABBITMQ_CA_FILE=$ca"
  fi
  while read -r user _; do
    file="$(rabbitmq_user_password_file "$user")"
    [[ -s "$file" ]] || continue
    user_var="${user#whfb-}"
    echo "WHFB_RABBITMQ_${user_var^^}=$scheme://$user:$(<"$file")@127.0.0.1:$port/"
  done < <(rabbitmq_service_users)
}
