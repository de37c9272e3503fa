#!/usr/bin/env bash
# The secrets of compose.yaml, made once on the server host: the server key (32 bytes, the
# answers' encryption at rest), the PostgreSQL password, and the same password in pgpass format.
# Keep a copy of secrets/server_key apart from the database backups: without it no export.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p secrets
chmod 700 secrets
for name in server_key db_password pgpass; do
  if [ -e "secrets/$name" ]; then
    echo "secrets/$name exists: nothing replaced (remove it first to make a new one)" >&2
    exit 1
  fi
done
umask 077
openssl rand -base64 32 > secrets/server_key
openssl rand -hex 24 > secrets/db_password
printf 'db:5432:etudes:etudes:%s\n' "$(cat secrets/db_password)" > secrets/pgpass
# the server runs as uid 10001 in its container (Dockerfile): it must read its two files
chown 10001:10001 secrets/server_key secrets/pgpass 2>/dev/null \
  || echo "run as root (sudo) so that uid 10001 owns secrets/server_key and secrets/pgpass" >&2
chmod 400 secrets/server_key secrets/pgpass secrets/db_password
echo "secrets/ ready: server_key, db_password, pgpass"
