#!/usr/bin/env python3
"""Independent reference for generated multi-region models (nines-genmodel N --shape pool
--regions R --zones Z [--shared-dns]): the exact unavailability of the front door, in 50-digit
decimals, written apart from the engine (no decision diagram, no enumeration by level, no
bounds). Run by benchmarks/multiregion-reference.sh; not a test.

    python3 multiregion-reference.py MODEL.yaml   ->  prints Q of `frontdoor` (and its parts)

The shape: a front door needing any of the regions' gateways; a gateway needing the DNS (when
shared) and k of its zones' front ends; a front end needing every service of its zone; a service
needing k of its pods; a pod on one node of its zone. Components are independent, so:

- A zone: given the set D of its nodes that are down, its pods are independent, so
  A(zone | D) = p_front · Π_services P(at least k pods up | D). A service is certainly down when more
  than n − k of its pods sit on nodes in D, and then so is the zone, for D and every superset.
  So A(zone) = Σ over the sets D with no service certainly down (closed under subsets, found by
  extending sets one node at a time) of P(exactly D down) · A(zone | D), every other set adding 0:
  exact, with no tail.
- A region: its gateway up and at least k of its zones up (independent: zones share no node):
  p_gateway · P(at least k of the zones' A).
- The front door: with the DNS shared, conditioned on it (down: every gateway down):
  A = p_door · p_dns · (1 − Π_regions (1 − A_region)).
"""
import sys
from decimal import Decimal, getcontext

import yaml

getcontext().prec = 50
ONE = Decimal(1)
UNITS = {"ms": Decimal(1) / 3_600_000, "s": Decimal(1) / 3600, "m": Decimal(1) / 60, "min": Decimal(1) / 60,
         "h": Decimal(1), "d": Decimal(24), "w": Decimal(168)}


def hours(text):
    text = str(text).strip()
    for unit in sorted(UNITS, key=len, reverse=True):
        if text.endswith(unit) and text[: -len(unit)].replace(".", "").isdigit():
            return Decimal(text[: -len(unit)]) * UNITS[unit]
    raise ValueError(f"duration {text!r}")


def down(spec):
    """A component's own unavailability: MTTR / (MTBF + MTTR), or 1 − the stated availability."""
    if "availability" in spec:
        value = str(spec["availability"]).strip()
        availability = Decimal(value[:-1]) / 100 if value.endswith("%") else Decimal(value)
        return ONE - availability
    mtbf, mttr = hours(spec["mtbf"]), hours(spec["mttr"])
    return mttr / (mtbf + mttr)


def at_least(k, ups):
    """P(at least k of these independent units up)."""
    exactly = [ONE] + [Decimal(0)] * len(ups)   # P(exactly j up) so far
    for a in ups:
        for j in range(len(exactly) - 1, 0, -1):
            exactly[j] = exactly[j] * (ONE - a) + exactly[j - 1] * a
        exactly[0] *= ONE - a
    return sum(exactly[k:], Decimal(0))


def single_group(spec):
    """The (k, members) of a component's only k_of/any dependency, and its plain dependencies."""
    group, plain = None, []
    for dependency in spec.get("depends_on", []):
        if isinstance(dependency, str):
            plain.append(dependency)
        elif "k_of" in dependency:
            group = (int(dependency["k_of"]["k"]), list(dependency["k_of"]["of"]))
        elif "any" in dependency:
            group = (1, list(dependency["any"]))
    return group, plain


def zone_availability(front, components):
    """A(front end with its zone) by the sets of down nodes with no service certainly down."""
    _, services = single_group(components[front])
    node_index, node_down, service_pods = {}, [], []
    for service in services:
        (k, pods), _ = single_group(components[service])
        assert down(components[service]) == 0, service
        entries = []
        for pod in pods:
            node = components[pod]["depends_on"][0]
            if node not in node_index:
                node_index[node] = len(node_down)
                node_down.append(down(components[node]))
            entries.append((ONE - down(components[pod]), node_index[node]))
        service_pods.append((k, entries))
    by_node = [[] for _ in node_down]
    for index, (_, entries) in enumerate(service_pods):
        for _, node in entries:
            if index not in by_node[node]:
                by_node[node].append(index)

    def service_up(index, dead):
        k, entries = service_pods[index]
        return at_least(k, [Decimal(0) if node in dead else up for up, node in entries])

    base = [service_up(index, set()) for index in range(len(service_pods))]
    all_nodes_up = ONE
    for q in node_down:
        all_nodes_up *= ONE - q
    product_base = ONE
    for value in base:
        product_base *= value
    total = Decimal(0)
    live_sets = 0

    def extend(dead, start, probability):
        nonlocal total, live_sets
        touched = {index for node in dead for index in by_node[node]}
        product = product_base
        for index in touched:
            figure = service_up(index, dead)
            if figure == 0:
                return   # a service certainly down: this set and every superset add 0
            product = product * figure / base[index]
        live_sets += 1
        total += probability * product
        for node in range(start, len(node_down)):
            extend(dead | {node}, node + 1, probability * node_down[node] / (ONE - node_down[node]))

    extend(frozenset(), 0, all_nodes_up)
    return (ONE - down(components[front])) * total, len(node_down), live_sets


def main():
    model = yaml.load(open(sys.argv[1]), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))   # libyaml when present
    components = model["components"]
    (need_regions, gateways), _ = single_group(components["frontdoor"])
    assert need_regions == 1, "the front door needs any region"
    dns = None
    regions = []
    zones_seen = live = 0
    for gateway in gateways:
        (k, fronts), plain = single_group(components[gateway])
        for name in plain:
            dns = down(components[name]) if dns is None else dns
        zone_figures = []
        for front in fronts:
            figure, nodes, sets = zone_availability(front, components)
            zone_figures.append(figure)
            zones_seen += 1
            live += sets
        regions.append((ONE - down(components[gateway])) * at_least(k, zone_figures))
    all_regions_down = ONE
    for a in regions:
        all_regions_down *= ONE - a
    availability = (ONE - down(components["frontdoor"])) * (ONE - (dns or Decimal(0))) * (ONE - all_regions_down)
    q = ONE - availability
    print(f"{q:.17e} {zones_seen} zones, {live} live node sets")


if __name__ == "__main__":
    main()
