"""Encodings and file formats: every kind of input, and every kind of bad input."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from analysis.ingest.readers import ReadError, decode_bytes, read_text_file

SPEECH = "县委书记在全县工作会议上的讲话。每月外出招商时间不得少于10天，全面从严治党。"
TRADITIONAL = "我們第一屆全國人民代表大會第一次會議，已經光榮地完成了一件歷史性的工作。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SPEECH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SPEECH.encode("utf-8"), "utf-8-sig"),
        (SPEECH.encode("utf-16"), "utf-16"),
        (SPEECH.encode("utf-16-le"), "utf-16"),
        (SPEECH.encode("utf-16-be"), "utf-16"),
        (SPEECH.encode("gbk"), "gb18030"),
        (SPEECH.encode("gb18030"), "gb18030"),
        (TRADITIONAL.encode("big5"), "big5"),
    ],
)
def test_encodings_detected(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert found == encoding
    assert text in (SPEECH, TRADITIONAL)


@pytest.mark.parametrize("data", [os.urandom(0)[:0] + bytes(range(256)) * 8, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + bytes(range(256))])
def test_binary_rejected(data: bytes) -> None:
    with pytest.raises(ReadError, match="binary|undecodable"):
        decode_bytes(data)


def test_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("县委书记讲话")
    document.add_paragraph(SPEECH)
    path = tmp_path / "speech.docx"
    document.save(path)
    text, kind = read_text_file(path, max_bytes=10**7)
    assert kind == "docx" and SPEECH in text


def test_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not a real zip archive")
    with pytest.raises(ReadError, match="corrupt .docx"):
        read_text_file(path, max_bytes=10**7)


def _pdf(path: Path, text: str | None) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from analysis.charts.fonts import font_path

    from matplotlib.font_manager import FontProperties

    with plt.rc_context({"pdf.fonttype": 42}):
        fig = plt.figure(figsize=(4, 2))
        if text:
            fig.text(0.05, 0.5, text, fontproperties=FontProperties(fname=str(font_path())), fontsize=6)
        else:
            fig.figimage(np.random.default_rng(0).random((50, 50)))
        fig.savefig(path)
        plt.close(fig)


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "speech.pdf"
    _pdf(path, "全面从严治党，每月外出招商时间不得少于10天。")
    text, kind = read_text_file(path, max_bytes=10**7)
    assert kind == "pdf" and "不得少于10天" in text


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    _pdf(path, None)
    with pytest.raises(ReadError, match="without a text layer"):
        read_text_file(path, max_bytes=10**7)


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage garbage")
    with pytest.raises(ReadError, match="corrupt .pdf|without a text layer"):
        read_text_file(path, max_bytes=10**7)


def test_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    markup = f"<html><head><meta charset='gbk'><title>t</title><script>var x=1;</script></head><body><p>{SPEECH}</p><p>第二段。</p></body></html>"
    path.write_bytes(markup.encode("gbk"))
    text, _ = read_text_file(path, max_bytes=10**7)
    assert SPEECH in text and "var x" not in text and "第二段。" in text


def test_oversized(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(SPEECH * 100, encoding="utf-8")
    with pytest.raises(ReadError, match="oversized"):
        read_text_file(path, max_bytes=1000)


def test_permission_denied_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CI runs as root, where chmod 000 does not stop reading: inject the fault.
    path = tmp_path / "locked.txt"
    path.write_text(SPEECH, encoding="utf-8")

    import os

    opened = os.open

    def refuse(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return opened(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ReadError, match="permission denied"):
        read_text_file(path, max_bytes=10**7)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["县委书记讲话。同志们：今天开会，要抓好落实。\n", "县委书记在全县工作会议上的讲话。每月不得少于10天。\n"])
def test_utf16_without_bom(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == (text, "utf-16")


def test_html_main_text_without_navigation(tmp_path: Path) -> None:
    page = """<html><head><title>县委书记讲话_某某县人民政府</title></head><body>
    <div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hd">互动交流</a></div>
    <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xw">新闻中心</a></div>
    <h1>县委书记在全县工作推进会上的讲话</h1>
    <div id="zoom"><p>同志们：</p><p>今天召开会议，主要任务是安排部署下一阶段工作。每月外出招商时间不得少于10天。</p>
    <p>要坚持全面从严治党，严格执行“三会一课”制度，确保各项任务落到实处。</p><p>谢谢大家！</p><p>2023年8月15日</p></div>
    <div class="related"><a href="/1">相关新闻一</a><a href="/2">相关新闻二</a></div>
    <div class="footer">版权所有：某某县人民政府办公室 备案号：ICP备12345678号</div>
    </body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text, _ = read_text_file(path, max_bytes=10**7)
    assert "每月外出招商时间不得少于10天" in text and "三会一课" in text
    lines = text.split("\n")
    assert lines[:2] == ["县委书记在全县工作推进会上的讲话", "同志们："]
    assert lines[-2:] == ["谢谢大家！", "2023年8月15日"]
    for noise in ["首页", "政务公开", "当前位置", "相关新闻", "版权所有"]:
        assert noise not in text, noise
