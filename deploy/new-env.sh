#!/usr/bin/env bash
# Writes deploy/.env (or the file named as the first argument) from deploy/.env.example with a new
# random value for every password and secret. The compose file has no default for any of them: the
# stack does not start without this file (or your own values), so no installation ever runs with a
# password someone else knows.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:-.env}
if [ -e "$target" ]; then
  echo "$target exists: not overwritten (the databases and the Camunda login keep the passwords they" >&2
  echo "were created with; see deploy/README.md to change them)." >&2
  exit 1
fi
random() { python3 -c 'import secrets; print(secrets.token_urlsafe(32))' 2>/dev/null || openssl rand -base64 32 | tr -d '/+=\n'; }
umask 077
sed -e "s|^MYSQL_ROOT_PASSWORD=.*|MYSQL_ROOT_PASSWORD=$(random)|" \
    -e "s|^REVFLOW_DB_PASSWORD=.*|REVFLOW_DB_PASSWORD=$(random)|" \
    -e "s|^CAMUNDA_DB_PASSWORD=.*|CAMUNDA_DB_PASSWORD=$(random)|" \
    -e "s|^CAMUNDA_ADMIN_PASSWORD=.*|CAMUNDA_ADMIN_PASSWORD=$(random)|" \
    -e "s|^REVFLOW_ACTIONS_SECRET=.*|REVFLOW_ACTIONS_SECRET=$(random)$(random)|" \
    .env.example >"$target"
echo "wrote $target (readable by you only). Camunda's login (Operate, Tasklist, Admin):"
echo "  user $(sed -n 's/^CAMUNDA_ADMIN_USER=//p' "$target"), password in CAMUNDA_ADMIN_PASSWORD of $target"
