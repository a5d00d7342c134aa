"""Sign-up boxes around an e-mail field: a newsletter's pitch, a login, a comment form's notes.

trafilatura drops ``<form>`` elements but keeps what sits beside the form in its box: the pitch's
heading and line ("Receba as notícias do Recife no seu e-mail", "Toda manhã, às 7h, um resumo do
que importa na cidade."), in whatever language, often inside the story's ``<article>``. The e-mail
field says what the box is without reading its words: the box is the largest element around the
field that stays small (``SIGNUP_MAX_WORDS``) and holds no paragraph of a story's length and no headline.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from scraper.text import count_words

SIGNUP_MAX_WORDS = 60  # a pitch is a heading and a line or two; a story's container holds more
# A paragraph this long beside the form is a story's, and its box is no sign-up box: a pitch's line runs about
# ten words ("Our best stories in your inbox every weekday at 6pm."); a brief's lede or a Q&A's answers in a
# box with an "Ask us" form run 16 and more (review 44). Inside the form, only a longer one: its notes.
STORY_WORDS = 15
FORM_NOTE_WORDS = 25

# An e-mail field: ``type="email"``, or a text field named or labelled as one ("email", "e-mail", "newsletter_mail").
_EMAIL_FIELDS = etree.XPath(
    "//input[@type='email' or contains(translate(@name, 'EMAIL', 'email'), 'mail')"
    " or contains(translate(@placeholder, 'EMAIL', 'email'), 'mail')]"
)
_STOP = frozenset({"html", "body", "main", "article"})


def drop_signup_boxes(tree: lxml_html.HtmlElement) -> int:
    """Remove the small box around each e-mail field (see the module's docstring); the number removed."""
    dropped: list[lxml_html.HtmlElement] = []
    for field in _EMAIL_FIELDS(tree):
        ancestors = list(field.iterancestors())
        if any(a in dropped for a in ancestors):
            continue
        form = next((a for a in ancestors if a.tag == "form"), None)
        box = None
        for ancestor in ancestors:
            if ancestor.tag in _STOP or _too_big(ancestor, form):
                break
            box = ancestor
        if box is not None and box.getparent() is not None:
            box.drop_tree()
            dropped.append(box)
    return len(dropped)


def _too_big(element: lxml_html.HtmlElement, form: lxml_html.HtmlElement | None) -> bool:
    if count_words(element.text_content()) > SIGNUP_MAX_WORDS or any(True for _ in element.iter("h1")):
        return True
    for p in element.iter("p"):
        inside = form is not None and any(a is form for a in p.iterancestors())
        if count_words(p.text_content()) >= (FORM_NOTE_WORDS if inside else STORY_WORDS):
            return True
    return False
