"""A Chinese font for charts, found without any system font.

Matplotlib's default fonts have no Chinese glyphs: on a machine without a
CJK font it draws boxes and warns ``Glyph … missing from font``, and
wordcloud draws boxes without a word.  The package depends on
``pylopdf-fonts-zh-cn``, which ships Noto Sans SC (SIL Open Font
License 1.1), and registers it with matplotlib by path, which needs no
font cache rebuild and no network.  Users may name their own font file
for a house style.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["font_path", "font_register", "font_covers", "FONT_LICENCE"]

FONT_LICENCE = "Noto Sans SC, SIL Open Font License 1.1 (via the pylopdf-fonts-zh-cn package)"


def font_path(custom: str | Path | None = None) -> Path:
    """The font file to use: ``custom`` if given, else the bundled Noto Sans SC.

    Raises:
        FileNotFoundError: when ``custom`` does not exist.
    """
    if custom:
        path = Path(custom)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such font file")
        return path
    return Path(str(resources.files("pylopdf_fonts_zh_cn") / "NotoSansSC-Regular.otf"))


@lru_cache(maxsize=8)
def _register(path: str) -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def font_register(custom: str | Path | None = None) -> str:
    """Register the font with matplotlib by path; return its family name."""
    return _register(str(font_path(custom)))


@lru_cache(maxsize=8)
def _charmap(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(path).get_charmap())


def font_covers(text: str, custom: str | Path | None = None) -> set[str]:
    """Characters of ``text`` that the font has no glyph for (empty: all covered)."""
    charmap = _charmap(str(font_path(custom)))
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in charmap}
