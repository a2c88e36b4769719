#!/usr/bin/env bash
# Runs the GitHub Action (action.yml) and the GitLab template (ci/gitlab/nines.gitlab-ci.yml) as
# examples/ci uses them, in fresh git repositories that hold nothing but a model
# (scripts/ci-runner.py plays the runners): a valid model passes, with the diff against the base
# branch in the Markdown report; an invalid one fails with an annotation at its line, a failing
# JUnit test case and a SARIF error; the second job of each restores nines from the cache
# instead of building it.
#
#   scripts/test-ci-integration.sh [--reuse-build]
#
# Both run the committed HEAD as their runners would: the Action from the commit's files
# (`git archive`), building nines with scripts/install.sh --static; the GitLab job fetching HEAD
# and building it again: two release builds. --reuse-build runs the Action from this clone
# instead (its .build reused when current, uncommitted changes included) and gives the GitLab
# job the Action's build.
# Needs python3 with PyYAML (Debian: python3-yaml) and git. Exit 0 when every expectation holds.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
reuse=0
case "${1:-}" in --reuse-build) reuse=1 ;; "") ;; *) echo "usage: $0 [--reuse-build]" >&2; exit 2 ;; esac
python=""
for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import yaml' 2> /dev/null; then python=$candidate; break; fi
done
[ -n "$python" ] || { echo "test-ci-integration: needs python3 with PyYAML (Debian: python3-yaml)" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export NINES_ROOT=$ROOT NINES_CACHE=$WORK/cache NINES_BASE_REF=main
export HOME=$WORK/home   # the Action installs under ~/.nines-action
export NINES_VERSION_UNDER_TEST=$(git -C "$ROOT" rev-parse HEAD)
mkdir -p "$NINES_CACHE"
if [ "$reuse" = 0 ]; then
    # The action as GitHub downloads it: the commit's files, no .git, nothing built.
    export NINES_ACTION_PATH=$WORK/action
    mkdir -p "$NINES_ACTION_PATH" && git -C "$ROOT" archive HEAD | tar -x -C "$NINES_ACTION_PATH"
fi
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com
failures=0
expect() {   # expect DESCRIPTION COMMAND...
    if "${@:2}" > /dev/null 2>&1; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi
}

# The user's repository: main holds model.yaml and nothing else.
git init -q --bare --initial-branch=main "$WORK/origin.git"
git clone -q "$WORK/origin.git" "$WORK/seed" 2> /dev/null
cp "$ROOT/examples/ci/model.yaml" "$WORK/seed/model.yaml"
git -C "$WORK/seed" add model.yaml && git -C "$WORK/seed" commit -q -m model && git -C "$WORK/seed" push -q origin HEAD:main
invalid_line=$(grep -n '^    availability: 99.9%$' "$ROOT/examples/ci/model.yaml" | head -n 1 | cut -d: -f1)

# A pull request's checkout: CHANGE (valid or invalid) applied to model.yaml on a branch.
checkout() {
    local workspace=$WORK/$1
    git clone -q "$WORK/origin.git" "$workspace"
    git -C "$workspace" checkout -q -b pr
    case "$2" in
        valid) sed -i 's/^    replicas: 2$/    replicas: 3/' "$workspace/model.yaml" ;;   # a third postgres replica
        invalid) sed -i "${invalid_line}s/99.9%/120%/" "$workspace/model.yaml" ;;
        costly) sed -i 's/^    mttr: 2h$/    mttr: 4h/' "$workspace/model.yaml" ;;   # postgres repairs: +1.9 s/month
    esac
    git -C "$workspace" commit -q -am "$2 change"
    echo "$workspace"
}
set_up() {   # set_up NAME CHANGE: sets ws, or stops the test
    ws=$(checkout "$1" "$2") && [ -f "$ws/model.yaml" ] || { echo "test-ci-integration: cannot set up $1" >&2; exit 1; }
}

run_job() {   # run_job github|gitlab PIPELINE WORKSPACE: the job's status; its output in WORKSPACE.log
    local status=0
    "$python" "$ROOT/scripts/ci-runner.py" "$1" "$2" "$3" > "$3.log" 2>&1 || status=$?
    sed 's/^/    | /' "$3.log" | tail -n 40 >&2
    echo "$status"
}

echo "== GitHub Action, valid model (cache miss: installs nines)"
set_up gh-valid valid
status=$(run_job github "$ROOT/examples/ci/github-actions.yml" "$ws")
expect "the repository holds nothing but model.yaml" test "$(git -C "$ws" ls-files)" = model.yaml
expect "the job passes" test "$status" = 0
expect "the cache missed and nines was installed" grep -q "action step install: run" "$ws.log"
expect "passing checks in the log" grep -q "^ok: submit-job" "$ws.log"
expect "JUnit without failures" bash -c "grep -q '<testcase' '$ws/nines-junit.xml' && ! grep -q '<failure' '$ws/nines-junit.xml'"
expect "SARIF without errors" bash -c "grep -q '\"kind\" : \"pass\"' '$ws/nines.sarif' && ! grep -q '\"level\" : \"error\"' '$ws/nines.sarif'"
expect "Markdown says all objectives hold" grep -q "all objectives hold" "$ws/nines-check.md"
expect "Markdown has the diff against origin/main" grep -q "postgres" "$ws/nines-diff.md"
expect "the job summary has the report" grep -q "nines check" "$ws/.job-summary.md"
# What scripts/install.sh --static put in the cached folder.
prefix=$(find "$HOME/.nines-action" -mindepth 1 -maxdepth 1 -type d | head -n 1)
expect "the installed binary runs with an empty environment" env -i "$prefix/bin/nines" --version
expect "the installed binary loads no Swift library" bash -c "! ldd '$prefix/bin/nines' | grep -E 'libswift|libFoundation'"
expect "the man page is installed" grep -q '^\.Sh NAME' "$prefix/share/man/man1/nines.1"
if command -v man > /dev/null; then
    expect "man nines renders the page" bash -c "MANPATH='$prefix/share/man' man -P cat nines 2> /dev/null | grep -q 'NINES(1)'"
fi
completions_installed() {
    grep -q _nines "$prefix/share/bash-completion/completions/nines" \
        && grep -q '#compdef nines' "$prefix/share/zsh/site-functions/_nines" \
        && grep -q "complete -c 'nines'" "$prefix/share/fish/vendor_completions.d/nines.fish"
}
expect "bash, zsh and fish completions are installed" completions_installed

echo "== GitHub Action, invalid model (cache hit)"
set_up gh-invalid invalid
status=$(run_job github "$ROOT/examples/ci/github-actions.yml" "$ws")
expect "the job fails" test "$status" != 0
expect "nines came from the cache" bash -c "grep -q 'cache hit' '$ws.log' && ! grep -q 'action step install: run' '$ws.log'"
expect "an annotation at the invalid line" grep -q "^::error file=model.yaml,line=$invalid_line,col=" "$ws.log"
expect "the compiler-style error in the log" grep -q "^model.yaml:$invalid_line:[0-9]*: error: 'availability' of component 'sso'" "$ws.log"
expect "a failing JUnit test case for model.yaml" grep -q '<testcase classname="nines.input" name="model.yaml"' "$ws/nines-junit.xml"
expect "the JUnit failure" grep -q '<failure message=' "$ws/nines-junit.xml"
expect "a SARIF error with its region" "$python" -c "
import json, sys
result = json.load(open('$ws/nines.sarif'))['runs'][0]['results'][0]
region = result['locations'][0]['physicalLocation']['region']
sys.exit(not (result['level'] == 'error' and region['startLine'] == $invalid_line))"
expect "an Errors section in the Markdown" grep -q "^#### Errors" "$ws/nines-check.md"
expect "the action's status output is 2" grep -q "action outputs: .*'status': '2'" "$ws.log"

echo "== GitHub Action, a change that costs more than diff-options allows (cache hit)"
set_up gh-costly costly
sed 's|^\(          base: .*\)$|\1\n          diff-options: --fail-on-cost 1s|' "$ROOT/examples/ci/github-actions.yml" > "$WORK/costly.yml"
expect "the workflow gives diff-options" grep -q "diff-options: --fail-on-cost 1s" "$WORK/costly.yml"
status=$(run_job github "$WORK/costly.yml" "$ws")
expect "the job fails" test "$status" != 0
expect "every objective still holds" grep -q "all objectives hold" "$ws/nines-check.md"
expect "the diff says the cost is over the limit" grep -q "over the 1 s/month allowed" "$ws/nines-diff.md"
expect "the action's status output is 1" grep -q "action outputs: .*'status': '1'" "$ws.log"

if [ "$reuse" = 1 ]; then
    # The GitLab cache as a runner would have kept it: the Action's install and the source at HEAD.
    prefix=$(find "$NINES_CACHE" -mindepth 1 -maxdepth 1 -name 'nines-Linux-*' | head -n 1)
    stored=$NINES_CACHE/gitlab-nines-$NINES_VERSION_UNDER_TEST/.nines
    mkdir -p "$stored"
    cp -a "$prefix/bin" "$prefix/share" "$stored/"
    git clone -q "$ROOT" "$stored/src" && git -C "$stored/src" checkout -q "$NINES_VERSION_UNDER_TEST"
fi

echo "== GitLab template, valid model$([ "$reuse" = 1 ] && echo " (cache from the Action's build)" || echo " (cache miss: fetches and builds nines)")"
set_up gl-valid valid
status=$(run_job gitlab "$ROOT/examples/ci/gitlab-ci.yml" "$ws")
expect "the job passes" test "$status" = 0
expect "JUnit without failures" bash -c "grep -q '<testcase' '$ws/nines-junit.xml' && ! grep -q '<failure' '$ws/nines-junit.xml'"
expect "Markdown with the diff against the target branch" bash -c "grep -q 'all objectives hold' '$ws/nines-check.md' && grep -q postgres '$ws/nines-diff.md'"

echo "== GitLab template, invalid model (cache hit)"
set_up gl-invalid invalid
status=$(run_job gitlab "$ROOT/examples/ci/gitlab-ci.yml" "$ws")
expect "the job fails" test "$status" != 0
expect "nines came from the cache" grep -q "cache hit" "$ws.log"
expect "a failing JUnit test case for model.yaml" grep -q '<testcase classname="nines.input" name="model.yaml"' "$ws/nines-junit.xml"
expect "an Errors section in the Markdown" grep -q "^#### Errors" "$ws/nines-check.md"

if [ "$failures" -gt 0 ]; then echo "test-ci-integration: $failures expectation(s) failed"; exit 1; fi
echo "test-ci-integration: all expectations hold"
