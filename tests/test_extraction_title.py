"""Title rules of ``title.pick_title`` for SEO titles, taglines and numbers, on pages written here.

Each test is one rule: the headline a reader sees over the story against the search-engine
variants in JSON-LD, og:title and ``<title>`` (the rule and a case where it must not fire).
"""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.api import extract
from scraper.extraction.fields import Fallback
from scraper.extraction.title import pick_title
from scraper.extraction.visible import read_signals
from scraper.items import Article


def title_of(head: str, body: str, site_name: str | None = None, url: str = "") -> str | None:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return pick_title(read_signals(lxml_html.document_fromstring(page)), site_name, Fallback(), url)


def og(title: str) -> str:
    return f'<meta property="og:title" content="{title}">'


def ld(headline: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "BlogPosting", "headline": "{headline}"}}</script>'


def article(h1: str) -> str:
    return f"<article><h1>{h1}</h1><p>Text of the story.</p></article>"


SEO = "Using Machine Learning To Personalise Shopping"
SHOWN = "How Machine Learning Personalises Online Shopping Experiences"


# --- the <h1> over the story against the SEO title of JSON-LD and og:title -----------------------


def test_h1_beats_the_seo_title_that_json_ld_and_og_title_share() -> None:
    assert title_of(ld(SEO) + og(SEO) + f"<title>{SEO}</title>", article(SHOWN)) == SHOWN


def test_h1_beats_a_json_ld_headline_that_og_title_repeats_with_the_site_name() -> None:
    assert title_of(ld(SEO) + og(f"{SEO} | Shopwise"), article(SHOWN), "Shopwise") == SHOWN


def test_json_ld_stays_when_og_title_states_a_third_wording() -> None:
    head = ld(SEO) + og("Shops that learn what you like")
    assert title_of(head, article(SHOWN)) == SEO


def test_json_ld_stays_when_a_heading_shows_it() -> None:
    body = article(SHOWN) + f"<section><h2>{SEO}</h2></section>"
    assert title_of(ld(SEO) + og(SEO), body) == SEO


def test_json_ld_stays_over_an_h1_that_names_the_blog() -> None:
    head = ld("Choosing a web framework") + og("Choosing a web framework")
    head += "<title>Choosing a web framework - Notes on the Web</title>"
    assert title_of(head, article("Notes on the Web")) == "Choosing a web framework"


def test_an_h1_that_names_the_blog_as_its_address_spells_it_but_with_accents_is_no_headline() -> None:
    """Blogger prints the blog's name in the page's ``<h1>`` and the post's title in an ``<h3>``; no
    og:site_name, but the address spells the name without its accents (a probe of session 37)."""
    story = "Feira da agricultura familiar volta à Praça da Matriz depois de dois anos"
    head = og(story) + f"<title>Crônicas do Vale: {story}</title>"
    body = f"<header><h1>Crônicas do Vale</h1></header><div class='post'><h3>{story}</h3><p>Texto.</p></div>"
    url = "https://cronicasdovale.blogspot.com/2026/03/feira-de-agricultura-familiar.html"
    assert title_of(head, body, url=url) == story
    # Another name in the <h1>: the <h3> the titles state is still the post's; without it, the <h1> stays.
    assert title_of(head, body.replace("Crônicas do Vale", "Crônicas da Serra"), url=url) == story
    alone = "<header><h1>Crônicas da Serra</h1></header><div class='post'><p>Texto.</p></div>"
    assert title_of(head, alone, url=url) == "Crônicas da Serra"


def test_json_ld_stays_over_a_section_h1_that_shares_a_place_name_with_it() -> None:
    """An ``<h1>`` sharing two of eight words is the section's name, not the story worded anew."""
    story = "Leeds council approves new bridge over the Aire"
    head = ld(story) + og(story) + f"<title>{story} - Example News</title>"
    body = "<div class='section'><h1>Leeds council news and updates</h1></div>"
    body += f"<article><h3 class='headline'>{story}</h3><p>Text of the story.</p></article>"
    assert title_of(head, body) == story


def test_json_ld_stays_over_an_h1_that_adds_a_kicker_to_it() -> None:
    head = ld("Liverpool lose at Everton") + og("Liverpool lose at Everton")
    assert title_of(head, article("Premier League Liverpool lose at Everton")) == "Liverpool lose at Everton"


def test_h1_that_adds_a_year_before_the_json_ld_headline_wins() -> None:
    guide = "Software Development Price Guide and Hourly Rates"
    assert title_of(ld(guide) + og(guide), article(f"2025 {guide}")) == f"2025 {guide}"


def test_h1_that_goes_on_where_the_json_ld_headline_was_cut_wins() -> None:
    head = ld("Plumbing Maintenance Tips: 11 Best Practices") + og("Plumbing Maintenance Tips: 11 Best Practices")
    body = article("Plumbing Maintenance Tips: 11 Best Practices to Prevent Leaks")
    assert title_of(head, body) == "Plumbing Maintenance Tips: 11 Best Practices to Prevent Leaks"


def test_h1_that_holds_a_paragraph_is_no_headline() -> None:
    blurb = "Learn which renovation projects of 2023 were the best, and which ten pay back the most. " * 3
    head = ld("The Ten Best Renovation Projects of 2023") + og("The Ten Best Renovation Projects of 2023")
    assert title_of(head, article(blurb)) == "The Ten Best Renovation Projects of 2023"


def test_h1_left_open_is_compared_by_its_own_text() -> None:
    """The date an unclosed ``<h1>`` swallows does not make it a different headline."""
    head = ld("Top Strategies to Secure a Blockchain") + og("Top Strategies to Secure a Blockchain")
    body = "<h1>Top Strategies to Secure a Blockchain <div></div> <h3>Posted on July 1, 2024</h3> <p>Text.</p>"
    assert title_of(head, body) == "Top Strategies to Secure a Blockchain"


# --- a JSON-LD headline cut to a field's length ----------------------------------------------------


def test_json_ld_headline_cut_short_gives_way_to_the_h2_og_title_confirms() -> None:
    full = "Fix It Friday: We Help 4 Readers Find Solutions (Including One Trick That Works)"
    head = ld("Fix It Friday: We Help 4 Readers Find Solutions (Including") + og(f"{full} - Emily Example")
    body = f"<h2>What are you looking for?</h2><article><h2>{full}</h2><p>Text.</p></article>"
    assert title_of(head, body) == full


# --- the site's name and a tagline leave any headline --------------------------------------------


def test_the_site_name_leaves_a_json_ld_headline() -> None:
    head = ld("Critics’ Choice: Best Art Exhibitions 2025 – Artlyst")
    assert title_of(head, "<p>Text.</p>", "Artlyst") == "Critics’ Choice: Best Art Exhibitions 2025"


def test_a_short_field_after_a_pipe_is_a_tagline() -> None:
    head = og("Best Residential Movers in Leeds 2026 | Top 19 Companies")
    body = article("Best Residential Movers in Leeds 2026 | Top 19 Companies")
    assert title_of(head, body) == "Best Residential Movers in Leeds 2026"


def test_a_numbered_part_after_a_pipe_that_the_h1_shows_stays() -> None:
    interview = "Exclusive interview with the mayor of Leeds | Part 2"
    assert title_of(ld(interview), article(interview)) == interview
    assert title_of(og(interview), article(interview)) == interview
    tagline = "Exclusive interview with the mayor of Leeds | Since 2019"
    assert title_of(ld(tagline), article(tagline)) == "Exclusive interview with the mayor of Leeds"


def test_a_pipe_after_a_kicker_or_before_a_long_part_stays() -> None:
    kicker = "BUDGET 3.0 | Treasury gets billions to hire debt collectors"
    assert title_of(og(kicker), article(kicker)) == kicker
    assert title_of(og("Storm Ciaran | Live"), article("Storm Ciaran | Live")) == "Storm Ciaran | Live"
    long_tail = "Top 10 Cameras of 2025 Under $2500 | The Best Mirrorless Cameras on the Market"
    assert title_of(og(long_tail), article(long_tail)) == long_tail


# --- without JSON-LD: the heading the page's titles state ---------------------------------------------


def test_h2_that_og_title_states_beats_an_h1_no_title_states() -> None:
    head = og("How To Get Toddlers To Sleep In Their Own Bed | Babycare")
    body = "<h1>Toddler Sleep Training</h1><h2>How To Get Toddlers To Sleep In Their Own Bed</h2><p>Text.</p>"
    assert title_of(head, body) == "How To Get Toddlers To Sleep In Their Own Bed"


def test_h1_that_og_title_states_keeps_its_place_over_an_h2() -> None:
    head = og("Toddler Sleep Training") + "<title>How To Get Toddlers To Sleep In Their Own Bed | Babycare</title>"
    body = "<h1>Toddler Sleep Training</h1><h2>How To Get Toddlers To Sleep In Their Own Bed</h2><p>Text.</p>"
    assert title_of(head, body) == "Toddler Sleep Training"


def test_h1_that_the_title_states_after_the_blog_name() -> None:
    head = "<title>Garnix Blog: Hardware-Attested Nix Builds</title>"
    body = "<h1>Hardware-Attested Nix Builds</h1><h1>What is attestation</h1><h1>How we attest builds</h1>"
    assert title_of(head, body) == "Hardware-Attested Nix Builds"


BLOG = "https://ramblingrails.blogspot.com/2025/09/a-weekend-on-the-line.html"
POST = "A weekend on the Settle to Carlisle line"


def test_a_blog_posts_h3_that_the_title_states_after_the_blog_name_is_the_headline() -> None:
    # Blogger: the blog's name is the <h1> (its logo), the post's title an <h3>; "Blog: Post", no og:title.
    for name in ("Rambling Rails", "Notes from the Box"):  # the address's name or not: the <h1> shows it
        head = f"<title>{name}: {POST}</title>"
        body = f'<h1><a href="/">{name}</a></h1><h2>Sunday, 14 September 2025</h2><h3>{POST}</h3><p>Text.</p>'
        assert title_of(head, body, url=BLOG) == POST


def test_an_h3_that_glues_a_kicker_to_the_headline_is_not_it() -> None:
    head = og(POST) + f"<title>Rail trips: {POST} | Rambling Rails</title>"
    body = f"<h2>Weather</h2><h3>Rail trips - {POST}</h3><p>Text.</p><h3>Another story of the day here</h3>"
    assert title_of(head, body, url=BLOG) == POST


def test_the_site_name_before_a_colon_leaves_the_title_but_another_label_stays() -> None:
    body = '<h1><a href="/">Rambling Rails</a></h1><div class="post-title">A weekend away</div><p>Text.</p>'
    assert title_of(f"<title>Rambling Rails: {POST}</title>", body, url=BLOG) == POST
    assert title_of(f"<title>Brexit: {POST}</title>", body, url=BLOG) == f"Brexit: {POST}"


def test_the_same_h1_twice_is_one_headline() -> None:
    head = og("How do you set up an ergonomic workstation? | Ergo Desks")
    body = "<h1>Setting up an ergonomic workspace</h1><h1>Setting up an ergonomic workspace</h1><p>Text.</p>"
    assert title_of(head, body) == "Setting up an ergonomic workspace"


def test_the_first_h1_wins_over_an_og_title_when_the_other_h1s_sit_in_menus() -> None:
    head = og("Easy Car Maintenance Checklist | Farm Mutual")
    body = article("A Car Maintenance Schedule That's Easy to Follow")
    body += "<aside><h1>Select Your Location</h1></aside><ul><li><h1>Find an Agent Near You</h1></li></ul>"
    assert title_of(head, body) == "A Car Maintenance Schedule That's Easy to Follow"
    teaser = '<a href="/next"><h1>Next in Your Guide to Cars</h1></a>'  # first on the page: no verdict
    assert title_of(head, teaser + body) == "Easy Car Maintenance Checklist"


def test_a_label_before_the_og_title_is_a_kicker_but_a_lone_article_is_not() -> None:
    head = og("Best Social Media Agencies in 2025 (Ranked) | Example Agency")
    assert title_of(head, article("Blog: Best Social Media Agencies in 2025 (Ranked)")) == (
        "Best Social Media Agencies in 2025 (Ranked)"
    )
    head = og("Best Home Security Cameras of 2026")
    assert title_of(head, article("The Best Home Security Cameras of 2026")) == "The Best Home Security Cameras of 2026"


# --- a count or a year that one copy of the headline keeps -------------------------------------------


def test_the_copy_that_keeps_the_count_wins() -> None:
    head = ld("Recent Trends in Photography") + og("8 Recent Trends in Photography - Flatworld")
    assert title_of(head, article("Recent Trends in Photography")) == "8 Recent Trends in Photography"


def test_the_copy_that_keeps_the_year_wins_but_not_an_appended_in_year() -> None:
    head = ld("15 Best Online Tutoring Platforms") + og("15 Best Online Tutoring Platforms 2025")
    assert title_of(head, article("15 Best Online Tutoring Platforms")) == "15 Best Online Tutoring Platforms 2025"
    head = ld("The Best Cheap Laptops") + og("The Best Cheap Laptops in 2026")
    assert title_of(head, article("The Best Cheap Laptops")) == "The Best Cheap Laptops"


def test_an_h1_that_names_the_site_is_not_the_headline_the_title_ends_with() -> None:
    head = og("Get Free Tax Help | United Way of Kingsbury County")
    body = "<h1>United Way of Kingsbury County</h1><h1>Get Free Tax Help</h1><p>Text.</p>"
    assert title_of(head, body, "United Way of Kingsbury County") == "Get Free Tax Help"


DEBATE = "Harbour plan approved after long debate"


def test_a_comment_count_or_badge_after_the_headline_is_not_a_number_it_keeps() -> None:
    count = f'<article><h1>{DEBATE} <a href="#comments" class="comment-count">12</a></h1><p>Text.</p></article>'
    assert title_of(ld(DEBATE), count) == DEBATE
    badge = f'<article><h1>{DEBATE} <span class="badge">3</span></h1><p>Text.</p></article>'
    assert title_of(ld(DEBATE), badge) == DEBATE
    assert title_of(ld(DEBATE) + og(f"{DEBATE} 2"), article(DEBATE)) == DEBATE


def test_a_year_in_a_child_element_of_the_h1_is_not_part_of_the_headline() -> None:
    h1 = f'<article><h1><span>{DEBATE}</span> <span class="edition">2025</span></h1><p>Text.</p></article>'
    assert title_of(ld(DEBATE), h1) == DEBATE
    assert title_of(ld(DEBATE) + og(f"{DEBATE} 2025"), article(DEBATE)) == f"{DEBATE} 2025"


# --- the site's logo, a blog's name and a kicker element are not the headline ------------------------


def test_the_site_address_before_the_title_goes_and_its_h1_is_the_logo() -> None:
    head, body = "<title>valley-echo.example Vibe Coding</title>", "<h1>valley-echo.example</h1><p>Text.</p>"
    assert title_of(head, body, url="https://valley-echo.example/2025/vibe.html") == "Vibe Coding"
    other = "<title>shop.example sales rise again</title>"  # another site's address is the story's subject
    assert title_of(other, "<p>Text.</p>", url="https://valley-echo.example/a.html") == "shop.example sales rise again"


def test_an_h1_the_title_starts_with_is_the_blog_name_when_og_title_states_the_rest() -> None:
    head = "<title>Lessons Learned: The lean startup</title>" + og("The lean startup")
    assert title_of(head, "<h1>Lessons Learned</h1><p>Text.</p>") == "The lean startup"
    head = "<title>Lessons Learned: The lean startup</title>"  # no other title: "H1 | Site" as before
    assert title_of(head, "<h1>Lessons Learned</h1><p>Text.</p>") == "Lessons Learned"


def test_the_h1_element_og_title_states_leaves_its_kicker_element() -> None:
    h1 = "<h1><span>Get that tech stack</span> <span>Klatch Coffee</span></h1><p>Text.</p>"
    assert title_of(og("Klatch Coffee | App Store"), h1) == "Klatch Coffee"
    assert title_of(og("Brewing better coffee | App Store"), h1) == "Get that tech stack Klatch Coffee"


def test_a_month_and_year_the_json_ld_headline_appends_leaves_it() -> None:
    shown = "Houston's Hottest New Restaurants to Visit This Month"
    body = f"<header><h1>Houstonia Magazine</h1></header>{article(shown)}"
    assert title_of(ld(f"{shown}, December 2025"), body, "Houstonia Magazine") == shown
    kept = f"{shown}, and Where to Park"  # no date: the JSON-LD headline that goes on stays
    assert title_of(ld(kept), body, "Houstonia Magazine") == kept


# --- repairs to the text of the chosen title ------------------------------------------------------


def test_a_copy_that_spells_what_the_h1_shows_as_question_marks_wins() -> None:
    spelled = "What Are The Basics Of Event Planning: Beginner's Guide"
    body = article("What Are The Basics Of Event Planning? Beginner? Guide")
    assert title_of(og(spelled), body) == spelled
    question = "Why Are The Basics Of Event Planning Hard? Ask a Planner"  # a real question mark stays
    assert title_of(og("Event planning basics, explained"), article(question)) == question


def test_a_tag_the_heading_shows_as_text_stays_in_the_title() -> None:
    escaped = "30 Years of &lt;br&gt; Tags"
    assert title_of(og(escaped), article(escaped)) == "30 Years of <br> Tags"
    assert title_of(og("&lt;em&gt;Rivers&lt;/em&gt; rise again"), article("Rivers rise again")) == "Rivers rise again"


# --- trafilatura's guess of the site's name, when the page declares none ------------------------------


def test_a_guessed_site_name_that_is_the_headlines_first_part_cuts_nothing() -> None:
    """trafilatura guesses "VIDEO. Incendie à Lyon" as the site from the ``<title>``: the headline's first part."""
    title = "VIDEO. Incendie à Lyon : les images impressionnantes d’un entrepôt en feu"
    story = "<p>" + "Le feu a pris dans un entrepôt de la zone industrielle, selon les pompiers. " * 8 + "</p>"
    page = (
        f'<html lang="fr"><head><title>{title}</title><meta property="og:title" content="{title}"></head>'
        f"<body><article><h1>{title}</h1>{story}{story.replace('Le feu', 'La fumée')}</article></body></html>"
    )
    result = extract(page, url="https://www.exemple.fr/faits-divers/incendie-lyon-entrepot")
    assert isinstance(result, Article), result
    assert result.title == title
    assert result.site_name != "VIDEO. Incendie à Lyon"


def test_a_title_of_punctuation_alone_does_not_hide_the_blogs_h3() -> None:
    from scraper.extraction.title_rules import stated_h3

    assert stated_h3([POST], {"", POST.lower()}) == POST  # a title normalised to nothing contains every string
    assert stated_h3(["Mars rover lands safely"], {"ars", "mars rover lands safely"}) == "Mars rover lands safely"
