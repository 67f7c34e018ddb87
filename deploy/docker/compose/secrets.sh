#!/bin/sh
# docker compose "secrets" step, once per volume: the demo tenant's admin key (services get only its SHA-256) and the
# Graph app's client secret, both random, kept in the whfb-secrets volume (mode 600, owned by the services' user) as
# deploy/local/demo-env.sh keeps them under .local. Runs as root in a service image; prints nothing secret.
set -eu
dir=/run/whfb
random() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
umask 077
if [ ! -s "$dir/admin.key" ]; then
  printf 'adm_%s\n' "$(random)" >"$dir/admin.key"
fi
if [ ! -s "$dir/graph-client-secret" ]; then
  random >"$dir/graph-client-secret"
fi
# What every service's entrypoint sources (compose cannot hash a file into an environment variable).
printf 'export Auth__ApiKeys__0__Sha256=%s\n' "$(tr -d '\n' <"$dir/admin.key" | sha256sum | cut -d' ' -f1)" >"$dir/admin.env"
printf 'export Simulator__Graph__Apps__0__ClientSecret=%s\n' "$(cat "$dir/graph-client-secret")" >"$dir/simulator-graph.env"
# The Simulator writes its Graph certificate here for SyncTracker and Policy to pin.
chown -R 1654:1654 "$dir"
echo "secrets: admin key in the whfb-secrets volume (admin.key); read it with: docker compose run --rm --entrypoint cat secrets /run/whfb/admin.key"
