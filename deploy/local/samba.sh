# shellcheck shell=bash
# Samba 4 as an Active Directory domain controller, LDAP and its KDC (sourced by lib.sh).
# The domain is provisioned once into a template folder (Windows Server 2016 schema, so
# msDS-KeyCredentialLink exists); a first start copies the template, a warm start reuses
# $SAMBA_DIR. samba-provision.sh (used by the Docker image too) drives samba_provision; TLS and Kerberos come
# from samba-auth.sh.

SAMBA_SCHEMA_DN="CN=Schema,CN=Configuration,$SAMBA_BASE_DN"
SAMBA_USERS_OU_NAME=WhfbUsers
SAMBA_USERS_OU="OU=$SAMBA_USERS_OU_NAME,$SAMBA_BASE_DN"
# 127.0.0.1 (default) or "all" (inside a container, where the port is published).
WHFB_SAMBA_LISTEN="${WHFB_SAMBA_LISTEN:-127.0.0.1}"

samba_port() { echo "$SAMBA_LDAP_PORT"; }

samba_pid() {
  local pid
  for pid in "$(read_pid_file "$SAMBA_DIR/run/samba.pid")" "$(read_pid_file "$SAMBA_DIR/run/launcher.pid")"; do
    if pid_alive "$pid" && pid_in_dir "$pid" "$SAMBA_DIR"; then echo "$pid"; return 0; fi
  done
  return 0
}

# The LDAP port is held by samba's pre-forked workers ("samba: task[ldap] ...").
samba_is_kind() { [[ "$(ps -o args= -p "$1" 2>/dev/null)" == samba* ]]; }

samba_clean_stale() {
  if [[ -z "$(samba_pid)" ]]; then
    rm -f "$SAMBA_DIR/run/samba.pid" "$SAMBA_DIR/run/launcher.pid"
  fi
}

# Write DIR/etc/smb.conf with every path inside DIR (rewritten after a copy, so a folder
# can be moved). Only LDAP and the KDC run; no NetBIOS, no SMB. LDAPS and StartTLS use the certificate of
# samba-auth.sh. Simple binds over plain LDAP stay allowed on the server ("require strong auth = no") so a test can
# show that the platform refuses them itself, and a test directory can allow them explicitly; a production DC should
# require signing (LDAP server signing requirements), which the platform's Kerberos bind satisfies.
# usage: samba_write_conf DIR
samba_write_conf() {
  local dir="$1" listen
  mkdir -p "$dir/etc" "$dir/run" "$dir/log" "$dir/lock" "$dir/cache" "$dir/state"
  if [[ "$WHFB_SAMBA_LISTEN" == all ]]; then
    listen="bind interfaces only = no"
  else
    listen="interfaces = $WHFB_SAMBA_LISTEN
	bind interfaces only = yes"
  fi
  cat >"$dir/etc/smb.conf" <<EOF
# Written by deploy/local/samba.sh; edits are lost on the next start.
[global]
	netbios name = DC1
	realm = $SAMBA_REALM
	workgroup = $SAMBA_DOMAIN
	server role = active directory domain controller
	server services = ldap kdc
	$listen
	disable netbios = yes
	ldap server require strong auth = no
	ldb:nosync = true
	idmap_ldb:use rfc2307 = yes
	private dir = $dir/private
	state directory = $dir/state
	cache directory = $dir/cache
	lock directory = $dir/lock
	pid directory = $dir/run
	ncalrpc dir = $dir/run/ncalrpc
	binddns dir = $dir/bind-dns
	log file = $dir/log/samba.%m
	log level = 1
	tls enabled = yes
	tls keyfile = $dir/$SAMBA_TLS_SUBDIR/key.pem
	tls certfile = $dir/$SAMBA_TLS_SUBDIR/cert.pem
	tls cafile = $dir/$SAMBA_TLS_SUBDIR/ca.pem

[sysvol]
	path = $dir/state/sysvol
	read only = no

[netlogon]
	path = $dir/state/sysvol/${SAMBA_REALM,,}/scripts
	read only = no
EOF
}

# Offline LDIF change on DIR's sam.ldb, schema changes allowed (samba not running).
# usage: samba_ldb_offline DIR ldbmodify|ldbadd  (LDIF on stdin)
samba_ldb_offline() {
  local dir="$1" tool="$2"
  "$tool" -H "$dir/private/sam.ldb" --option="dsdb:schema update allowed=true" >/dev/null
}

# Provision a new domain into DIR (must not exist yet), then:
# - Trap 2: allow the back-link msDS-KeyCredentialLink-BL on CN=Top, else writes of
#   msDS-KeyCredentialLink are rejected ("... does not exist in the specified objectclasses");
# - create OU=WhfbUsers;
# - check that the schema has msDS-KeyCredentialLink.
# usage: samba_provision DIR
samba_provision() {
  local dir="$1"
  [[ ! -e "$dir" ]] || die "samba: $dir already exists; not provisioning over it"
  samba_write_conf "$dir"
  # /usr/bin/python3 explicitly: samba's modules belong to the system Python, not to a pyenv one.
  /usr/bin/python3 "$WHFB_SCRIPTS_DIR/samba_provision_2016.py" -s "$dir/etc/smb.conf" \
    --targetdir="$dir" --realm="$SAMBA_REALM" --domain="$SAMBA_DOMAIN" --server-role=dc \
    --host-name=dc1 --host-ip=127.0.0.1 --dns-backend=NONE --use-rfc2307 \
    --backend-store=mdb --adminpass="$SAMBA_ADMIN_PASSWORD" >"$dir/log/provision.log" 2>&1 \
    || { tail -n 20 "$dir/log/provision.log" >&2; die "samba: provisioning failed"; }
  samba_ldb_offline "$dir" ldbmodify <<EOF
dn: CN=Top,$SAMBA_SCHEMA_DN
changetype: modify
add: mayContain
mayContain: msDS-KeyCredentialLink-BL
EOF
  samba_ldb_offline "$dir" ldbadd <<EOF
dn: $SAMBA_USERS_OU
objectClass: top
objectClass: organizationalUnit
ou: $SAMBA_USERS_OU_NAME
description: Users created by WhfbPlatform tests and the simulator
EOF
  ldbsearch -H "$dir/private/sam.ldb" -b "$SAMBA_SCHEMA_DN" "(lDAPDisplayName=msDS-KeyCredentialLink)" \
    attributeID 2>/dev/null | grep -q '^attributeID: 1.2.840.113556.1.4.2328$' \
    || die "samba: msDS-KeyCredentialLink is missing from the provisioned schema"
  samba_secure "$dir"
}

# Make sure $SAMBA_DIR holds a provisioned domain: reuse it, else copy the template
# (provisioning the template first when there is none).
samba_prepare_dir() {
  local tmp
  if [[ -f "$SAMBA_DIR/private/sam.ldb" ]]; then
    samba_write_conf "$SAMBA_DIR"
    samba_secure "$SAMBA_DIR"
    return
  fi
  if [[ ! -f "$SAMBA_TEMPLATE_DIR/private/sam.ldb" ]]; then
    info "samba: provisioning the domain template in $SAMBA_TEMPLATE_DIR (once; ~10 s)"
    tmp="$SAMBA_TEMPLATE_DIR.tmp.$$"
    rm -rf "$tmp"
    samba_provision "$tmp"
    rm -rf "$SAMBA_TEMPLATE_DIR"
    mv "$tmp" "$SAMBA_TEMPLATE_DIR"
    samba_write_conf "$SAMBA_TEMPLATE_DIR"
  fi
  samba_secure "$SAMBA_TEMPLATE_DIR"
  info "samba: copying the domain template to $SAMBA_DIR"
  rm -rf "$SAMBA_DIR"
  cp -a "$SAMBA_TEMPLATE_DIR" "$SAMBA_DIR"
  rm -f "$SAMBA_DIR"/log/*
  samba_write_conf "$SAMBA_DIR"
}

# True when an anonymous rootDSE search answers (the server is really serving LDAP).
samba_ldap_ready() {
  ldapsearch -x -H "ldap://127.0.0.1:$SAMBA_LDAP_PORT" -b "" -s base -o nettimeout=2 \
    defaultNamingContext >/dev/null 2>&1
}

samba_start() {
  local pid log="$WHFB_LOG_DIR/samba.log" waited=0
  command -v samba >/dev/null || die "samba not found (run install.sh)"
  samba_prepare_dir
  samba_clean_stale
  (
    cd "$SAMBA_DIR" || exit 1   # our samba is recognised by its working directory (pid_in_dir)
    setsid nohup samba --foreground --no-process-group -s "$SAMBA_DIR/etc/smb.conf" \
      --debug-stdout >"$log" 2>&1 </dev/null 9>&- &
    echo $! >"$SAMBA_DIR/run/launcher.pid"
  )
  pid="$(read_pid_file "$SAMBA_DIR/run/launcher.pid")"
  wait_for_port samba "$SAMBA_LDAP_PORT" "$pid" 60 "$log" || return 1
  until samba_ldap_ready; do
    (( waited++ < 150 )) || { warn "samba: LDAP does not answer; see $log"; return 1; }
    sleep 0.2
  done
}

# SIGTERM stops samba and its workers in well under a second; SIGKILL after 20 s. Workers
# left behind by a killed master still hold the LDAP port: stop those too, if they are ours.
samba_stop() {
  local pid
  pid="$(samba_pid)"
  [[ -n "$pid" ]] && terminate_pid "$pid" 20
  for _ in 1 2 3 4 5 6 7 8; do
    pid="$(port_owner "$SAMBA_LDAP_PORT")"
    if [[ -z "$pid" ]] || ! pid_in_dir "$pid" "$SAMBA_DIR"; then break; fi
    warn "samba: stopping leftover worker $(describe_pid "$pid")"
    terminate_pid "$pid" 5
  done
  samba_clean_stale
}
