#!/usr/bin/env python3
"""Shared-pool models next to the platform shape: nines (release, whole process) and the peer
faultree (BDD fault-tree analysis, PyPI) on the same structures. Run by benchmarks/pool.sh,
which builds nines and nines-genmodel and installs faultree into a throw-away virtual
environment; not a test.

Per case: components, nines seconds and peak memory, nines' unavailability of the objective
(`shop` on pool models, the whole system on platform models) with its `method` when the
JSON has one (today's JSON has none; a system figure past the node budget carries Harris `bounds`
and is shown as `bounds`), faultree's seconds, peak memory (its whole Python process) and figure
(or timeout/failed), their relative difference and the speed ratio; for the reference models also the certified interval of expected.json and
whether nines' figure lies in it. Times as in peers.py: nines is the whole process (start,
parse, analyse, JSON out); faultree is the in-process time of building its fault tree,
compiling it and quantifying every event, or with FAULTREE_MODE=analyze of faultree.analyze as
in peers.py (Python start, imports and the YAML parse excluded).
"""
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from peers import TIMEOUT, run_guarded, run_in_process, to_fault_tree

NINES_TIMEOUT = float(os.environ.get("NINES_TIMEOUT", "600"))
# figures: compile the tree and quantify every event (the figures, as nines' component and
# objective figures); analyze: faultree.analyze as in peers.py, which adds conditional figures
# and importance measures for every basic event (about 20 times the time on these models).
FAULTREE_MODE = os.environ.get("FAULTREE_MODE", "figures")
TIME = shutil.which("time", path="/usr/bin")


# ---------------------------------------------------------------- nines YAML -> abstract system

HOURS = {"ms": 1 / 3_600_000, "s": 1 / 3600, "m": 1 / 60, "min": 1 / 60, "h": 1, "d": 24, "w": 168,
         "month": 720, "y": 8760}


def fraction(value):
    """An availability or share: `99.9%`, `0.999` or `1`."""
    text = str(value).strip()
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)


def hours(value):
    number, unit = re.fullmatch(r"([0-9.eE+-]+)\s*([a-z]+)", str(value).strip()).groups()
    return float(number) * HOURS[unit]


def rate_per_hour(value):
    count, per = str(value).replace(" per ", "/").split("/")
    per = per.strip()
    return float(count) / (HOURS[per] if per in HOURS else hours(per))


def own_unavailability(spec):
    """Unavailability of a component's own instances, dependencies aside, as nines defines it
    (docs/model-format.md): one instance from `availability`, `mtbf`/`mttr` or `rate`/`mttr`; k of n
    identical instances with the beta factor `common_cause` in odds form."""
    unsupported = {"failover", "masked_for", "failure", "repair"} & spec.keys()
    if unsupported:
        raise ValueError(f"not converted: {', '.join(sorted(unsupported))}")
    if "availability" in spec:
        q = 1 - fraction(spec["availability"])
    else:
        mtbf = hours(spec["mtbf"]) if "mtbf" in spec else 1 / rate_per_hour(spec["rate"])
        mttr = hours(spec["mttr"])
        q = mttr / (mtbf + mttr)
    n, k = int(spec.get("replicas", 1)), int(spec.get("needs", 1))
    beta = fraction(spec.get("common_cause", 0))
    if n == 1 and beta == 0 or q == 0:
        return q
    odds = q / (1 - q)
    qi = (1 - beta) * odds / (1 + (1 - beta) * odds)
    qc = beta * odds / (1 + beta * odds)
    # Fewer than k of n independent parts up.
    short = sum(math.comb(n, j) * (1 - qi) ** j * qi ** (n - j) for j in range(k))
    return qc + (1 - qc) * short


def to_system(model, tops):
    """peers.py's abstract system for what `tops` need: name -> {"a", "q", "deps"}."""
    components = model["components"]
    system, pending = {}, list(tops)
    while pending:
        name = pending.pop()
        if name in system:
            continue
        spec = components[name]
        deps = []
        for dep in spec.get("depends_on") or []:
            if isinstance(dep, str):
                deps.append(("one", dep))
                pending.append(dep)
            elif "any" in dep:
                deps.append(("k", 1, list(dep["any"])))
                pending += dep["any"]
            else:
                deps.append(("k", int(dep["k_of"]["k"]), list(dep["k_of"]["of"])))
                pending += dep["k_of"]["of"]
        q = own_unavailability(spec)
        system[name] = {"a": 1 - q, "q": q, "deps": deps}
    # In model order, as peers.py gives faultree its systems (its variable order follows it).
    return {name: system[name] for name in components if name in system}


def figure_of(model):
    """The objective `shop` and its component when the model has it, else the whole system (None)
    and its top-level components (those no other component depends on)."""
    objectives = model.get("objectives") or {}
    if "shop" in objectives:
        return "shop", [objectives["shop"]["at"]]
    used = set()
    for spec in model["components"].values():
        for dep in spec.get("depends_on") or []:
            used.update([dep] if isinstance(dep, str) else dep.get("any") or dep["k_of"]["of"])
    return None, [name for name in model["components"] if name not in used]


# ---------------------------------------------------------------- runners

# Without /usr/bin/time: a Python parent that writes its child's peak RSS (kB) to argv[1].
PEAK_RSS = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[2:]).returncode; "
            "open(sys.argv[1], 'w').write('Maximum resident set size (kbytes): %d' "
            "% resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")


def run_nines(nines, path, scratch):
    """Whole process under /usr/bin/time -v (peak memory), or under Python's resource without it."""
    report = os.path.join(scratch, "peak-rss.txt")
    argv = [nines, "report", "--format", "json", "--max-input-size", "256", path]
    argv = [TIME, "-v", "-o", report] + argv if TIME else [sys.executable, "-c", PEAK_RSS, report] + argv
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = child.communicate(timeout=NINES_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        return {"outcome": f"timeout ({NINES_TIMEOUT:.0f} s)"}
    seconds = time.perf_counter() - start
    with open(report) as f:
        kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read()).group(1))
    result = {"seconds": seconds, "mb": kb / 1024}
    if child.returncode == 2 and "too large to evaluate exactly" in err:
        result["outcome"] = "refused"
    elif child.returncode != 0:
        last = [line for line in err.strip().splitlines() if line.strip()] or [""]
        result["outcome"] = f"failed (exit {child.returncode}: {last[-1][:60]})"
    else:
        result["json"] = json.loads(out)
    return result


def run_faultree(system_path):
    """In its own process (see peers.run_guarded): faultree on the abstract system in the file."""
    with open(system_path) as f:
        system = json.load(f)
    for comp in system.values():
        comp["deps"] = [tuple(d) for d in comp["deps"]]

    def work():
        import faultree
        start = time.perf_counter()
        tree = to_fault_tree(system)
        if FAULTREE_MODE == "analyze":
            q = faultree.analyze(tree)["Q"]
        else:
            compiled = faultree.compile_tree(tree, include_expressions=False)
            q = faultree.quantify_compiled(compiled)[str(compiled.tree["id"])]
        import resource
        return {"unavailability": float(q), "seconds": time.perf_counter() - start,
                "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    run_guarded(work)


# ---------------------------------------------------------------- the table

COLUMNS = [("case", 22), ("comps", 6), ("nines s", 8), ("MB", 6), ("nines Q", 22), ("method", 9),
           ("faultree s", 10), ("MB", 6), ("faultree Q", 22), ("rel diff", 9), ("ft/nines", 9)]


def row(values):
    print("  ".join(str(v).ljust(w) for v, (_, w) in zip(values, COLUMNS)).rstrip(), flush=True)


def run_case(nines, label, path, reference, scratch):
    import yaml
    with open(path) as f:
        model = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    objective, tops = figure_of(model)
    ran = run_nines(nines, path, scratch)
    nines_q, method, nines_s, mb = None, "-", "-", "-"
    if "seconds" in ran:
        nines_s, mb = f"{ran['seconds']:.3f}", f"{ran['mb']:.0f}"
    if "json" in ran:
        figure = next(f for f in ran["json"]["figures"]
                      if (f["name"] == objective if objective else f["kind"] == "system"))
        nines_q = figure["unavailability"]
        method = figure.get("method", "bounds" if "bounds" in figure else "-")
        method = method if isinstance(method, str) else json.dumps(method)[:20]
    shown_q = f"{nines_q:.16e}" if nines_q is not None else ran["outcome"]

    ft_s, ft_mb, ft_shown, ft_q, diff, ratio = "-", "-", "-", None, "-", "-"
    try:
        system = to_system(model, tops)
    except (KeyError, ValueError, AttributeError) as error:
        ft_shown = f"not converted: {error}"[:40]
    else:
        system_path = os.path.join(scratch, "system.json")
        with open(system_path, "w") as f:
            json.dump(system, f)
        out, elapsed = run_in_process([sys.executable, __file__, "--faultree", system_path])
        if isinstance(out, dict):
            ft_shown = "timeout" if out["error"].startswith("no answer") else f"failed: {out['error']}"[:40]
            ft_s = f">{TIMEOUT:.0f}" if ft_shown == "timeout" else f"{elapsed:.1f}"
        else:
            peer = json.loads(out)
            ft_q = peer["unavailability"]
            ft_s, ft_mb, ft_shown = f"{peer['seconds']:.3f}", f"{peer['mb']:.0f}", f"{ft_q:.16e}"
            if nines_q is not None:
                diff = f"{abs(ft_q - nines_q) / nines_q:.1e}" if nines_q > 0 else "-"
                ratio = f"{peer['seconds'] / ran['seconds']:.1f}x"
    row([label, len(model["components"]), nines_s, mb, shown_q, method, ft_s, ft_mb, ft_shown, diff, ratio])
    if reference:
        low, high = reference["unavailability_low"], reference["unavailability_high"]
        inside = "n/a" if nines_q is None else ("yes" if low <= nines_q <= high else "NO")
        print(f"{'':24}reference [{low:.16e}, {high:.16e}]: nines inside: {inside}", end="", flush=True)
        print("" if ft_q is None else f"; faultree off by {max(low - ft_q, ft_q - high, 0) / low:.1e} relative", flush=True)


def main(nines, cases_file):
    """cases_file: one case a line, `label<TAB>model path<TAB>reference key or ->`."""
    references = {}
    reference_file = os.environ.get("POOL_EXPECTED")
    if reference_file and os.path.exists(reference_file):
        with open(reference_file) as f:
            references = json.load(f)
    print(f"nines: whole process, peak RSS from {'/usr/bin/time -v' if TIME else 'Python resource'}; "
          f"faultree ({FAULTREE_MODE}, FAULTREE_MODE): in process, {TIMEOUT:.0f} s limit (PEERS_TIMEOUT); "
          f"Q = unavailability")
    row([name for name, _ in COLUMNS])
    with tempfile.TemporaryDirectory() as scratch, open(cases_file) as f:
        for line in f:
            label, path, key = line.rstrip("\n").split("\t")
            run_case(nines, label, path, references.get(key), scratch)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--faultree":
        run_faultree(sys.argv[2])
    else:
        main(sys.argv[1], sys.argv[2])
