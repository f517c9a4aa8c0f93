from lab import *
import sys

def prior_rec(f, u):
    return 2 * f.acc[u] + (f.ans[u] - f.acc[u])

def knn(k=5, accw=4, answ=1, weight='rank', prior=0.0, fill=True, query='title'):
    def m(f, q):
        hits = f.index.search(toks(q[query]), k)
        sc = defaultdict(float)
        best = max(prior_rec(f, u) for u in f.ans)
        for r, (i, s) in enumerate(hits):
            w = 1 / (r + 1) if weight == 'rank' else (s / hits[0][1]) ** 2 if weight == 'rel2' else 1
            for a in f.threads[i]['ev']:
                sc[a['user']] += w * (accw if a['acc'] else answ)
        for u in list(sc): sc[u] += prior * prior_rec(f, u) / best
        ranked = sorted(sc, key=lambda u: (-sc[u], f.pop.index(u)))
        if fill:
            seen = set(ranked); ranked += [u for u in f.pop if u not in seen]
        return ranked
    return m

def rrf(topical, k=60, wpop=1.0, wtop=1.0):
    def m(f, q):
        t = topical(f, q)
        sc = defaultdict(float)
        for r, u in enumerate(t): sc[u] += wtop / (k + r + 1)
        for r, u in enumerate(f.pop): sc[u] += wpop / (k + r + 1)
        return sorted(sc, key=lambda u: -sc[u])
    return m

# Language models
def lm_prep(f):
    if hasattr(f, 'coll'): return
    f.coll = Counter()
    for d in f.docs: f.coll.update(d)
    f.ctot = sum(f.coll.values())
    f.dlen = [sum(d.values()) for d in f.docs]
    # per-person profile (model 1): answers texts + question texts of threads they answered
    f.prof = defaultdict(Counter)
    for i, th in enumerate(f.threads):
        for a in th['ev']:
            f.prof[a['user']].update(f.docs[i])
    f.plen = {u: sum(c.values()) for u, c in f.prof.items()}

def pc(f, t):
    return (f.coll.get(t, 0) + 0.5) / (f.ctot + 0.5 * len(f.coll))

def model2(mu=200, accw=4, answ=1, alpha=1.0, assoc='sum', fill=True):
    """P(u|q) ∝ P(u) Σ_d P(q|d) P(d|u); with P(u)∝n_u and P(d|u)=w/n_u: Σ_d w P(q|d)."""
    def m(f, q):
        lm_prep(f)
        qt = [t for t in toks(q['title']) if t in f.coll]
        if not qt: return list(f.pop)
        # log P(q|d) for all docs (only docs matching at least one term matter, others ~ background)
        logp = []
        for i, d in enumerate(f.docs):
            lp = sum(math.log((d.get(t, 0) + mu * pc(f, t)) / (f.dlen[i] + mu)) for t in qt)
            logp.append(lp)
        mx = max(logp)
        sc = defaultdict(float)
        for i, lp in enumerate(logp):
            p = math.exp(alpha * (lp - mx))
            for a in f.threads[i]['ev']:
                sc[a['user']] += p * (accw if a['acc'] else answ)
        return sorted(sc, key=lambda u: (-sc[u], u))
    return m

def model1(mu=2000, prior_pow=1.0):
    def m(f, q):
        lm_prep(f)
        qt = [t for t in toks(q['title']) if t in f.coll]
        sc = {}
        for u, c in f.prof.items():
            lp = sum(math.log((c.get(t, 0) + mu * pc(f, t)) / (f.plen[u] + mu)) for t in qt)
            sc[u] = lp + prior_pow * math.log(prior_rec(f, u) + 1)
        return sorted(sc, key=lambda u: -sc[u])
    return m

if __name__ == '__main__':
    which = sys.argv[1:]
    if 'knn' in which:
        for k in (3, 5, 10, 20):
            for w in ('rank', 'rel2', 'flat'):
                for pr in (0, 1, 3):
                    print(f'knn k={k} w={w} prior={pr}', fmt(evaluate(knn(k, weight=w, prior=pr))))
    if 'm2' in which:
        for mu in (50, 200, 1000):
            for alpha in (0.25, 0.5, 1.0):
                for accw in (2, 4):
                    print(f'model2 mu={mu} alpha={alpha} acc={accw}', fmt(evaluate(model2(mu, accw=accw, alpha=alpha))))
    if 'm1' in which:
        for mu in (500, 2000, 10000):
            for pp in (0, 0.5, 1, 2):
                print(f'model1 mu={mu} prior^{pp}', fmt(evaluate(model1(mu, pp))))
    if 'rrf' in which:
        for k in (5, 20, 60):
            for wt in (0.5, 1, 2):
                print(f'rrf(copbot) k={k} wtop={wt}', fmt(evaluate(rrf(copbot, k, 1, wt))))
                print(f'rrf(knn10) k={k} wtop={wt}', fmt(evaluate(rrf(knn(10), k, 1, wt))))
