# shellcheck shell=bash
# The local directory as enterprises secure it (sourced by lib.sh): an LDAPS/StartTLS certificate from a CA of our own
# that names the hosts clients use (Samba's self-made one names only dc1.whfb.test, so no client could verify it), and
# Kerberos: the DC's KDC, an account for the platform's directory reader with a keytab, SPNs for the names local
# clients connect to, and a krb5.conf for the realm. Every step is idempotent: a domain provisioned by an older version
# of these scripts is upgraded in place (offline, before samba starts).

SAMBA_LDAP_ACCOUNT=whfb-ldap
SAMBA_TLS_SUBDIR=private/whfb-tls
SAMBA_KEYTAB_NAME=private/whfb-ldap.keytab
KRB5_DIR="$WHFB_LOCAL_DIR/kerberos"
KRB5_CONF="$KRB5_DIR/krb5.conf"

# The folder of the DC serving our port: ours, or the one of another checkout whose DC start.sh reuses (samba runs in
# its folder). Its CA and its keytab are the ones that work.
samba_serving_dir() {
  local owner cwd
  if [[ -z "$(samba_pid)" ]] && owner="$(port_owner "$SAMBA_LDAP_PORT")" && [[ -n "$owner" ]] && samba_is_kind "$owner" \
    && cwd="$(readlink "/proc/$owner/cwd" 2>/dev/null)" && [[ -s "$cwd/$SAMBA_TLS_SUBDIR/ca.pem" ]]; then
    echo "$cwd"
  else
    echo "$SAMBA_DIR"
  fi
}
samba_ca_file() { echo "$(samba_serving_dir)/$SAMBA_TLS_SUBDIR/ca.pem"; }
samba_keytab() { echo "$(samba_serving_dir)/$SAMBA_KEYTAB_NAME"; }

# A CA (made once) and a server certificate for DIR's LDAPS and StartTLS. The certificate names every host local
# clients use: localhost, 127.0.0.1, the DC's own name, "directory" (the Docker Compose service) and this machine's host
# name, which OpenLDAP checks instead of "localhost"; it is issued again when the host name is not in it.
# usage: samba_make_tls DIR
samba_make_tls() {
  local tls="$1/$SAMBA_TLS_SUBDIR" host
  host="$(hostname)"
  if [[ -s "$tls/cert.pem" && -s "$tls/key.pem" && -s "$tls/ca.pem" ]] \
    && openssl x509 -in "$tls/cert.pem" -noout -checkhost "$host" 2>/dev/null | grep -q ' does match'; then
    return 0
  fi
  tls_issue "$tls" "${SAMBA_REALM} local CA" "dc1.${SAMBA_REALM,,}" \
    "DNS:dc1.${SAMBA_REALM,,},DNS:localhost,DNS:directory,DNS:$host,IP:127.0.0.1" "$1/log/tls.log" \
    || { cat "$1/log/tls.log" >&2; die "samba: could not make the TLS certificate"; }
}

# The directory reader's account with a random password and its keytab: the credential Kerberos clients use, so the
# password is never needed.
# usage: samba_add_kerberos DIR   (samba stopped; DIR/etc/smb.conf written)
samba_add_kerberos() {
  local dir="$1" conf="$1/etc/smb.conf" keytab="$1/$SAMBA_KEYTAB_NAME"
  [[ -s "$keytab" ]] && return 0
  {
    samba-tool user show "$SAMBA_LDAP_ACCOUNT" -s "$conf" >/dev/null 2>&1 \
      || samba-tool user create "$SAMBA_LDAP_ACCOUNT" --random-password -s "$conf" \
        --description="WhfbPlatform directory reader (Kerberos, keytab $SAMBA_KEYTAB_NAME)"
    rm -f "$keytab.tmp"
    samba-tool domain exportkeytab "$keytab.tmp" --principal="$SAMBA_LDAP_ACCOUNT@$SAMBA_REALM" -s "$conf"
    chmod 600 "$keytab.tmp"
    mv "$keytab.tmp" "$keytab"
  } >>"$dir/log/kerberos.log" 2>&1 || { tail -n 20 "$dir/log/kerberos.log" >&2; die "samba: could not set up Kerberos"; }
}

# SPNs on the DC for every name a local client asks a ticket for. There is no DNS for the realm here, and OpenLDAP
# names a service on a loopback address after this machine's host name (its canonical name too), whatever the URL
# said; with SASL_NOCANON it takes the URL's host (localhost, 127.0.0.1). Checked at every start: host names change.
# usage: samba_add_spns DIR   (samba stopped)
samba_add_spns() {
  local dir="$1" conf="$1/etc/smb.conf" spn have name
  local -a names=(localhost 127.0.0.1 "$(hostname)")
  name="$(getent hosts "$(hostname)" | awk '{ print $2; exit }')"
  [[ -n "$name" ]] && names+=("$name")
  have="$(samba-tool spn list 'DC1$' -s "$conf" 2>>"$dir/log/kerberos.log" | tr -d ' \t' | tr 'A-Z' 'a-z')"
  for name in "${names[@]}"; do
    spn="ldap/${name,,}"
    grep -qxF "$spn" <<<"$have" && continue
    samba-tool spn add "$spn" 'DC1$' -s "$conf" >>"$dir/log/kerberos.log" 2>&1 || die "samba: could not add SPN $spn"
    have+=$'\n'"$spn"
  done
}

# Everything above on DIR (a new template, or a domain provisioned by an older version).
samba_secure() {
  samba_make_tls "$1"
  samba_add_kerberos "$1"
  samba_add_spns "$1"
}

# $KRB5_CONF: the realm of the local DC for Kerberos clients (KRB5_CONFIG in env.sh points here).
samba_write_krb5_conf() {
  mkdir -p "$KRB5_DIR"
  cat >"$KRB5_CONF.tmp" <<EOF2
# Written by deploy/local/samba-auth.sh: the local Samba DC's realm, for Kerberos clients (KRB5_CONFIG).
[libdefaults]
	default_realm = $SAMBA_REALM
	dns_lookup_realm = false
	dns_lookup_kdc = false
	# Ask for the service name the client was given (ldap/localhost), without reverse-DNS rewriting.
	rdns = false
	dns_canonicalize_hostname = false
	# Tickets stay in each process's memory: a re-provisioned domain never meets stale tickets in a file.
	default_ccache_name = MEMORY:whfb
	# Without kinit, GSSAPI gets (and renews) the tickets of the directory reader from its keytab.
	default_client_keytab_name = FILE:$(samba_keytab)

[realms]
	$SAMBA_REALM = {
		kdc = 127.0.0.1:88
	}

[domain_realm]
	localhost = $SAMBA_REALM
	127.0.0.1 = $SAMBA_REALM
	.${SAMBA_REALM,,} = $SAMBA_REALM
	${SAMBA_REALM,,} = $SAMBA_REALM
EOF2
  mv "$KRB5_CONF.tmp" "$KRB5_CONF"
}

# True when the running samba was started by an older version of these scripts (no KDC, or a certificate that does
# not name this host): start.sh restarts it, and samba_prepare_dir upgrades the domain before the start.
samba_outdated() {
  ! port_open 88 || ! openssl x509 -in "$SAMBA_DIR/$SAMBA_TLS_SUBDIR/cert.pem" -noout -checkhost "$(hostname)" 2>/dev/null \
    | grep -q ' does match'
}
