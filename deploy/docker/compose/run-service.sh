#!/bin/sh
# Entrypoint of the platform's services under docker compose: the settings made at start by secrets.sh and
# collector-key.sh (files of the whfb-secrets volume) go into the environment, then the service runs as in its image.
set -eu
for file in "$@"; do
  # shellcheck disable=SC1090
  . "/run/whfb/$file"
done
exec /app/whfb-service
