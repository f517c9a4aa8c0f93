from lab import *
# oracle: rank answerers of the heldout question by popularity
def oracle(f, q):
    ans = [u for u in q['answerers'] if u]
    return sorted(ans, key=lambda u: f.pop.index(u) if u in f.pop else 1e9)
print('oracle answerers by pop', fmt(evaluate(oracle)))
def oracle_sets(f, q):
    ans = set(q['answerers'])
    return sorted(f.pop, key=lambda u: (u not in ans, f.pop.index(u)))
print('oracle answerers first then pop', fmt(evaluate(oracle_sets)))
# distribution
import collections
for f in folds()[:1] + folds()[5:6]:
    c = collections.Counter()
    for q in f.heldout:
        r = f.pop.index(q['acc']) if q['acc'] in f.pop else -1
        c[min(r, 20) if r >= 0 else 'none'] += 1
    print(f.name, sorted(c.items(), key=lambda x: str(x[0]).zfill(4)), 'n answerers', len(f.pop), 'threads', len(f.threads))
    print(' #answers per heldout q', collections.Counter(len(q['answerers']) for q in f.heldout))
