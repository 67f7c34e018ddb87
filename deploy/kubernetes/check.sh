#!/usr/bin/env bash
# Renders every overlay with kubectl's Kustomize and validates each manifest offline against the Kubernetes and
# Prometheus Operator API schemas (validate/validate.mjs, npm packages pinned in validate/package-lock.json).
# Needs kubectl and node/npm (deploy/local/install.sh deploy).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# npm ci only when the lock changed since the last install: the check runs on every test run.
if ! cmp -s "$here/validate/package-lock.json" "$here/validate/node_modules/.whfb-installed-lock" 2>/dev/null; then
  npm ci --prefix "$here/validate" --no-audit --no-fund --loglevel=error >/dev/null
  cp "$here/validate/package-lock.json" "$here/validate/node_modules/.whfb-installed-lock"
fi
# The overlays use "patches" and "labels" (Kustomize v4+); Debian 12's kubernetes-client bundles v2.
if ! kubectl version --client 2>/dev/null | grep -qE 'Kustomize Version: v([4-9]|[1-9][0-9])'; then
  echo "kubectl's Kustomize is older than v4 ($(kubectl version --client 2>&1 | tr '\n' ' ')): install a current kubectl" >&2
  exit 1
fi
status=0
for overlay in "$here"/overlays/*/; do
  name="overlay $(basename "$overlay")"
  rendered="$(kubectl kustomize "$overlay")" || { echo "$name: kubectl kustomize failed" >&2; status=1; continue; }
  node "$here/validate/validate.mjs" <<<"$rendered" | sed "s/^stdin/$name/" || status=1
done
exit "$status"
