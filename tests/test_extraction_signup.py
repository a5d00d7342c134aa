"""Sign-up boxes found by their e-mail field (``signup``)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.signup import drop_signup_boxes
from scraper.items import Article

STORY = (
    "A Secretaria de Educação suspendeu as aulas em 40 escolas municipais das zonas Sul e Oeste depois da chuva "
    "forte da madrugada. Segundo a pasta, as unidades devem reabrir na quinta-feira, caso não haja novos alagamentos."
)
PITCH = (
    '<section class="mt-12 rounded-xl bg-neutral-900 p-6"><h2>Receba as notícias do Recife no seu e-mail</h2>'
    '<p class="mt-1">Toda manhã, às 7h, um resumo do que importa na cidade.</p>'
    '<form action="/news"><input type="email" placeholder="seu@email.com"><button>Quero receber</button></form>'
    "</section>"
)


def test_the_pitch_around_an_email_field_goes_and_the_story_stays() -> None:
    tree = lxml_html.document_fromstring(
        f"<html><body><article><h1>Chuva</h1><p>{STORY}</p>{PITCH}</article></body></html>"
    )
    assert drop_signup_boxes(tree) == 1
    text = tree.text_content()
    assert "Toda manhã" not in text
    assert "Receba as notícias" not in text
    assert STORY in text


def test_a_box_holding_a_paragraph_of_prose_or_the_headline_is_no_sign_up_box() -> None:
    # a brief set in one box with a form (a reader's question form under a Q&A): the prose keeps the box
    brief = f'<div class="brief"><p>{STORY}</p><form><input name="email"></form></div>'
    tree = lxml_html.document_fromstring(f"<html><body><h1>Chuva</h1>{brief}</body></html>")
    drop_signup_boxes(tree)  # the form alone may go
    assert STORY in tree.text_content()
    headed = '<div class="hero"><h1>Newsletter</h1><form><input type="email"></form></div>'
    tree = lxml_html.document_fromstring(f"<html><body>{headed}</body></html>")
    drop_signup_boxes(tree)
    assert "Newsletter" in tree.text_content()


def test_a_newsletter_pitch_inside_the_article_leaves_the_extracted_text() -> None:
    paragraphs = "".join(f"<p>{STORY} Parágrafo {i}.</p>" for i in range(4))
    page = (
        '<html lang="pt-BR"><head><title>Chuva fecha escolas no Recife</title></head><body><main><article>'
        f"<h1>Chuva fecha escolas no Recife</h1>{paragraphs}{PITCH}</article></main></body></html>"
    )
    article = extract(page, url="https://jornal.example/recife/2026/03/chuva-fecha-escolas")
    assert isinstance(article, Article)
    assert "Parágrafo 3." in article.text
    assert "Toda manhã" not in article.text


def test_a_brief_beside_a_form_in_its_box_stays() -> None:
    """Review 44: a council notice of two 18-word paragraphs shared its box with a newsletter form, and went."""
    notice = (
        "<p>The library on Mill Street will close for repairs from Monday until the end of the month, the council"
        " said.</p>"
        "<p>Books can be returned at the town hall, where a desk will be open every weekday from nine to five.</p>"
    )
    form = '<form><input type="email" name="email"><button>Sign up</button></form>'
    box = f'<div class="entry-content">{notice}{form}</div>'
    tree = lxml_html.document_fromstring(f"<html><body><h1>Library closes</h1>{box}</body></html>")
    drop_signup_boxes(tree)
    assert "Books can be returned" in tree.text_content()


def test_each_element_is_judged_once_however_many_fields_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Code review 44: every field re-read all its ancestors' text (30,000 fields in one box: 36 s)."""
    from scraper.extraction import signup

    fields = "".join('<span><input type="email"></span>' for _ in range(2000))
    tree = lxml_html.document_fromstring(f"<html><body><div><p>{STORY}</p><div>{fields}</div></div></body></html>")
    real, calls = signup._too_big, []
    monkeypatch.setattr(signup, "_too_big", lambda element: calls.append(element) or real(element))
    drop_signup_boxes(tree)
    assert len(calls) == len(set(calls)) <= 2003  # each span, the fields' div, the story's div: once each
    assert STORY in tree.text_content()
