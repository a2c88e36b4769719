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
#   NINES_REPORT_COPY  a folder outside the checkout that gets a copy of each report this run
#                  wrote (the GitLab template posts its MR note from there)
#
# With GITHUB_OUTPUT set, writes the outputs status (the larger of nines check's and nines diff's
# exit statuses: 0 holds, 1 falls short, or the change newly fails a target, 2 invalid input) and
# the path of each report file; with GITHUB_STEP_SUMMARY set, adds the
# Markdown report (and the diff) to the job summary.
#
# The checkout is the pull request's and trusted for nothing (docs/security.md, "CI"): every
# report is written with `nines … -o` into a fresh folder of this run and only then copied into
# the checkout, over nothing (a report name the checkout tracks, or holds as a symbolic link or
# anything but a plain file, stops the job with exit 2); the job summary reads only this run's
# files; model files follow `--`, so a file named like an option stays a file.
set -uo pipefail

# A workflow command's message: '%', CR and LF escaped as the runner expects, so no text can end
# the annotation or start a command of its own.
annotation() { local text=${1//%/%25}; text=${text//$'\r'/%0D}; echo "${text//$'\n'/%0A}"; }
# Refused input: an annotation, the sentence on stderr, status output 2, exit 2.
fail() {
    echo "::error title=nines::$(annotation "$1")"; echo "nines: $1" >&2
    [ -z "${GITHUB_OUTPUT:-}" ] || echo "status=2" >> "$GITHUB_OUTPUT"
    exit 2
}
command -v nines > /dev/null || fail "nines is not on PATH (scripts/install.sh installs it)"
fail_on=${NINES_FAIL_ON:-short}
case "$fail_on" in short|invalid|never) ;; *) fail "fail-on must be short, invalid or never, found '$fail_on'" ;; esac
models=()
for model in ${NINES_MODELS:-}; do
    case "$model" in -*) model=./$model ;; esac   # '--' below covers it too; './' also keeps '-' from meaning stdin
    models+=("$model")
done
[ ${#models[@]} -gt 0 ] || fail "no model file given (the 'models' input, NINES_MODELS)"
options=()
[ -n "${NINES_OPTIONS:-}" ] && read -r -a options <<< "$NINES_OPTIONS"
diff_options=()
[ -n "${NINES_DIFF_OPTIONS:-}" ] && read -r -a diff_options <<< "$NINES_DIFF_OPTIONS"
output() { [ -n "${GITHUB_OUTPUT:-}" ] && echo "$1=$2" >> "$GITHUB_OUTPUT"; return 0; }

# Every name this script may write, checked before anything runs: a committed report (or a link
# to /proc/self/environ, ~/.ssh/…) would otherwise be read back, posted or written through.
# Whatever the checkout holds under such a name is removed after the refusal, so that no later
# step (an artifact upload, a PR comment with a fixed path) reads it either.
reports=(nines-check.md nines-diff.md nines-junit.xml nines.sarif nines-check.json)
refused=0
for name in "${reports[@]}"; do
    if [ -L "$name" ]; then
        reason="'$name' in this checkout is a symbolic link; nines will not write, read or post its report through it (remove the link)"
    elif git ls-files --error-unmatch -- "$name" > /dev/null 2>&1; then
        reason="'$name' is tracked by git in this checkout; nines writes its report there and will not overwrite, read or post a committed file (remove it from the repository)"
    elif [ -e "$name" ] && [ ! -f "$name" ]; then
        reason="'$name' in this checkout is not a plain file; nines will not write its report there"
    else
        continue
    fi
    echo "::error title=nines::$(annotation "$reason")"; echo "nines: $reason" >&2
    [ -d "$name" ] && [ ! -L "$name" ] || rm -f -- "$name"
    refused=1
done
[ "$refused" = 0 ] || fail "nothing was checked: the checkout holds report names that nines will not use (above)"
fresh=$(mktemp -d) || fail "cannot make a temporary folder"
trap 'rm -rf "$fresh"' EXIT

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
        nines check "${options[@]}" --format "$format" -- "${models[@]}" 2> "$fresh/check.stderr" || code=$?
    else
        nines check "${options[@]}" --format "$format" -o "$fresh/$file" -- "${models[@]}" 2> "$fresh/check.stderr" || code=$?
    fi
    [ -z "${printed:-}" ] && cat "$fresh/check.stderr" >&2 && printed=1
    [ "$code" -gt "$status" ] && status=$code
done

# A diff of input that does not load would only repeat its errors. Its stderr goes to the log.
diff_failed=""
if [ -n "${NINES_BASE:-}" ] && [ "$status" -lt 2 ]; then
    code=0
    nines diff --base "$NINES_BASE" "${diff_options[@]}" --format markdown -o "$fresh/nines-diff.md" -- "${models[@]}" || code=$?
    [ "$code" -gt "$status" ] && status=$code
    if [ "$code" -ne 0 ]; then
        diff_failed="the change fails nines diff (exit $code)"
        echo "::error title=nines diff::$(annotation "$diff_failed"): the reasons are below and in nines-diff.md"
        # The reasons in the log, from this run's own report (sanitised by nines: no line it
        # writes starts a workflow command).
        [ -f "$fresh/nines-diff.md" ] && sed -n '/^\*\*Fails\*\*/,$p' "$fresh/nines-diff.md" >&2
    fi
    if [ -f "$fresh/nines-check.md" ] && [ -f "$fresh/nines-diff.md" ]; then
        # The headline is the step's verdict: a failing diff is not covered by the check's green tick.
        { [ -n "$diff_failed" ] && printf '### ❌ %s: see **Fails** below\n\n' "$diff_failed"
          cat "$fresh/nines-check.md"; echo; cat "$fresh/nines-diff.md"; } > "$fresh/combined.md"
        mv "$fresh/combined.md" "$fresh/nines-check.md"
    elif [ -n "$diff_failed" ] && [ -f "$fresh/nines-diff.md" ]; then
        { printf '### ❌ %s: see **Fails** below\n\n' "$diff_failed"; cat "$fresh/nines-diff.md"; } > "$fresh/combined.md"
        mv "$fresh/combined.md" "$fresh/nines-diff.md"
    fi
fi

# Into the checkout: over nothing (the names were checked above; a stale untracked copy of an
# earlier step is removed first), each a plain file of this run.
for name in "${reports[@]}"; do
    [ -f "$fresh/$name" ] || continue
    rm -f -- "$name"
    cp -- "$fresh/$name" "$name" || fail "cannot copy '$name' into the checkout"
    [ -z "${NINES_REPORT_COPY:-}" ] || cp -- "$fresh/$name" "$NINES_REPORT_COPY/$name" || fail "cannot copy '$name' to NINES_REPORT_COPY"
    case "$name" in
        nines-junit.xml) output junit "$name" ;;
        nines.sarif) output sarif "$name" ;;
        nines-check.md) output markdown "$name" ;;
        nines-check.json) output json "$name" ;;
        nines-diff.md) output diff "$name" ;;
    esac
done
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    if [ -f "$fresh/nines-check.md" ]; then cat "$fresh/nines-check.md"
    elif [ -f "$fresh/nines-diff.md" ]; then cat "$fresh/nines-diff.md"; fi >> "$GITHUB_STEP_SUMMARY"
fi
output status "$status"

case "$fail_on" in
    short) exit "$status" ;;
    invalid) [ "$status" -ge 2 ] && exit "$status"; exit 0 ;;
    never) exit 0 ;;
esac
