"""Verify local labels: anchor == t[start:end], `before` matches, labels inside ranges, fields valid, no overlaps, split consistent.
t = open(path, encoding='utf-8').read().replace('\\r\\n', '\\n')   (the reference text; nothing else)
Usage: python3 check_labels.py   (exit status 1 on any error)"""
import json, os, re, sys
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = '/work/shared/corpus-local'
files = json.load(open(os.path.join(HERE, 'files.json')))['files']
errors = []
texts = {}
def text(rel):
    if rel not in texts:
        texts[rel] = open(os.path.join(CORPUS, rel), encoding='utf-8').read().replace('\r\n', '\n')
    return texts[rel]
CMP = {'ge', 'gt', 'le', 'lt', 'approx', 'range', 'eq', ''}
for sp in ('dev', 'test'):
    lines = open(os.path.join(HERE, f'{sp}.jsonl'), encoding='utf-8').read().splitlines()
    head = json.loads(lines[0])
    if 'fully_labelled' not in head: errors.append(f'{sp}: first line must be fully_labelled')
    labs = [json.loads(l) for l in lines[1:]]
    cnt = Counter()
    bypath = {}
    for i, L in enumerate(labs, 2):
        where = f'{sp}.jsonl:{i}'
        rel = L['path']
        if rel not in files: errors.append(f'{where}: path not in files.json'); continue
        if files[rel]['split'] != sp: errors.append(f'{where}: split mismatch')
        t = text(rel)
        s, e = L['start'], L['end']
        if t[s:e] != L['anchor']: errors.append(f'{where}: anchor mismatch {L["anchor"]!r} != {t[s:e]!r}')
        exp_before = re.sub(r'\s', '', t[max(0, s - 60):s])[-12:]
        if L['before'] != exp_before: errors.append(f'{where}: before mismatch {L["before"]!r} != {exp_before!r}')
        if not any(a <= s and e <= b for a, b in files[rel]['ranges']): errors.append(f'{where}: outside ranges')
        k = L['kind']
        if k not in ('quota', 'deadline', 'none'): errors.append(f'{where}: bad kind')
        if L['comparator'] not in CMP: errors.append(f'{where}: bad comparator')
        if k == 'deadline' and (not L['deadline'] or L['value'] is not None): errors.append(f'{where}: deadline fields')
        if k == 'quota' and not L['comparator']: errors.append(f'{where}: quota without comparator')
        if k == 'quota' and L['value'] is None and not L['redacted']: errors.append(f'{where}: quota without value')
        if k == 'none' and not L['note']: errors.append(f'{where}: none without note')
        cnt[k] += 1
        bypath.setdefault(rel, []).append((s, e, where))
    for rel, sp_ in bypath.items():
        sp_.sort()
        for (s1, e1, w1), (s2, e2, w2) in zip(sp_, sp_[1:]):
            if s2 < e1: errors.append(f'overlap {w1} {w2}')
    print(sp, len(labs), dict(cnt), 'files:', len(bypath))
for rel, f in files.items():
    t = text(rel)
    for a, b in f['ranges']:
        if not (0 <= a < b <= len(t)): errors.append(f'{rel}: bad range {a},{b}')
# relocation check: before + anchor (whitespace removed) should occur exactly once in the whitespace-free text
warn = 0
for sp in ('dev', 'test'):
    for line in open(os.path.join(HERE, f'{sp}.jsonl'), encoding='utf-8').read().splitlines()[1:]:
        L = json.loads(line)
        flat = re.sub(r'\s', '', text(L['path']))
        needle = L['before'] + re.sub(r'\s', '', L['anchor'])
        n = flat.count(needle)
        if n != 1:
            warn += 1
            if n == 0: errors.append(f'{sp}: before+anchor not found for {L["anchor"]!r}')
print('relocation: before+anchor not unique for', warn, 'labels (not an error if 0 missing)')
for e in errors: print('ERROR', e)
print('OK' if not errors else f'{len(errors)} errors')
sys.exit(1 if errors else 0)
