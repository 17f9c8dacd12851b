import re, json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from draft import draft, post
D = "/work/shared/corpus/gwr-national"
allrows = {}; rep = []
for f in sorted(os.listdir(D)):
    y = int(f[:4])
    if y < 2005: continue
    t = open(os.path.join(D, f), encoding="utf-8").read()
    m = None
    for mm in re.finditer(r"(主要预期目标是|预期目标是|主要目标是)", t):
        if re.search(r"国内生产总值增长", t[mm.start():mm.start()+120]): m = mm; break
    s = m.start(); le = t.find("\n", s); le = len(t) if le == -1 else le
    if le - s < 30:
        nx = re.search(r"\S[^\n]*", t[le:]); le = le + nx.end()
    e = min(le, s + 700)
    cut = re.search(r"(这里要着重说明|这里，|这里要|总的考虑|提出今年|通观全局|提出国内生产总值|这些预期目标|提出上述|上述主要预期目标|做好今年)", t[s+10:e])
    if cut: e = s + 10 + cut.start()
    rows = post(draft(t, s, e, "gwr-national/" + f, "national", y))
    rep.append(f"### {f} @{s}\n{t[s:e]}")
    for r in rows:
        rep.append(f"   {r['indicator']} {r['value']}-{r['value_max']} {r['unit']} {r['comparator']} rel={r['relative_to']} | {r['_clause']}")
    allrows["gwr-national/" + f] = rows
json.dump(allrows, open("nat_drafts.json", "w"), ensure_ascii=False, indent=0)
open("nat_review.txt", "w").write("\n".join(rep))
