from lab import *
from topical import model2
from anydiag import rr_list
import random
base = rr_list(copbot)
for name, m in [('model2 mu1000 a.5 acc4', model2(1000, accw=4, alpha=0.5)), ('model2 mu200 a.25 acc2', model2(200, accw=2, alpha=0.25))]:
    b = rr_list(m); d = [y - x for x, y in zip(base, b)]
    random.seed(1); bs = sorted(sum(random.choice(d) for _ in d) / len(d) for _ in range(2000))
    print(name, 'vs copbot-approx MRR diff %.4f CI [%.4f, %.4f]' % (sum(d) / len(d), bs[50], bs[1950]))
