"""A record's ``body`` as Markdown: ``scraper extract --format markdown`` and ``NEWS_MARKDOWN``.

The blocks already say what each piece of text is, so rendering is a mapping, not a guess:
sub-headings become ``##`` headings under the article's ``#`` headline, lists ``-`` items,
quotes ``>`` lines, tables pipe tables (their first row as the header) and code a fenced block
that keeps its lines and indentation as they are. Paragraph text that Markdown would read as
syntax (a leading ``#``, ``>``, ``-``, ``1.``) is escaped, so what a reader sees is the text the
page showed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scraper.items import BodyBlock

_SYNTAX_START = re.compile(r"^(\s*)([#>+*-]|\d+[.)])(?=\s|$)")


def render_markdown(title: str, body: Iterable[BodyBlock]) -> str:
    """The headline as ``#`` and every body block, separated by one blank line; ends with a newline."""
    parts = [f"# {_one_line(title)}"] if title.strip() else []
    parts += [rendered for block in body if (rendered := render_block(block))]
    return "\n\n".join(parts) + "\n"


def render_block(block: BodyBlock) -> str:
    """One block as Markdown; an empty block renders as the empty string."""
    if block.type == "code":
        return _fenced(block.text) if block.text.strip() else ""
    lines = [line.strip() for line in block.text.split("\n") if line.strip()]
    if not lines:
        return ""
    if block.type == "heading":
        return f"## {_one_line(block.text)}"
    if block.type == "list":
        return "\n".join(f"- {_escape(line)}" for line in lines)
    if block.type == "quote":
        return "\n".join(f"> {_escape(line)}" for line in lines)
    if block.type == "table":
        return _table(lines)
    return "\n".join(_escape(line) for line in lines)


def _table(rows: list[str]) -> str:
    """Rows of ``a | b`` cells as a pipe table, padded to the widest row; the first row is the header."""
    cells = [[cell.strip() for cell in row.split(" | ")] for row in rows]
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def _fenced(code: str) -> str:
    """Code between backtick fences longer than any backtick run in it (CommonMark), verbatim."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{code}\n{fence}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _escape(line: str) -> str:
    """A paragraph line that would start a heading, quote, list or numbered item is escaped."""

    def escaped(match: re.Match[str]) -> str:
        marker = match[2]  # "1." -> "1\\.", "#" -> "\\#"
        return match[1] + (f"{marker[:-1]}\\{marker[-1]}" if marker[0].isdigit() else f"\\{marker}")

    return _SYNTAX_START.sub(escaped, line, count=1)
