#!/usr/bin/env bash
# Static checks of deploy/ for CI; needs no Docker engine and no cluster:
#   1. `docker compose config` on deploy/docker-compose.yaml with deploy/.env.example, when the docker
#      client and its compose plugin are installed (an invalid file fails the run); skipped otherwise.
#   2. YAML syntax of every file under deploy/kubernetes/ (python3 + PyYAML, yaml.safe_load_all);
#      skipped when python3 or PyYAML is missing.
# A skipped part is reported as such and does not fail the run. Exit status: 0 when nothing failed.
#
#   bash deploy/ci-validate.sh            (from anywhere; it works from the repository root)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

passed=0
failed=0
skipped=0

# --- 1. Compose file -------------------------------------------------------------------------------
# The compose plugin (v2) where it exists, else Debian's docker-compose (1.29), which .ci/run installs
# on machines without either: both validate the file without a Docker engine.
compose=()
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
fi
if [ ${#compose[@]} -gt 0 ]; then
  echo "compose: $("${compose[@]}" version | head -1)"
  if "${compose[@]}" -f deploy/docker-compose.yaml --env-file deploy/.env.example config -q; then
    echo "compose: deploy/docker-compose.yaml is valid (with deploy/.env.example)"
    passed=$((passed + 1))
  else
    echo "compose: deploy/docker-compose.yaml is INVALID" >&2
    failed=$((failed + 1))
  fi
else
  echo "compose: skipped: no compose client (docker compose plugin or docker-compose)"
  skipped=$((skipped + 1))
fi

# --- 2. Kubernetes YAML ----------------------------------------------------------------------------
if ! command -v python3 >/dev/null 2>&1; then
  echo "kubernetes: skipped: python3 not found"
  skipped=$((skipped + 1))
elif ! python3 -c 'import yaml' >/dev/null 2>&1; then
  echo "kubernetes: skipped: PyYAML is not installed (pip install pyyaml, or apt-get install python3-yaml)"
  skipped=$((skipped + 1))
else
  if python3 - deploy/kubernetes <<'PY'
import pathlib
import sys

import yaml

root = pathlib.Path(sys.argv[1])
files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
if not files:
    print(f"kubernetes: no YAML files under {root}", file=sys.stderr)
    sys.exit(1)
bad = 0
for path in files:
    try:
        with path.open(encoding="utf-8") as stream:
            docs = [d for d in yaml.safe_load_all(stream) if d is not None]
        if not docs:
            raise ValueError("no YAML document in the file")
        # Manifests must say what they are; Helm values files have no `kind`.
        for doc in docs:
            if isinstance(doc, dict) and "kind" in doc and "apiVersion" not in doc:
                raise ValueError(f"{doc['kind']} without apiVersion")
        print(f"kubernetes: ok   {path} ({len(docs)} document{'s' if len(docs) != 1 else ''})")
    except (yaml.YAMLError, ValueError, UnicodeDecodeError) as error:
        bad += 1
        print(f"kubernetes: FAIL {path}: {error}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
  then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
fi

# Worded so that CI does not mistake it for a test runner's summary.
echo "deploy checks - ok: ${passed}, failing: ${failed}, skipped: ${skipped}"
[ "$failed" -eq 0 ]
