from lab import *
from topical import model2
import random
def ev_any(method):
    res = defaultdict(lambda: [0, 0.0])
    for f in folds():
        dump = 'ai' if 'ai-' in f.name else 'bi'
        for q in f.heldout:
            r = method(f, q); ans = set(q['answerers'])
            ranks = [i for i, u in enumerate(r) if u in ans]
            for k in (dump, 'all'):
                res[k][0] += 1; res[k][1] += 1 / (ranks[0] + 1) if ranks else 0
    return {k: round(v[1] / v[0], 4) for k, v in res.items()}
print('any-answerer MRR pop', ev_any(popularity))
print('any-answerer MRR copbot', ev_any(copbot))
print('any-answerer MRR copbot prior0', ev_any(lambda f, q: copbot(f, q, prior=0)))
# paired bootstrap: copbot vs pop on accepted
def rr_list(method):
    out = []
    for f in folds():
        for q in f.heldout:
            r = method(f, q); out.append(1 / (r.index(q['acc']) + 1) if q['acc'] in r else 0)
    return out
a = rr_list(popularity); b = rr_list(model2(1000, accw=4, alpha=0.5))
d = [y - x for x, y in zip(a, b)]
random.seed(1); bs = sorted(sum(random.choice(d) for _ in d) / len(d) for _ in range(2000))
print('model2(mu1000,a.5) - pop MRR diff %.4f, 95%% CI [%.4f, %.4f]' % (sum(d) / len(d), bs[50], bs[1950]))
