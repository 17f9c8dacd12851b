"""Assemble work/*.json into files.json, dev.jsonl, test.jsonl (offsets into t = raw.replace('\\r\\n','\\n'))."""
import json, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
split = json.load(open(os.path.join(HERE, 'split.json')))['split']
FIELDS = ['path', 'start', 'end', 'anchor', 'before', 'kind', 'value', 'value_max', 'unit', 'comparator', 'period', 'deadline', 'redacted', 'note']
files = {}
out = {'dev': [], 'test': []}
for p in sorted(glob.glob(os.path.join(HERE, 'work', '*.json'))):
    d = json.load(open(p))
    sp = split[d['path']]
    files[d['path']] = {'corpus': 'local', 'split': sp, 'ranges': d['ranges'], 'fully_labelled': False}
    for L in d['labels']:
        out[sp].append({k: L[k] for k in FIELDS})
note = ("Local corpus /work/shared/corpus-local. Offsets are into t = open(path, encoding='utf-8').read().replace('\\r\\n','\\n') "
        "(no other cleaning); `before` = up to 12 characters of t preceding the anchor, whitespace removed, for relocation after cleaning. "
        "Ranges [start, end) are labelled exhaustively. For the 12 main reports, range 1 is a stretch of the 2023 review and range 2 is the main expected targets "
        "paragraph plus the 2024 tasks that follow it. The 8 supplementary reports (split.json: supplementary) have one paragraph each, around a rare deadline pattern. Split by file before labelling: random.Random(13).shuffle over the chosen "
        "list (see split.json). Decisions for cases GUIDELINE.md leaves open: GUIDELINE_LOCAL.md.")
json.dump({'note': note, 'files': {k: files[k] for k in sorted(files, key=lambda k: (files[k]['split'], k))}},
          open(os.path.join(HERE, 'files.json'), 'w'), ensure_ascii=False, indent=1)
for sp in out:
    with open(os.path.join(HERE, f'{sp}.jsonl'), 'w') as f:
        f.write(json.dumps({'fully_labelled': []}, ensure_ascii=False) + '\n')
        for L in out[sp]:
            f.write(json.dumps(L, ensure_ascii=False) + '\n')
print({sp: len(v) for sp, v in out.items()})
