"""Bylines in Chinese, Japanese and Korean, whose names have no capitals to be read by.

:mod:`bylinetext` knows a name by its capitalised words; Han, kana and Hangul have no case. These bylines
say who wrote by a word beside the names instead: a Chinese or Japanese label before them ("作者：王晓燕
陈浩", "记者 王晓燕", "文／山田太郎", "（记者 王晓燕）" opening the story), a Korean title after them
("김민수 기자", "박지훈 특파원 jh@daily.kr", as Korean papers sign every story). A label must be set apart
from the names by a colon, a slash or a space, and the names must end at a space, a bracket or a
separator: "他对记者说" (he told the reporter) and "기자회견" (a press conference) are words of a sentence.
"""

from __future__ import annotations

import re

from scraper.text import EMAIL

# A Han name is two to four characters; names are parted by spaces or enumeration commas.
_HAN_NAME = r"[\u4e00-\u9fff]{2,4}"
_HAN_LABEL = re.compile(
    r"(?:^|(?<=[\s|｜丨│/（(【\[]))(?:本报记者|本報記者|特约记者|特約記者|实习记者|记者|記者|作者|执笔|執筆|撰文|文(?=\s*[：:／/]))"
    rf"\s*[：:／/]?\s*({_HAN_NAME}(?:[ 　、，,]{_HAN_NAME}){{0,3}})(?=$|[\s|｜丨│)）】\]，,。])"
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


def cjk_byline(lines: list[str], language: str = "") -> str | None:
    """The first of ``lines`` that credits writers by a CJK label or title, as "By" and their names."""
    for line in lines:
        line = _EQUALS.sub("=", line)
        if (match := _HAN_LABEL.search(line) or _KOREAN_TITLE.search(line)) is not None:
            return "By " + " and ".join(_names(match[1], language))
    return None


def _names(run: str, language: str) -> list[str]:
    """The names of a run: parted at its separators; a Japanese name's family and given names stay together."""
    if language.startswith("ja"):
        return [part for part in re.split(r"[、，,・]", run) if part.strip()]
    return [part for part in _NAME_SEPARATORS.split(run) if part]


def korean_signature(line: str) -> str | None:
    """A closing line that is only a Korean reporter's credit, as "By" and the names; None for any other line."""
    match = _KOREAN_SIGNATURE.fullmatch(_EQUALS.sub("=", line.strip("/[]() ")))
    return "By " + " and ".join(_names(match[1], "ko")) if match else None
