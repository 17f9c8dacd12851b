"""Cleaning rules, each on a small fixture and on the county speech."""

from __future__ import annotations

import re

import pytest

from analysis.text.clean import clean_text, find_placeholders, fold_width


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("《讲话.docx》由会员分享,可在线阅读,更多相关《讲话.docx(15页珍藏版)》请在淘文阁 - 分享文档赚钱的网站上搜索。\n同志们:今天开会。", "同志们:今天开会。"),
        ("要抓好落实。\n限制150内", "要抓好落实。"),
        ("要抓好落实。第1页共 17 页", "要抓好落实。"),
        ("要抓好落实。(未完,全文共2010字,当前显示249字)", "要抓好落实。"),
        ("要抓好落实。【文章共3420字，请登录查看全文】", "要抓好落实。"),
        ("央视网消息（新闻联播）：国务院总理李强主持召开国务院常务会议。", "国务院总理李强主持召开国务院常务会议。"),
        ("奋斗！\n\n\n本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议。\nPublic domain\nPublic domain\nfalse\nfalse", "奋斗！"),
    ],
)
def test_boilerplate_removed(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("工作 推进会", "工作推进会"),
        ("不低 于职工总数", "不低于职工总数"),
        ("1 9 9 3 年", "1993年"),
        ("国产大飞机C919 投入运营", "国产大飞机C919投入运营"),
        ("采用 Open Source 软件", "采用Open Source软件"),
        ("\u3000\u3000现在，我代表国务院。", "现在，我代表国务院。"),
    ],
)
def test_hard_wrap_spaces(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


def test_fold_width_keeps_chinese_punctuation() -> None:
    assert fold_width("１９９２年增长５．２％，（一）ＧＤＰ；") == "1992年增长5.2%，（一）GDP；"


def test_page_markers_rejoin_split_words() -> None:
    raw = "1、第一页的内容，套取国家补\n2、助、侵吞补偿款。举办一次技能培\n3、训，提供信息\n4、。下面讲三点"
    text = clean_text(raw).text
    assert "补助" in text and "技能培训" in text
    assert not re.search(r"\d、", text)


def test_genuine_list_numbering_kept() -> None:
    raw = "主要任务有三项:\n1、抓好招商引资。\n2、抓好项目建设。\n3、抓好安全生产。"
    text = clean_text(raw).text
    assert "1、抓好招商引资" in text and "3、抓好安全生产" in text


def test_wikisource_link_breaks_joined() -> None:
    raw = "在听了刘少奇同志\n关于宪法草案的报告\n并进行了三天的讨论以后，\n已经完成了工作。\n\n一、总体要求\n\n　　会议指出。"
    text = clean_text(raw).text
    assert "同志关于宪法草案的报告并进行了三天的讨论以后，已经完成了工作。" in text
    assert "\n一、总体要求\n会议指出。" in text


def test_headline_taken_from_broadcast_readout() -> None:
    result = clean_text("李强主持召开国务院常务会议\n\n央视网消息（新闻联播）：会议指出，要稳就业。\n")
    assert result.headline == "李强主持召开国务院常务会议"
    assert result.text == "会议指出，要稳就业。"


@pytest.mark.parametrize("placeholder", ["XX", "xx", "××", "☆☆", "##", "*"])
def test_placeholders_kept_and_marked(placeholder: str) -> None:
    raw = f"今年村办公经费是{placeholder}书记定的{placeholder}元。"
    result = clean_text(raw)
    assert result.text == raw
    assert [p[2] for p in result.placeholders] == [placeholder, placeholder]
    assert all(result.text[s:e] == p for s, e, p in result.placeholders)


def test_latin_words_not_placeholders() -> None:
    assert find_placeholders("XXL码和Xbox") == []


def test_county_speech_is_clean(county_doc) -> None:
    text = county_doc.text
    assert "由会员分享" not in text and "淘文阁" not in text
    assert "限制150内" not in text
    assert not re.search(r"(?m)^\d{1,2}、", text)
    assert not re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", text)
    for word in ["补助", "技能培训", "允许其节约开支", "大局看问题", "工作推进会", "不低于职工总数", "软弱涣散党组织整顿"]:
        assert word in text, word
    assert county_doc.cleaned.change_counts()["page marker"] == 27


def test_county_raw_kept(county_doc, county_raw) -> None:
    assert county_doc.raw_text == county_raw


@pytest.mark.parametrize(
    "raw, lines",
    [
        ("关于做好防汛工作的讲话\n同志们：\n今天开会，要做好防汛工作。\n县委办公室\n2022年6月3日\n", ["关于做好防汛工作的讲话", "同志们：", "今天开会，要做好防汛工作。", "县委办公室", "2022年6月3日"]),
        ("县委书记在全县经济工作会议上的讲话\n（2023年8月15日）\n同志们：\n今天召开会议。", ["县委书记在全县经济工作会议上的讲话", "（2023年8月15日）", "同志们：", "今天召开会议。"]),
    ],
)
def test_title_salutation_and_date_lines_stand_alone(raw: str, lines: list[str]) -> None:
    assert clean_text(raw).text.split("\n") == lines


def test_placeholder_pattern_matches_its_plain_definition() -> None:
    # PLACEHOLDER is written so that every alternative opens with a literal
    # (for speed); it must find exactly what this plain form finds.
    import random

    from analysis.text.clean import PLACEHOLDER

    plain = re.compile(
        r"(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])"
        r"|××+|☆+|#{2,}|○{2,}|□{2,}|△{2,}|某某"
        r"|[*＊]{1,3}(?=[\u4e00-\u9fff])"
    )
    rng = random.Random(1)
    alphabet = "XxXx××☆☆##○○□□△△某某**＊＊aB1中书 \n。"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        expected = [(m.start(), m.end(), m.group()) for m in plain.finditer(text)]
        assert [(m.start(), m.end(), m.group()) for m in PLACEHOLDER.finditer(text)] == expected, text


def test_hard_wrap_spaces_and_full_width_counts() -> None:
    cleaned = clean_text("ＧＤＰ增长 ５．２％ ，Xi Jinping 说 2024 年\u3000\u3000要做好\n  工作 。")
    assert cleaned.text == "GDP增长5.2%，Xi Jinping说2024年要做好工作。"
    assert cleaned.changes == [
        ("full-width folded", "7"),
        ("hard-wrap space", "长 5"),
        ("hard-wrap space", "% ，"),
        ("hard-wrap space", "g 说"),
        ("hard-wrap space", "说 2"),
        ("hard-wrap space", "4 年"),
        ("hard-wrap space", "年\u3000\u3000要"),
        ("hard-wrap space", "作 。"),
        ("line join", "24年要做好⏎工作。"),
    ]


@pytest.mark.parametrize("raw", ["\u3000\u3000\u3000\u3000\n\n正文。", "    \n\n正文。", "\t\t\t\t\n\n正文。"])
def test_a_first_line_of_only_spaces_is_no_headline(raw: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned.headline == "" and cleaned.text == "正文。"


@pytest.mark.parametrize(
    "raw, expected",
    [
        # issue #13: one marker is enough once site debris is there
        ("首页 文档分类 购物车 我的足迹 登录\n同志们：\n下面，我重\n2、点讲三方面。", "同志们：\n下面，我重点讲三方面。"),
        ("首页 文档分类 购物车 我的足迹 登录\n同志们：我再2、强调一下。", "同志们：我再强调一下。"),
    ],
)
def test_single_page_marker_removed_in_a_site_scrape(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


def test_single_marker_kept_without_site_debris() -> None:
    assert clean_text("同志们：我再2、强调一下。").text == "同志们：我再2、强调一下。"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("推动经济高质量发(fā)展", "推动经济高质量发展"),
        ("经(jīng)济(jì)工作", "经济工作"),
        ("统筹调(diào)度", "统筹调度"),
        ("增长（GDP）与规模(a)", "增长（GDP）与规模(a)"),
    ],
)
def test_pinyin_glosses_removed(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("发布时间：2022-03-10 11:51", "发布时间：2022-03-10 11:51"),
        ("1 4月份", "1 4月份"),
        ("增长1 1 ％。", "增长11%。"),
        ("下降到1 0 ．0 6 ‰。", "下降到10.06‰。"),
        ("政 府 工 作 报 告", "政府工作报告"),
    ],
)
def test_spaces_between_numbers(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


def test_hard_wrapped_text_rejoined_across_blank_lines() -> None:
    # 2024_承德 is wrapped at about 30 characters with a blank line after each line.
    sentence = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，扎实推进各项工作，取得了新的成绩。"
    body = sentence * 12
    wrapped = "\n\n".join(body[i:i + 29] for i in range(0, len(body), 29))
    text = clean_text("各位代表：\n\n" + wrapped + "\n\n— 3 —\n").text
    assert text == "各位代表：\n" + body
    assert text.count("习近平新时代中国特色社会主义思想") == 12


def test_hard_wrapped_heading_kept_apart_when_short() -> None:
    line = "全面贯彻党的二十大精神扎实推进各项工作取得新"
    body = "\n".join([line] * 25)
    text = clean_text("一、2023年工作回顾\n" + body + "成绩。\n二、2024年工作安排\n" + body + "成绩。").text
    assert text.split("\n")[0] == "一、2023年工作回顾"
    assert "\n二、2024年工作安排\n" in text


def test_chengde_hard_wrap(local_corpus) -> None:
    raw = (local_corpus / "gwr-city" / "2024_承德_government-work-report.txt").read_text(encoding="utf-8")
    text = clean_text(raw).text
    assert text.count("习近平新时代中国特色社会主义思想") == 5
    assert "\n二、2024年目标任务和主要工作\n" in text
    assert "— " not in text


def test_repeated_title_kept_once() -> None:
    raw = "县长在全县招商引资工作大会上的讲话\n上传人：ha****88　文档编号：2316657　格式：DOC　页数：9\n返回下载 相关举报\n县长在全县招商引资工作大会上的讲话\n同志们：今天开会。"
    assert clean_text(raw).text == "县长在全县招商引资工作大会上的讲话\n同志们：今天开会。"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1\t在全县大会上的讲话\n2\t县长 XXX\n3\t（2024年3月26日）\n4\t同志们：\n5\t今天开会。\n6\t要抓好落实。",
         "在全县大会上的讲话\n县长XXX\n（2024年3月26日）\n同志们：\n今天开会。\n要抓好落实。"),
        ("1　同志们：\n2　今天开会。\n3　要抓好落实。\n4　确保完成任务。\n5　谢谢大家。",
         "同志们：\n今天开会。\n要抓好落实。\n确保完成任务。\n谢谢大家。"),
        # figures that open lines, not a column of line numbers
        ("2024年要抓好三件事。\n100个项目要开工。\n30家企业要投产。\n5所学校要建成。\n8条道路要通车。",
         "2024年要抓好三件事。\n100个项目要开工。\n30家企业要投产。\n5所学校要建成。\n8条道路要通车。"),
    ],
)
def test_a_column_of_line_numbers_is_dropped(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("在全县食品安全工作会议上的讲话<br>县市场监督管理局局长XXX<br><br>同志们：<br>&nbsp;&nbsp;今天开会。",
         "在全县食品安全工作会议上的讲话\n县市场监督管理局局长XXX\n同志们：\n今天开会。"),
        ("<p>要抓好落实。</p><p>确保完成&ldquo;十件实事&rdquo;。</p>", "要抓好落实。\n确保完成“十件实事”。"),
        ("比例不低于3%，A&B两类企业。", "比例不低于3%，A&B两类企业。"),  # no entity, no tag: left alone
    ],
)
def test_html_left_in_a_scrape_becomes_text(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


def test_a_figure_is_no_page_marker_on_a_scraped_page() -> None:
    # Site debris makes a single marker enough (我再2、强调), but 30 pages cannot fit in a short text.
    raw = "首页 ｜ 机构概况 ｜ 政务公开 ｜ 商务动态\n按“满100减30、满300减80”使用。我再2、强调一下。"
    assert clean_text(raw).text == "按“满100减30、满300减80”使用。我再强调一下。"
