import sys, re
sys.path.insert(0, '.')
from tool import load
name = sys.argv[1]
rel = f'gwr-city/2024_{name}_government-work-report.txt'
t = load(rel)
def snap(i):  # end just after next 。 or \n
    m = re.search(r'[。\n]', t[i:]); return i + m.end() if m else len(t)
def sent_start(i):
    j = max(t.rfind('。', 0, i), t.rfind('\n', 0, i), t.rfind('：', 0, i) if False else -1)
    return j + 1
mode = sys.argv[2]
if mode == 'auto':
    # review: start after first heading mentioning 2023 / 回顾 or after intro
    m = re.search(r'回顾|2023年工作|过去的一年|过去一年', t)
    rs = sent_start(m.start()) if m else 0
    re_ = snap(rs + int(sys.argv[3]) if len(sys.argv) > 3 else rs + 2500)
    i = t.find('主要预期目标')
    ps = sent_start(i)
    pe_par = t.find('\n', i); pe_par = pe_par if pe_par > 0 else len(t)
    pe = snap(pe_par + 4000) if t.count('\n') > 10 else snap(i + 4800)
    print(f'review [{rs},{re_}) plan [{ps},{pe}) len {len(t)}')
else:
    a, b = int(sys.argv[2]), int(sys.argv[3])
    step = 200
    for k in range(a, b, step):
        print(f'[{k}]', t[k:min(b, k + step)].replace('\n', '⏎'))
