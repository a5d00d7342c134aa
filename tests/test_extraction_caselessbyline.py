"""Bylines in Chinese, Japanese and Korean (:mod:`scraper.extraction.caselessbyline`), read by a label or a title."""

from __future__ import annotations

import pytest

from scraper.api import extract
from scraper.extraction.bylinetext import header_byline
from scraper.extraction.caselessbyline import caseless_byline, korean_signature
from scraper.extraction.people import clean_person
from scraper.items import Article


@pytest.mark.parametrize(("line", "language", "byline"), [
    ("2025-11-03 10:12 来源：都市报 作者：王晓燕 陈浩", "zh", "By 王晓燕 and 陈浩"),
    ("本报讯（记者 王晓燕）北京市交通委员会3日宣布", "zh", "By 王晓燕"),
    ("文／王晓燕", "zh", "By 王晓燕"),
    ("記者：山田 太郎", "ja", "By 山田 太郎"),  # a Japanese name's two parts are one name
    ("입력 2025.11.03 10:12 | 김민수 기자", "ko", "By 김민수"),
    ("김민수·이영희 기자", "ko", "By 김민수 and 이영희"),
    ("[서울=한빛일보] 김민수 기자 = 서울시는 내년부터", "ko", "By 김민수"),
    ("워싱턴 = 박지훈 특파원", "ko", "By 박지훈"),
    ("新华社北京11月3日电（记者 王晓燕）", "zh", "By 王晓燕"),  # an agency's opening credit
    ("新华社记者 王晓燕", "zh", "By 王晓燕"),  # the outlet before the label
    ("本报讯（记者 王晓燕 通讯员 张伟）北京市", "zh", "By 王晓燕"),  # the correspondent is credited apart
    # a Taiwanese paper's opening credit, where the story was filed after the slash (session 44's probe)
    ("〔記者林佳慧／台中報導〕台中市南屯區一處閒置多年的眷村老屋", "zh", "By 林佳慧"),
    ("（記者王大明/綜合報導）行政院今天通過", "zh", "By 王大明"),
    ("〔記者林佳慧、陳文華／台北報導〕今天", "zh", "By 林佳慧 and 陳文華"),
    # a Japanese magazine's credit: the writer's roles before "text", a given name in kana (session 45's probe)
    ("（聞き手・文：中村ゆり）", "ja", "By 中村ゆり"),
    ("取材・文：山田 太郎", "ja", "By 山田 太郎"),
    ("文・写真：佐藤花子", "ja", "By 佐藤花子"),
])  # fmt: skip
def test_a_caseless_byline_is_read_by_its_label_or_title(line: str, language: str, byline: str) -> None:
    assert caseless_byline(line, language) == (byline, True)
    assert header_byline([line], language) == byline


@pytest.mark.parametrize(("line", "byline"), [
    ("מאת: נועה בן-דוד | 12.11.25", "By נועה בן-דוד"),
    ("بقلم: سارة أحمد", "By سارة أحمد"),
    ("ავტორი: ნინო ბერიძე", "By ნინო ბერიძე"),
    ("लेखक: राहुल शर्मा, 12 नवंबर 2025", "By राहुल शर्मा"),
    ("نویسنده: علی رضایی", "By علی رضایی"),
    ("כתבה: נועה בן-דוד | 12.11.25", "By נועה בן-דוד"),
    ("كتب - محمد علي", "By محمد علي"),
    ("รายงานโดย: สมชาย ใจดี", "By สมชาย ใจดี"),  # Thai "reported by"
])  # fmt: skip
def test_a_lead_with_its_colon_or_a_field_opens_a_byline_of_another_caseless_script(line: str, byline: str) -> None:
    assert header_byline([line]) == byline


@pytest.mark.parametrize(("line", "byline"), [
    ("מאת נועה בן-דוד", "By נועה בן-דוד"),
    ("بقلم سارة أحمد", "By سارة أحمد"),
    ("โดย สมชาย ใจดี", "By สมชาย ใจดี"),
])  # fmt: skip
def test_a_by_word_and_names_alone_are_a_byline_only_beside_a_date(line: str, byline: str) -> None:
    """So a kicker or a sub-heading that opens with the word is none: "كتب التاريخ", "כתב אישום" (review)."""
    assert header_byline([line, "12.11.2025"]) == byline
    assert header_byline([line, "3 בנובמבר, 10:42"]) == byline  # a date the scanner cannot read, a digit in it
    assert header_byline([f"{line} 3.11.2025"]) == byline  # a date after the names on the line
    assert header_byline([line]) is None
    assert header_byline([line, "12.11.2025"], headings=frozenset({line})) is None


@pytest.mark.parametrize("line", [
    "מאת ראש העיר נמסר כי התקציב אושר היום",  # a sentence: more than a name's words before the line ends
    "كتب الرئيس رسالة طويلة إلى الشعب",
    "लेखक के बारे में",  # "about the author": a label needs its colon
    "ავტორი ნინო ბერიძე",
    "מאת: Dana Cohen",  # a cased script's name is bylinetext.py's to read
    "מאת העם, למען העם",  # the review's: a comma is no field
    "כתב אישום צפוי",  # an indictment expected: "wrote" is a byline's only with its colon
    "كتب جديدة للأطفال",  # new books for children
    "كتب التاريخ",
    "כתבה מיוחדת",  # a special report
    "रिपोर्ट: ज़मीनी हकीकत",  # "report: ground reality", a kicker
])  # fmt: skip
def test_a_sentence_or_a_heading_opening_with_a_caseless_lead_is_no_byline(line: str) -> None:
    assert header_byline([line]) is None


def test_a_georgian_name_is_a_name_though_its_letters_are_lower_case() -> None:
    """Mkhedruli letters are lower case in Unicode and have no capitals in use: "ნინო ბერიძე" is no clause."""
    assert clean_person("By ნინო ბერიძე", printed=True) == ["ნინო ბერიძე"]
    assert clean_person("ნინო ბერიძე და გიორგი ხელაძე") == ["ნინო ბერიძე", "გიორგი ხელაძე"]  # "and"
    assert clean_person("რედაქცია") == []  # the editors


@pytest.mark.parametrize("line", [
    "他对记者说明天会更好",  # "he told the reporter": no separator after the label
    "中文 王晓燕",  # "文" is a label only with its colon or slash
    "责任编辑：刘芳",  # the editor in charge, no writer
    "서울시는 오늘 기자회견에서 밝혔다",  # a press conference
    "김민수 기자는 말했다",  # a sentence about a reporter
    "사진=김민수 기자",  # the photographer's credit
    "사진 = 김민수 기자",
    # the review's: an interview's question, a TV reporter interviewing, a photographer's credit, a column's label,
    # a press conference, foreign reporters in a subtitle, a broadcaster's reporter in a sentence
    "记者：您好，请问这条线路什么时候开通？",
    "接受 CCTV 记者 王晓燕 采访时表示",
    "乘客在站台候车。 记者 李明 摄",
    "【记者手记】",
    "记者会上，市长表示",
    "외신 기자 200여명 몰려 취재 경쟁",
    "한 방송사 기자 A씨는 말했다",
    "他對記者林佳慧說／報導",  # a sentence: no bracket opens it
    "文：これはペンです",  # a sentence in kana after the label, no name
    "散文：中村",  # "prose": the label is a word's end
    # code review 45: an honorific, "we", a copula after the label are no name's kana
    "文：山田さん",
    "文：私たち",
    "（文：田中です）",
])  # fmt: skip
def test_a_sentence_or_a_picture_credit_is_no_caseless_byline(line: str) -> None:
    assert caseless_byline(line, "zh") is None


def test_a_writer_in_a_books_facts_box_is_the_books() -> None:
    assert header_byline(["书名：城市的河流", "作者：周明远", "出版社：人民文学出版社"], "zh") is None
    assert header_byline(["作者：刘海洋", "出版时间：2025年3月"], "zh") is None
    assert header_byline(["نویسنده: علی رضایی", "ناشر: نشر چشمه"], "fa") is None


@pytest.mark.parametrize(("byline", "names"), [
    ("文：山田 太郎", ["山田 太郎"]),
    ("作者：王晓燕", ["王晓燕"]),
    ("박지훈 기자 | 2025.11.03", ["박지훈"]),
    ("김민수 선임기자", ["김민수"]),
    # a later role credited apart, as in a story's opening credit; the paper before the label (probe G)
    ("记者 王磊 通讯员 陈静", ["王磊"]),
    ("记者：王磊 通讯员：陈静", ["王磊"]),
    ("本报记者 王磊 实习生 李明", ["王磊"]),
    ("通讯员 陈静", ["陈静"]),
    ("本报通讯员 陈静", ["陈静"]),  # the paper before a correspondent credited alone (code review 47)
])  # fmt: skip
def test_a_bylines_cjk_label_or_korean_title_read_from_markup_is_no_part_of_the_name(
    byline: str, names: list[str]
) -> None:
    """``<p class="author">文：山田 太郎</p>``, ``<div class="byline">박지훈 기자 | …</div>`` (review)."""
    assert clean_person(byline) == names


def test_a_korean_signature_is_the_whole_line() -> None:
    assert korean_signature("김민수 기자 minsu@hanbit.example.kr") == "By 김민수"
    assert korean_signature("[김민수 선임기자 (minsu@hanbit.example.kr)]") == "By 김민수"
    assert korean_signature("김민수 기자가 취재했다") is None
    assert korean_signature("그래픽=김민수 기자") is None


_KOREAN = (
    "서울시는 내년부터 시내버스 노선 12개를 새로 만들고 배차 간격을 줄이겠다고 3일 밝혔다."
    " 시는 이번 개편으로 출퇴근 시간 혼잡이 크게 줄어들 것으로 기대했다.",
    "새 노선은 주로 신도시와 도심을 잇는 구간에 배치된다."
    " 시 관계자는 주민 의견을 반영해 정류장 위치도 일부 조정했다고 설명했다.",
    "버스 요금은 현행대로 유지된다. 다만 심야버스 운행 시간은 새벽 3시까지 한 시간 늘어난다.",
    "시민단체들은 환영의 뜻을 밝히면서도 외곽 지역 노선이 여전히 부족하다고 지적했다.",
)
_CHINESE = (
    "北京市交通委员会3日宣布，明年将新开12条公交线路，并缩短高峰时段的发车间隔。市交通委表示，此次调整将明显缓解通勤高峰的拥挤状况。",
    "新线路主要连接新城与中心城区。相关负责人介绍，部分站点位置已根据居民意见作了调整。",
    "公交票价保持不变，但夜班公交的运营时间将延长一小时至凌晨三点。",
    "一些市民表示欢迎，同时也指出郊区线路仍然不足。",
)


def _page(lang: str, headline: str, header: str, paragraphs: tuple[str, ...], closing: str) -> str:
    story = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html lang='{lang}'><head><title>{headline}</title></head><body><article><h1>{headline}</h1>{header}"
        f"<div class='article-body'>{story}{closing}</div></article><footer>Copyright</footer></body></html>"
    )


def test_a_korean_reporters_closing_credit_names_the_author_and_leaves_the_text() -> None:
    html = _page("ko", "서울시, 시내버스 노선 12개 신설", "<p class='date'>입력 2025.11.03 10:12</p>", _KOREAN,
                 "<p>김민수 기자 minsu@hanbit.example.kr</p>")  # fmt: skip
    article = extract(html, url="https://www.hanbit.example.kr/news/articleView.html?idxno=12345")
    assert isinstance(article, Article), article
    assert article.authors == ["김민수"]
    assert article.text.endswith("부족하다고 지적했다.")


def test_a_chinese_writers_label_names_the_authors_and_the_editor_in_charge_leaves_the_text() -> None:
    header = (
        "<div class='info'><span>2025-11-03 10:12</span> <span>来源：都市报</span> <span>作者：王晓燕 陈浩</span></div>"
    )
    html = _page("zh-CN", "北京新开12条公交线路", header, _CHINESE, "<p>责任编辑：刘芳</p>")
    article = extract(html, url="https://www.dushibao.example.cn/news/2025/11/03/12345.html")
    assert isinstance(article, Article), article
    assert article.authors == ["王晓燕", "陈浩"]
    assert "责任编辑" not in article.text


def test_the_weekday_of_the_date_after_the_names_is_no_part_of_them() -> None:
    """Unseen-page probe: "بقلم: خالد المصري الثلاثاء، 2 يوليو 2024" named "خالد المصري الثلاثاء" (Tuesday)."""
    assert caseless_byline("بقلم: خالد المصري الثلاثاء، 2 يوليو 2024", "ar") == ("By خالد المصري", True)
    assert caseless_byline("بقلم: خالد المصري", "ar") == ("By خالد المصري", True)
