"""Code blocks keep their lines and indentation in ``text``, ``body`` and the Markdown; nothing else does.

Real trafilatura on pages built as common CMSs and highlighters build code: a bare ``<pre>``,
``<pre><code>`` with a span per token, ``<div class=highlight><pre>``. Before blocks.py read
trafilatura's ``<code>`` as a block of lines, every such block came out as one line.
"""

from __future__ import annotations

import pytest
from lxml import etree

from scraper.api import extract
from scraper.extraction.blocks import code_text
from scraper.items import Article, BodyBlock
from scraper.markdown import render_block

URL = "https://devblog.example/2026/11/retry-with-backoff"
STORY = "".join(
    f"<p>Retrying a failed request is easy, but retrying it politely takes more care than {who} gives it by "
    f"default, as the outage of {day} showed us when every client came back at once.</p>"
    for who, day in [("our client library", "Monday"), ("the proxy", "Tuesday"), ("the job queue", "Friday")]
)
AFTER = (
    "<p>With the helper in place, the clients of the billing service spread their retries over a minute, and the "
    "service that was struggling had room to recover before the next wave.</p>"
)
LINES = ["import time", "", "def wait(attempt):", "    if attempt > 3:", "        return 30", "    return 2 ** attempt"]
CODE = "\n".join(LINES)

# The same five lines of Python as three kinds of markup print them.
BARE_PRE = (
    "<pre>\nimport time\n\ndef wait(attempt):\n    if attempt &gt; 3:\n        return 30\n"
    "    return 2 ** attempt\n</pre>"
)
TOKEN_SPANS = (
    '<pre class="highlight"><code class="language-python"><span class="kn">import</span> <span class="nn">time</span>\n'
    '\n<span class="k">def</span> <span class="nf">wait</span>(attempt):\n'
    '    <span class="k">if</span> attempt <span class="o">&gt;</span> <span class="mi">3</span>:\n'
    '        <span class="k">return</span> <span class="mi">30</span>\n'
    '    <span class="k">return</span> <span class="mi">2</span> <span class="o">**</span> attempt\n</code></pre>'
)
DIV_HIGHLIGHT = (
    '<div class="highlight"><pre><span></span><span class="kn">import</span> time\n\n'
    '<span class="k">def</span> wait(attempt):\n    <span class="k">if</span> attempt &gt; 3:\n'
    '        <span class="k">return</span> 30\n    <span class="k">return</span> 2 ** attempt\n</pre></div>'
)


def page(snippet: str) -> str:
    return (
        "<html><head><title>Retry with backoff</title></head><body><article><h1>Retry with backoff</h1>"
        f"{STORY}<p>The helper below waits longer after each failure.</p>{snippet}{AFTER}</article></body></html>"
    )


def article(snippet: str, markdown: bool = False) -> Article:
    result = extract(page(snippet), url=URL, markdown=markdown)
    assert isinstance(result, Article), result
    return result


@pytest.mark.parametrize(
    "snippet", [BARE_PRE, TOKEN_SPANS, DIV_HIGHLIGHT], ids=["pre", "pre-code-spans", "div-highlight"]
)
def test_a_code_block_keeps_its_lines_and_indentation(snippet: str) -> None:
    result = article(snippet, markdown=True)
    assert f"\n\n{CODE}\n\n" in result.text
    assert [block.text for block in result.body if block.type == "code"] == [CODE]
    assert result.markdown is not None
    assert f"\n\n```\n{CODE}\n```\n\n" in result.markdown
    assert "\n\n".join(block.text for block in result.body) == result.text


def test_other_blocks_keep_one_line_each() -> None:
    """Line breaks of the HTML source in a paragraph, and inline code in one, are no lines of the text."""
    source = (
        "<p>Call <code>wait(attempt)</code> after\n      each failure:\n      it returns the delay\n"
        "      in seconds, and never more than thirty.</p>"
    )
    result = article(source + BARE_PRE)
    assert "Call wait(attempt) after each failure: it returns the delay in seconds, and never more than thirty." in (
        result.text.split("\n")
    )
    assert [block.type for block in result.body].count("code") == 1


def test_a_quote_trafilatura_tags_as_code_is_not_code() -> None:
    """trafilatura tags a ``<blockquote lang=…>`` (an embedded post) ``<code>``: its paragraphs are prose."""
    quote = (
        '<blockquote class="embedded-post" lang="en">\n    <p>The council has voted.\n       Repairs start in '
        "spring.</p>\n    <p>More news on the sea wall soon.</p>\n  </blockquote>"
    )
    result = article(quote)
    assert not any(block.type == "code" for block in result.body)
    assert "Repairs start in spring." in result.text
    assert "voted.\n" not in result.text


def test_code_text_reads_line_breaks_and_drops_the_shared_indentation() -> None:
    element = etree.fromstring("<code>\n\n      x = 1<lb/>      if x:<hi>\n          y = 2   </hi>\n\n</code>")
    assert code_text(element) == "x = 1\nif x:\n    y = 2"


def test_markdown_fences_code_with_a_longer_fence_than_any_inside() -> None:
    assert render_block(BodyBlock("code", "  indented\n# not a heading")) == "```\n  indented\n# not a heading\n```"
    assert render_block(BodyBlock("code", "echo ```")) == "````\necho ```\n````"
