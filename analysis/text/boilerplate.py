"""Site boilerplate rules, read from a data file.

The debris that document-sharing sites, government portals and broadcasters
leave around a speech is described in ``analysis/data/boilerplate_zh.yaml``:
one entry per site family, each with a pattern, a quick check and at least
one example that the tests run through :func:`analysis.text.clean.clean_text`.
A user adds a site there (or passes their own file to
:func:`boilerplate_rules`) without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["BOILERPLATE_FILE", "BoilerplateRule", "boilerplate_rules"]

# Boilerplate rules are data: analysis/data/boilerplate_zh.yaml, one entry per
# site family with an example each (a user adds a site there, not here).
BOILERPLATE_FILE = "boilerplate_zh.yaml"


@dataclass(frozen=True)
class BoilerplateRule:
    """One site family's debris (an entry of ``analysis/data/boilerplate_zh.yaml``).

    ``quick`` matches inside every match of ``pattern`` and opens with a
    literal, so a text where it finds nothing is passed over at once (most
    patterns give ``re`` no literal to skip ahead to).  ``site`` says the
    match proves the text is a site scrape; ``keep_newline`` leaves the line
    break of a removed line.
    """

    id: str
    rule: str
    quick: re.Pattern[str]
    pattern: re.Pattern[str]
    site: bool = False
    keep_newline: bool = False
    examples: tuple[tuple[str, str], ...] = ()


def boilerplate_rules(path: "str | None" = None) -> list[BoilerplateRule]:
    """The boilerplate rules of ``path`` (default: the package's ``boilerplate_zh.yaml``).

    Raises ``ValueError`` naming the file and the entry when an entry lacks a
    field or a pattern does not compile.
    """
    if path is None and _DEFAULT_RULES:
        return _DEFAULT_RULES
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if path is None:
        from importlib import resources

        source = str(resources.files("analysis") / "data" / BOILERPLATE_FILE)
        text = (resources.files("analysis") / "data" / BOILERPLATE_FILE).read_text(encoding="utf-8")
    else:
        source = str(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
    data = yaml.load(text, Loader=loader)
    if not isinstance(data, dict) or not isinstance(data.get("sites"), list):
        raise ValueError(f"{source}: not a boilerplate file (needs a top-level 'sites' list)")
    rules = []
    for i, entry in enumerate(data["sites"]):
        name = entry.get("id", f"entry {i}") if isinstance(entry, dict) else f"entry {i}"
        try:
            flags = re.M if entry.get("multiline") else 0
            rules.append(
                BoilerplateRule(
                    id=str(entry["id"]),
                    rule=str(entry["rule"]),
                    quick=re.compile(str(entry["quick"]), flags),
                    pattern=re.compile(str(entry["pattern"]), flags),
                    site=bool(entry.get("site", False)),
                    keep_newline=bool(entry.get("keep_newline", False)),
                    examples=tuple((str(e["raw"]), str(e["clean"])) for e in entry.get("examples") or ()),
                )
            )
        except (KeyError, TypeError, AttributeError, re.error) as exc:
            raise ValueError(f"{source}: boilerplate entry {name!r}: {exc}") from None
    if path is None:
        _DEFAULT_RULES.extend(rules)
    return rules


_DEFAULT_RULES: list[BoilerplateRule] = []
