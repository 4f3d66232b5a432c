import sys
sys.path.insert(0,'/work/heldout17')
from check import source_keys, used_keys, RESERVED_ORGS
u=used_keys()
for a in sys.argv[1:]:
    k=source_keys(a)
    o={x[3:].split('/')[0] for x in k if x.startswith('gh:')}
    print(a, 'USED' if (k&u) else ('ORG' if o&RESERVED_ORGS else 'free'), sorted(k&u))
