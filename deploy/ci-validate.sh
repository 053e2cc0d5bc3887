#!/usr/bin/env bash
# Static checks of deploy/ for CI; needs no Docker engine and no cluster:
#   1. The Compose stack has no default login: no password, secret or Camunda user in
#      deploy/docker-compose.yaml or deploy/camunda/application.yaml has a default value, and the file
#      refuses to be read without them (checked always). Then `docker compose config` on it with an env
#      file from deploy/new-env.sh, when a compose client is installed; skipped otherwise.
#   2. YAML syntax of every file under deploy/kubernetes/ (python3 + PyYAML, yaml.safe_load_all);
#      skipped when python3 or PyYAML is missing.
#   3. Logins and network of the production engine, parsed and inspected (python3 + PyYAML):
#      kubernetes/camunda-values.yaml must replace the Helm chart's initial users (demo/demo as admin,
#      connectors/connector) and take every password from a Kubernetes Secret (a ${VAR} placeholder
#      whose variable comes from a secretKeyRef), with no default or literal password anywhere;
#      kubernetes/camunda-networkpolicy.yaml must let only the brokers, RevFlow and the ingress reach
#      the engine; RevFlow's config map must name an OIDC audience with its issuer. Each check first
#      runs on a known-bad sample (the chart's own defaults, an allow-all policy) and must reject it.
#      With a `helm` binary and the chart reachable, the chart is also rendered with the values and
#      the output searched for default users; otherwise that part says it was skipped.
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
# A default after ':-' or ':' in a secret's placeholder would be a login everyone knows.
if grep -nE '\$\{[A-Z_]*(PASSWORD|SECRET|ADMIN_USER):-[^}]+\}' deploy/docker-compose.yaml \
    || grep -nE '\$\{[A-Z_]*(PASSWORD|SECRET|USER)[A-Z_]*:[^}]*\}' deploy/camunda/application.yaml \
    || grep -niE '(username|password): *"?(demo|admin|camunda)"?\s*$' deploy/camunda/application.yaml; then
  echo "compose logins: a password, secret or login above has a default value" >&2
  failed=$((failed + 1))
else
  echo "compose logins: ok   no default password, secret or Camunda login"
  passed=$((passed + 1))
fi
ci_env=$(mktemp -d)/ci.env
bash deploy/new-env.sh "$ci_env" >/dev/null
if [ ${#compose[@]} -gt 0 ]; then
  echo "compose: $("${compose[@]}" version | head -1)"
  if "${compose[@]}" -f deploy/docker-compose.yaml --env-file "$ci_env" config -q; then
    echo "compose: deploy/docker-compose.yaml is valid (with an env file from deploy/new-env.sh)"
    passed=$((passed + 1))
  else
    echo "compose: deploy/docker-compose.yaml is INVALID" >&2
    failed=$((failed + 1))
  fi
  # And without the secrets it must refuse to start, saying what to do.
  if "${compose[@]}" -f deploy/docker-compose.yaml --env-file deploy/.env.example config -q 2>/dev/null; then
    echo "compose: deploy/docker-compose.yaml accepts empty passwords" >&2
    failed=$((failed + 1))
  else
    echo "compose: without deploy/.env the stack refuses to start (no default passwords)"
    passed=$((passed + 1))
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

# --- 3. Logins and network of the production engine --------------------------------------------------
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import yaml' >/dev/null 2>&1; then
  echo "engine logins: skipped: python3 with PyYAML is not installed"
  skipped=$((skipped + 1))
elif python3 - deploy/kubernetes <<'PY'
import pathlib
import re
import sys

import yaml

root = pathlib.Path(sys.argv[1])
CHART_DEFAULT_USERS = {"demo", "connectors"}
DEFAULT_PASSWORDS = {"demo", "connector", "connectors", "admin", "password", "changeme", "change-me", "camunda"}
PLACEHOLDER = re.compile(r"^\$\{([A-Z][A-Z0-9_]*)\}$")
ENGINE = {"app.kubernetes.io/name": "camunda-platform", "app.kubernetes.io/component": "zeebe-broker"}


def secret_env(orchestration):
    """Names of the orchestration pods' variables that come from a Secret."""
    names = set()
    for e in (orchestration or {}).get("env") or []:
        if isinstance(e, dict) and ((e.get("valueFrom") or {}).get("secretKeyRef") or {}).get("name"):
            names.add(e.get("name"))
    return names


def literal_passwords(node, path=""):
    """Every password-like value in the document that is written out instead of referenced."""
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            p = f"{path}.{k}" if path else str(k)
            if str(k).lower() in ("password", "inlinesecret") and isinstance(v, (str, int)) and str(v) != "" \
                    and not PLACEHOLDER.match(str(v)):
                found.append(f"{p} is a literal value")
            found += literal_passwords(v, p)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += literal_passwords(v, f"{path}[{i}]")
    return found


def values_problems(doc):
    problems = []
    orchestration = (doc or {}).get("orchestration") or {}
    init = ((orchestration.get("security") or {}).get("initialization")) or {}
    users = init.get("users")
    if not users:
        problems.append("orchestration.security.initialization.users is not set: the chart's defaults "
                        "(demo/demo as admin, connectors/connector) would be created")
    env = secret_env(orchestration)
    for u in users or []:
        name = str((u or {}).get("username", ""))
        password = str((u or {}).get("password", ""))
        if name in CHART_DEFAULT_USERS:
            problems.append(f"initial user '{name}' is one of the chart's default users")
        if password.lower() in DEFAULT_PASSWORDS:
            problems.append(f"initial user '{name}' has a default password")
        m = PLACEHOLDER.match(password)
        if not m:
            problems.append(f"initial user '{name}': the password must be a ${{VARIABLE}} filled from a Secret")
        elif m.group(1) not in env:
            problems.append(f"initial user '{name}': {m.group(1)} does not come from a secretKeyRef in orchestration.env")
    for role, spec in (init.get("defaultRoles") or {}).items():
        for member in (spec or {}).get("users") or []:
            if member in CHART_DEFAULT_USERS:
                problems.append(f"default role '{role}' still names the chart's user '{member}'")
    problems += literal_passwords(doc)
    return problems


def peer_ok(peer):
    """A NetworkPolicy peer RevFlow's design allows: the brokers, RevFlow's pods, the ingress namespace."""
    if not isinstance(peer, dict) or "ipBlock" in peer:
        return False
    pods = (peer.get("podSelector") or {}).get("matchLabels") or {}
    namespaces = (peer.get("namespaceSelector") or {}).get("matchLabels") or {}
    if "namespaceSelector" not in peer:
        return all(pods.get(k) == v for k, v in ENGINE.items())
    if not namespaces:
        return False  # an empty namespaceSelector is every namespace
    if namespaces.get("kubernetes.io/metadata.name") == "revflow":
        return pods.get("app.kubernetes.io/name") == "revflow"
    return "podSelector" not in peer or bool(pods)


def policy_problems(docs):
    policies = [d for d in docs if isinstance(d, dict) and d.get("kind") == "NetworkPolicy"
                and (d.get("metadata") or {}).get("namespace") == "camunda"]
    if not policies:
        return ["no NetworkPolicy for the engine's pods in namespace camunda"]
    problems = []
    for p in policies:
        spec = p.get("spec") or {}
        selected = (spec.get("podSelector") or {}).get("matchLabels") or {}
        if any(selected.get(k) != v for k, v in ENGINE.items()):
            problems.append(f"{p['metadata'].get('name')}: does not select the orchestration pods {ENGINE}")
        if "Ingress" not in (spec.get("policyTypes") or []):
            problems.append(f"{p['metadata'].get('name')}: policyTypes lacks Ingress")
        rules = spec.get("ingress") or []
        for i, rule in enumerate(rules):
            if not (rule or {}).get("from"):
                problems.append(f"{p['metadata'].get('name')}: ingress[{i}] has no 'from' (allows everyone)")
            if not (rule or {}).get("ports"):
                problems.append(f"{p['metadata'].get('name')}: ingress[{i}] has no 'ports' (allows every port)")
            for peer in (rule or {}).get("from") or []:
                if not peer_ok(peer):
                    problems.append(f"{p['metadata'].get('name')}: ingress[{i}] admits {peer}")
        peers = [peer for rule in rules for peer in (rule or {}).get("from") or []]
        if not any((pr.get("namespaceSelector") or {}).get("matchLabels", {}).get("kubernetes.io/metadata.name")
                   == "revflow" for pr in peers if isinstance(pr, dict)):
            problems.append(f"{p['metadata'].get('name')}: RevFlow's pods are not admitted")
    return problems


def load(path):
    with path.open(encoding="utf-8") as stream:
        return [d for d in yaml.safe_load_all(stream) if d is not None]


failed = False
# The checks must reject what they exist to catch: the chart's defaults, an allow-all policy.
chart_defaults = {"orchestration": {"security": {"initialization": {
    "users": [{"username": "connectors", "password": "connector"}, {"username": "demo", "password": "demo"}],
    "defaultRoles": {"admin": {"users": ["demo"]}}}}}}
allow_all = [{"kind": "NetworkPolicy", "metadata": {"name": "open", "namespace": "camunda"},
              "spec": {"podSelector": {"matchLabels": dict(ENGINE)}, "policyTypes": ["Ingress"], "ingress": [{}]}}]
if not values_problems(chart_defaults) or not values_problems({}) or not policy_problems(allow_all):
    print("engine logins: FAIL the checks accept the chart's defaults or an allow-all policy", file=sys.stderr)
    sys.exit(1)

values = root / "camunda-values.yaml"
problems = values_problems(load(values)[0])
for p in problems:
    print(f"engine logins: FAIL {values}: {p}", file=sys.stderr)
failed |= bool(problems)
if not problems:
    print(f"engine logins: ok   {values} (no chart default user, every password from a Secret)")

docs = [d for path in sorted(root.rglob("*.yaml")) for d in load(path)]
problems = policy_problems(docs)
for p in problems:
    print(f"engine network: FAIL {p}", file=sys.stderr)
failed |= bool(problems)
if not problems:
    print("engine network: ok   only the brokers, RevFlow and the ingress reach the orchestration pods")

configmap = next((d for d in docs if isinstance(d, dict) and d.get("kind") == "ConfigMap"
                  and (d.get("metadata") or {}).get("name") == "revflow-config"), None)
data = (configmap or {}).get("data") or {}
if data.get("REVFLOW_OIDC_ISSUER_URI") and not data.get("REVFLOW_OIDC_AUDIENCE"):
    print("revflow config: FAIL REVFLOW_OIDC_ISSUER_URI without REVFLOW_OIDC_AUDIENCE (RevFlow would refuse to start)",
          file=sys.stderr)
    failed = True
else:
    print("revflow config: ok   an OIDC issuer comes with its audience")
sys.exit(1 if failed else 0)
PY
then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

# The chart rendered with the values, where a helm binary is installed and the chart can be fetched.
if command -v helm >/dev/null 2>&1; then
  rendered=$(mktemp)
  if helm template camunda camunda-platform --repo https://helm.camunda.io --version 14.4.0 -n camunda \
      -f deploy/kubernetes/camunda-values.yaml >"$rendered" 2>/dev/null; then
    if grep -nE '^\s*-?\s*username: *"?(demo|connectors)"?\s*$|password: *"?(demo|connector)"?\s*$' "$rendered"; then
      echo "helm: FAIL the rendered chart still has a default user or password (above)" >&2
      failed=$((failed + 1))
    else
      echo "helm: ok   rendered chart has no default user or password"
      passed=$((passed + 1))
    fi
  else
    echo "helm: skipped: the chart could not be fetched or rendered"
    skipped=$((skipped + 1))
  fi
  rm -f "$rendered"
else
  echo "helm: skipped: no helm binary; the values were checked statically (part 3)"
  skipped=$((skipped + 1))
fi

# Worded so that CI does not mistake it for a test runner's summary.
echo "deploy checks - ok: ${passed}, failing: ${failed}, skipped: ${skipped}"
[ "$failed" -eq 0 ]
