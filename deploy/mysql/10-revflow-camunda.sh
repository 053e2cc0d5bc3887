#!/bin/bash
# Runs deploy/mysql/init.sql (mounted at /revflow-init/init.sql) with its @TOKEN@ placeholders taken
# from the environment, so that no password is written in git.
#
# The official mysql image runs every *.sh in /docker-entrypoint-initdb.d once, on an empty data
# volume, while a socket-only server is running. This file is NOT executable on purpose: the image
# then sources it, so docker_process_sql (a function of the image's entrypoint, which sends SQL to that
# server as root) is at hand. Everything runs in a subshell function, so no variable or shell option
# leaks into the entrypoint; a failure fails the container's initialisation. Standalone test:
#   MYSQL_CMD="cat" bash deploy/mysql/10-revflow-camunda.sh     (prints the SQL it would run)
revflow_init() (
  set -euo pipefail

  template="${REVFLOW_INIT_SQL:-/revflow-init/init.sql}"

  require() {
    local name="$1"
    if [ -z "${!name:-}" ]; then
      echo "revflow-init: $name is not set; refusing to create users without it" >&2
      exit 1
    fi
  }

  # Names go between backquotes or single quotes in init.sql: allow only plain identifiers.
  identifier() {
    local name="$1"
    require "$name"
    if [[ ! "${!name}" =~ ^[A-Za-z0-9_]{1,32}$ ]]; then
      echo "revflow-init: $name='${!name}' must be 1-32 letters, digits or underscores" >&2
      exit 1
    fi
    printf '%s' "${!name}"
  }

  # A password becomes the body of a single-quoted SQL string: double backslashes and quotes.
  sql_string() {
    local name="$1" value
    require "$name"
    value="${!name}"
    value="${value//\\/\\\\}"
    value="${value//\'/\'\'}"
    printf '%s' "$value"
  }

  # Bash 5.2 gives '&' a meaning in ${var//pattern/replacement}; keep replacements literal.
  shopt -u patsub_replacement 2>/dev/null || true

  sql="$(cat "$template")"
  # Every @TOKEN@ of the template must be one this script fills (checked before any value goes in).
  for token in $(grep -o '@[A-Z_]*@' "$template" | sort -u); do
    case "$token" in
      @REVFLOW_DB_NAME@ | @REVFLOW_DB_USER@ | @REVFLOW_DB_PASSWORD@ | \
        @CAMUNDA_DB_NAME@ | @CAMUNDA_DB_USER@ | @CAMUNDA_DB_PASSWORD@) ;;
      *)
        echo "revflow-init: unknown placeholder $token in $template" >&2
        exit 1
        ;;
    esac
  done
  for name in REVFLOW_DB_NAME REVFLOW_DB_USER CAMUNDA_DB_NAME CAMUNDA_DB_USER; do
    value="$(identifier "$name")"
    sql="${sql//@${name}@/${value}}"
  done
  for name in REVFLOW_DB_PASSWORD CAMUNDA_DB_PASSWORD; do
    value="$(sql_string "$name")"
    sql="${sql//@${name}@/${value}}"
  done


  echo "revflow-init: creating schemas and users ${REVFLOW_DB_USER}@${REVFLOW_DB_NAME}, ${CAMUNDA_DB_USER}@${CAMUNDA_DB_NAME}"
  if [ -n "${MYSQL_CMD:-}" ]; then
    printf '%s\n' "$sql" | $MYSQL_CMD
  elif declare -F docker_process_sql >/dev/null; then
    printf '%s\n' "$sql" | docker_process_sql
  else
    echo "revflow-init: not run by the mysql image's entrypoint and MYSQL_CMD is not set" >&2
    exit 1
  fi
)

revflow_init
