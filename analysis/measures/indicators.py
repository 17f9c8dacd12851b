"""The indicator table: headline indicators of government work reports and the wordings that name them.

:func:`indicators_load` reads ``analysis/data/indicators_zh.yaml`` (or a
user's file, or the bundled table extended by one) into an
:class:`IndicatorTable`, whose single compiled pattern finds every
indicator mention in a string, leftmost-longest across all variants (so
单位国内生产总值能耗 is energy intensity, not GDP).  Each variant carries an
example clause and the value and comparator it must yield; the tests run
every example through :func:`analysis.measures.targets.targets_extract`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from functools import lru_cache
from typing import Any

import yaml

from analysis.text.first_chars import first_chars_class

__all__ = ["Indicator", "Variant", "IndicatorTable", "IndicatorError", "indicators_load", "indicators_cached", "DEFAULT_INDICATORS"]

DEFAULT_INDICATORS = "indicators_zh.yaml"
KINDS = ("growth", "level", "rate")


class IndicatorError(ValueError):
    """An indicator file that cannot be used (the message names the file and the cause)."""


@dataclass(frozen=True)
class Variant:
    """One wording of an indicator: a regular expression, an optional group (urban, rural) and its example."""

    pattern: str
    group: str = ""
    example: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    rank: int = 0


@dataclass(frozen=True)
class Indicator:
    """A headline indicator: stable ``id``, Chinese ``label``, ``kind`` (growth, level or rate) and its variants."""

    id: str
    label: str
    label_en: str
    kind: str
    variants: tuple[Variant, ...]


@dataclass
class IndicatorTable:
    """The indicators of a table and one pattern finding all their mentions."""

    indicators: dict[str, Indicator]
    source: str
    version: str = ""
    sha256: str = ""  # of the file(s) read
    _pattern: re.Pattern[str] | None = None
    _groups: dict[str, tuple[str, str, int]] = field(default_factory=dict)

    @property
    def pattern(self) -> re.Pattern[str]:
        """One alternation of every variant, each in a named group ``v<N>``; longer patterns first."""
        if self._pattern is None:
            parts, groups = [], {}
            variants = [(ind.id, v) for ind in self.indicators.values() for v in ind.variants]
            # Longest literal text first: with re's leftmost-first alternation,
            # 地区生产总值 must be tried before 生产总值 at the same position.
            variants.sort(key=lambda item: -len(re.sub(r"\(\?:|[()?|\\*+]", "", item[1].pattern)))
            for n, (indicator_id, variant) in enumerate(variants):
                name = f"v{n}"
                groups[name] = (indicator_id, variant.group, variant.rank)
                parts.append(f"(?P<{name}>{variant.pattern})")
            firsts = first_chars_class([v.pattern for _, v in variants])
            # A lookahead of the characters a mention can start with lets the engine reject most
            # positions at once instead of trying every alternative there (several times quicker).
            lead = f"(?={firsts})" if firsts else ""
            self._pattern = re.compile(lead + "(?:" + "|".join(parts) + ")")
            self._groups = groups
        return self._pattern

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str, int]]:
        """``(start, end, indicator_id, group, rank)`` of every mention in ``text[start:end]``, in order."""
        pattern = self.pattern
        found = []
        for match in pattern.finditer(text, start, len(text) if end is None else end):
            if match.end() == match.start():
                continue
            indicator_id, group, rank = self._groups[match.lastgroup]  # type: ignore[index]
            found.append((match.start(), match.end(), indicator_id, group, rank))
        return found

    def fingerprint(self) -> str:
        """The first 16 hex digits of the SHA-256 of the file(s) read (part of the per-speech cache key)."""
        return self.sha256[:16]

    def label(self, indicator_id: str) -> str:
        return self.indicators[indicator_id].label if indicator_id in self.indicators else indicator_id

    def kind(self, indicator_id: str) -> str:
        return self.indicators[indicator_id].kind if indicator_id in self.indicators else "growth"


def _read(path: Path | None) -> tuple[dict[str, Any], str, str]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if path is None:
        text = resources.files("analysis.data").joinpath(DEFAULT_INDICATORS).read_text(encoding="utf-8")
        source = f"analysis/data/{DEFAULT_INDICATORS}"
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise IndicatorError(f"{path}: cannot read the indicator file ({err})") from err
        source = str(path)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as err:
        raise IndicatorError(f"{source}: not valid YAML ({str(err).splitlines()[0]})") from err
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise IndicatorError(f"{source}: expected a mapping with a list 'indicators'")
    return data, source, hashlib.sha256(text.encode("utf-8")).hexdigest()


def _parse(data: dict[str, Any], source: str) -> dict[str, Indicator]:
    indicators: dict[str, Indicator] = {}
    for n, item in enumerate(data["indicators"]):
        if not isinstance(item, dict) or not item.get("id") or not item.get("variants"):
            raise IndicatorError(f"{source}: indicator {n + 1} needs an 'id' and a list of 'variants'")
        kind = item.get("kind", "growth")
        if kind not in KINDS:
            raise IndicatorError(f"{source}: indicator {item['id']}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        variants = []
        for variant in item["variants"]:
            if isinstance(variant, str):
                variant = {"pattern": variant}
            pattern = str(variant.get("pattern", ""))
            try:
                compiled = re.compile(pattern)
            except re.error as err:
                raise IndicatorError(f"{source}: indicator {item['id']}: bad pattern {pattern!r} ({err})") from err
            if not pattern or compiled.groups:
                raise IndicatorError(f"{source}: indicator {item['id']}: pattern {pattern!r} must be non-empty and use (?:…) groups only")
            variants.append(Variant(pattern, str(variant.get("group", "")), dict(variant.get("example") or {}), str(variant.get("note", "")),
                                    int(variant.get("rank", 0) or 0)))
        indicators[str(item["id"])] = Indicator(
            str(item["id"]), str(item.get("label", item["id"])), str(item.get("label_en", item["id"])), kind, tuple(variants)
        )
    return indicators


def indicators_load(path: str | Path | None = None, *, extend: bool = True) -> IndicatorTable:
    """The bundled indicator table, or a user's file.

    Args:
        path: a YAML file in the schema of ``analysis/data/indicators_zh.yaml``.
        extend: with ``path``, add its indicators to the bundled ones (an
            indicator of the same id replaces the bundled one); ``False``
            uses the file alone.
    """
    data, source, digest = _read(None)
    indicators = _parse(data, source)
    version = str(data.get("version", ""))
    if path is not None:
        user, user_source, user_digest = _read(Path(path))
        parsed = _parse(user, user_source)
        indicators = {**indicators, **parsed} if extend else parsed
        source = f"{source} + {user_source}" if extend else user_source
        version = f"{version}+{user.get('version', '')}" if extend else str(user.get("version", ""))
        digest = hashlib.sha256((digest + user_digest).encode()).hexdigest() if extend else user_digest
    return IndicatorTable(indicators, source, version, digest)


@lru_cache(maxsize=8)
def indicators_cached(path: str = "") -> IndicatorTable:
    """:func:`indicators_load` of ``path`` (``""``: the bundled table), loaded once per process."""
    return indicators_load(path or None)
