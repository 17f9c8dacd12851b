#!/usr/bin/env python3
"""Validate dev.jsonl / test.jsonl of the headline-targets evaluation set.

Checks every field against GUIDELINE.md, that each label's file is in the split
it is written to, that each sentence occurs in its file (exactly; a
whitespace-insensitive match is reported separately), and prints counts of
labels per indicator per split.  Exit status 1 if any error.

    python3 check_labels.py [--national DIR] [--local DIR]
"""
import argparse, collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
INDICATORS = ["gdp_growth", "cpi", "urban_new_jobs", "surveyed_unemployment", "registered_unemployment",
              "budget_revenue_growth", "fixed_asset_investment_growth", "retail_sales_growth",
              "industrial_value_added_growth", "trade_growth", "disposable_income_growth", "grain_output",
              "energy_intensity_reduction", "rd_intensity", "deficit_ratio"]
FIELDS = ["path", "corpus", "year", "indicator", "status", "scope", "value", "value_max", "unit",
          "comparator", "relative_to", "sentence", "note"]
OPTIONAL = {"period"}
STATUS = {"set", "not_set", "absent"}
SCOPE = {"own", "quoted"}
COMPARATORS = {"approx", "ge", "gt", "le", "lt", "range", "eq"}
RELATIVE = {"", "province", "higher_level", "nation", "gdp_growth"}
PERIOD = {"annual", "five_year"}
FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--national", default="/work/shared/corpus")
    ap.add_argument("--local", default="/work/shared/corpus-local")
    a = ap.parse_args()
    roots = {"national": a.national, "local": a.local}
    split = json.load(open(os.path.join(HERE, "split.json"), encoding="utf-8"))
    errors, soft = [], []
    counts = collections.defaultdict(collections.Counter)
    cache = {}
    seen = collections.Counter()
    labelled_files = collections.defaultdict(set)
    for name in ("dev", "test"):
        fn = os.path.join(HERE, name + ".jsonl")
        for n, line in enumerate(open(fn, encoding="utf-8"), 1):
            where = f"{name}.jsonl:{n}"
            try:
                r = json.loads(line)
            except ValueError as e:
                errors.append(f"{where}: bad JSON {e}"); continue
            miss = [k for k in FIELDS if k not in r]
            extra = [k for k in r if k not in FIELDS and k not in OPTIONAL]
            if miss or extra:
                errors.append(f"{where}: missing {miss} extra {extra}"); continue
            def err(msg): errors.append(f"{where}: {msg} [{r['path']} {r['indicator']}]")
            if r["corpus"] not in roots: err("corpus"); continue
            folder = "gwr-national/" if r["corpus"] == "national" else "gwr-city/"
            if not r["path"].startswith(folder): err("path/corpus mismatch")
            if split.get(r["path"]) != name: err(f"file is in split {split.get(r['path'])!r}")
            fp = os.path.join(roots[r["corpus"]], r["path"])
            if not os.path.exists(fp): err("no such file"); continue
            if fp not in cache: cache[fp] = open(fp, encoding="utf-8").read()
            text = cache[fp]
            m = re.match(r"(\d{4})", os.path.basename(r["path"]))
            if not isinstance(r["year"], int) or (m and r["year"] != int(m.group(1)) and not (r["year"] == int(m.group(1)) + 1 and "target is for" in r["note"])):
                err("year is neither the delivery year nor (noted 'target is for') the next year")
            if r["indicator"] not in INDICATORS: err("indicator")
            if r["status"] not in STATUS: err("status")
            if r["scope"] not in SCOPE: err("scope")
            if r["relative_to"] not in RELATIVE: err("relative_to")
            if r.get("period", "annual") not in PERIOD: err("period")
            for k in ("value", "value_max"):
                if r[k] is not None and (isinstance(r[k], bool) or not isinstance(r[k], (int, float))): err(k + " not a number")
            if r["status"] == "set":
                if r["comparator"] not in COMPARATORS: err("comparator")
                if r["value"] is None and not r["relative_to"]: err("set without value needs relative_to")
                if r["value"] is not None and not r["unit"] and "index" not in r["note"]: err("value without unit")
                if (r["comparator"] == "range") != (r["value_max"] is not None): err("range <-> value_max")
                if r["value_max"] is not None and r["value"] is not None and r["value_max"] <= r["value"]: err("value_max <= value")
                if r["value"] is not None and str(r["value"]) not in re.sub(r"\s", "", r["sentence"]).translate(FULLWIDTH) and not re.search(r"[一二三四五六七八九十百千万零]", r["sentence"]):
                    soft.append(f"{where}: value {r['value']} not seen as digits in sentence")
            else:
                if r["value"] is not None or r["comparator"] is not None: err(f"{r['status']} with value/comparator")
                if not r["note"]: err(f"{r['status']} needs a note")
            if r["status"] != "absent" or r["sentence"]:
                if not r["sentence"]: err("empty sentence")
                elif r["sentence"] not in text:
                    if re.sub(r"\s", "", r["sentence"]) in re.sub(r"\s", "", text):
                        soft.append(f"{where}: sentence matches only whitespace-insensitively")
                    else:
                        err("sentence not in file")
            key = (r["path"], r["indicator"], r["scope"], r.get("period", "annual"), r["note"].split(";")[0] if r["indicator"] == "disposable_income_growth" else "")
            seen[key] += 1
            if seen[key] > 1: err("duplicate label (path, indicator, scope, period)")
            counts[name][r["indicator"]] += 1
            counts[name]["_files"] += 0
            labelled_files[name].add(r["path"])
    # coverage: every city must have a gdp_growth label
    gdp = {r[0] for r in seen if r[1] == "gdp_growth"}
    for p, s in split.items():
        if p.startswith("gwr-city/") and p not in gdp:
            errors.append(f"coverage: no gdp_growth label for {p}")
    print(f"{'indicator':32s} {'dev':>5s} {'test':>5s}")
    for ind in INDICATORS:
        print(f"{ind:32s} {counts['dev'][ind]:5d} {counts['test'][ind]:5d}")
    print(f"{'total':32s} {sum(v for k, v in counts['dev'].items() if k in INDICATORS):5d} {sum(v for k, v in counts['test'].items() if k in INDICATORS):5d}")
    print(f"{'files with labels':32s} {len(labelled_files['dev']):5d} {len(labelled_files['test']):5d}")
    for s in soft: print("note:", s)
    for e in errors: print("ERROR:", e)
    print(f"{len(errors)} errors, {len(soft)} notes")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
