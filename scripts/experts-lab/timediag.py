from lab import *
import xml.etree.ElementTree as ET
qdate = {}
for dump in glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/data/stackexchange-*')):
    name = os.path.basename(dump)
    for _, el in ET.iterparse(dump + '/Posts.xml'):
        if el.tag == 'row' and el.get('PostTypeId') == '1':
            qdate[(name, el.get('Id'))] = dt.datetime.fromisoformat(el.get('CreationDate')).replace(tzinfo=dt.timezone.utc).timestamp()
        el.clear()
def timeoracle(window_days, decay=False):
    def m(f, q):
        t = qdate[(f.name.rsplit('-fold', 1)[0], q['id'])]
        sc = defaultdict(float)
        for th in f.threads:
            for a in th['ev']:
                d = abs(a['ts'] - t) / DAY
                w = 0.5 ** (d / window_days) if decay else (1 if d <= window_days else 0)
                sc[a['user']] += w * (2 if a['acc'] else 1)
        r = sorted(sc, key=lambda u: (-sc[u], f.pop.index(u)))
        return r + [u for u in f.pop if u not in sc]
    return m
for w in (7, 30, 90, 365):
    print('time oracle window', w, fmt(evaluate(timeoracle(w))))
    print('time oracle halflife', w, fmt(evaluate(timeoracle(w, True))))
for f in folds()[::5]:
    print(f.name, dt.datetime.fromtimestamp(f.threads[0]['ts']), dt.datetime.fromtimestamp(f.threads[-1]['ts']))
