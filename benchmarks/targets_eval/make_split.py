"""Split files into dev/test by file, before labelling.

random.Random(15); 30% (rounded) of the sorted national files, then 30% of
the sorted city files, drawn with rng.sample, go to "test"; the rest "dev".
"""
import json, os, random
NAT = "/work/shared/corpus/gwr-national"
CITY = "/work/shared/corpus-local/gwr-city"
rng = random.Random(15)
split = {}
for folder, prefix in ((NAT, "gwr-national/"), (CITY, "gwr-city/")):
    files = sorted(f for f in os.listdir(folder) if f.endswith(".txt"))
    k = round(0.3 * len(files))
    test = set(rng.sample(files, k))
    for f in files:
        split[prefix + f] = "test" if f in test else "dev"
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "split.json"), "w", encoding="utf-8") as fh:
    json.dump(split, fh, ensure_ascii=False, indent=1, sort_keys=True)
print(sum(v == "test" for v in split.values()), len(split))
