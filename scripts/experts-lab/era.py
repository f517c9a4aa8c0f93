from lab import *
def era(k=10, H=90, power=2, accw=2, mix=0.0):
    def m(f, q):
        hits = f.index.search(toks(q['title']), k)
        if not hits: return list(f.pop)
        sc = defaultdict(float)
        allans = [(a['user'], a['ts'], a['acc']) for th in f.threads for a in th['ev']]
        Z = sum((s / hits[0][1]) ** power for _, s in hits)
        for i, s in hits:
            rel = (s / hits[0][1]) ** power / Z
            td = f.threads[i]['ts']
            for u, ts, acc in allans:
                sc[u] += rel * (accw if acc else 1) * 0.5 ** (abs(ts - td) / DAY / H)
        tot = sum(sc.values())
        rec_tot = sum(2 * f.acc[u] + f.ans[u] - f.acc[u] for u in f.ans)
        for u in f.ans:
            sc[u] = (1 - mix) * sc[u] / tot + mix * (2 * f.acc[u] + f.ans[u] - f.acc[u]) / rec_tot
        return sorted(sc, key=lambda u: (-sc[u], f.pop.index(u)))
    return m
for k in (5, 20, 50):
    for H in (30, 180, 720):
        for mix in (0, 0.5):
            print(f'era k={k} H={H} mix={mix}', fmt(evaluate(era(k, H, mix=mix))))
