#!/usr/bin/env python3
"""Runs the CI examples the way their runners would, as far as this machine allows
(scripts/test-ci-integration.sh drives it):

  ci-runner.py github WORKFLOW WORKSPACE   the workflow's steps: `run:` steps in bash, the nines
                                           action (any `uses: …/nines@…`) through action.yml's own
                                           steps, actions/cache from a folder; other `uses:` steps
                                           are reported and skipped
  ci-runner.py gitlab PIPELINE WORKSPACE   the nines-check job of the included template, with the
                                           pipeline's variables, its cache kept in a folder

Only the expressions the files use are understood (`inputs.x`, `steps.x.outputs.y`,
`github.base_ref`, `always()`, `==`/`!=`, `&&`); anything else stops the run, so the test cannot
pass by skipping what it does not understand. Environment: NINES_ROOT (this repository),
NINES_ACTION_PATH (the action as downloaded; default NINES_ROOT), NINES_CACHE (the cache folder), NINES_BASE_REF (github.base_ref), NINES_VERSION_UNDER_TEST (the
commit the GitLab job fetches), NINES_PIPELINE_SOURCE (merge_request_event, the default, or push: the
default branch's pipeline). Prints the steps' output; exits with the job's status.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = os.environ["NINES_ROOT"]
CACHE = os.environ["NINES_CACHE"]


def log(text):
    print(f"[ci-runner] {text}", flush=True)


class Context:
    def __init__(self, values):
        self.values = values

    def lookup(self, path):
        value = self.values
        for part in path.split("."):
            if not isinstance(value, dict):
                raise SystemExit(f"ci-runner: cannot read '{path}'")
            value = value.get(part, "")
        return "" if value is None else str(value)

    def expression(self, text):
        text = text.strip()
        if "&&" in text:
            return all(self.truthy(self.expression(part)) for part in text.split("&&"))
        match = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", text)
        if match:
            left, operator, right = (self.operand(match.group(1)), match.group(2), self.operand(match.group(3)))
            return (left == right) if operator == "==" else (left != right)
        return self.operand(text)

    def operand(self, text):
        text = text.strip()
        if text == "always()":
            return True
        if re.fullmatch(r"'[^']*'", text):
            return text[1:-1]
        if re.fullmatch(r"[A-Za-z_][\w.-]*", text):
            return self.lookup(text)
        raise SystemExit(f"ci-runner: expression '{text}' is not understood")

    @staticmethod
    def truthy(value):
        return value not in ("", False, "false", "0")

    def substitute(self, text):
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(self.expression(m.group(1))), str(text))

    def condition(self, text):
        if text is None:
            return True
        inner = re.fullmatch(r"\s*\$\{\{(.*)\}\}\s*", str(text))
        return self.truthy(self.expression(inner.group(1) if inner else str(text)))


def run_script(script, env, workspace, shell=("bash", "--noprofile", "--norc", "-eo", "pipefail")):
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as handle:
        handle.write(script)
    try:
        return subprocess.run([*shell, handle.name], env=env, cwd=workspace).returncode
    finally:
        os.unlink(handle.name)


def read_pairs(path):
    pairs = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if "=" in line:
                key, value = line.rstrip("\n").split("=", 1)
                pairs[key] = value
    return pairs


class GitHubJob:
    def __init__(self, workspace):
        self.workspace = workspace
        self.temp = tempfile.mkdtemp(prefix="ci-runner-")
        self.path_prefix = []
        self.summary = os.path.join(self.temp, "summary.md")
        open(self.summary, "w").close()
        self.saves = []   # (path, key) of caches saved at the end of the job
        self.failed = False

    def env(self, extra, action_path=None):
        env = dict(os.environ)
        env["PATH"] = os.pathsep.join(self.path_prefix + [env.get("PATH", "")])
        env.update({"GITHUB_WORKSPACE": self.workspace, "RUNNER_TEMP": self.temp, "RUNNER_OS": "Linux",
                    "RUNNER_ARCH": "X64", "GITHUB_STEP_SUMMARY": self.summary, "CI": "true", "GITHUB_ACTIONS": "true"})
        if action_path:
            env["GITHUB_ACTION_PATH"] = action_path
        env.update({key: str(value) for key, value in (extra or {}).items()})
        return env

    def run_step(self, step, context, action_path=None):
        """One `run:` step; returns its outputs."""
        output = os.path.join(self.temp, "output"); open(output, "w").close()
        path_file = os.path.join(self.temp, "path"); open(path_file, "w").close()
        env = self.env({key: context.substitute(value) for key, value in (step.get("env") or {}).items()}, action_path)
        env.update({"GITHUB_OUTPUT": output, "GITHUB_PATH": path_file})
        script = step["run"]
        if "${{" in script:
            raise SystemExit(f"ci-runner: step '{step.get('id') or step.get('name')}' has an expression in its script")
        status = run_script(script, env, self.workspace)
        self.path_prefix = [line.strip() for line in open(path_file) if line.strip()][::-1] + self.path_prefix
        return status, read_pairs(output)

    def cache(self, inputs):
        """actions/cache: restore now when the key is in the cache folder, save at the end otherwise."""
        path, key = os.path.expanduser(inputs["path"]), inputs["key"]
        stored = os.path.join(CACHE, key)
        if os.path.isdir(stored):
            shutil.rmtree(path, ignore_errors=True)
            shutil.copytree(stored, path, symlinks=True)
            log(f"cache hit: {key}")
            return {"cache-hit": "true"}
        log(f"cache miss: {key}")
        self.saves.append((path, stored))
        return {"cache-hit": "false"}

    def run_action(self, action_path, with_inputs):
        action = yaml.safe_load(open(os.path.join(action_path, "action.yml")))
        assert action["runs"]["using"] == "composite"
        inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
        for name, value in with_inputs.items():
            if name not in inputs:
                raise SystemExit(f"ci-runner: the action has no input '{name}'")
            inputs[name] = str(value)
        missing = [name for name, spec in action["inputs"].items() if spec.get("required") and not inputs[name]]
        if missing:
            raise SystemExit(f"ci-runner: required inputs missing: {missing}")
        steps = {}
        context = Context({"inputs": inputs, "steps": steps})
        status = 0
        for step in action["runs"]["steps"]:
            name = step.get("id") or step.get("name")
            if status != 0 or not context.condition(step.get("if")):
                log(f"action step {name}: skipped")
                continue
            if "uses" in step:
                if not step["uses"].startswith("actions/cache@"):
                    raise SystemExit(f"ci-runner: the action uses {step['uses']}, which this runner cannot run")
                outputs = self.cache({key: context.substitute(value) for key, value in step["with"].items()})
            else:
                log(f"action step {name}: run")
                status, outputs = self.run_step(step, context, action_path)
            if step.get("id"):
                steps[step["id"]] = {"outputs": outputs}
        outputs = {name: context.substitute(spec["value"]) for name, spec in action.get("outputs", {}).items()}
        log(f"action outputs: {outputs}")
        return status, outputs

    def run_workflow(self, workflow_file):
        workflow = yaml.safe_load(open(workflow_file))
        (job,) = workflow["jobs"].values()
        steps = {}
        github = {"base_ref": os.environ.get("NINES_BASE_REF", "main"), "repository": "owner/repo",
                  "event": {"pull_request": {"head": {"repo": {"full_name": "owner/repo"}}}}}
        context = Context({"steps": steps, "github": github})
        ran_action = False
        for step in job["steps"]:
            name = step.get("id") or step.get("name") or step.get("uses")
            condition = step.get("if")
            if self.failed and not (condition and "always()" in str(condition)):
                log(f"step {name}: skipped after a failure")
                continue
            if not context.condition(condition):
                log(f"step {name}: skipped (if)")
                continue
            uses = step.get("uses", "")
            if re.fullmatch(r"[\w.-]+/nines@[\w.-]+", uses):
                with_inputs = {key: context.substitute(value) for key, value in (step.get("with") or {}).items()}
                log(f"step {name}: the nines action with {with_inputs}")
                status, outputs = self.run_action(os.environ.get("NINES_ACTION_PATH", ROOT), with_inputs)
                ran_action = True
            elif uses:
                log(f"step {name}: {uses} is not run here")
                continue
            else:
                log(f"step {name}: run")
                status, outputs = self.run_step(step, context)
            if step.get("id"):
                steps[step["id"]] = {"outputs": outputs}
            if status != 0:
                log(f"step {name}: failed with status {status}")
                self.failed = True
        for path, stored in self.saves:
            if not self.failed and os.path.isdir(path):
                shutil.copytree(path, stored, symlinks=True)
                log(f"cache saved: {os.path.basename(stored)}")
        if not ran_action:
            raise SystemExit("ci-runner: the workflow does not use the nines action")
        shutil.copy(self.summary, os.path.join(self.workspace, ".job-summary.md"))
        return 1 if self.failed else 0


def gitlab(pipeline_file, workspace):
    pipeline = yaml.safe_load(open(pipeline_file))
    includes = pipeline.get("include") or []
    template_files = []
    for include in includes:
        remote = include.get("remote", "")
        match = re.search(r"/nines/[^/]+/(ci/gitlab/[\w.-]+)$", remote)
        if not match:
            raise SystemExit(f"ci-runner: include {include} is not the nines template")
        template_files.append(os.path.join(ROOT, match.group(1)))
    if len(template_files) != 1:
        raise SystemExit("ci-runner: the pipeline must include the nines template once")
    template = yaml.safe_load(open(template_files[0]))
    job = template["nines-check"]
    env = dict(os.environ)
    env.update({"CI": "true", "CI_PROJECT_DIR": workspace, "CI_DEFAULT_BRANCH": "main"})
    if os.environ.get("NINES_PIPELINE_SOURCE", "merge_request_event") == "merge_request_event":
        env.update({"CI_PIPELINE_SOURCE": "merge_request_event",
                    "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": os.environ.get("NINES_BASE_REF", "main")})
    else:   # the default branch's own pipeline
        env.update({"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main"})
    # Template variables, then the project's (which win), then the version under test.
    for values in (template.get("variables") or {}, pipeline.get("variables") or {}):
        for key, value in values.items():
            env[key] = str(value).replace("$CI_PROJECT_DIR", workspace)   # the one variable they use
    env["NINES_REPOSITORY"] = ROOT
    env["NINES_VERSION"] = os.environ["NINES_VERSION_UNDER_TEST"]
    # The first rule that holds runs the job and adds its variables.
    for rule in job.get("rules", []):
        match = re.fullmatch(r"\$(\w+) == (?:\"([^\"]*)\"|\$(\w+))", rule["if"])
        if not match:
            raise SystemExit(f"ci-runner: rule {rule} is not understood")
        expected = match.group(2) if match.group(2) is not None else env.get(match.group(3))
        if env.get(match.group(1)) == expected:
            env.update({key: str(value) for key, value in (rule.get("variables") or {}).items()})
            break
    else:
        raise SystemExit("ci-runner: no rule of the job holds in this pipeline")
    key = job["cache"]["key"].replace("$NINES_VERSION", env["NINES_VERSION"])
    policy = re.sub(r"\$(\w+)", lambda m: env.get(m.group(1), ""), job["cache"].get("policy", "pull-push"))
    if policy not in ("pull", "push", "pull-push"):
        raise SystemExit(f"ci-runner: cache policy '{policy}' is not one of GitLab's")
    stored = os.path.join(CACHE, "gitlab-" + key)
    paths = job["cache"]["paths"]
    if os.path.isdir(stored) and policy != "push":
        log(f"cache hit: {key} (policy {policy})")
        for path in paths:
            shutil.copytree(os.path.join(stored, path), os.path.join(workspace, path), symlinks=True, dirs_exist_ok=True)
    else:
        log(f"cache miss: {key} (policy {policy})")
    # GitLab runs the script lines in one shell that stops at the first failing command.
    status = run_script("\n".join(job["script"]) + "\n", env, workspace, shell=("bash", "--noprofile", "--norc", "-eo", "pipefail"))
    # GitLab saves the cache after a successful job whose policy pushes.
    if status == 0 and policy != "pull":
        shutil.rmtree(stored, ignore_errors=True)
        for path in paths:
            if os.path.isdir(os.path.join(workspace, path)):
                shutil.copytree(os.path.join(workspace, path), os.path.join(stored, path), symlinks=True)
        log(f"cache saved: {key}")
    else:
        log(f"cache not saved (policy {policy}, status {status})")
    for report in (job.get("artifacts", {}).get("reports", {}) or {}).values():
        if not os.path.exists(os.path.join(workspace, report)):
            log(f"artifact report {report} is missing")
            status = status or 3
    return status


def main():
    kind, file, workspace = sys.argv[1:4]
    if kind == "github":
        sys.exit(GitHubJob(os.path.abspath(workspace)).run_workflow(file))
    sys.exit(gitlab(file, os.path.abspath(workspace)))


if __name__ == "__main__":
    main()
