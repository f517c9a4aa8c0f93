from lab import *
from topical import model2
for pr in (1, 3, 10):
    print('copbot title+body prior', pr, fmt(evaluate(lambda f, q: copbot(f, q, prior=pr, query=q['text']))))
    print('copbot title+body no decay prior', pr, fmt(evaluate(lambda f, q: copbot(f, q, prior=pr, hl=1e9, query=q['text']))))
