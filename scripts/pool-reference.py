# Exact unavailability of a pool model by full enumeration of node states, in 50-digit decimals.
import sys, re, itertools
from decimal import Decimal as D, getcontext
getcontext().prec = 50
text = open(sys.argv[1]).read()
nodes = re.findall(r'^  (node\d+): \{layer: platform, mtbf: 4000h, mttr: 1h\}', text, re.M)
svc = {}
for s, p, n in re.findall(r'^  (svc\d+)-(pod\d+): \{mtbf: 2000h, mttr: 5m, depends_on: \[(node\d+)\]\}', text, re.M):
    svc.setdefault(s, []).append(nodes.index(n))
qn = D(1)/D(4001); pn = 1-qn
mttr = D(5)/D(60); qp = mttr/(D(2000)+mttr); pp = 1-qp
fe = D('0.9999')
N = len(nodes)
# distribution by number of down nodes among a service's 3: all up -> P(2of3), one down -> pp^2, two+ down -> 0
two3 = pp**3 + 3*pp*pp*qp
A = D(0)
for k in range(0, 7):
  for combo in itertools.combinations(range(N), k):
    mask = sum(1 << c for c in combo)
    prob = qn**k * pn**(N-k)
    up = fe
    for s, ns in svc.items():
        d = sum((mask >> n) & 1 for n in ns)
        up *= two3 if d == 0 else (pp*pp if d == 1 else 0)
        if up == 0: break
    A += prob * up
# tail: P(more than 6 nodes down) bounds
tail = sum(D(__import__('math').comb(N, k)) * qn**k * pn**(N-k) for k in range(7, N+1))
print("Q in [%s, %s]" % (1 - A - tail, 1 - A))
