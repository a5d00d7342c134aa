"""The lines that close an article and are no part of it: co-reporters' and agencies' credits, the site's copyright.

Both are recognised by their phrase (``phrases.toml``) and only among the body's last few short
blocks, where a layout or a CMS footer inside the article container leaves them.
"""

from __future__ import annotations

import re

from scraper.extraction.blocks import Block
from scraper.extraction.context import CleaningContext
from scraper.text import phrases, starts_with_phrase


def strip_contributions(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """``With additional reporting by…``, ``Mit Agenturmaterial``: credit lines at the end.

    Newsrooms close an article by crediting agencies and co-reporters; the line names who
    worked on the story and is no part of it. Only short blocks among the last four count.
    """
    start = max(0, len(blocks) - 4)
    return [b for i, b in enumerate(blocks) if i < start or not _is_contribution(b)]


def _is_contribution(block: Block) -> bool:
    if block.kind != "p" or block.words > 25:
        return False
    text = block.text.strip(" -–—_*")
    ending = " ".join(text.casefold().rstrip(" .").split())
    return starts_with_phrase(text, "contribution") or ending.endswith(phrases()["contribution_end"])


# "© 2026", "(c) 2019-2026", "Copyright © 2026", "Copyright 2026": the notice names its year.
_COPYRIGHT_START = re.compile(r"^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?(?:19|20)\d{2}\b",
                              re.IGNORECASE)  # fmt: skip


def strip_copyright_notices(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """``Copyright © 2026 The Daily Example. All rights reserved.``: the site footer's notice.

    Sites laid out with tables (and some CMS footers inside the article container) hand the
    notice to the extractor as the last paragraph. Only short blocks among the last three count;
    ``© dpa`` style agency credits are left to the contribution rule.
    """
    start = max(0, len(blocks) - 3)

    def is_notice(block: Block) -> bool:
        if block.kind != "p" or block.words > 30:
            return False
        text = " ".join(block.text.split())
        lowered = text.casefold()
        reserved = any(p in lowered for p in phrases()["copyright"])
        return reserved or bool(_COPYRIGHT_START.match(text))

    return [b for i, b in enumerate(blocks) if i < start or not is_notice(b)]
