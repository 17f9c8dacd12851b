"""Hand corrections to the city drafts, decided by reading each target paragraph."""
import json, re
D = "/work/shared/corpus-local/gwr-city/"
drafts = json.load(open("city_drafts.json"))
def T(c): return open(D + f"2024_{c}_government-work-report.txt", encoding="utf-8").read()
def P(c): return f"gwr-city/2024_{c}_government-work-report.txt"
def rows(c): return drafts[P(c)]
def sent(c, frag):
    t = T(c); i = t.find(frag); assert i >= 0, (c, frag)
    s = max(t.rfind(x, 0, i) for x in "。！？\n") + 1
    e = min([j for j in (t.find(x, i) for x in "。！？\n") if j != -1] + [len(t)])
    if e < len(t) and t[e] in "。！？": e += 1
    return t[s:e].strip()
def drop(c, ind, **kw):
    drafts[P(c)] = [r for r in rows(c) if not (r["indicator"] == ind and all(r.get(k) == v for k, v in kw.items()))]
def fix(c, ind, match=None, **upd):
    n = 0
    for r in rows(c):
        if r["indicator"] == ind and (match is None or all(r.get(k) == v for k, v in match.items())):
            r.update(upd); n += 1
    assert n == 1, (c, ind, n)
def add(c, ind, frag, value=None, comparator=None, unit="%", value_max=None, relative_to="", note="", status="set", scope="own"):
    rows(c).append(dict(path=P(c), corpus="local", year=2024, indicator=ind, status=status, scope=scope, value=value,
        value_max=value_max, unit=unit if value is not None else "", comparator=comparator, relative_to=relative_to,
        sentence=sent(c, frag) if frag else "", note=note, _clause=frag or ""))

add("安顺", "energy_intensity_reduction", "单位地区生产能耗和居民消费价格指数控制在省调控范围内", comparator="le", relative_to="higher_level", note="控制在省调控范围内")
add("安顺", "cpi", "单位地区生产能耗和居民消费价格指数控制在省调控范围内", comparator="le", relative_to="higher_level", note="控制在省调控范围内")
drop("崇左", "gdp_growth", value=7); drop("崇左", "fixed_asset_investment_growth", unit="亿元"); drop("崇左", "budget_revenue_growth", unit="亿元")
fix("崇左", "fixed_asset_investment_growth", note="力争实现两位数增长")
fix("广安", "disposable_income_growth", match={"value": 1}, comparator="ge", relative_to="", note="rural; 高于城镇(居民收入增速)1个百分点以上: margin over urban income growth")
drop("徐州", "rd_intensity")  # 研发经费支出增长10%以上: R&D spending growth, not intensity
add("德州", "disposable_income_growth", "居民人均可支配收入增长高于GDP增速", comparator="gt", relative_to="gdp_growth")
fix("德阳", "gdp_growth", value=7, unit="%", comparator="approx", relative_to="", note="also 增速高于省平1个百分点 (relative form in the same clause)")
fix("德阳", "fixed_asset_investment_growth", comparator="gt", relative_to="province", note="增速高于省平1个百分点")
fix("成都", "cpi", unit="", note="price index 上年=100: 103左右 = rise of about 3%")
add("扬州", "trade_growth", "实际利用外资、进出口总额增长高于省均", comparator="gt", relative_to="higher_level", note="增长高于省均")
fix("无锡", "fixed_asset_investment_growth", note="level target 4550亿元, not a growth rate")
drop("枣庄", "trade_growth")
fix("泸州", "gdp_growth", comparator="approx", relative_to="province", note="增速高于全省0.5个百分点左右: value is the margin over the province")
drop("泸州", "fixed_asset_investment_growth")
fix("梧州", "industrial_value_added_growth", match=None, value=12, note="规上工业总产值、增加值分别增长15%、12%: value-added is the second") if any(r["indicator"]=="industrial_value_added_growth" for r in rows("梧州")) else add("梧州", "industrial_value_added_growth", "规上工业总产值、增加值分别增长15%、12%", value=12, comparator="eq", note="规上工业总产值、增加值分别增长15%、12%: value-added is the second")
drop("沈阳", "rd_intensity")  # 全社会研发经费投入增长10%: growth of R&D spending
add("深圳", "disposable_income_growth", "居民收入与经济同步增长", comparator="eq", relative_to="gdp_growth") if not any(r["indicator"]=="disposable_income_growth" for r in rows("深圳")) else None
add("潜江", "gdp_growth", "地区生产总值跨越千亿台阶，增长7%以上", value=7, comparator="ge")
add("玉林", "surveyed_unemployment", "城镇调查失业率控制在自治区下达目标内", comparator="le", relative_to="higher_level") if not any(r["indicator"]=="surveyed_unemployment" for r in rows("玉林")) else None
add("百色", "budget_revenue_growth", "一般公共预算收入与上年度持平", value=0, comparator="eq", note="与上年度持平") if not any(r["indicator"]=="budget_revenue_growth" for r in rows("百色")) else None
add("贵港", "budget_revenue_growth", "一般公共预算收入与上年基本持平", value=0, comparator="approx", note="与上年基本持平") if not any(r["indicator"]=="budget_revenue_growth" for r in rows("贵港")) else None
add("连云港", "cpi", "居民消费价格指数不高于省控线", comparator="le", relative_to="higher_level") if not any(r["indicator"]=="cpi" for r in rows("连云港")) else None
fix("遵义", "fixed_asset_investment_growth", value=3, unit="%", comparator="eq", note="500万元以上固定资产投资")
fix("郴州", "budget_revenue_growth", note="地方财政收入")
fix("吉林", "budget_revenue_growth", note="地方级财政收入")
fix("南京", "fixed_asset_investment_growth", note="保持稳定增长、力争达到3%: only a 力争 figure")
add("南京", "trade_growth", "外贸进出口总额力争正增长、保持全省前列", value=0, comparator="gt", note="力争正增长")
drop("南京", "trade_growth", relative_to="higher_level")
fix("南京", "grain_output", note="粮食综合生产能力完成省定任务")
fix("威海", "grain_output", note="粮食综合生产能力")
fix("贺州", "grain_output", note="粮食综合生产能力")
fix("苏州", "grain_output", note="粮食综合生产能力完成省定目标")
fix("内江", "energy_intensity_reduction", note="万元GDP综合能耗完成省下达目标任务")
fix("牡丹江", "energy_intensity_reduction", note="万元GDP综合能耗下降3.2%")
fix("黄山", "energy_intensity_reduction", note="万元地区生产总值能耗控制在市政府下达目标以内")
fix("岳阳", "gdp_growth", note="GDP增长7%左右")
add("岳阳", "budget_revenue_growth", "一般公共预算地方收入增长6.5%以上", value=6.5, comparator="ge") if not any(r["indicator"]=="budget_revenue_growth" for r in rows("岳阳")) else None
add("金华", "disposable_income_growth", "居民可支配收入、一般公共预算收入与经济增长同步", comparator="eq", relative_to="gdp_growth") if not any(r["indicator"]=="disposable_income_growth" for r in rows("金华")) else None
# 资阳: the target line has no numeric GDP target
drafts[P("资阳")] = []
add("资阳", "gdp_growth", "地区生产总值增速高于全省平均水平", comparator="gt", relative_to="higher_level", note="增速高于全省平均水平")
add("资阳", "fixed_asset_investment_growth", "全社会固定资产投资增速高于7%", value=7, comparator="gt")
add("资阳", "retail_sales_growth", "社会消费品零售总额增长7%", value=7, comparator="eq")
add("资阳", "budget_revenue_growth", "地方一般公共预算收入、城乡居民收入增长与经济增长基本同步", comparator="eq", relative_to="gdp_growth")
add("资阳", "disposable_income_growth", "地方一般公共预算收入、城乡居民收入增长与经济增长基本同步", comparator="eq", relative_to="gdp_growth")
add("资阳", "cpi", "居民消费价格涨幅3%左右", value=3, comparator="approx")
add("资阳", "urban_new_jobs", "城镇新增就业1.7万人", value=1.7, unit="万人", comparator="eq")
# 日照: the file holds only the 2023 review
drafts[P("日照")] = []
rows("日照").append(dict(path=P("日照"), corpus="local", year=2024, indicator="gdp_growth", status="absent", scope="own", value=None, value_max=None,
    unit="", comparator=None, relative_to="", sentence="", note="file ends after the 2023 review (感谢 paragraph); no plan part, no target", _clause=""))
# 承德: hard-wrapped; sentence is the exact raw text, with its line breaks
t = T("承德"); i = t.find("主要预期目标是：地区生产总值增长6%左"); e = t.find("。", i) + 1
s0 = t.rfind("\n", 0, i) + 1; S = t[s0:e]
drafts[P("承德")] = []
for ind, v, c, u in [("gdp_growth", 6, "approx", "%"), ("budget_revenue_growth", 5, "approx", "%"), ("industrial_value_added_growth", 6.5, "approx", "%"),
                     ("fixed_asset_investment_growth", 7, "approx", "%"), ("retail_sales_growth", 6, "approx", "%"), ("trade_growth", 3.5, "approx", "%"),
                     ("disposable_income_growth", 6, "approx", "%"), ("cpi", 3, "approx", "%")]:
    rows("承德").append(dict(path=P("承德"), corpus="local", year=2024, indicator=ind, status="set", scope="own", value=v, value_max=None, unit=u,
        comparator=c, relative_to="", sentence=S, note="hard-wrapped: sentence spans line breaks", _clause=""))
fix("六盘水", "surveyed_unemployment", relative_to="nation", note="控制在国家调控范围内")
fix("泸州", "cpi", unit="", note="price index 上年=100: 103左右 = rise of about 3%")
# where a hand-added row repeats a drafted one, keep the hand-added (last) one
for p, rs in drafts.items():
    keep = {}
    for r in rs:
        tag = r["note"].split(";")[0] if r["indicator"] == "disposable_income_growth" and r["note"].split(";")[0] in ("urban", "rural") else ""
        keep[(r["indicator"], r["scope"], tag)] = r
    drafts[p] = list(keep.values())
json.dump(drafts, open("city_fixed.json", "w"), ensure_ascii=False, indent=0)
