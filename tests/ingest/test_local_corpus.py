"""The real local corpus (../shared/corpus-local): the .docx and .txt copies of each city report clean alike (issue #13)."""

from __future__ import annotations

import re

from analysis.ingest import document_read

_SPACE = re.compile(r"\s")


def test_docx_and_txt_copies_give_the_same_cleaned_text(local_corpus) -> None:
    pairs = sorted((local_corpus / "gwr-city").glob("*.txt"))
    assert len(pairs) == 113
    different = []
    for txt in pairs:
        docx = local_corpus / "gwr-city-docx" / (txt.stem + ".docx")
        a = document_read(txt, f"gwr-city/{txt.name}")
        b = document_read(docx, f"gwr-city-docx/{docx.name}")
        # Apart from line breaks (and a first line the plain text sets apart as its headline).
        if _SPACE.sub("", a.cleaned.headline + a.text) != _SPACE.sub("", b.cleaned.headline + b.text):
            different.append(txt.name)
    assert not different, different


def test_city_report_metadata_from_the_text(local_corpus) -> None:
    doc = document_read(local_corpus / "gwr-city" / "2024_亳州_government-work-report.txt", "gwr-city/2024_亳州_government-work-report.txt",
                        table_row={"date": "2024"})
    assert doc.metadata.date.iso() == "2024-01-16" and doc.metadata.sources["date"] == "table+text"
    assert doc.metadata.speaker == "市人民政府市长 秦凤玉"
