#!/usr/bin/env bash
# Smoke test of the Compose stack (deploy/docker-compose.yaml) on a Docker engine:
#   1. brings the stack up under a project name of its own, with generated secrets and an API user,
#   2. waits until RevFlow's /actuator/health answers UP,
#   3. launches a review through RevFlow's API (HTTP Basic, the generated user),
#   4. finds the launch notices in Mailpit's API (by the review id, in the X-RevFlow-Notice header)
#      and the review's process instance through the Camunda REST API (by the variable reviewId),
#   5. tears the stack down with its volumes, whatever happened.
# Where no Docker engine answers (`docker info` fails) it says so and exits 0 without doing anything.
#
#   bash deploy/smoke-test.sh                 (from anywhere; needs docker with the compose v2 plugin,
#                                              curl and python3; about 5-15 minutes, mostly the build)
#
# Ports: the stack's usual ones on 127.0.0.1 (8080 RevFlow, 8088 Camunda, 8025 Mailpit, ...); set
# SMOKE_PORT_OFFSET=1000 (say) to move them all when those are taken. SMOKE_TIMEOUT (seconds, 900)
# bounds each wait. SMOKE_KEEP=1 leaves the stack running for a look.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "smoke test: skipped: no Docker engine answers (docker info failed)"
  exit 0
fi
if ! docker compose version >/dev/null 2>&1; then
  echo "smoke test: FAIL: the docker compose v2 plugin is needed (docker compose version)" >&2
  exit 1
fi
for tool in curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "smoke test: FAIL: $tool is needed" >&2; exit 1; }
done

offset=${SMOKE_PORT_OFFSET:-0}
timeout=${SMOKE_TIMEOUT:-900}
project="revflow-smoke-$$"
work=$(mktemp -d)
revflow_port=$((8080 + offset))
camunda_port=$((8088 + offset))
mailpit_port=$((8025 + offset))

random() { python3 -c 'import secrets; print(secrets.token_urlsafe(24))'; }
api_password=$(random)

# A bcrypt hash for the API user (RevFlow accepts no plain-text password outside the local run).
if command -v htpasswd >/dev/null 2>&1; then
  api_hash=$(htpasswd -bnBC 10 "" "$api_password" | cut -d: -f2 | tr -d '\n')
else
  api_hash=$(docker run --rm httpd:2.4-alpine htpasswd -bnBC 10 "" "$api_password" | cut -d: -f2 | tr -d '\r\n')
fi

# Settings: the example file with every secret generated for this run (deploy/new-env.sh), on free ports.
bash deploy/new-env.sh "$work/generated.env" >/dev/null
sed -e "s|^COMPOSE_PROJECT_NAME=.*|COMPOSE_PROJECT_NAME=$project|" \
    -e "s|^REVFLOW_HOST_PORT=.*|REVFLOW_HOST_PORT=$revflow_port|" \
    -e "s|^CAMUNDA_HOST_PORT=.*|CAMUNDA_HOST_PORT=$camunda_port|" \
    -e "s|^ZEEBE_GRPC_HOST_PORT=.*|ZEEBE_GRPC_HOST_PORT=$((26500 + offset))|" \
    -e "s|^CAMUNDA_MANAGEMENT_HOST_PORT=.*|CAMUNDA_MANAGEMENT_HOST_PORT=$((9600 + offset))|" \
    -e "s|^MAILPIT_UI_HOST_PORT=.*|MAILPIT_UI_HOST_PORT=$mailpit_port|" \
    -e "s|^MAILPIT_SMTP_HOST_PORT=.*|MAILPIT_SMTP_HOST_PORT=$((1025 + offset))|" \
    -e "s|^MYSQL_HOST_PORT=.*|MYSQL_HOST_PORT=$((3306 + offset))|" \
    -e "s|^REVFLOW_PUBLIC_BASE_URL=.*|REVFLOW_PUBLIC_BASE_URL=http://localhost:$revflow_port|" \
    "$work/generated.env" >"$work/smoke.env"
# The API user, in an override file as deploy/README.md describes (bcrypt hashes contain '$': escaped).
cat >"$work/smoke.override.yaml" <<EOF
services:
  revflow:
    environment:
      REVFLOW_SECURITY_USERS_0_NAME: smoke
      REVFLOW_SECURITY_USERS_0_PASSWORD: '${api_hash//\$/\$\$}'
      REVFLOW_SECURITY_USERS_0_ROLES_0: SECRETARIAT
EOF

compose=(docker compose -p "$project" -f deploy/docker-compose.yaml -f "$work/smoke.override.yaml"
  --env-file "$work/smoke.env")

teardown() {
  local status=$?
  if [ "${SMOKE_KEEP:-0}" = "1" ]; then
    echo "smoke test: stack left running (SMOKE_KEEP=1): ${compose[*]} down -v"
  else
    "${compose[@]}" logs --no-color --tail 200 revflow >"$work/revflow.log" 2>&1 || true
    [ "$status" -eq 0 ] || { echo "smoke test: RevFlow's last log lines:" >&2; tail -50 "$work/revflow.log" >&2 || true; }
    "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
    rm -rf "$work"
  fi
  exit "$status"
}
trap teardown EXIT

# Polls a command until it succeeds or the timeout passes.
wait_for() {
  local what=$1; shift
  local until=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$until" ]; then
      echo "smoke test: FAIL: $what not reached within ${timeout}s" >&2
      return 1
    fi
    sleep 5
  done
  echo "smoke test: $what"
}

echo "smoke test: starting the stack as project $project (RevFlow on 127.0.0.1:$revflow_port)"
"${compose[@]}" up -d --build

health() { curl -fsS "http://127.0.0.1:$revflow_port/actuator/health" | grep -q '"status":"UP"'; }
wait_for "RevFlow healthy" health

# Each State gets a permanent representative, so the launch notices have addressees of their own.
for state in AUT DEU KEN; do
  curl -fsS -u "smoke:$api_password" -X PUT "http://127.0.0.1:$revflow_port/api/registry/states/$state/permanent-representative" \
    -H 'Content-Type: application/json' \
    -d "{\"person\":{\"name\":\"PR of $state\",\"email\":\"pr@$(echo "$state" | tr 'A-Z' 'a-z').example\",\"language\":\"en\"}}" >/dev/null
done
launched=$(curl -fsS -u "smoke:$api_password" -X POST "http://127.0.0.1:$revflow_port/api/reviews" \
  -H 'Content-Type: application/json' -d '{"underReview":"AUT","phase":1,"reviewers":{"UNTOC":["DEU","KEN"]}}')
review=$(printf '%s' "$launched" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "smoke test: launched review $review"

# Mailpit's API: the launch notices carry the review id in their X-RevFlow-Notice header.
launch_notices() {
  python3 - "$mailpit_port" "$review" <<'PY'
import json, sys, urllib.request
port, review = sys.argv[1], sys.argv[2]
base = f"http://127.0.0.1:{port}/api/v1"
messages = json.load(urllib.request.urlopen(f"{base}/messages?limit=200"))["messages"]
found = 0
for m in messages:
    headers = json.load(urllib.request.urlopen(f"{base}/message/{m['ID']}/headers"))
    if any(h.startswith(review + "|") for h in headers.get("X-Revflow-Notice", []) + headers.get("X-RevFlow-Notice", [])):
        found += 1
print(found)
sys.exit(0 if found >= 3 else 1)
PY
}
wait_for "launch notices of $review in Mailpit" launch_notices

# The Camunda REST API (unprotected in the Compose stack): the review's process instance by its variable.
process_instance() {
  curl -fsS -X POST "http://127.0.0.1:$camunda_port/v2/process-instances/search" -H 'Content-Type: application/json' \
    -d "{\"filter\":{\"processDefinitionId\":\"country-review\",\"variables\":[{\"name\":\"reviewId\",\"value\":\"\\\"$review\\\"\"}]}}" \
    | python3 -c 'import json,sys; items=json.load(sys.stdin).get("items", []); print(len(items)); sys.exit(0 if items else 1)'
}
wait_for "process instance of $review in Camunda" process_instance

echo "smoke test: passed (stack up, healthy, review launched, notices in Mailpit, instance in Camunda)"
