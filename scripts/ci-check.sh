#!/usr/bin/env bash
# `nines check` for a CI job: the shared body of the GitHub Action (action.yml) and the GitLab
# template (ci/gitlab/nines.gitlab-ci.yml). Reads its settings from the environment, writes the
# reports into the current folder, and exits as NINES_FAIL_ON says.
#
#   NINES_MODELS   model files, separated by spaces or new lines (globs expand); merged into one model
#   NINES_FORMAT   formats, separated by spaces (default "github markdown"):
#                  github, text -> the job log (github: annotations at the model's lines)
#                  junit -> nines-junit.xml, sarif -> nines.sarif, markdown -> nines-check.md, json -> nines-check.json
#   NINES_FAIL_ON  short (default: fail when anything falls short or the input is invalid),
#                  invalid (fail only on invalid input), never
#   NINES_BASE     a git revision (e.g. origin/main): `nines diff --base` against it goes to
#                  nines-diff.md, and into nines-check.md when markdown is asked for
#   NINES_OPTIONS  more options for `nines check`, e.g. "--min-margin 10% --fail-on-open M"
#   NINES_DIFF_OPTIONS  more options for `nines diff`, e.g. "--fail-on-cost 5min"
#
# With GITHUB_OUTPUT set, writes the outputs status (the larger of nines check's and nines diff's
# exit statuses: 0 holds, 1 falls short, or the change newly fails a target, 2 invalid input) and
# the path of each report file; with GITHUB_STEP_SUMMARY set, adds the
# Markdown report (and the diff) to the job summary.
set -uo pipefail

fail() { echo "::error title=nines::$1"; echo "nines: $1" >&2; exit 2; }
command -v nines > /dev/null || fail "nines is not on PATH (scripts/install.sh installs it)"
fail_on=${NINES_FAIL_ON:-short}
case "$fail_on" in short|invalid|never) ;; *) fail "fail-on must be short, invalid or never, found '$fail_on'" ;; esac
models=()
for model in ${NINES_MODELS:-}; do models+=("$model"); done
[ ${#models[@]} -gt 0 ] || fail "no model file given (the 'models' input, NINES_MODELS)"
options=()
[ -n "${NINES_OPTIONS:-}" ] && read -r -a options <<< "$NINES_OPTIONS"
diff_options=()
[ -n "${NINES_DIFF_OPTIONS:-}" ] && read -r -a diff_options <<< "$NINES_DIFF_OPTIONS"
output() { [ -n "${GITHUB_OUTPUT:-}" ] && echo "$1=$2" >> "$GITHUB_OUTPUT"; return 0; }

status=0
for format in ${NINES_FORMAT:-github markdown}; do
    case "$format" in
        github|text) file="" ;;
        junit) file=nines-junit.xml ;;
        sarif) file=nines.sarif ;;
        markdown) file=nines-check.md ;;
        json) file=nines-check.json ;;
        *) fail "unknown format '$format' (github, text, junit, sarif, markdown, json)" ;;
    esac
    code=0
    # The compiler-style errors on stderr once: every format reads the same input.
    if [ -z "$file" ]; then
        nines check "${models[@]}" "${options[@]}" --format "$format" 2>> nines-check.stderr || code=$?
    else
        nines check "${models[@]}" "${options[@]}" --format "$format" > "$file" 2>> nines-check.stderr || code=$?
        output "$format" "$file"
    fi
    [ -z "${printed:-}" ] && cat nines-check.stderr >&2 && printed=1
    rm -f nines-check.stderr
    [ "$code" -gt "$status" ] && status=$code
done

# A diff of input that does not load would only repeat its errors.
if [ -n "${NINES_BASE:-}" ] && [ "$status" -lt 2 ]; then
    code=0
    nines diff --base "$NINES_BASE" "${models[@]}" "${diff_options[@]}" --format markdown > nines-diff.md || code=$?
    output diff nines-diff.md
    [ "$code" -gt "$status" ] && status=$code
    if [ -f nines-check.md ]; then { echo; cat nines-diff.md; } >> nines-check.md; fi
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    if [ -f nines-check.md ]; then cat nines-check.md; elif [ -f nines-diff.md ]; then cat nines-diff.md; fi >> "$GITHUB_STEP_SUMMARY"
fi
output status "$status"

case "$fail_on" in
    short) exit "$status" ;;
    invalid) [ "$status" -ge 2 ] && exit "$status"; exit 0 ;;
    never) exit 0 ;;
esac
