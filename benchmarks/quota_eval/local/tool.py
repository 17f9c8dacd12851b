"""Labelling helper: locate hand-written label specs in the reference text t.
Spec lines (in reading order inside one range):
  anchor | q VALUE UNIT CMP [max=V] [per=P] [red] [# note]
  anchor | d DEADLINE [# note]
  anchor | n note
VALUE is a python expression (e.g. 120*1e4) or null.  Anchor is matched
allowing whitespace between characters (hard-wrapped texts).
"""
import json, re, sys, os
CORPUS = '/work/shared/corpus-local'
HERE = os.path.dirname(os.path.abspath(__file__))

def load(rel):
    raw = open(os.path.join(CORPUS, rel), encoding='utf-8').read()
    return raw.replace('\r\n', '\n')

def before_of(t, s):
    return re.sub(r'\s', '', t[max(0, s - 60):s])[-12:]

def anchor_re(a):
    return re.compile(r'\s*'.join(re.escape(c) for c in a if not c.isspace() and c != '⏎'))

def parse(rel, t, ranges, spec):
    labels = []
    ri = 0
    pos = ranges[0][0]
    for line in spec.strip('\n').split('\n'):
        line = line.rstrip()
        if not line.strip() or line.lstrip().startswith('//'):
            continue
        if line.strip() == '@next':
            ri += 1; pos = ranges[ri][0]; continue
        if line.strip().startswith('@auto'):
            note = line.strip()[5:].strip() or 'past statistic'
            extra = auto_none(t, ranges[ri][0], ranges[ri][1], labels, note)
            for x in extra: x['path'] = rel
            labels.extend(extra); continue
        anchor, rest = line.split(' | ', 1)
        anchor = anchor.strip()
        m = anchor_re(anchor).search(t, pos)
        if not m or m.end() > ranges[ri][1]:
            raise SystemExit(f'NOT FOUND in range {ri}: {anchor!r} after {pos} ({t[pos:pos+40]!r})')
        s, e = m.start(), m.end()
        pos = e
        note = ''
        if '#' in rest:
            rest, note = rest.split('#', 1); note = note.strip()
        parts = rest.split()
        k = parts[0]
        L = dict(path=rel, start=s, end=e, anchor=t[s:e], before=before_of(t, s))
        if k == 'n':
            L.update(kind='none', value=None, value_max=None, unit='', comparator='', period='',
                     deadline='', redacted=False, note=(rest[1:].strip() + (' ' + note if note else '')).strip())
        elif k == 'd':
            L.update(kind='deadline', value=None, value_max=None, unit='', comparator='', period='',
                     deadline=parts[1], redacted=False, note=note)
        elif k == 'q':
            v = parts[1]; unit = parts[2]; cmp_ = parts[3]
            if unit == "''": unit = ''
            val = None if v == 'null' else float(eval(v))
            if val is not None and abs(val - round(val)) < 1e-9 and abs(val) > 1e-9: val = float(round(val))
            vmax = None; per = ''; red = False
            for p in parts[4:]:
                if p.startswith('max='): vmax = float(eval(p[4:]))
                elif p.startswith('per='): per = p[4:]
                elif p == 'red': red = True
                else: raise SystemExit(f'bad field {p} in {line}')
            L.update(kind='quota', value=val, value_max=vmax, unit=unit, comparator=cmp_, period=per,
                     deadline='', redacted=red, note=note)
        else:
            raise SystemExit('bad kind ' + line)
        labels.append(L)
    return labels

NUM = re.compile(r'[0-9０-９][0-9０-９.．%％]*|(?!一(?![次倍分]))[一二两三四五六七八九十百千万亿半]+(?=[个项家所座条件次批户名人万亿千百倍成年天月日届期类轮场台套]|分之)|[年月]底前|[月日]前|之前|以前')
UNIT = r'\s*(?:[多余])?(?:[万亿千百]*?(?:个百分点|百分点|千瓦时|千瓦|千伏|兆瓦|吉瓦|微克/立方米|微克|平方公里|平方米|公里|公顷|亩|吨|标准箱|人次|户|人|名|家|个|项|所|座|条|件|次|批|场|台|套|辆|张|床|倍|天|届|类|处|间|栋|幢|公斤|斤|千米|米|支|只|头|株|部|位|种|宗|笔|美元|元|%|％|小时|分钟|个月)|[万亿千百]+)?(?:以上|左右|以内)?'
UNIT_RE = re.compile(UNIT)
VERB = re.compile(r'(?:增长|下降|达到|达|提高|增加|减少|超过|突破)$')

def auto_none(t, a, b, labels, note):
    cov = [(l['start'], l['end']) for l in labels]
    out = []
    for m in NUM.finditer(t, a, b):
        if re.match(r'[年月]底前|[月日]前|之前|以前', m.group()):
            continue
        if any(s <= m.start() < e for s, e in cov + [(o['start'], o['end']) for o in out]):
            continue
        s = m.start(); e = m.end()
        dm = re.compile(r'(?:[0-9]{4}年(?:[0-9]{1,2}月)?|[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:份)?)').match(t, s)
        if dm:
            out.append(dict(start=s, end=dm.end(), note='date')); continue
        u = UNIT_RE.match(t, e)
        if u: e = u.end()
        e = min(e, b)
        while t[e-1] in '，,.．。 \n\u3000\xa0' : e -= 1
        v = VERB.search(t[max(a, s-3):s])
        if v: s = s - len(v.group())
        out.append(dict(start=s, end=e))
    res = []
    for o in out:
        s, e = o['start'], o['end']
        res.append(dict(path=None, start=s, end=e, anchor=t[s:e], before=before_of(t, s), kind='none', value=None, value_max=None, unit='', comparator='', period='', deadline='', redacted=False, note=o.get('note', note)))
    return res

def uncovered(t, ranges, labels):
    cov = [(l['start'], l['end']) for l in labels]
    out = []
    for a, b in ranges:
        for m in NUM.finditer(t, a, b):
            if not any(s <= m.start() < e or s < m.end() <= e for s, e in cov):
                out.append((m.start(), m.group(), t[max(a, m.start() - 15):m.end() + 12].replace('\n', '⏎')))
    return out

def save(rel, ranges, spec):
    t = load(rel)
    labels = parse(rel, t, ranges, spec)
    for L in labels:
        assert t[L['start']:L['end']] == L['anchor']
        assert any(a <= L['start'] and L['end'] <= b for a, b in ranges), L
    labels.sort(key=lambda l: l['start'])
    name = rel.split('_')[1]
    json.dump({'path': rel, 'ranges': ranges, 'labels': labels}, open(os.path.join(HERE, 'work', name + '.json'), 'w'), ensure_ascii=False, indent=0)
    from collections import Counter
    print(name, len(labels), Counter(l['kind'] for l in labels))
    for p, g, c in uncovered(t, ranges, labels):
        print('  UNCOVERED', p, g, '|', c)
    return labels
