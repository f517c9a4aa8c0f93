from lab import *
import sys

def months(ts): 
    d = dt.datetime.fromtimestamp(ts, dt.timezone.utc); return d.year * 12 + d.month

def prep(f):
    if hasattr(f, 'months'): return
    f.months = defaultdict(set); f.quarters = defaultdict(set); f.first = {}; f.last = {}
    for th in f.threads:
        for a in th['ev']:
            u = a['user']; m = months(a['ts'])
            f.months[u].add(m); f.quarters[u].add(m // 3)
            f.first[u] = min(f.first.get(u, a['ts']), a['ts']); f.last[u] = max(f.last.get(u, a['ts']), a['ts'])
    allm = [months(th['ts']) for th in f.threads]
    f.span_months = max(allm) - min(allm) + 1
    f.site_months = set(allm)

def rank_by(score):
    def m(f, q):
        prep(f)
        return sorted(f.ans, key=lambda u: (-score(f, u), u))
    return m

priors = {
    'pop(acc,ans)': None,
    'record 2acc+ans': lambda f, u: f.acc[u] + f.ans[u],
    'distinct months': lambda f, u: len(f.months[u]) + 1e-3 * (f.acc[u] + f.ans[u]),
    'distinct quarters': lambda f, u: len(f.quarters[u]) + 1e-3 * (f.acc[u] + f.ans[u]),
    'months w/ accepted': None,
    'acc rate smoothed*log vol': lambda f, u: (f.acc[u] + 1) / (f.ans[u] + 4) * math.log1p(f.ans[u]),
    'acc smoothed (a+1)/(n+2)*sqrt n': lambda f, u: (f.acc[u] + 1) / (f.ans[u] + 2) * math.sqrt(f.ans[u]),
    'active span days': lambda f, u: (f.last[u] - f.first[u]) / DAY + f.ans[u],
    'months*accrate': lambda f, u: len(f.months[u]) * (f.acc[u] + 1) / (f.ans[u] + 2),
    'acc months': lambda f, u: len({months(a['ts']) for th in f.threads for a in th['ev'] if a['user']==u and a['acc']}) + 1e-3*f.acc[u] if False else 0,
}
def accmonths(f):
    if hasattr(f, 'accm'): return
    f.accm = defaultdict(set)
    for th in f.threads:
        for a in th['ev']:
            if a['acc']: f.accm[a['user']].add(months(a['ts']))
priors['months w/ accepted'] = lambda f, u: (accmonths(f), len(f.accm[u]) + 1e-3 * f.acc[u] + 1e-6 * f.ans[u])[1]
del priors['acc months']
for name, p in priors.items():
    m = popularity if p is None else rank_by(p)
    print(f'{name:35s}', fmt(evaluate(m)))
