#!/usr/bin/env bash
# Provision the WHFB.TEST Samba AD domain into a new folder (Windows Server 2016 schema,
# msDS-KeyCredentialLink back-link fix, OU=WhfbUsers) and write its smb.conf.
# Used by start.sh (for the template) and by deploy/docker/samba/Dockerfile.
#
# usage: samba-provision.sh [DIR]        (default: $WHFB_LOCAL_DIR/samba-template)
# env:   WHFB_SAMBA_LISTEN=127.0.0.1|all  WHFB_LDAP_PASSWORD=<Administrator password>
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

dir="${1:-$SAMBA_TEMPLATE_DIR}"
[[ "$dir" == /* ]] || dir="$PWD/$dir"
start="$(now_ms)"
samba_provision "$dir"
info "samba: provisioned $SAMBA_REALM into $dir in $(( $(now_ms) - start )) ms"
