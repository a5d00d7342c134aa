"""Bylines in scripts without capitals: Chinese, Japanese, Korean, Hebrew, Arabic, Thai, Georgian, Devanagari.

:mod:`bylinetext` knows a name by its capitalised words; these scripts have no case. Their bylines say
who wrote by a word beside the names instead:

- a Chinese or Japanese label before them ("作者：王晓燕 陈浩", "记者 王晓燕", "文／山田太郎", "（记者 王晓燕）"
  opening the story), set apart from the names by a colon, a slash or a space: "他对记者说" (he told
  the reporter) is a sentence;
- a Korean title after them ("김민수 기자", "박지훈 특파원 jh@daily.kr", as Korean papers sign every story),
  ending there: "기자회견" is a press conference;
- a "by" or a label before them in the other scripts ("מאת נועה בן-דוד", "بقلم: سارة أحمد", "โดย สมชาย ใจดี",
  "ავტორი: ნინო ბერიძე", "लेखक: राहुल शर्मा"), on a line of only the byline and its fields: one to four
  words of names that end the line or that a separator or a date follows. A label needs its colon or a dash;
  a bare "by" and names a date beside them (:mod:`bylinetext` checks the neighbouring lines).

Only the line a byline is printed on is read here: which lines are near the headline, and which of them
are a sub-heading's or a facts box's, is :func:`~scraper.extraction.bylinetext.header_byline`'s to say.
"""

from __future__ import annotations

import re

from scraper.extraction.bylinewords import calendar_words
from scraper.text import EMAIL

# A Han name is two to four characters; names are parted by spaces or enumeration commas. A label may
# follow an outlet's name ("新华社记者 王晓燕", "本报记者"); the names end at another role ("通讯员").
# A Japanese given name may be written in kana after a Han family name ("中村ゆり").
_HAN_NAME = r"(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,3}[\u3041-\u3096\u30a1-\u30fa]{1,3})"
_HAN_LABEL = re.compile(
    r"(?:^|(?<=[\s|｜丨│/（(【\[]))(?:[\u4e00-\u9fff]{1,8}?[社报報台])?(?:特约|特約|实习|實習)?"
    r"(?:记者|記者|作者|执笔|執筆|撰文|文[／/]图|文[／/]圖|(?:(?:取材|聞き手|構成|写真)・)?文(?:・(?:写真|撮影|構成))?(?=\s*[：:／/]))(?:\s*[：:／/]\s*|\s+)(?:(?:记者|記者)\s*)?"
    rf"({_HAN_NAME}(?:[ 　、]{_HAN_NAME}){{0,3}})(?=$|[\s|｜丨│)）】\]])"
)
# A Taiwanese paper's opening credit, the reporter and where the story was filed: "〔記者林佳慧／台中報導〕台中市…",
# "（記者王大明/綜合報導）". The slash and "reported" close the names: no separator follows the label.
_FILED_CREDIT = re.compile(
    rf"^[〔（(【\[]\s*(?:[\u4e00-\u9fff]{{1,8}}?[社报報台])?(?:记者|記者)\s*({_HAN_NAME}(?:[、]{_HAN_NAME}){{0,3}})\s*[／/]"
    r"\s*[\u4e00-\u9fff]{0,8}?(?:报导|報導|报道|報道)\s*[〕）)】\]]"
)
_HAN_ROLES = frozenset({"通讯员", "通訊員", "实习生", "實習生", "摄影", "攝影", "摄", "報道", "报道"})
# Beside a byline on its line, only its fields: dates and times, labelled values ("来源：都市报", "입력 …"),
# a place ("워싱턴="), an address, separators. A label or a title in a sentence ("接受 CCTV 记者 王晓燕
# 采访", "외신 기자 200여명 몰려") or a question of an interview ("记者：您好，…") is no byline.
_FIELDS = re.compile(
    rf"{EMAIL.pattern}|[\d\s\-./:,年月日时時分秒|｜丨│·•()（）\[\]【】]+"
    r"|[\u4e00-\u9fff가-힣]{1,6}\s*[：:]\s*[^\s|｜丨│]+|[\u4e00-\u9fff가-힣]{1,8}=|입력|수정|승인|등록|기사입력|최종수정|업데이트|发布|發布|更新"
)
# A book's or a film's facts box: "作者：周明远", "نویسنده: …" there name the book's author (its publisher, translator,
# director, pages, price; a label's first word: "出版时间").
_BOX_LABELS = re.compile(
    r"^(?:书名|書名|出版|定价|定價|页数|頁數|译者|譯者|导演|導演|主演|출판사|역자|옮긴이|ناشر|الناشر|مترجم|المترجم|"
    r"הוצאה|הוצאת|תרגום|प्रकाशक|अनुवाद|გამომცემლობა|თარგმანი|สำนักพิมพ์|ผู้แปล|ISBN)[^：:]{0,6}[：:]"
)
# Korean: the names (two to four syllables), a rank ("선임" senior), the title ("기자" reporter, "특파원"
# correspondent), then the end, a space, "=" (a story's opening credit: "[서울=뉴스] 김민수 기자 = …") or a separator.
# After a place's "=" ("워싱턴=박지훈 특파원"), not a picture's ("사진=김민수 기자" credits the photographer).
_HANGUL_NAME = r"[가-힣]{2,4}"
_KOREAN_TITLE = re.compile(
    rf"(?:^|(?<=[\s|/\[(]|(?<!사진|영상)(?<!그래픽)=))({_HANGUL_NAME}(?:\s?[·,]\s?{_HANGUL_NAME}){{0,3}})\s?"
    r"(?:선임|수석|객원|인턴|전문)?(?:기자|특파원)(?=$|[\s=|/\])]|\.$)"
)
_EQUALS = re.compile(r"\s*=\s*")  # "사진 = 김민수 기자" is "사진=김민수 기자"
_NAME_SEPARATORS = re.compile(r"\s?[·,，、]\s?|[ 　]")
# A Korean story's closing credit, the whole line: "김민수 기자 minsu@daily.kr", "[김민수·이영희 기자]".
_KOREAN_SIGNATURE = re.compile(rf"(?:[가-힣]{{1,6}}=)?{_KOREAN_TITLE.pattern}(?:\s+{EMAIL.pattern})?\.?")
# The other scripts' "by" (Hebrew, Arabic, Persian, Thai, and Thai "reported by"), a colon after it or not, and their
# labels (Hebrew "wrote", Arabic "wrote", "prepared by", Persian and Urdu "writer", "reporter", Thai "writer", Georgian
# and Hindi "author"; not Persian "گزارش", "report", which heads a report's title too), only with their colon or a
# dash: "كتب التاريخ" (books of history), "כתב אישום" (an indictment) and "लेखक के बारे में" (about the author) open
# a kicker or a heading.
_BY = ("מאת", "بقلم", "به قلم", "โดย", "เขียนโดย", "รายงานโดย")
_LABELS = ("כתב", "כתבה", "כתבת", "كتب", "كتبت", "إعداد", "تحرير", "نویسنده", "خبرنگار", "تحریر", "ผู้เขียน",
           "ავტორი", "लेखक", "लेखिका", "द्वारा", "글")  # fmt: skip  # Hindi "by:", Korean "writing:"
_LEAD = re.compile(
    rf"^(?:(?:{'|'.join(sorted(_BY, key=len, reverse=True))})(?:\s*[:\-–]\s*|\s+)"
    rf"|(?:{'|'.join(sorted(_LABELS, key=len, reverse=True))})\s*[:\-–]\s*)"
)
_LINE_CHARS = 80  # a byline line, its names and a date: a longer line is a sentence
_NAME_WORDS = 4
# What may follow the names: a separator, a date or a time ("بقلم محمد العلي 3 نوفمبر 2025"), the line's end.
_FIELD = re.compile(r"\s*(?:[|•·,،–—-]\s*|$|(?=\d))")
# A word of a name: a letter, then anything but spaces, digits and separators (a vowel sign is a mark, no
# letter: "शर्मा", "ใจดี"; a hyphen, "בן-דוד").
_NAME_WORD = re.compile(r"[^\W\d_][^\s\d|•·,،:;()\[\]]*")
_CASED = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")  # Latin, Greek, Cyrillic: bylinetext's


def caseless_byline(line: str, language: str = "") -> tuple[str, bool] | None:
    """The writers ``line`` credits by a label or a title, as "By" and their names, and whether the line is
    evidence enough on its own: a CJK credit among fields only, a lead with its colon ("ავტორი: …"), names
    with a date or an address after them. A "by" word and names alone ("كتب محمد علي", "מאת נועה בן-דוד")
    is also how a kicker or a sub-heading reads ("كتب التاريخ", "מאת העם"): it needs a date beside it."""
    line = _EQUALS.sub("=", line)
    if (filed := _FILED_CREDIT.match(line)) is not None:
        return "By " + " and ".join(_names(filed[1], language)), True
    for match in (_HAN_LABEL.search(line), _KOREAN_TITLE.search(line)):
        if match is not None and _stands_as_byline(line, match) and not match[1].endswith(_NOT_A_NAME_END):
            return "By " + " and ".join(_names(match[1], language)), True
    return _led_names(line) if len(line) <= _LINE_CHARS else None


# What a Japanese "name" in kana ends with when it is none: an honorific ("山田さん"), "we" ("私たち"), a copula.
_NOT_A_NAME_END = ("さん", "様", "氏", "たち", "です")


def in_a_box(lines: list[str], index: int) -> bool:
    """A neighbouring line is another field of a book's or a film's facts box: its "author" is the book's."""
    return any(_BOX_LABELS.match(line.strip()) for line in lines[max(0, index - 1) : index + 2])


def _stands_as_byline(line: str, match: re.Match[str]) -> bool:
    """The credit opens the story in brackets ("（记者 王晓燕）", "김민수 기자 = …"), or only fields stand beside it."""
    before, after = line[: match.start()], line[match.end() :]
    if before.rstrip().endswith(("（", "(", "【", "[")) and after.lstrip().startswith(("）", ")", "】", "]")):
        return True
    if after.startswith("="):  # "[서울=한빛일보] 김민수 기자 = 서울시는 …": a Korean story's opening credit
        return True
    return not any(ch.isalpha() for ch in _FIELDS.sub(" ", f"{before} {after}"))


def korean_signature(line: str) -> str | None:
    """A closing line that is only a Korean reporter's credit, as "By" and the names; None for any other line."""
    match = _KOREAN_SIGNATURE.fullmatch(_EQUALS.sub("=", line.strip("/[]() ")))
    return "By " + " and ".join(_names(match[1], "ko")) if match else None


def without_titles(byline: str) -> str:
    """A byline read from markup without its label, lead or Korean title: "文：山田 太郎", "박지훈 기자 | …"."""
    byline = _LATER_HAN_ROLE.sub("", byline)  # "记者 王磊 通讯员 陈静": as in a story's text, the reporter's only
    return _LEAD.sub("", _MARKUP_TITLES.sub("", byline).lstrip())  # and "מאת <a>נועה בן-דוד</a>"


_MARKUP_TITLES = re.compile(
    r"^\s*(?:作者|记者|記者|文|執筆|执笔|撰文)\s*[：:／/]\s*(?:(?:记者|記者)\s*)?"  # "作者：记者 张晓峰"
    r"|^\s*(?:[\u4e00-\u9fff]{1,8}?[社报報台])?(?:记者|記者)\s+(?=[\u4e00-\u9fff])"  # "记者 张晓峰", "本报记者 张晓峰"
    r"|^\s*(?:[\u4e00-\u9fff]{1,8}?[社报報台])?(?:通讯员|通訊員)\s*[：:]?\s*(?=[\u4e00-\u9fff])"  # credited alone
    r"|(?<=[\u4e00-\u9fff])\s?(?:记者|記者)$"  # "佐藤美咲記者": a Japanese paper's title after the name
    r"|(?<=[가-힣])\s?(?:선임|수석|객원|인턴|전문)?(?:기자|특파원)(?=$|[\s|,·/(（])"
)

# A later role after the reporter's names in a byline's markup, set apart by a space or a comma ("记者 王磊 通讯员
# 陈静", "实习生：李明"): the reporter's names are the byline's, as ``_names`` reads a story's opening credit (a
# correspondent or a photographer is credited for other work). Not a name's own character ("张摄影").
_LATER_HAN_ROLE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:\s+|[、，,])(?:通讯员|通訊員|实习生|實習生|摄影|攝影)\s*[：:]?\s*[\u4e00-\u9fff].*$"
)


def _names(run: str, language: str) -> list[str]:
    """The names of a run: parted at its separators; a Japanese name's family and given names stay together."""
    if language.startswith("ja"):
        return [part for part in re.split(r"[、，,・]", run) if part.strip()]
    names: list[str] = []
    for part in _NAME_SEPARATORS.split(run):
        if part in _HAN_ROLES:
            break  # "（记者 王晓燕 通讯员 张伟）": the reporter's; a correspondent or a photographer is credited apart
        if part:
            names.append(part)
    return names


def _led_names(line: str) -> tuple[str, bool] | None:
    """The names after a lead of a caseless script, when they end the line or a field follows them."""
    lead = _LEAD.match(line)
    if lead is None:
        return None
    words: list[str] = []
    position = lead.end()
    while len(words) < _NAME_WORDS and (word := _NAME_WORD.match(line, position)) is not None:
        if _CASED.search(word[0]):
            return None  # a cased script's word: bylinetext.py reads those
        words.append(word[0])
        position = word.end()
        if not line.startswith(" ", position):
            break
        position += 1
    field = _FIELD.match(line, position)
    if not words or field is None or not (field.end() == len(line) or field[0].strip() or line[field.end()].isdigit()):
        return None
    rest = line[field.end() :]
    strong = any(ch in ":-–" for ch in lead[0]) or any(ch.isdigit() for ch in rest) or "@" in rest  # "| 12.11.25"
    if not strong and len(words) < 2:
        return None  # "מאת העם", "بقلم الشعب": a bare lead's one word is no writer's full name
    while len(words) > 1 and words[-1] in calendar_words():
        words.pop()  # "بقلم: خالد المصري  الثلاثاء، 2 يوليو 2024": the date's weekday, not a name's
    return f"By {' '.join(words)}", strong
