#!/usr/bin/env bash
# Runs the GitHub Action (action.yml) and the GitLab template (ci/gitlab/nines.gitlab-ci.yml) as
# examples/ci uses them, in fresh git repositories that hold nothing but a model
# (scripts/ci-runner.py plays the runners): a valid model passes, with the diff against the base
# branch in the Markdown report; an invalid one fails with an annotation at its line, a failing
# JUnit test case and a SARIF error; the second job of each restores nines from the cache
# instead of building it. Then the attacks a pull request can make on the checkout (docs/security.md,
# "CI"), each in a throw-away repository: a report name linked to /proc/self/environ or to a runner
# file, a committed report, model files named like options, Markdown in the system name, a
# committed `.nines/bin/nines`, a poisoned GitLab cache; none may leak, overwrite or run anything,
# and a failing `nines diff` must say why in the log.
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
# NINES_KEEP_LOGS=DIR keeps the jobs' logs (the whole install output among them) in DIR.
trap '[ -n "${NINES_KEEP_LOGS:-}" ] && cp "$WORK"/*.log "$NINES_KEEP_LOGS"/; rm -rf "$WORK"' EXIT
export NINES_ROOT=$ROOT NINES_CACHE=$WORK/cache NINES_BASE_REF=main
export HOME=$WORK/home   # the Action installs under ~/.nines-action
export NINES_VERSION_UNDER_TEST=$(git -C "$ROOT" rev-parse HEAD)
mkdir -p "$NINES_CACHE"
if [ "$reuse" = 0 ]; then
    # The action as GitHub downloads it: the commit's files, no .git, nothing built.
    export NINES_ACTION_PATH=$WORK/action
    mkdir -p "$NINES_ACTION_PATH" && git -C "$ROOT" archive HEAD | tar -x -C "$NINES_ACTION_PATH"
fi
# A secret in the job's environment, as a runner's token would be: no attack may get it out.
export NINES_TEST_SECRET=secret-7f3a9c-do-not-leak
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
        environ-link) ln -s /proc/self/environ "$workspace/nines-check.md" ;;
        runner-file-link) ln -s "$WORK/runner-file" "$workspace/nines-junit.xml" ;;
        tracked-report) printf '### nines check — ✅ forged-report\n' > "$workspace/nines-check.md" ;;
        option-names)   # a glob that matches files named like options
            printf 'not: a model\n' > "$workspace/-o.yaml"
            printf 'not: a model\n' > "$workspace/--format.yaml"
            printf 'not: a model\n' > "$workspace/-rf.yaml" ;;
        markdown-name) sed -i 's|^system: .*$|system: "@all [click](https://evil.example) ![t](https://t.example/p.png) <img src=x>"|' "$workspace/model.yaml" ;;
        nines-install)   # its own nines, which would run with the job's secrets
            mkdir -p "$workspace/.nines/bin"
            printf '#!/bin/sh\ntouch "%s"\n' "$WORK/pwned" > "$workspace/.nines/bin/nines"
            chmod +x "$workspace/.nines/bin/nines" ;;
    esac
    git -C "$workspace" add -A
    git -C "$workspace" commit -q -m "$2 change"
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
expect "nines-genmodel is installed and runs with an empty environment" env -i "$prefix/bin/nines-genmodel" 100
expect "the man page lists exit statuses 0, 1 and 2, then examples" bash -c "grep -q '^\.It 2$' '$prefix/share/man/man1/nines.1' \
    && grep -q '^\.Sh EXAMPLES$' '$prefix/share/man/man1/nines.1' && ! grep -q '^\.Ex -std' '$prefix/share/man/man1/nines.1'"
expect "the static build printed no linker warning" bash -c "! grep -qE 'ld(\.[a-z]+)?: warning|\.a\([^)]*\):.*warning:' '$ws.log'"

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
expect "the log says why the diff fails" grep -q "over the 1 s/month allowed" "$ws.log"
expect "an annotation says the diff fails" grep -q "^::error title=nines diff::the change fails nines diff" "$ws.log"
expect "the job summary's headline says it failed" bash -c "head -n 1 '$ws/.job-summary.md' | grep -q '^### ❌ the change fails nines diff'"

echo "== Attacks on the checkout: the GitHub Action (cache hit)"
printf 'runner-file-content\n' > "$WORK/runner-file"
no_secret() { ! grep -rqs "$NINES_TEST_SECRET" "$@"; }
set_up gh-environ environ-link
status=$(run_job github "$ROOT/examples/ci/github-actions.yml" "$ws")
expect "environ link: the job fails" test "$status" != 0
expect "environ link: an annotation refuses the link" grep -q "^::error title=nines::'nines-check.md' in this checkout is a symbolic link" "$ws.log"
expect "environ link: the action's status output is 2" grep -q "action outputs: .*'status': '2'" "$ws.log"
expect "environ link: no secret in the log, the summary or the checkout" no_secret "$ws.log" "$ws/.job-summary.md" "$ws"
expect "environ link: no markdown output, so no PR comment" grep -q "'markdown': ''" "$ws.log"
expect "environ link: the link is gone" test ! -e "$ws/nines-check.md" -a ! -L "$ws/nines-check.md"

set_up gh-runner-file runner-file-link
status=$(run_job github "$ROOT/examples/ci/github-actions.yml" "$ws")
expect "runner-file link: the job fails" test "$status" != 0
expect "runner-file link: the runner file is unchanged" test "$(cat "$WORK/runner-file")" = runner-file-content
expect "runner-file link: its content is not in the log or summary" bash -c "! grep -q runner-file-content '$ws.log' '$ws/.job-summary.md'"

set_up gh-tracked tracked-report
status=$(run_job github "$ROOT/examples/ci/github-actions.yml" "$ws")
expect "tracked report: the job fails" test "$status" != 0
expect "tracked report: an annotation refuses it" grep -q "^::error title=nines::'nines-check.md' is tracked by git" "$ws.log"
expect "tracked report: the forged report reaches no summary" bash -c "! grep -q forged-report '$ws/.job-summary.md'"

set_up gh-options option-names
sed 's|^          models: model.yaml$|          models: "*.yaml"|' "$ROOT/examples/ci/github-actions.yml" > "$WORK/glob.yml"
expect "the workflow gives a glob" grep -q 'models: "\*.yaml"' "$WORK/glob.yml"
status=$(run_job github "$WORK/glob.yml" "$ws")
expect "option names: read as files (an error at ./-o.yaml)" grep -q "^\./-o\.yaml:1:1: error" "$ws.log"
expect "option names: --format.yaml read as a file" grep -q "^\./--format\.yaml:1:1: error" "$ws.log"
expect "option names: nothing written to '.yaml' and the model unchanged" bash -c "test ! -e '$ws/.yaml' && git -C '$ws' diff --quiet"

set_up gh-markdown markdown-name
status=$(run_job github "$ROOT/examples/ci/github-actions.yml" "$ws")
expect "markdown name: the job passes" test "$status" = 0
expect "markdown name: the summary shows the name escaped" grep -q '\\\[click\\\]' "$ws/.job-summary.md"
expect "markdown name: no mention, link, image or HTML in the summary" bash -c "! grep -qE '@all|\]\(https://|!\[t\]|<img' '$ws/.job-summary.md'"

if [ "$reuse" = 1 ]; then
    # The GitLab cache as the default branch's job would have filled it: the Action's binary.
    prefix=$(find "$NINES_CACHE" -mindepth 1 -maxdepth 1 -name 'nines-Linux-*' | head -n 1)
    mkdir -p "$NINES_CACHE/gitlab-nines-$NINES_VERSION_UNDER_TEST/.nines-cache"
    cp "$prefix/bin/nines" "$NINES_CACHE/gitlab-nines-$NINES_VERSION_UNDER_TEST/.nines-cache/nines"
fi
cached_binary=$NINES_CACHE/gitlab-nines-$NINES_VERSION_UNDER_TEST/.nines-cache/nines

echo "== GitLab template, the default branch's pipeline$([ "$reuse" = 1 ] && echo " (cache from the Action's build)" || echo " (cache miss: fetches and builds nines)")"
main_ws=$WORK/gl-main && git clone -q "$WORK/origin.git" "$main_ws"
# The install folder of this run's own (another run of this script may share the machine's /tmp).
sed "s|^  NINES_MODELS: model.yaml$|&\n  NINES_HOME: $WORK/gitlab-home|" "$ROOT/examples/ci/gitlab-ci.yml" > "$WORK/gitlab.yml"
status=$(NINES_PIPELINE_SOURCE=push run_job gitlab "$WORK/gitlab.yml" "$main_ws")
expect "the job passes" test "$status" = 0
expect "nines is installed outside the checkout" bash -c "test ! -e '$main_ws/.nines' && grep -q 'nines: binary sha256' '$main_ws.log'"
expect "the job writes the cache (policy pull-push)" bash -c "grep -q 'cache saved' '$main_ws.log' && test -f '$cached_binary'"
expect "its build printed no linker warning" bash -c "! grep -qE 'ld(\.[a-z]+)?: warning|\.a\([^)]*\):.*warning:' '$main_ws.log'"
binary_sha=$(sha256sum "$cached_binary" | cut -d' ' -f1)
# The project pins that binary, as docs/ci.md tells it to.
sed "s|^  NINES_MODELS: model.yaml$|&\n  NINES_SHA256: $binary_sha|" "$WORK/gitlab.yml" > "$WORK/gitlab-pinned.yml"
expect "the pipeline pins the binary" grep -q "NINES_SHA256: $binary_sha" "$WORK/gitlab-pinned.yml"

echo "== GitLab template, valid model (cache hit)"
set_up gl-valid valid
status=$(run_job gitlab "$WORK/gitlab-pinned.yml" "$ws")
expect "the job passes" test "$status" = 0
expect "nines came from the cache" grep -q "cache hit" "$ws.log"
expect "a merge request job never writes the cache (policy pull)" grep -q "cache not saved (policy pull" "$ws.log"
expect "JUnit without failures" bash -c "grep -q '<testcase' '$ws/nines-junit.xml' && ! grep -q '<failure' '$ws/nines-junit.xml'"
expect "Markdown with the diff against the target branch" bash -c "grep -q 'all objectives hold' '$ws/nines-check.md' && grep -q postgres '$ws/nines-diff.md'"

echo "== GitLab template, invalid model (cache hit)"
set_up gl-invalid invalid
status=$(run_job gitlab "$WORK/gitlab-pinned.yml" "$ws")
expect "the job fails" test "$status" != 0
expect "nines came from the cache" grep -q "cache hit" "$ws.log"
expect "a failing JUnit test case for model.yaml" grep -q '<testcase classname="nines.input" name="model.yaml"' "$ws/nines-junit.xml"
expect "an Errors section in the Markdown" grep -q "^#### Errors" "$ws/nines-check.md"

echo "== Attacks on the checkout: the GitLab template"
set_up gl-install nines-install
status=$(run_job gitlab "$WORK/gitlab-pinned.yml" "$ws")
expect "committed .nines/: the job fails" test "$status" != 0
expect "committed .nines/: refused loudly" grep -q "the checkout commits an install of nines" "$ws.log"
expect "committed .nines/: the pull request's binary never ran" test ! -e "$WORK/pwned"

set_up gl-environ environ-link
status=$(run_job gitlab "$WORK/gitlab-pinned.yml" "$ws")
expect "environ link: the job fails, refusing the link" bash -c "test '$status' != 0 && grep -q \"'nines-check.md' in this checkout is a symbolic link\" '$ws.log'"
expect "environ link: no secret in the log or the checkout" no_secret "$ws.log" "$ws"

# A poisoned cache: the stored binary replaced (as a job that could write the cache would).
cp "$cached_binary" "$WORK/good-binary"
printf '#!/bin/sh\ntouch "%s"\n' "$WORK/pwned" > "$cached_binary"
set_up gl-poisoned valid
status=$(run_job gitlab "$WORK/gitlab-pinned.yml" "$ws")
expect "poisoned cache: the job fails" test "$status" != 0
expect "poisoned cache: the binary's hash is refused" grep -q "not NINES_SHA256" "$ws.log"
expect "poisoned cache: the poisoned binary never ran" test ! -e "$WORK/pwned"
cp "$WORK/good-binary" "$cached_binary"

echo "== GitLab template, the MR note: one per merge request (a stand-in for the GitLab API)"
# curl replaced by a script that logs each request and answers as GitLab would: the token's user
# is 5; the request already has a note of its with the marker, and a forged one by user 9.
mkdir -p "$WORK/fake-api"
cat > "$WORK/fake-api/curl" <<'FAKE'
#!/bin/sh
echo "curl $*" >> "$FAKE_API_LOG"
case "$*" in
    *"/user") printf '%s\n' '{"id":5}' ;;
    *"notes?per_page"*) printf '%s\n' '[{"id":11,"author":{"id":9},"body":"<!-- nines-check -->\nforged"},{"id":12,"author":{"id":5},"body":"<!-- nines-check -->\nold"}]' ;;
esac
FAKE
chmod +x "$WORK/fake-api/curl"
set_up gl-note valid
status=$(PATH="$WORK/fake-api:$PATH" FAKE_API_LOG=$WORK/api.log CI_MERGE_REQUEST_IID=3 CI_PROJECT_ID=7 \
    CI_API_V4_URL=https://gitlab.example/api/v4 NINES_COMMENT_TOKEN=token run_job gitlab "$WORK/gitlab-pinned.yml" "$ws")
expect "MR note: the job passes" test "$status" = 0
expect "MR note: the token's own note is updated (PUT notes/12)" grep -q "request PUT .*merge_requests/3/notes/12$" "$WORK/api.log"
expect "MR note: no new note, and the forged one untouched" bash -c "! grep -qE 'request POST|notes/11' '$WORK/api.log'"

if [ "$failures" -gt 0 ]; then echo "test-ci-integration: $failures expectation(s) failed"; exit 1; fi
echo "test-ci-integration: all expectations hold"
