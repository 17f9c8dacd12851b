"""National labels: drafts for 2005-2025 target lists, corrected by hand; hand labels for older reports and deficit ratios."""
import json, re, os
D = "/work/shared/corpus/gwr-national/"
dr = json.load(open("nat_drafts.json"))
FILES = sorted(os.listdir(D))
def P(y):
    fs = [f for f in FILES if f.startswith(str(y))]; assert len(fs) == 1, y; return "gwr-national/" + fs[0]
def T(y): return open(D + P(y).split("/", 1)[1], encoding="utf-8").read()
def sent(y, frag):
    TR = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
    t = T(y); i = t.translate(TR).find(frag.translate(TR)); assert i >= 0, (y, frag)
    s = max(t.rfind(x, 0, i) for x in "。！？\n") + 1
    e = min([j for j in (t.find(x, i) for x in "。！？\n") if j != -1] + [len(t)])
    if e < len(t) and t[e] in "。！？": e += 1
    return t[s:e].strip()
labels = {}
for f in FILES:
    labels["gwr-national/" + f] = dr.get("gwr-national/" + f, [])
def rows(y): return labels[P(y)]
def add(y, ind, frag, value=None, comparator=None, unit="%", value_max=None, relative_to="", note="", status="set", scope="own", year=None, period=None):
    r = dict(path=P(y), corpus="national", year=year or int(str(y)[:4]), indicator=ind, status=status, scope=scope, value=value,
        value_max=value_max, unit=unit if value is not None else "", comparator=comparator, relative_to=relative_to,
        sentence=sent(y, frag) if frag else "", note=note)
    if period: r["period"] = period
    rows(y).append(r)
def fix(y, ind, **upd):
    n = 0
    for r in rows(y):
        if r["indicator"] == ind: r.update(upd); n += 1
    assert n == 1, (y, ind, n)
def absent(y, note):
    add(y, "gdp_growth", None, status="absent", note=note)

# --- 2005-2025: corrections to the drafted target lists
fix(2005, "registered_unemployment", comparator="le", note="控制在4.6% (no 以内): read as a ceiling")
fix(2005, "cpi", comparator="le", note="控制在4% (no 以内): read as a ceiling")
fix(2006, "registered_unemployment", comparator="le", note="控制在4.6% (no 以内): read as a ceiling")
fix(2006, "cpi", comparator="le", note="控制在3% (no 以内): read as a ceiling")
fix(2017, "gdp_growth", note="在实际工作中争取更好结果")
fix(2012, "disposable_income_growth", note="sentence right after the list (同时，要…城乡居民收入实际增长和经济增长保持同步)")
fix(2013, "disposable_income_growth", note="城乡居民人均收入实际增长与经济增长同步")
fix(2010, "gdp_growth", note="list follows the line 今年经济社会发展的主要预期目标是：")
fix(2011, "gdp_growth", note="list follows the line 今年经济社会发展的主要预期目标是：")
fix(2012, "gdp_growth", note="list follows the line 今年经济社会发展的主要预期目标是：")
fix(2015, "energy_intensity_reduction", note="能耗强度下降3.1%以上 (sentence after the list)")
fix(2016, "energy_intensity_reduction", note="sentence after the list")
# annual targets stated in the plan part outside the list (the list does not carry them)
add(2014, "trade_growth", "今年进出口总额预期增长7.5%左右", value=7.5, comparator="approx", note="stated in the opening-up tasks, not in the target list")
add(2014, "energy_intensity_reduction", "今年能源消耗强度要降低3.9%以上", value=3.9, comparator="ge", note="能源消耗强度; stated in the tasks, not in the target list")
# deficit ratio (budget section of the plan part)
for y, frag, v, c, note in [
    (2011, "赤字率下降到2%左右", 2, "approx", ""),
    (2012, "赤字率下降到1.5％左右", 1.5, "approx", ""),
    (2013, "赤字率在2%左右", 2, "approx", ""),
    (2014, "赤字率稳定在2.1%", 2.1, "eq", ""),
    (2015, "赤字率从去年的2.1%提高到2.3%", 2.3, "eq", "从去年的2.1%提高到2.3%"),
    (2016, "赤字率提高到3%", 3, "eq", ""),
    (2017, "今年赤字率拟按3%安排", 3, "eq", "拟按3%安排"),
    (2018, "今年赤字率拟按2.6%安排", 2.6, "eq", "拟按2.6%安排"),
    (2019, "今年赤字率拟按2.8%安排", 2.8, "eq", "拟按2.8%安排"),
    (2021, "今年赤字率拟按3.2%左右安排", 3.2, "approx", ""),
    (2022, "今年赤字率拟按2.8%左右安排", 2.8, "approx", ""),
    (2023, "赤字率拟按3%安排", 3, "eq", "拟按3%安排"),
    (2024, "赤字率拟按3%安排", 3, "eq", "拟按3%安排"),
    (2025, "今年赤字率拟按4%左右安排", 4, "approx", ""),
]:
    add(y, "deficit_ratio", frag, value=v, comparator=c, note=note)
# --- 1992-2004: growth targets stated outside a 主要预期目标 list
add(1992, "gdp_growth", "今年计划要求，在保持社会总需求与总供给基本平衡的基础上，国民生产总值增长百分之六", value=6, comparator="eq", note="measure: 国民生产总值 (GNP); value in Chinese numerals 百分之六")
add(1993, "gdp_growth", "今年国民生产总值计划增长百分之八", value=8, comparator="eq", note="measure: 国民生产总值 (GNP); Chinese numerals")
add(1994, "gdp_growth", "今年计划国内生产总值增长百分之九", value=9, comparator="eq", note="Chinese numerals")
add(1995, "gdp_growth", "今年经济增长速度的宏观调控目标，定为百分之八至九", value=8, value_max=9, comparator="range", note="宏观调控目标; Chinese numerals 百分之八至九")
add(1997, "gdp_growth", "经济增长速度的调控目标定为8%", value=8, comparator="eq", note="调控目标")
add(1998, "gdp_growth", "今年国民经济宏观调控的主要目标是：经济增长速度8", value=8, comparator="eq", note="spaced digits: 经济增长速度8 ％")
add(1999, "gdp_growth", "今年的经济增长预期为7%左右", value=7, comparator="approx", note="")
add(2003, "gdp_growth", "今年经济增长预期目标为7%左右", value=7, comparator="approx", note="")
add(2004, "gdp_growth", "中央提出今年经济增长预期目标为7%左右", value=7, comparator="approx", note="")
absent(2000, "no annual growth figure: the plan part (2000年…做好今年政府工作) states no growth target; only 国内生产总值增长率达到预期目标 in the review")
absent(2002, "no annual growth figure in this text (full-width digits checked); plan part has none")
add(2001, "gdp_growth", "“十五”期间年均经济增长速度预期目标为7％左右", value=7, comparator="approx", period="five_year", note="five-year average (“十五”), not an annual target")
absent(2001, "only the “十五” five-year average (7％左右) is stated; no 2001 annual figure")
# --- 1954-1988: plan figures. Count only the headline aggregate of the year's plan
add(1956, "gdp_growth", "1956年的国民经济计划实现以后，我国工农业总产值将比上年增长14.1%", value=14.1, comparator="eq", note="measure: 工农业总产值 (gross value of industrial and agricultural output), 1956 plan")
add(1959, "gdp_growth", "一九五九年的工农业总产值将比一九五八年的二千零五十亿元增长百分之四十", value=40, comparator="eq", note="measure: 工农业总产值, 1959 plan; Chinese numerals 百分之四十")
add(1980, "gdp_growth", "工农业总产值，比1980年预计增长5.5%", value=5.5, comparator="eq", year=1981, note="measure: 工农业总产值; target is for 1981 (1981年国民经济计划主要指标), report delivered 1980-08")
add(1981, "gdp_growth", "国民收入也安排为比今年增长4%左右", value=4, comparator="approx", year=1982, note="measure: 国民收入 (national income) 4%左右; same plan: 工农业总产值 4%, 力争超过; target is for 1982, report delivered 1981-11")
absent(1954, "no annual aggregate growth plan figure")
absent(1955, "report on the first five-year plan: only five-year figures (工业总产值增长百分之九十八点三 etc.)")
absent(1957, "1957 plan compared with 1952 only (工业总产值增长一点二倍); no annual aggregate growth figure")
absent(1958, "1958 plan gives 工业总产值 +百分之十四点六 only (industry, not the aggregate); not counted")
absent(1960, "no annual aggregate growth plan figure")
absent(1964, "1965 plan gives sector figures only (农业总产值 +百分之五左右, 工业总产值 +百分之十一左右); not counted")
for y in (1975, 1978, 1979, 1983, 1984, 1985, 1987):
    absent(y, "no annual aggregate growth plan figure")
absent(1982, "report on the sixth five-year plan: 工农业总产值 每年递增百分之四到五 (five-year); no 1983 annual figure")
absent(1986, "report on the seventh five-year plan: 国民生产总值平均每年增长百分之七点五 (five-year); no 1986 annual figure")
absent(1988, "only the 1988-1992 average (国民生产总值平均每年增长7.5%左右); no 1988 annual figure")
add(1986, "gdp_growth", "“七五”计划草案规定，全国工农业总产值平均每年增长百分之六", value=7.5, comparator="eq", period="five_year", note="five-year average: 国民生产总值平均每年增长百分之七点五 (“七五”)")
add(1988, "gdp_growth", "到1992年，力争在不断提高经济效益的基础上，使国民生产总值达到15500亿元左右，平均每年增长7.5%左右", value=7.5, comparator="approx", period="five_year", note="average 1988-1992, 力争")
for p, rs in labels.items():
    for r in rs: r.pop("_clause", None)
json.dump(labels, open("national_labels.json", "w"), ensure_ascii=False, indent=0)
print(sum(len(v) for v in labels.values()))
