from lab import *
def prep(f):
    if hasattr(f, 'aindex'): return
    f.akeys = []; adocs = []
    for i, th in enumerate(f.threads):
        for a in th['ev']:
            txt = '\n'.join(x['text'] for x in th['answers'] if x['user'] == a['user'])
            f.akeys.append((i, a)); adocs.append(Counter(toks(txt)))
    f.aindex = BM25(adocs)
    f.tindex = BM25([Counter(toks(th['title'])) for th in f.threads])

def topical(f, q, which, threads=50, power=2, accw=4):
    prep(f)
    qt = toks(q['title'])
    sc = defaultdict(float)
    if which == 'answers':
        hits = f.aindex.search(qt, threads)
        if not hits: return sc
        for j, s in hits:
            i, a = f.akeys[j]
            sc[a['user']] += (s / hits[0][1]) ** power * (accw if a['acc'] else 1)
        return sc
    idx = {'question': f.qindex, 'thread': f.index, 'title': f.tindex}[which]
    hits = idx.search(qt, threads)
    if not hits: return sc
    for i, s in hits:
        for a in f.threads[i]['ev']:
            sc[a['user']] += (s / hits[0][1]) ** power * (accw if a['acc'] else 1)
    return sc

def combo(weights, prior=3):
    def m(f, q):
        tot = defaultdict(float)
        for which, w in weights.items():
            for u, s in topical(f, q, which).items(): tot[u] += w * s
        best = max(2 * f.acc[u] + f.ans[u] - f.acc[u] for u in f.ans)
        for u in tot: tot[u] += prior * (2 * f.acc[u] + f.ans[u] - f.acc[u]) / best
        return sorted(tot, key=lambda u: (-tot[u], u))
    return m
if __name__ == '__main__':
  for w in ({'thread': 1}, {'question': 1}, {'answers': 1}, {'title': 1}, {'question': .5, 'answers': .5}, {'thread': .5, 'answers': .5}):
    for pr in (1, 3, 10):
        print(w, 'prior', pr, fmt(evaluate(combo(w, pr))))
