from lab import *
from topical import model2, lm_prep
from sep import topical, prep as sprep
import numpy as np
months = lambda ts: (lambda d: d.year * 12 + d.month)(dt.datetime.fromtimestamp(ts, dt.timezone.utc))

def feats(f, q):
    users = list(f.pop)
    if not hasattr(f, 'mon'):
        f.mon = defaultdict(set); f.lastts = {}
        for th in f.threads:
            for a in th['ev']:
                f.mon[a['user']].add(months(a['ts'])); f.lastts[a['user']] = max(f.lastts.get(a['user'], 0), a['ts'])
        f.end = f.threads[-1]['ts']; f.start = f.threads[0]['ts']
    T = topical(f, q, 'thread'); Tq = topical(f, q, 'question'); Ta = topical(f, q, 'answers')
    # knn top 5 flat
    hits = f.index.search(toks(q['title']), 5); K = defaultdict(float)
    for i, s in hits:
        for a in f.threads[i]['ev']: K[a['user']] += 1
    X = []
    for u in users:
        acc, ans = f.acc[u], f.ans[u]
        X.append([math.log1p(acc), math.log1p(ans), math.log((acc + 1) / (ans + 2)),
                  math.log1p(T.get(u, 0)), float(u in T), math.log1p(Tq.get(u, 0)), math.log1p(Ta.get(u, 0)),
                  math.log1p(K.get(u, 0)), math.log1p(len(f.mon[u])),
                  (f.end - f.lastts[u]) / (f.end - f.start + 1), float(u == 'USLACKBOT')])
    return users, np.array(X)

NAMES = 'logacc logans accrate logT hasT logTq logTa knn5 logmonths since_last slackbot'.split()
data = {}
for f in folds():
    dump = 'ai' if 'ai-' in f.name else 'bi'
    for q in f.heldout:
        users, X = feats(f, q)
        y = users.index(q['acc']) if q['acc'] in users else -1
        data.setdefault(dump, []).append((X, y))

def fit(rows, cols, l2=0.01, iters=300, lr=0.5):
    from scipy.optimize import minimize
    w = np.zeros(len(cols))
    rows = [(X[:, cols], y) for X, y in rows if y >= 0]
    mu = np.concatenate([X for X, _ in rows]).mean(0); sd = np.concatenate([X for X, _ in rows]).std(0) + 1e-9
    rows = [((X - mu) / sd, y) for X, y in rows]
    def nll(w):
        L = l2 * w @ w; g = 2 * l2 * w
        for X, y in rows:
            s = X @ w; m = s.max(); p = np.exp(s - m); Z = p.sum(); p /= Z
            L -= s[y] - m - math.log(Z); g -= X[y] - p @ X
        return L / len(rows), g / len(rows)
    w = minimize(nll, w, jac=True, method='L-BFGS-B').x
    return w, mu, sd

def score(rows, cols, model):
    w, mu, sd = model; rr = h = 0
    for X, y in rows:
        if y < 0: continue
        s = ((X[:, cols] - mu) / sd) @ w
        r = (s > s[y]).sum()
        rr += 1 / (r + 1); h += r < 5
    n = len(rows); return rr / n, h / n

for cols_name, cols in [('pop only', [0, 1]), ('pop+topical', [0, 1, 3, 4, 5, 6, 7]), ('all', list(range(len(NAMES)))), ('all but since_last', [i for i in range(len(NAMES)) if i != 9])]:
    for tr, te in (('ai', 'bi'), ('bi', 'ai')):
        m = fit(data[tr], cols)
        print(f'{cols_name:20s} train {tr} in-sample MRR/h5 %.4f/%.4f  test {te} %.4f/%.4f' % (*score(data[tr], cols, m), *score(data[te], cols, m)),
              ' w=', ' '.join(f'{NAMES[c]}:{x:+.2f}' for c, x in zip(cols, m[0])))
