"""Markup a scrape leaves around the words: HTML tags and entities, and a column of line numbers.

Text copied from web pages keeps ``<br>``, ``<p>`` and ``&nbsp;``; text copied
from some viewers keeps the line numbers of their left margin (``1⇥…``,
``2　…``). :func:`html_to_text` and :func:`line_numbers_remove` undo both, and
only where the markup is there to find: a speech with neither is returned as
it is. Both are steps of :func:`analysis.text.clean.clean_text` (rule 1) and
record what they changed in its ``changes`` list.
"""

from __future__ import annotations

import re

__all__ = ["html_to_text", "line_numbers_remove"]

# HTML a scrape left in the text: line-breaking tags, other tags, character entities.
_HTML_BREAK = re.compile(r"<\s*(?:br|/p|p|/div|div|/li|li|/tr|tr|/h[1-6]|h[1-6])\b[^<>\n]{0,200}>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<\s*/?\s*(?:p|span|div|font|strong|b|i|em|u|a|img|section|table|tbody|td|th|ul|ol|center|small|big|sup|sub)\b[^<>\n]{0,300}>", re.IGNORECASE)
_HTML_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|hellip|middot|ensp|emsp|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


def html_to_text(text: str, changes: list[tuple[str, str]]) -> str:
    """``<br>``/``<p>`` → line breaks, other tags dropped, entities decoded (``&nbsp;`` → space)."""
    if "<" not in text and "&" not in text:
        return text
    import html

    text, breaks = _HTML_BREAK.subn("\n", text)
    text, tags = _HTML_TAG.subn("", text)
    entities = len(_HTML_ENTITY.findall(text))
    if entities:
        text = _HTML_ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), text)
    if breaks + tags + entities:
        changes.append(("HTML tags and entities", str(breaks + tags + entities)))
    return text


_LINE_NUMBER = re.compile(r"^(\d{1,4})[\t\u3000 ]+(?=\S)", re.MULTILINE)


def line_numbers_remove(text: str, changes: list[tuple[str, str]]) -> str:
    """Drop a column of line numbers (``1\t…``, ``2\u3000…``) copied with the text.

    Only when most non-empty lines (at least five) open with a number and a
    tab or space, and the numbers mostly count up by one: list numbering
    (``1.``, ``一、``) and figures that open a line are left alone.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 5:
        return text
    numbers = [int(m.group(1)) for m in _LINE_NUMBER.finditer(text)]
    if len(numbers) < 0.8 * len(lines):
        return text
    steps = sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1)
    if steps < 0.8 * (len(numbers) - 1):
        return text
    changes.append(("line numbers", str(len(numbers))))
    return _LINE_NUMBER.sub("", text)
