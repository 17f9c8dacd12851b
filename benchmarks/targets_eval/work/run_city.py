import re, json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from draft import draft, post
D = "/work/shared/corpus-local/gwr-city"
files = sorted(os.listdir(D))
allrows = {}; rep = []
for f in files:
    t = open(os.path.join(D, f), encoding="utf-8").read()
    path = "gwr-city/" + f
    cands = []
    for m in re.finditer(r"(主要预期目标|主要目标|预期目标|目标是|目标为|主要指标)", t):
        ls = t.rfind("\n", 0, m.start()) + 1; le = t.find("\n", m.end()); le = len(t) if le == -1 else le
        win = t[m.start(): min(le, m.start() + 900)]
        if re.search(r"(生产总值|GDP|经济增长|经济增速)[^。]{0,12}\d", win[:300]):
            cands.append((m.start(), min(le, m.start() + 900)))
    if not cands:
        for m in re.finditer(r"(地区)?生产总值(同比)?增长\s*\d+(\.\d+)?\s*[%％]\s*(左右|以上)", t):
            ctx = t[max(0, m.start()-80):m.start()]
            if "预计" in ctx or "2023" in ctx or "去年" in ctx: continue
            le = t.find("\n", m.end()); le = len(t) if le == -1 else le
            cands.append((m.start(), min(le, m.start()+900))); break
    rows = []
    def score(c):
        w = t[c[0]:c[0]+200]
        sc = 0
        if re.match(r"(主要预期目标|预期目标|主要目标)(是|为|：|:)", w): sc += 3
        if re.search(r"2023|预计|全年|去年|初步", w[:150]): sc -= 5
        if re.search(r"左右|以上", w): sc += 1
        return sc
    if cands:
        cands.sort(key=lambda c: -score(c))
        s, e = cands[0]
        cut = re.search(r"(确定上述|上述目标|实现上述|这些目标|设定上述|提出上述|这一目标|综合考虑|主要考虑)", t[s+20:e])
        if cut: e = s + 20 + cut.start()
        rows = post(draft(t, s, e, path, "local", 2024))
        rep.append(f"### {f}  [{len(cands)} cands] @{s}\n{t[s:e]}\n")
    else:
        rep.append(f"### {f}  NO TARGET BLOCK\n")
    for r in rows:
        rep.append(f"  {r['indicator']:30s} {r['value']}-{r['value_max']} {r['unit']} {r['comparator']} rel={r['relative_to']} | {r['_clause']}")
    allrows[path] = rows
json.dump(allrows, open("city_drafts.json", "w"), ensure_ascii=False, indent=0)
open("city_review.txt", "w").write("\n".join(rep))
