"""Draft candidate target labels from a target paragraph; every draft is reviewed by hand."""
import re, json, sys, os
IND = [
 ("registered_unemployment", r"城镇登记失业率"),
 ("surveyed_unemployment", r"调查失业率"),
 ("urban_new_jobs", r"(城镇)?新增(城镇)?就业"),
 ("cpi", r"(居民)?消费价格"),
 ("budget_revenue_growth", r"一般公共预算(总|地方)?收入|财政收入|一般公共预算收入"),
 ("fixed_asset_investment_growth", r"固定资产投资"),
 ("retail_sales_growth", r"社会消费品零售总额|社零"),
 ("industrial_value_added_growth", r"规(模以)?上工业增加值|工业增加值"),
 ("trade_growth", r"进出口"),
 ("disposable_income_growth", r"可支配收入|居民收入|居民人均收入"),
 ("grain_output", r"粮食(总)?产量|粮食"),
 ("energy_intensity_reduction", r"单位(地区)?(国内)?(生产总值|GDP)能耗|能耗"),
 ("rd_intensity", r"研发经费|R&D|研究与试验发展|研发投入"),
 ("deficit_ratio", r"赤字率"),
 ("gdp_growth", r"生产总值|GDP|经济增长|经济增速"),
]
NUM = r"(\d+(?:\.\d+)?)"
def parse(cl):
    cl2 = cl.replace("％", "%").replace(" ", "")
    m = re.search(NUM + r"\s*(%|％)?\s*(?:[-－—~～至到]+\s*" + NUM + r"\s*(%)?)?\s*(万亿斤|亿斤|万吨|万人|亿元|万亿元|元|个百分点|%|斤|吨|人)?", cl2)
    if not m: return None
    v = float(m.group(1)); vmax = float(m.group(3)) if m.group(3) else None
    unit = m.group(2) or m.group(5) or m.group(4) or ""
    if vmax is not None and not unit: unit = m.group(4) or ""
    tail = cl2[m.end():m.end()+6]; head = cl2[:m.start()]
    comp = "eq"
    if vmax is not None: comp = "range"
    elif re.match(r"(以上|及以上)", tail) or re.search(r"(不低于|至少|不少于)$", head): comp = "ge"
    elif re.match(r"(以内|以下)", tail) or re.search(r"(不超过|不高于)$", head): comp = "le"
    elif re.match(r"左右", tail) or re.search(r"约$", head): comp = "approx"
    elif re.search(r"(超过|高于)$", head): comp = "gt"
    elif re.search(r"低于$", head): comp = "lt"
    if re.search(r"控制在$", head) and re.match(r"(以内|以下)", tail): comp = "le"
    v = int(v) if v == int(v) else v
    if vmax is not None: vmax = int(vmax) if vmax == int(vmax) else vmax
    return v, vmax, unit, comp
def sentence_of(text, pos):
    s = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
    e = min([i for i in (text.find(c, pos) for c in "。！？\n") if i != -1] + [len(text)])
    if e < len(text) and text[e] in "。！？": e += 1
    return text[s:e].strip()
def relcomp(cl):
    if re.search(r"不高于|不超过|以内|范围内|以下|目标内|省控线", cl): return "le"
    if re.search(r"不低于|不少于", cl): return "ge"
    if re.search(r"高于|快于|超过", cl): return "gt"
    if re.search(r"低于|慢于", cl): return "lt"
    if re.search(r"同步|持平|一致|相适应|相匹配|完成|达到|相当", cl): return "eq"
    return None
def post(rows):
    out = []
    for r in rows:
        cl = r["_clause"]
        if r["value"] is None and "正增长" in cl:
            r.update(value=0, unit="%", comparator="gt", relative_to="", note="正增长")
        if r["value"] is None and r["comparator"] is None:
            continue
        if r["indicator"] == "disposable_income_growth" and "分别" in cl and r["value"] is not None:
            body = cl[cl.find("分别"):].replace("％", "%")
            nums = list(re.finditer(r"(\d+(?:\.\d+)?)%(左右|以上)?", body))
            if len(nums) == 2:
                suf = [n.group(2) for n in nums]
                if suf[0] is None and suf[1]: suf[0] = suf[1]
                cmap = {None: "eq", "左右": "approx", "以上": "ge"}
                for n, sfx, tag in zip(nums, suf, ("urban", "rural")):
                    v = float(n.group(1)); v = int(v) if v == int(v) else v
                    r2 = dict(r); r2.update(value=v, comparator=cmap[sfx], note=tag)
                    if "力争" in cl: r2["note"] += "; " + cl[cl.find("力争"):]
                    out.append(r2)
                continue
        if r["indicator"] == "disposable_income_growth":
            i = cl.find("收入")
            pre = cl[:i]
            if "城乡" in pre or ("城镇" in pre and "农村" in pre) or "全体" in pre: pass
            elif "城镇" in pre or "城市" in pre: r["note"] = (r["note"] + "; urban").strip("; ")
            elif "农村" in pre or "农民" in cl: r["note"] = (r["note"] + "; rural").strip("; ")
        if "力争" in cl and r["value"] is not None:
            r["note"] = (r["note"] + "; " + cl[cl.find("力争"):]).strip("; ")
        out.append(r)
    return out
def draft(text, start, end, path, corpus, year):
    seg = text[start:end]
    out = []
    for m in re.finditer(r"(?:[^，；。：:;,、]|(?<![%％上右内])、|、(?=\d))+", seg):
        cl = m.group(0)
        lz = re.match(r"、((?:力争|争取)[^，；。、]*)", seg[m.end():])
        if lz and re.search(r"\d", lz.group(1)): cl = cl + "、" + lz.group(1)
        hits = []
        for ind, pat in IND:
            mm = re.search(pat, cl)
            if mm:
                if ind == "gdp_growth" and (hits or re.search(r"同步|相适应|高于经济|与经济|同等|能耗|比重|比例|相当于|快于经济|经济增速$", cl[:mm.start()+12])):
                    continue
                if ind in ("grain_output",) and "粮食" in cl and not re.search(r"产量|生产能力|亿斤|万吨", cl): continue
                hits.append((mm.start(), ind))
        hits.sort()
        p = parse(cl)
        for _, ind in hits:
            rel = ""
            if re.search(r"全省|省定|全区|自治区|全国|省下达|国家下达|省里|全州|国家调控|省控|省均|省平|省调控|上级|国省|国家和省|下达", cl): rel = "higher_level"
            elif re.search(r"经济增长|经济增速|经济同步|GDP增速|经济发展同步|和经济发展|与经济发展", cl) and ind != "gdp_growth": rel = "gdp_growth"
            comp = p[3] if p else (relcomp(cl) if rel else None)
            row = dict(path=path, corpus=corpus, year=year, indicator=ind, status="set", scope="own",
                       value=p[0] if p else None, value_max=p[1] if p else None, unit=p[2] if p else "",
                       comparator=comp, relative_to=rel if not p else "",
                       sentence=sentence_of(text, start + m.start() + len(cl) - len(cl.lstrip())), note="", _clause=cl.strip())
            out.append(row)
    return out
