import sys, runpy
sys.path.insert(0, '.')
from tool import save
for name in sys.argv[1:]:
    g = runpy.run_path(f'specs/{name}.py')
    save(g['rel'], g['ranges'], g['spec'])
