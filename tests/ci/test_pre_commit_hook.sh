#!/usr/bin/env bash
# Tests scripts/pre-commit-hook.sh and .pre-commit-hooks.yaml.
# Usage: test_pre_commit_hook.sh COSTGATE_BINARY SOURCE_DIR
set -euo pipefail
costgate=$1
source_dir=$2
hook="$source_dir/scripts/pre-commit-hook.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# A fake costgate that records its arguments, one per line, and exits with $FAKE_EXIT.
cat > "$scratch/fake-costgate" <<'FAKE'
#!/usr/bin/env bash
printf '%s\n' "$@" > "$FAKE_LOG"
exit "${FAKE_EXIT:-0}"
FAKE
chmod +x "$scratch/fake-costgate"
export FAKE_LOG="$scratch/calls"

# 1. Nothing relevant: exit 0 and costgate is not run.
rm -f "$FAKE_LOG"
COSTGATE="$scratch/fake-costgate" "$hook" check --policy p.yaml -- README.md main.tf \
    || fail "irrelevant files: exit $?"
[[ -e $FAKE_LOG ]] && fail "irrelevant files: costgate was run"
COSTGATE="$scratch/fake-costgate" "$hook" check || fail "no files: exit $?"
[[ -e $FAKE_LOG ]] && fail "no files: costgate was run"

# 2. Plans and manifests become --plan/--k8s; options before `--` pass through.
COSTGATE="$scratch/fake-costgate" "$hook" check --policy p.yaml --format github -- \
    a/prod.tfplan.json notes.txt k8s/web.yaml k8s/db.yml \
    || fail "relevant files: exit $?"
expected=$'check\n--policy\np.yaml\n--format\ngithub\n--plan\na/prod.tfplan.json\n--k8s\nk8s/web.yaml\n--k8s\nk8s/db.yml'
[[ "$(cat "$FAKE_LOG" 2>/dev/null)" == "$expected" ]] \
    || fail "relevant files: costgate got: $(cat "$FAKE_LOG" 2>/dev/null)"

# 3. Without `--`, options and their values come first, then file names: the policy
# (a .yaml file) stays the value of --policy instead of becoming a manifest; flags take
# no value; plan.json is a plan like *.tfplan.json.
COSTGATE="$scratch/fake-costgate" "$hook" estimate x.tfplan.json || fail "no separator: exit $?"
[[ "$(cat "$FAKE_LOG")" == $'estimate\n--plan\nx.tfplan.json' ]] \
    || fail "no separator: costgate got: $(cat "$FAKE_LOG")"
COSTGATE="$scratch/fake-costgate" "$hook" check --policy costgate-policy.yaml -q \
    --format=github k8s/web.yaml infra/plan.json || fail "options without separator: exit $?"
expected=$'check\n--policy\ncostgate-policy.yaml\n-q\n--format=github\n--plan\ninfra/plan.json\n--k8s\nk8s/web.yaml'
[[ "$(sort "$FAKE_LOG")" == "$(sort <<< "$expected")" ]] \
    || fail "options without separator: costgate got: $(cat "$FAKE_LOG")"
head -n 5 "$FAKE_LOG" | grep -qx -- "-q" || fail "options without separator: options not first"

# 4. costgate's exit code is the hook's.
for code in 1 2; do
    status=0
    FAKE_EXIT=$code COSTGATE="$scratch/fake-costgate" "$hook" check -- x.tfplan.json || status=$?
    [[ $status == "$code" ]] || fail "exit code $code came back as $status"
done

# 5. The real binary: a plan named *.tfplan.json is priced; a broken one exits 2 naming it.
cp "$source_dir/examples/terraform/plan.json" "$scratch/prod.tfplan.json"
status=0
COSTGATE="$costgate" "$hook" estimate --format json -- "$scratch/prod.tfplan.json" \
    > "$scratch/out.json" || status=$?
[[ $status == 0 ]] || fail "real estimate: exit $status"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["summary"]["resources"] > 0' \
    "$scratch/out.json" || fail "real estimate: no resources in the JSON report"
echo '{"format_version": ' > "$scratch/broken.tfplan.json"
status=0
COSTGATE="$costgate" "$hook" estimate -- "$scratch/broken.tfplan.json" \
    > /dev/null 2> "$scratch/err" || status=$?
[[ $status == 2 ]] || fail "broken plan: exit $status, not 2"
grep -q "broken.tfplan.json" "$scratch/err" || fail "broken plan: message does not name the file"

# 6. The hook definitions parse and their patterns select the right files.
python3 - "$source_dir/.pre-commit-hooks.yaml" <<'PY' || fail ".pre-commit-hooks.yaml"
import re, sys, yaml
hooks = {h["id"]: h for h in yaml.safe_load(open(sys.argv[1]))}
assert set(hooks) == {"costgate-plan", "costgate-k8s", "costgate-terraform"}, hooks.keys()
for hook in hooks.values():
    assert hook["pass_filenames"] is True and hook["language"] == "script", hook
    assert hook["entry"].startswith("scripts/pre-commit-hook.sh "), hook
plan = re.compile(hooks["costgate-plan"]["files"])
k8s = re.compile(hooks["costgate-k8s"]["files"])
assert plan.search("infra/prod.tfplan.json") and not plan.search("plan.json.bak")
assert plan.search("plan.json") and plan.search("infra/gke/plan.json")
assert not plan.search("infra/myplan.json")
assert not plan.search("prod.tfplan.json.txt")
assert k8s.search("k8s/web.yaml") and k8s.search("apps/deploy/db.yml")
assert not k8s.search(".github/workflows/ci.yml") and not k8s.search("k8s/README.md")
tf = re.compile(hooks["costgate-terraform"]["files"])
assert tf.search("infra/main.tf") and tf.search("a/b.tofu") and tf.search("prod.auto.tfvars")
assert not tf.search("main.tf.bak") and not tf.search("x.tfplan.json")
assert hooks["costgate-terraform"]["entry"] == "scripts/pre-commit-hook.sh --terraform check"
PY

# 7. --terraform: staged configuration files become their roots, once each; a module's
#    files belong to the root above it (the folder with a provider block).
repo="$scratch/repo"
mkdir -p "$repo/infra/prod/modules/app" "$repo/infra/dev" "$repo/docs"
printf 'provider "aws" {\n  region = "us-east-1"\n}\nmodule "app" {\n  source = "./modules/app"\n}\n' \
    > "$repo/infra/prod/main.tf"
printf 'resource "aws_instance" "web" {\n  instance_type = "t3.micro"\n}\n' > "$repo/infra/prod/modules/app/main.tf"
printf 'provider "aws" {\n  region = "us-east-1"\n}\nresource "aws_instance" "dev" {\n  instance_type = var.type\n}\nvariable "type" {}\n' \
    > "$repo/infra/dev/main.tf"
echo 'type = "t3.small"' > "$repo/infra/dev/terraform.tfvars"
(
    cd "$repo"
    COSTGATE="$scratch/fake-costgate" "$hook" --terraform check --policy p.yaml -- \
        infra/prod/modules/app/main.tf infra/dev/main.tf infra/dev/terraform.tfvars infra/prod/main.tf docs/x.md
) || fail "terraform roots: exit $?"
expected=$'check\n--policy\np.yaml\n--terraform\ninfra/prod\n--terraform\ninfra/dev'
[[ "$(cat "$FAKE_LOG" 2>/dev/null)" == "$expected" ]] \
    || fail "terraform roots: costgate got: $(cat "$FAKE_LOG" 2>/dev/null)"
rm -f "$FAKE_LOG"
COSTGATE="$scratch/fake-costgate" "$hook" --terraform check -- README.md x.tfplan.json \
    || fail "terraform, nothing relevant: exit $?"
[[ -e $FAKE_LOG ]] && fail "terraform, nothing relevant: costgate was run"

# 8. The real binary on those roots, then with COSTGATE_BASE_REF: the base worktree gives
#    --base-terraform, and the change (t3.small → m5.large) is priced as an update.
(
    cd "$repo"
    git init -q -b main . && git add -A && git -c user.email=t@t -c user.name=t commit -qm base
    status=0
    COSTGATE="$costgate" "$hook" --terraform estimate --format json -- infra/dev/main.tf infra/prod/modules/app/main.tf \
        > "$scratch/source.json" || status=$?
    [[ $status == 0 ]] || { echo "FAIL: real terraform estimate: exit $status" >&2; exit 1; }
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert sorted(x["address"] for x in r["resources"]) == ["aws_instance.dev", "module.app.aws_instance.web"], r["resources"]' \
        "$scratch/source.json" || exit 1
    echo 'type = "m5.large"' > infra/dev/terraform.tfvars
    COSTGATE_BASE_REF=main COSTGATE="$costgate" "$hook" --terraform estimate --format json -- infra/dev/terraform.tfvars \
        > "$scratch/delta.json" || { echo "FAIL: base ref estimate: exit $?" >&2; exit 1; }
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); x=r["resources"][0]; assert x["action"] == "update" and x["monthly_delta"] > 0, x' \
        "$scratch/delta.json" || exit 1
    [[ $(git worktree list | wc -l) == 1 ]] || { echo "FAIL: the base worktree was left behind" >&2; exit 1; }
) || fail "real terraform estimate"

# 9. Kustomize: a staged YAML file in a kustomization's folder (or below it) becomes that
#    folder, once; plain manifests stay files. With kubectl, the real binary renders a
#    staged overlay and its staged base once, at the overlay's 4 replicas.
kustomize="$scratch/kustomize"
cp -r "$source_dir/tests/e2e/k8s_kustomize_monorepo/k8s" "$kustomize"
(
    cd "$kustomize"
    COSTGATE="$scratch/fake-costgate" "$hook" check --policy p.yaml -- \
        overlays/prod/kustomization.yaml base/deployment.yaml base/kustomization.yaml plain/settings.yaml
) || fail "kustomize folders: exit $?"
expected=$'check\n--policy\np.yaml\n--k8s\noverlays/prod\n--k8s\nbase\n--k8s\nplain/settings.yaml'
[[ "$(cat "$FAKE_LOG" 2>/dev/null)" == "$expected" ]] \
    || fail "kustomize folders: costgate got: $(cat "$FAKE_LOG" 2>/dev/null)"
if command -v kubectl >/dev/null; then
    status=0
    (cd "$kustomize" && COSTGATE="$costgate" "$hook" estimate --format json -- \
        base/deployment.yaml overlays/prod/kustomization.yaml) > "$scratch/kustomize.json" || status=$?
    [[ $status == 0 ]] || fail "real kustomize estimate: exit $status"
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert [(x["address"], x["monthly_after"]) for x in r["resources"]] == [("prod/Deployment/api", 68.36), ("prod/Deployment/exporter", 7.77)], r["resources"]' \
        "$scratch/kustomize.json" || fail "real kustomize estimate: not the overlay's objects once"
else
    echo "skipped: the real kustomize estimate needs kubectl"
fi

# 10. `costgate init --ci pre-commit` writes hooks with args the wrapper reads as options,
#     for the plan files costgate.yml names (plan.json).
init_repo="$scratch/init"
mkdir -p "$init_repo/infra/net"
printf 'provider "aws" {\n  region = "us-east-1"\n}\n' > "$init_repo/infra/net/main.tf"
"$costgate" init --ci pre-commit "$init_repo" > /dev/null || fail "init --ci pre-commit: exit $?"
python3 - "$init_repo/.pre-commit-config.yaml" "$init_repo/costgate.yml" "$source_dir/.pre-commit-hooks.yaml" <<'PY' \
    || fail "init --ci pre-commit: written hooks"
import re, sys, yaml
config = yaml.safe_load(open(sys.argv[1]))
hooks = {h["id"]: h for h in config["repos"][0]["hooks"]}
assert set(hooks) >= {"costgate-plan", "costgate-k8s"}, hooks
for hook in hooks.values():
    assert hook["args"] == ["--policy", "costgate-policy.yaml"], hook
plans = [p for project in yaml.safe_load(open(sys.argv[2]))["projects"] for p in project.get("plans", [])]
pattern = re.compile({h["id"]: h for h in yaml.safe_load(open(sys.argv[3]))}["costgate-plan"]["files"])
assert plans and all(pattern.search(p) for p in plans), plans
PY

if [[ $failures -gt 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "pre-commit hook: all checks passed"
