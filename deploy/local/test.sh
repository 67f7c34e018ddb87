#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a machine with only the .NET SDK: installs and starts
# the real servers (PostgreSQL, RabbitMQ, Samba AD) with the test profile, checks the deployment files
# (deploy/check.sh: Kubernetes overlays, docker-compose.yml, Prometheus rules), then runs every test
# project of the solution against the servers. Prints "N passed, N failed, N skipped" at the end.
#
# usage: deploy/local/test.sh [extra dotnet test arguments, e.g. --filter Category!=Slow]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export WHFB_PROFILE=test
"$root/deploy/local/start.sh"
"$root/deploy/local/install.sh" chromium   # the dashboard's browser test
# shellcheck source=/dev/null
source "$root/.local/env.sh"

log="$root/.local/logs/test-$(date +%Y%m%d-%H%M%S).log"
mkdir -p "$(dirname "$log")"
status=0
"$root/deploy/check.sh" 2>&1 | tee "$log" || status=$?
dotnet test "$root/WhfbPlatform.sln" -c Release --nologo "$@" 2>&1 | tee -a "$log" || status=$?

# One line per test assembly ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ...") and the deploy checks'
# line ("Deploy checks: 4 passed, 0 failed"): add them up.
summarize() {
  { grep -E 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$1" \
      | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/'
    grep -E '^Deploy checks: [0-9]+ passed, [0-9]+ failed$' "$1" | sed -E 's/.* ([0-9]+) passed, ([0-9]+) failed/\2 \1 0/'; } \
    | awk '{ f += $1; p += $2; s += $3 } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }'
}
echo
echo "Tests: $(summarize "$log")"
exit "$status"
