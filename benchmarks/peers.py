#!/usr/bin/env python3
"""Side by side: nines against the open peers PyRBD3 (exact RBD evaluation, C++ core) and
faultree (BDD fault-tree analysis) on the same systems. Run by benchmarks/peers.sh, which
builds nines (release) and installs the peers into a throw-away virtual environment.

Each case is one abstract system (components with an availability, dependencies and
redundancy groups) rendered three ways: a nines YAML model, a PyRBD3 node-failure network
(source to target, perfect terminals and junctions) and a faultree flat fault tree (failure
logic, De Morgan of the success logic). Every tool runs in its own process with a time limit.
Times: nines is the whole process (start, parse, analyse, JSON out); the peers are the
in-process time of building their input and evaluating it (Python start and imports excluded).
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time

TIMEOUT = float(os.environ.get("PEERS_TIMEOUT", "120"))


# ---------------------------------------------------------------- the systems
# A component: name -> {"a": availability, "deps": [("one", name) | ("k", k, [names])]}.
# Components with a = 1.0 are perfect gates. The system needs every root (no dependents).

def series():
    return {"front": {"a": 1.0, "deps": [("one", "web"), ("one", "app"), ("one", "db")]},
            "web": {"a": 0.999}, "app": {"a": 0.9995}, "db": {"a": 0.9999}}


def parallel():
    return {"front": {"a": 1.0, "deps": [("k", 1, ["a1", "a2", "a3"])]},
            "a1": {"a": 0.99}, "a2": {"a": 0.98}, "a3": {"a": 0.95}}


def k_of_n():
    return {"front": {"a": 1.0, "deps": [("k", 2, ["n1", "n2", "n3", "n4"])]},
            "n1": {"a": 0.99}, "n2": {"a": 0.98}, "n3": {"a": 0.97}, "n4": {"a": 0.96}}


def bridge():
    # The classic five-link bridge, e3 the rung, wired with perfect gates.
    c = {f"e{i}": {"a": a} for i, a in zip(range(1, 6), [0.9, 0.91, 0.92, 0.93, 0.94])}
    c.update({
        "front": {"a": 1.0, "deps": [("k", 1, ["via_a", "via_b"])]},
        "via_a": {"a": 1.0, "deps": [("one", "reach_a"), ("one", "e4")]},
        "via_b": {"a": 1.0, "deps": [("one", "reach_b"), ("one", "e5")]},
        "reach_a": {"a": 1.0, "deps": [("k", 1, ["e1", "p23"])]},
        "reach_b": {"a": 1.0, "deps": [("k", 1, ["e2", "p13"])]},
        "p23": {"a": 1.0, "deps": [("one", "e2"), ("one", "e3")]},
        "p13": {"a": 1.0, "deps": [("one", "e1"), ("one", "e3")]},
    })
    return c


def shared():
    # Two web servers share one app, which needs one of two databases; everything needs DNS.
    return {"front": {"a": 1.0, "deps": [("k", 1, ["w1", "w2"])]},
            "w1": {"a": 0.995, "deps": [("one", "app"), ("one", "dns")]},
            "w2": {"a": 0.99, "deps": [("one", "app"), ("one", "dns")]},
            "app": {"a": 0.9995, "deps": [("k", 1, ["db1", "db2"]), ("one", "dns")]},
            "db1": {"a": 0.999}, "db2": {"a": 0.998}, "dns": {"a": 0.99999}}


def series_flat(n, seed=7):
    rng = random.Random(seed)
    c = {f"c{i}": {"a": round(rng.uniform(0.99999, 0.9999999), 9)} for i in range(n)}
    c["front"] = {"a": 1.0, "deps": [("one", f"c{i}") for i in range(n)]}
    return c


def layered(n, width=4, seed=11):
    """n components in n/width layers; each component needs any one of the whole next layer
    (so every component of a layer is shared by the whole layer above)."""
    rng = random.Random(seed)
    layers = n // width
    name = lambda l, j: f"l{l}_{j}"
    c = {"front": {"a": 1.0, "deps": [("k", 1, [name(0, j) for j in range(width)])]}}
    for l in range(layers):
        for j in range(width):
            deps = [("k", 1, [name(l + 1, m) for m in range(width)])] if l + 1 < layers else []
            c[name(l, j)] = {"a": round(rng.uniform(0.9, 0.999), 6), "deps": deps}
    return c


def layered_exact(system, width=4):
    """Closed form of `layered`: every layer needs one of its members, layers are independent."""
    by_layer = {}
    for name, comp in system.items():
        if name != "front":
            by_layer.setdefault(name.split("_")[0], []).append(1 - comp["a"])
    q = 1.0
    available = 1.0
    for qs in by_layer.values():
        available *= 1 - math.prod(qs)
    return available


CASES = [
    ("series", series, None),
    ("parallel", parallel, None),
    ("2-of-4", k_of_n, None),
    ("bridge", bridge, None),
    ("shared deps", shared, None),
    ("series 1000", lambda: series_flat(1000), None),
    ("layered 100", lambda: layered(100), layered_exact),
    ("layered 1000", lambda: layered(1000), layered_exact),
    ("layered 10000", lambda: layered(10000), layered_exact),
]


# ---------------------------------------------------------------- renderings

def to_yaml(system):
    lines = ["version: 1", "system: bench", "components:"]
    for name, comp in system.items():
        lines.append(f"  {name}:")
        lines.append(f"    availability: {comp['a']!r}")
        deps = comp.get("deps", [])
        if deps:
            lines.append("    depends_on:")
            for dep in deps:
                if dep[0] == "one":
                    lines.append(f"      - {dep[1]}")
                elif dep[1] == 1:
                    lines.append(f"      - any: [{', '.join(dep[2])}]")
                else:
                    lines.append(f"      - k_of: {{k: {dep[1]}, of: [{', '.join(dep[2])}]}}")
    return "\n".join(lines) + "\n"


def roots(system):
    used = {m for c in system.values() for d in c.get("deps", []) for m in ([d[1]] if d[0] == "one" else d[2])}
    return [n for n in system if n not in used]


def to_fault_tree(system):
    """Flat faultree input: 'F_x' = component x (with what it needs) is down."""
    ft, be = [], []
    for name, comp in system.items():
        branches = []
        if comp["a"] < 1.0:
            # "q", when given, is the unavailability computed without cancellation.
            be.append({"label": f"own_{name}", "prob": comp.get("q", 1.0 - comp["a"])})
            branches.append(f"own_{name}")
        for i, dep in enumerate(comp.get("deps", [])):
            if dep[0] == "one":
                branches.append(f"F_{dep[1]}")
            else:
                k, members = dep[1], dep[2]
                label = f"G_{name}_{i}"
                # Up needs k of m members up: down when at least m-k+1 of them are down.
                if k == 1:
                    ft.append({"label": label, "gate": "AND", "branches": [f"F_{m}" for m in members]})
                else:
                    ft.append({"label": label, "gate": "K_OF_N", "k": len(members) - k + 1,
                               "branches": [f"F_{m}" for m in members]})
                branches.append(label)
        ft.append({"label": f"F_{name}", "gate": "OR", "branches": branches})
    top = roots(system)
    if len(top) > 1:
        ft.append({"label": "TOP", "gate": "OR", "branches": [f"F_{r}" for r in top]})
    return {"ft_nodes": ft, "be_nodes": be}


def to_network(case, system):
    """PyRBD3 node-failure network from S to T (perfect terminals and junctions), or None when
    the structure is not an s-t connectivity problem (k of n with k > 1)."""
    edges = []
    a = {"S": 1.0, "T": 1.0}
    if case == "series":
        chain = ["S", "web", "app", "db", "T"]
        edges = list(zip(chain, chain[1:]))
    elif case == "parallel":
        for m in ["a1", "a2", "a3"]:
            edges += [("S", m), (m, "T")]
    elif case == "bridge":
        a.update({"J_a": 1.0, "J_b": 1.0})
        edges = [("S", "e1"), ("e1", "J_a"), ("S", "e2"), ("e2", "J_b"), ("J_a", "e3"), ("e3", "J_b"),
                 ("J_a", "e4"), ("e4", "T"), ("J_b", "e5"), ("e5", "T")]
    elif case == "shared deps":
        edges = [("S", "dns"), ("dns", "w1"), ("dns", "w2"), ("w1", "app"), ("w2", "app"),
                 ("app", "db1"), ("app", "db2"), ("db1", "T"), ("db2", "T")]
    elif case.startswith("series "):
        chain = ["S"] + [n for n in system if n != "front"] + ["T"]
        edges = list(zip(chain, chain[1:]))
    elif case.startswith("layered"):
        groups = {}
        for name in system:
            if name != "front":
                groups.setdefault(int(name[1:].split("_")[0]), []).append(name)
        previous = ["S"]
        for l in sorted(groups):
            edges += [(p, x) for p in previous for x in groups[l]]
            previous = groups[l]
        edges += [(p, "T") for p in previous]
    else:
        return None
    for name, comp in system.items():
        if name != "front" and any(name in e for e in edges):
            a[name] = comp["a"]
    return {"edges": edges, "a": a}


# ---------------------------------------------------------------- runners (own process each)

def run_peer(tool, case):
    run_guarded(lambda: evaluate_with_peer_unguarded(tool, case))


def run_guarded(work):
    """Prints what work() returns (a dict of figures) as JSON, or its error on stderr with exit 1.
    Both peers recurse in Python (faultree through the dd BDD package): work runs on a thread
    with a 1 GB stack and no practical recursion limit, their best chance."""
    import threading
    sys.setrecursionlimit(10_000_000)
    threading.stack_size(1 << 30)
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(guarded(work)))
    worker.start()
    worker.join()
    if "error" in outcome:
        print(outcome["error"], file=sys.stderr)
        sys.exit(1)
    print(json.dumps(outcome))


def guarded(work):
    try:
        return work()
    except Exception as error:  # reported as the peer's answer in the table
        return {"error": f"{type(error).__name__}: {error}"[:70]}


def evaluate_with_peer_unguarded(tool, case):
    import networkx as nx
    import faultree
    from pyrbd3 import evaluate_availability
    builder = dict((c[0], c[1]) for c in CASES)[case]
    system = builder()
    start = time.perf_counter()
    if tool == "pyrbd3":
        net = to_network(case, system)
        if net is None:
            return {"skip": "no s-t network for k of n (k > 1)"}
        graph = nx.Graph()
        graph.add_nodes_from(net["a"])
        graph.add_edges_from(net["edges"])
        _, _, value = evaluate_availability(graph, net["a"], "S", "T", algorithm="sdp")
        availability = float(value)
        unavailability = 1.0 - availability
    else:
        result = faultree.analyze(to_fault_tree(system))
        unavailability = float(result["Q"])
        availability = 1.0 - unavailability
    return {"availability": availability, "unavailability": unavailability, "seconds": time.perf_counter() - start}


def run_in_process(argv, timeout=TIMEOUT):
    start = time.perf_counter()
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"no answer in {timeout:.0f} s"}, time.perf_counter() - start
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["exit %d" % done.returncode])[-1]
        return {"error": last[:70]}, elapsed
    return done.stdout, elapsed


def main(nines):
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for case, builder, exact in CASES:
            system = builder()
            path = os.path.join(scratch, case.replace(" ", "-") + ".yaml")
            with open(path, "w") as f:
                f.write(to_yaml(system))
            out, nines_seconds = run_in_process([nines, "report", "--format", "json", "--max-input-size", "256", path])
            if isinstance(out, dict):
                rows.append((case, len(system), "nines", out["error"], "", "", ""))
                continue
            figure = next(f for f in json.loads(out)["figures"] if f["kind"] == "system")
            ref_a, ref_q = figure["availability"], figure["unavailability"]
            rows.append((case, len(system), "nines", f"{ref_a:.15f}", f"{ref_q:.6e}", "", f"{nines_seconds:.3f}s"))
            if exact:
                value = exact(system)
                rows.append((case, len(system), "closed form", f"{value:.15f}", f"{1 - value:.6e}",
                             verdict(value, 1 - value, ref_a, ref_q), ""))
            for tool in ("pyrbd3", "faultree"):
                out, _ = run_in_process([sys.executable, __file__, "--peer", tool, case])
                if isinstance(out, dict):
                    rows.append((case, len(system), tool, out["error"], "", "", ""))
                    continue
                result = json.loads(out)
                if "skip" in result:
                    rows.append((case, len(system), tool, result["skip"], "", "", ""))
                    continue
                ratio = result["seconds"] / nines_seconds
                rows.append((case, len(system), tool, f"{result['availability']:.15f}",
                             f"{result['unavailability']:.6e}",
                             verdict(result["availability"], result["unavailability"], ref_a, ref_q),
                             f"{result['seconds']:.3f}s ({ratio:.2f}x nines)"))
    header = ("case", "size", "tool", "availability", "unavailability", "agrees", "time")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip())


def verdict(a, q, ref_a, ref_q):
    """Agreement with nines: unavailability within 1e-9 relative, or availability within 1e-13
    (a peer that returns only A loses digits of Q = 1 - A below ~1e-16 absolute)."""
    if ref_q > 0 and abs(q - ref_q) <= 1e-9 * ref_q:
        return "yes"
    if abs(a - ref_a) <= 1e-13:
        return "yes (A)"
    return f"NO (dQ {q - ref_q:+.2e})"


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--peer":
        run_peer(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1])
