#!/usr/bin/env python3
"""Check the speech fixture labels.

For every label in dev.jsonl and test.jsonl:
  * anchor == t[start:end], where t is the reference text
    t = open(path, encoding='utf-8').read().replace('\\r\\n', '\\n')
    (paths are relative to benchmarks/quota_eval/local/);
  * `before` equals the last <=12 non-whitespace characters of t before start;
  * kind is quota / deadline / none and the fields are present;
  * labels of one file do not overlap;
  * every labelled file is listed in files.json with the same split, and lies
    inside the labelled ranges.
Run: python3 check_labels.py
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)          # benchmarks/quota_eval/local
FIELDS = ["path", "start", "end", "anchor", "before", "kind", "value", "value_max",
          "unit", "comparator", "period", "deadline", "redacted", "note"]


def ref_text(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read().replace("\r\n", "\n")


def main():
    files = json.load(open(os.path.join(HERE, "files.json"), encoding="utf-8"))["files"]
    texts = {p: ref_text(p) for p in files}
    for p, meta in files.items():
        assert meta["ranges"] == [[0, len(texts[p])]], p
    n = 0
    for split in ("dev", "test"):
        by_path = {}
        with open(os.path.join(HERE, split + ".jsonl"), encoding="utf-8") as f:
            lines = [json.loads(x) for x in f if x.strip()]
        header, labels = lines[0], lines[1:]
        assert set(header) == {"fully_labelled"}, "first line must be the fully_labelled header"
        assert sorted(header["fully_labelled"]) == sorted(
            p for p, m in files.items() if m["split"] == split), split
        for lab in labels:
            assert list(lab) == FIELDS, (lab, "fields")
            p = lab["path"]
            assert files[p]["split"] == split, (p, split)
            t = texts[p]
            s, e = lab["start"], lab["end"]
            assert 0 <= s < e <= len(t), lab
            assert t[s:e] == lab["anchor"], (lab, t[s:e])
            assert not re.search(r"\s", lab["anchor"]), ("whitespace in anchor", lab)
            assert lab["before"] == re.sub(r"\s", "", t[:s])[-12:], ("before", lab)
            assert lab["kind"] in ("quota", "deadline", "none"), lab
            if lab["kind"] == "deadline":
                assert lab["deadline"] and lab["value"] is None, lab
            if lab["kind"] == "none":
                assert lab["note"], ("none label without note", lab)
            by_path.setdefault(p, []).append(lab)
            n += 1
        for p, labs in by_path.items():
            labs.sort(key=lambda l: l["start"])
            for a, b in zip(labs, labs[1:]):
                assert b["start"] >= a["end"], ("overlap", p, a["anchor"], b["anchor"])
    print("ok: %d labels in %d files" % (n, len(files)))


if __name__ == "__main__":
    main()
