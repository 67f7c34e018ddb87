#!/usr/bin/env bash
# Checks the deployment files without a cluster or a Docker engine: every Kustomize overlay rendered and validated
# against the API schemas (kubernetes/check.sh), docker-compose.yml parsed by docker-compose, the Prometheus rules
# checked and unit-tested by promtool. Installs what it needs (deploy/local/install.sh deploy). deploy/local/test.sh
# runs it; the dashboards' and rules' metric names are checked by the .NET tests (Whfb.ServiceDefaults.Tests).
#
# usage: deploy/check.sh        prints one line per check and "N passed, N failed" at the end
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/deploy/local/install.sh" deploy || exit 1

passed=0 failed=0
check() {
  local name="$1" output
  shift
  if output="$("$@" 2>&1)"; then
    passed=$((passed + 1)); echo "ok      $name"
  else
    failed=$((failed + 1)); echo "FAILED  $name"; sed 's/^/        /' <<<"$output"
  fi
}
check "kubernetes overlays render and validate" "$root/deploy/kubernetes/check.sh"
check "docker-compose.yml (docker-compose config)" docker-compose -f "$root/docker-compose.yml" --project-directory "$root" config -q
check "prometheus rules (promtool check rules)" promtool check rules "$root/deploy/observability/prometheus/whfb-alerts.yaml"
check "prometheus rules fire as meant (promtool test rules)" promtool test rules "$root/deploy/observability/prometheus/whfb-alerts.test.yaml"
echo "Deploy checks: $passed passed, $failed failed"
(( failed == 0 ))
