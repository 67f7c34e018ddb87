#!/usr/bin/env bash
# Install the Debian packages the local servers need, only when missing (idempotent, quiet
# when everything is present). Runs apt-get as root, or through sudo.
#
# usage: deploy/local/install.sh [postgres] [rabbitmq] [samba] [chromium] [deploy]     (none = all servers)
#        chromium (headless browser for the dashboard tests) and deploy (the deployment files' checkers, deploy/check.sh)
#        are optional: installed only when named.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Run a command as root (directly, or through sudo).
as_root() {
  if (( EUID == 0 )); then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "installing packages needs root or sudo: $*"
  fi
}

# Print the packages missing for one server (tools the scripts themselves use included).
missing_packages() {
  case "$1" in
    common)
      command -v ss >/dev/null || echo iproute2
      command -v ps >/dev/null || echo procps
      ;;
    postgres)
      compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || echo postgresql-15
      ;;
    rabbitmq)
      [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || echo rabbitmq-server
      # openssl makes the broker's CA, its TLS certificate and the services' passwords; curl reaches the management API.
      command -v openssl >/dev/null || echo openssl
      command -v curl >/dev/null || echo curl
      ;;
    samba)
      command -v samba >/dev/null || echo samba-ad-dc
      [[ -f /usr/share/samba/setup/ad-schema/AD_DS_Classes__Windows_Server_2016.ldf ]] \
        || echo samba-ad-provision
      [[ -d /usr/lib/python3/dist-packages/samba ]] || echo python3-samba
      command -v ldbmodify >/dev/null || echo ldb-tools
      command -v ldapsearch >/dev/null || echo ldap-utils
      # Kerberos: kinit/klist/kvno for the bind account's keytab, and the SASL GSSAPI module libldap loads
      # for a Negotiate bind; openssl makes the local directory's CA and LDAPS certificate.
      command -v kinit >/dev/null || echo krb5-user
      compgen -G '/usr/lib/*/sasl2/libgssapiv2.so*' >/dev/null || echo libsasl2-modules-gssapi-mit
      command -v openssl >/dev/null || echo openssl
      ;;
    chromium)
      [[ -x /usr/lib/chromium/chromium ]] || echo chromium
      ;;
    deploy)
      # Kustomize comes with kubectl; Debian 12's kubernetes-client is only a fallback: its Kustomize (v2) is too old
      # for the overlays, which deploy/kubernetes/check.sh then reports.
      command -v kubectl >/dev/null || echo kubernetes-client
      # node and npm run the schema validator of deploy/kubernetes/validate.
      command -v node >/dev/null || echo nodejs
      command -v npm >/dev/null || echo npm
      # docker-compose's "config" parses docker-compose.yml without a Docker engine.
      command -v docker-compose >/dev/null || echo docker-compose
      # promtool checks and unit-tests the Prometheus rules; policy-rc.d or stop_default_services keeps its server off.
      command -v promtool >/dev/null || echo prometheus
      ;;
  esac
}

apt_install() {
  info "install: apt-get install $*"
  # Wait for another apt/dpkg run rather than failing on its lock.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
  # Recommended packages stay on: samba's provisioning files come from samba-ad-provision.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" >/dev/null
}

# Without /usr/sbin/policy-rc.d, a package starts its own default service on default ports
# (RabbitMQ on 0.0.0.0:5672 with epmd on 4369, PostgreSQL's "main" cluster on 5432, smbd...).
# We run our own instances instead: stop those. They only match their own pid files.
stop_default_services() {
  local svc
  for svc in rabbitmq-server postgresql samba-ad-dc smbd nmbd winbind prometheus prometheus-node-exporter; do
    if [[ -x "/etc/init.d/$svc" ]]; then
      as_root "/etc/init.d/$svc" stop >/dev/null 2>&1 || true
    fi
  done
  # The default node's epmd (port 4369) outlives it; ours uses a private port.
  if [[ -n "$(port_owner 4369)" ]] && command -v epmd >/dev/null; then
    as_root epmd -port 4369 -kill >/dev/null 2>&1 || true
  fi
}

main() {
  local server arg
  local -a packages=() servers=() optional=()
  for arg in "$@"; do
    case "$arg" in
      chromium|deploy) optional+=("$arg") ;;
      *) servers+=("$arg") ;;
    esac
  done
  SERVERS=()
  (( ${#servers[@]} == 0 && ${#optional[@]} > 0 )) || select_servers "${servers[@]}"
  SERVERS+=("${optional[@]}")
  mapfile -t packages < <(missing_packages common; for server in "${SERVERS[@]}"; do missing_packages "$server"; done)
  (( ${#packages[@]} > 0 )) || return 0
  apt_install "${packages[@]}"
  stop_default_services
  for server in "${SERVERS[@]}"; do
    [[ -z "$(missing_packages "$server")" ]] || die "install: still missing for $server: $(missing_packages "$server")"
  done
}

main "$@"
