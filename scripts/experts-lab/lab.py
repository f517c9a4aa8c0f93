import json, os, re, math, glob, datetime as dt
from collections import defaultdict, Counter

ROOT = os.environ.get('FOLDS', '/tmp/folds-lab')  # written by scripts/eval-experts.sh
STOP = set("a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with i you we my me your how what why which who when where can do does should would could is are from have has any some about than so".split())

def stem(w):
    for suf in ('ational','ization','fulness','iveness','ations','ements','ement','ments','ness','ings','ing','edly','ies','ied','ers','er','ed','ly','es','s'):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[:-len(suf)]
            if suf in ('ies','ied'): w += 'i'
            break
    return w

def toks(text):
    text = re.sub(r'<(https?://[^|>]+)\|([^>]*)>', r'\2', text)
    return [stem(w) for w in re.findall(r'[a-z0-9]+', text.lower()) if w not in STOP and len(w) > 1]

class Fold:
    def __init__(self, d):
        self.name = os.path.basename(d)
        msgs = []
        for f in sorted(glob.glob(d + '/questions/*.json')):
            msgs += json.load(open(f))
        roots = {}
        for m in msgs:
            if m.get('thread_ts', m['ts']) == m['ts']:
                roots[m['ts']] = dict(user=m['user'], text=m['text'], ts=float(m['ts']), answers=[])
        for m in msgs:
            t = m.get('thread_ts')
            if t and t != m['ts'] and t in roots:
                acc = any(r['name'] == 'white_check_mark' and roots[t]['user'] in r['users'] for r in m.get('reactions', []))
                roots[t]['answers'].append(dict(user=m['user'], text=m['text'], ts=float(m['ts']), acc=acc))
        self.threads = sorted(roots.values(), key=lambda r: r['ts'])
        for th in self.threads:
            th['title'] = th['text'].split('\n')[0].strip('*')
            # evidence: per answerer strongest, excluding asker
            best = {}
            for a in th['answers']:
                if a['user'] == th['user']: continue
                p = best.get(a['user'])
                if p is None or (a['acc'] and not p['acc']):
                    best[a['user']] = a
            th['ev'] = list(best.values())
        self.heldout = []
        for line in open(d + '/heldout.tsv').read().split('\n')[1:]:
            if not line: continue
            f = line.split('\t')
            if f[3].strip():
                self.heldout.append(dict(id=f[0], title=f[1], text=f[2], acc=f[3].strip(), answerers=f[4].split(',')))
        # popularity
        self.acc = Counter(); self.ans = Counter()
        for th in self.threads:
            for a in th['ev']:
                self.ans[a['user']] += 1
                if a['acc']: self.acc[a['user']] += 1
        self.pop = sorted(self.ans, key=lambda u: (-self.acc[u], -self.ans[u], u))
        # bm25 index over threads: question + answers
        self.docs = [Counter(toks(th['text'] + '\n' + '\n'.join(a['text'] for a in th['answers']))) for th in self.threads]
        self.qdocs = [Counter(toks(th['text'])) for th in self.threads]
        self.adocs = {}  # per (thread, user) answer text
        self.index = BM25(self.docs)
        self.qindex = BM25(self.qdocs)

class BM25:
    def __init__(self, docs, k1=0.9, b=0.4):
        self.docs = docs; self.k1 = k1; self.b = b
        self.len = [sum(d.values()) for d in docs]
        self.avg = sum(self.len) / max(1, len(docs))
        self.df = Counter()
        for d in docs: self.df.update(d.keys())
        self.post = defaultdict(list)
        for i, d in enumerate(docs):
            for t, c in d.items(): self.post[t].append((i, c))
        self.N = len(docs)
    def idf(self, t):
        n = self.df.get(t, 0)
        return math.log(1 + (self.N - n + 0.5) / (n + 0.5))
    def search(self, qtoks, k=50):
        sc = defaultdict(float)
        for t in set(qtoks):
            idf = self.idf(t)
            for i, c in self.post.get(t, ()):
                sc[i] += idf * c * (self.k1 + 1) / (c + self.k1 * (1 - self.b + self.b * self.len[i] / self.avg))
        return sorted(sc.items(), key=lambda x: -x[1])[:k]

_cache = {}
def folds():
    if not _cache:
        for d in sorted(glob.glob(ROOT + '/stackexchange-*-fold?')):
            _cache[d] = Fold(d)
    return list(_cache.values())

def evaluate(method, verbose=False, fs=None):
    """method(fold, q) -> ranked list of users. Returns per dump and all."""
    res = defaultdict(lambda: [0, 0.0, 0.0])
    for f in (fs or folds()):
        dump = f.name.rsplit('-fold', 1)[0].replace('stackexchange-', '')
        for q in f.heldout:
            ranked = method(f, q)
            try:
                r = ranked.index(q['acc'])
            except ValueError:
                r = None
            for key in (dump, 'all'):
                res[key][0] += 1
                if r is not None:
                    res[key][1] += 1 / (r + 1)
                    res[key][2] += 1 if r < 5 else 0
    return {k: (v[0], v[1] / v[0], v[2] / v[0]) for k, v in res.items()}

def fmt(res):
    return '  '.join(f"{k}: MRR {m:.4f} h@5 {h:.4f}" for k, (n, m, h) in sorted(res.items()))

NOW = dt.datetime(2026, 12, 2, tzinfo=dt.timezone.utc).timestamp()
DAY = 86400

def popularity(f, q):
    return f.pop

def copbot(f, q, threads=50, power=2, accw=4, answ=1, hl=1095, prior=3, query=None):
    hits = f.index.search(toks(query if query is not None else q['title']), threads)
    sc = defaultdict(float)
    if not hits: return []
    top = hits[0][1]
    for i, s in hits:
        rel = (s / top) ** power
        for a in f.threads[i]['ev']:
            age = max(0, (NOW - a['ts']) / DAY)
            sc[a['user']] += rel * (accw if a['acc'] else answ) * 0.5 ** (age / hl)
    best = max(2 * f.acc[u] + f.ans[u] - f.acc[u] for u in f.ans)
    for u in sc:
        sc[u] += prior * (2 * f.acc[u] + f.ans[u] - f.acc[u]) / best
    return sorted(sc, key=lambda u: (-sc[u], u))

if __name__ == '__main__':
    print('popularity', fmt(evaluate(popularity)))
    print('copbot    ', fmt(evaluate(copbot)))
