"""Write dev.jsonl / test.jsonl from the reviewed label files (city_fixed.json, national_labels.json)."""
import json, os
HERE = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(HERE)
split = json.load(open(os.path.join(OUT, "split.json")))
FIELDS = ["path", "corpus", "year", "indicator", "status", "scope", "value", "value_max", "unit", "comparator", "relative_to", "sentence", "note"]
ORDER = ["gdp_growth", "cpi", "urban_new_jobs", "surveyed_unemployment", "registered_unemployment", "budget_revenue_growth",
         "fixed_asset_investment_growth", "retail_sales_growth", "industrial_value_added_growth", "trade_growth",
         "disposable_income_growth", "grain_output", "energy_intensity_reduction", "rd_intensity", "deficit_ratio"]
labels = {}
for fn in ("city_fixed.json", "national_labels.json"):
    p = os.path.join(HERE, fn)
    if os.path.exists(p):
        labels.update(json.load(open(p)))
out = {"dev": [], "test": []}
for path in sorted(labels):
    rows = sorted(labels[path], key=lambda r: (ORDER.index(r["indicator"]), r.get("scope") != "own", r.get("period", "annual") != "annual"))
    for r in rows:
        o = {k: r.get(k) for k in FIELDS}
        if o["unit"] is None: o["unit"] = ""
        if r.get("period") and r["period"] != "annual": o["period"] = r["period"]
        out[split[path]].append(o)
for k, v in out.items():
    with open(os.path.join(OUT, k + ".jsonl"), "w", encoding="utf-8") as fh:
        for o in v: fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(k, len(v))
