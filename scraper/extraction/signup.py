"""Sign-up boxes around an e-mail field: a newsletter's pitch, a login, a comment form's notes.

trafilatura drops ``<form>`` elements but keeps what sits beside the form in its box: the pitch's
heading and line ("Receba as notícias do Recife no seu e-mail", "Toda manhã, às 7h, um resumo do
que importa na cidade."), in whatever language, often inside the story's ``<article>``. The e-mail
field says what the box is without reading its words: the box is the largest element around the
field that stays small (``SIGNUP_MAX_WORDS``) and holds no paragraph of a story's length and no headline.
"""

from __future__ import annotations

from itertools import islice

from lxml import etree
from lxml import html as lxml_html

from scraper.extraction.blocks import short_text
from scraper.text import count_words

SIGNUP_MAX_WORDS = 60  # a pitch is a heading and a line or two; a story's container holds more
# A paragraph this long beside the form is a story's, and its box is no sign-up box: a pitch's line runs about
# ten words ("Our best stories in your inbox every weekday at 6pm."); a brief's lede or a Q&A's answers in a
# box with an "Ask us" form run 16 and more (review 44). Inside the form, only a longer one: its notes.
STORY_WORDS = 15
FORM_NOTE_WORDS = 25
BOX_MAX_ELEMENTS = 400  # a box of a few fields, labels and buttons; more is a page's section, however wordless
BOX_MAX_CHARS = 20_000  # ... and of a few hundred characters, however indented: more is read no further

# An e-mail field: ``type="email"``, or a text field named or labelled as one ("email", "e-mail", "newsletter_mail").
_EMAIL_FIELDS = etree.XPath(
    "//input[@type='email' or contains(translate(@name, 'EMAIL', 'email'), 'mail')"
    " or contains(translate(@placeholder, 'EMAIL', 'email'), 'mail')]"
)
_STOP = frozenset({"html", "body", "main", "article"})


def drop_signup_boxes(tree: lxml_html.HtmlElement) -> int:
    """Remove the small box around each e-mail field (see the module's docstring); the number removed.

    Each box is judged on the page as served (an element's verdict is worked out once, however many fields
    it holds: a page of 30,000 fields took 36 s when each re-read its ancestors; code review 44), then the
    boxes go; one inside a box already gone is not counted again.
    """
    verdicts: dict[lxml_html.HtmlElement, bool] = {}
    boxes = [box for field in _EMAIL_FIELDS(tree) if (box := _box(field, verdicts)) is not None]
    gone: set[etree._Element] = set()
    dropped = 0
    for box in boxes:
        if box not in gone:
            gone.update(box.iter())
            box.drop_tree()
            dropped += 1
    return dropped


def _box(field: lxml_html.HtmlElement, verdicts: dict[lxml_html.HtmlElement, bool]) -> lxml_html.HtmlElement | None:
    """The largest ancestor of ``field`` that is no bigger than a sign-up box, below the page's landmarks."""
    box = None
    for ancestor in field.iterancestors():
        if ancestor.tag in _STOP:
            break
        big = verdicts.get(ancestor)
        if big is None:
            big = verdicts[ancestor] = _too_big(ancestor)
        if big:
            break
        box = ancestor
    return box


def _too_big(element: lxml_html.HtmlElement) -> bool:
    """More than a pitch: too many words or elements, a headline, or a paragraph of a story's length (inside a
    form, of a form's notes' length); each read no further than a box's size."""
    if any(True for _ in islice(element.iter(), BOX_MAX_ELEMENTS, None)):
        return True
    text = short_text(element, BOX_MAX_CHARS)
    if text is None or count_words(text) > SIGNUP_MAX_WORDS or any(True for _ in element.iter("h1")):
        return True
    for p in element.iter("p"):
        inside = any(a.tag == "form" for a in p.iterancestors())
        if count_words(" ".join(p.itertext())) >= (FORM_NOTE_WORDS if inside else STORY_WORDS):
            return True
    return False
