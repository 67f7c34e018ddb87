#!/usr/bin/env bash
# Check the running local directory does what the platform needs: LDAPS verified against the
# directory's own CA, the schema has msDS-KeyCredentialLink, a DN-Binary value (B:<n>:<HEX>:<user DN>)
# can be written onto a user with an LDAP modify and read back, and a Kerberos bind from the
# directory reader's keytab is sealed. Uses a throw-away user in OU=WhfbUsers.
#
# usage: deploy/local/samba-check.sh        (after start.sh samba)
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

URL="ldaps://127.0.0.1:636"
USER_DN="CN=whfb-selfcheck-$$,$SAMBA_USERS_OU"

ldap() { LDAPTLS_CACERT="$(samba_ca_file)" "$1" -x -H "$URL" -D "$SAMBA_ADMIN_DN" -w "$SAMBA_ADMIN_PASSWORD" "${@:2}"; }
cleanup() { ldap ldapdelete "$USER_DN" >/dev/null 2>&1 || true; }
trap cleanup EXIT

check_schema() {
  ldap ldapsearch -LLL -b "$SAMBA_SCHEMA_DN" "(lDAPDisplayName=msDS-KeyCredentialLink)" attributeID linkID \
    | grep -q '^attributeID: 1.2.840.113556.1.4.2328$' || die "schema has no msDS-KeyCredentialLink"
  info "ok: schema has msDS-KeyCredentialLink (1.2.840.113556.1.4.2328)"
}

check_write() {
  local hex value
  hex="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n' | tr 'a-f' 'A-F')"
  value="B:${#hex}:$hex:$USER_DN"
  # The value must be added with a modify on an existing user (not in the same add).
  ldap ldapadd >/dev/null <<EOF2
dn: $USER_DN
objectClass: user
sAMAccountName: whfb-chk-$$
EOF2
  ldap ldapmodify >/dev/null <<EOF2
dn: $USER_DN
changetype: modify
add: msDS-KeyCredentialLink
msDS-KeyCredentialLink: $value
EOF2
  ldap ldapsearch -LLL -o ldif-wrap=no -b "$USER_DN" -s base msDS-KeyCredentialLink \
    | grep -qF "msDS-KeyCredentialLink: $value" || die "value written but not read back"
  info "ok: wrote and read back msDS-KeyCredentialLink on $USER_DN"
}

# The SASL security layer Kerberos negotiated: 56 or more means the traffic is sealed (encrypted).
check_kerberos() {
  local ssf
  samba_write_krb5_conf
  ssf="$(KRB5_CONFIG="$KRB5_CONF" ldapsearch -Y GSSAPI -H "ldap://localhost:$SAMBA_LDAP_PORT" -b "" -s base dn 2>&1 \
    | sed -n 's/^SASL SSF: //p')"
  [[ -n "$ssf" && "$ssf" -ge 56 ]] || die "Kerberos bind as $SAMBA_LDAP_ACCOUNT failed or was not sealed (SSF '${ssf}')"
  info "ok: Kerberos bind as $SAMBA_LDAP_ACCOUNT from its keytab, sealed (SASL SSF $ssf)"
}

check_schema
check_write
check_kerberos
