"""Editorial content of the Harbour Gazette demo site (all fictional).

Port Wenlow, its people, clubs, businesses and events are invented for the
demo; any resemblance to real places or persons is accidental. The data is
kept apart from the HTML templates (``build_site.py``) so the prose and the
test truth (``must_contain``) can be reviewed in one place.

Paragraph text may hold inline links written ``[text](href)``.
"""

from __future__ import annotations

from dataclasses import dataclass

SITE_NAME = "The Harbour Gazette"
TOWN = "Port Wenlow"


@dataclass(frozen=True)
class Author:
    """A staff writer: slug for /author/<slug>/, role for bylines, bio box text."""

    name: str
    slug: str
    role: str
    bio: str


AUTHORS: dict[str, Author] = {
    a.name: a
    for a in (
        Author(
            "Jane Doe",
            "jane-doe",
            "Harbour Reporter",
            "Jane Doe is our harbour reporter. Follow her on X @janedoe_hg.",
        ),
        Author(
            "Tom Reyes",
            "tom-reyes",
            "Business Correspondent",
            "Tom Reyes covers business and politics for the Gazette. Follow him on X @tomreyes_hg.",
        ),
        Author(
            "Sam Okafor",
            "sam-okafor",
            "Sports Editor",
            "Sam Okafor is the Gazette's sports editor. Follow him on X @samokafor_hg.",
        ),
        Author(
            "Priya Nandakumar",
            "priya-nandakumar",
            "Arts Correspondent",
            "Priya Nandakumar writes about arts and culture for the Gazette. Follow her on X @priya_hg.",
        ),
        Author(
            "Maya Lindqvist",
            "maya-lindqvist",
            "Business Reporter",
            "Maya Lindqvist reports on business and technology. Follow her on X @mayalind_hg.",
        ),
        Author(
            "Elena Marsh",
            "elena-marsh",
            "Editor",
            "Elena Marsh is the editor of The Harbour Gazette and has worked in the Quay Street newsroom since 2004.",
        ),
    )
}

SECTIONS: dict[str, str] = {
    "Local": "local",
    "Business": "business",
    "Sport": "sport",
    "Culture": "culture",
}
"""Section name -> slug (/section/<slug>/)."""


# --- body blocks -----------------------------------------------------------


@dataclass(frozen=True)
class Para:
    """A paragraph of article text (kept by cleaning)."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside the article body (kept)."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Bullets:
    """A bulleted or numbered list (kept)."""

    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Quote:
    """A block quotation with its source (kept)."""

    text: str
    source: str


@dataclass(frozen=True)
class Table:
    """A small data table (kept)."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Image:
    """A picture; its caption and credit are boilerplate for the text."""

    name: str
    alt: str
    caption: str
    credit: str


@dataclass(frozen=True)
class AlsoRead:
    """An "ALSO READ:"-style cross link inside the body (boilerplate).

    ``target`` is an article key, or a site path (then ``text`` is the link text).
    ``label`` overrides the template's default label.
    """

    target: str
    text: str = ""
    label: str = ""


@dataclass(frozen=True)
class Advert:
    """An "Advertisement" slot inside the body (boilerplate)."""


@dataclass(frozen=True)
class Newsletter:
    """A newsletter sign-up prompt inside the body (boilerplate)."""


Block = Para | Heading | Bullets | Quote | Table | Image | AlsoRead | Advert | Newsletter


@dataclass(frozen=True)
class Article:
    """One news article and the facts the end-to-end tests check.

    ``template``: classic | magazine | modern | legacy (four distinct layouts).
    ``schema``: NewsArticle | Article | BlogPosting | graph (NewsArticle inside
    an @graph) | None (no JSON-LD at all).
    ``reachable_only_via``: sitemap-gz | section-page-2 | None.
    """

    key: str
    path: str
    title: str
    description: str
    section: str
    crumb: str
    authors: tuple[str, ...]
    published: str
    modified: str
    tags: tuple[str, ...]
    template: str
    schema: str | None
    lead: Image
    body: tuple[Block, ...]
    related: tuple[str, ...]
    must_contain: tuple[str, ...]
    og_type: bool = True
    og_title_suffix: bool = False
    comments: int = 0
    reachable_only_via: str | None = None


ARTICLES: tuple[Article, ...] = (
    # ------------------------------------------------------------------ 1
    Article(
        key="women-cup",
        path="/sport/2026/11/rovers-women-win-county-cup/",
        title="Rovers Women win County Cup on penalties",
        description="Megan Rowe's save and Jess Polglase's kick bring the club its first "
        "women's trophy in front of a record Harbour Ground crowd.",
        section="Sport",
        crumb="Football",
        authors=("Sam Okafor",),
        published="2026-11-15T18:30:00+01:00",
        modified="2026-11-15T21:05:00+01:00",
        tags=("Football", "Wenlow Rovers", "County Cup"),
        template="legacy",
        schema=None,
        lead=Image(
            "women-cup.png",
            "Rovers Women players run towards their goalkeeper",
            "Goalkeeper Megan Rowe saves the decisive penalty.",
            "Photo: Rob Tilley / Pitchside Images",
        ),
        body=(
            Para(
                "Wenlow Rovers Women won the County Cup for the first time on Sunday, beating "
                "Ashcombe 4-3 on penalties after a 1-1 draw at a packed Harbour Ground."
            ),
            Para(
                "Goalkeeper Megan Rowe saved the fifth Ashcombe penalty, diving low to her right, "
                "before captain Jess Polglase stepped up to score the winning kick in front of a "
                "record crowd of 1,140."
            ),
            Para(
                "Ashcombe, who play two divisions higher, had gone ahead after 20 minutes through "
                "Freya Holt. Rovers equalised early in the second half when substitute Amy Trevail "
                "lifted the ball over the goalkeeper from the edge of the area."
            ),
            Quote(
                "Two years ago we were training on a car park with the floodlights off. Today we "
                "have a cup on the bus.",
                "Rovers Women coach Nina Barrett",
            ),
            AlsoRead("rovers-top"),
            Para(
                "The club only formed its women's team in 2021, and until last season shared a "
                "training pitch with the under-12s. The cup run included wins over three "
                "higher-ranked sides, two of them away from home."
            ),
            Para(
                "Supporters queued along Harbour Road for more than an hour before kick-off, and the "
                "club opened the old terrace behind the north goal for the first time this season."
            ),
            Para(
                "Polglase, a 24-year-old physiotherapist who joined the club in its first season, "
                "said the players had practised penalties after every training session for a month. "
                '"We knew it might come to that," she said. "Nobody wanted to be the one who had not '
                'practised."'
            ),
            Advert(),
            Para(
                "Barrett said the win would help the club's bid for funding to build a new "
                "changing block with proper facilities for women and girls. Work could start next "
                "summer if the application to the county sports fund is successful."
            ),
            Para(
                "The trophy will be paraded along Quay Street on an open-top bus next Saturday "
                "before the men's home game against Ashcombe."
            ),
        ),
        related=("rovers-top", "regatta", "storm"),
        must_contain=(
            "Wenlow Rovers Women won the County Cup for the first time on Sunday",
            "Two years ago we were training on a car park with the floodlights off.",
            "The trophy will be paraded along Quay Street on an open-top bus next Saturday "
            "before the men's home game against Ashcombe.",
        ),
        comments=31,
    ),
    # ------------------------------------------------------------------ 2
    Article(
        key="lighthouse",
        path="/news/2026/11/lighthouse-paintings-exhibition.html",
        title="Lost lighthouse paintings go on show at Customs House",
        description="Eleven oil sketches of the Skerrow light, missing for almost a century, "
        "turned up in a sea chest bought at a house clearance.",
        section="Culture",
        crumb="Art",
        authors=("Priya Nandakumar",),
        published="2026-11-13T10:00:00+01:00",
        modified="2026-11-13T12:40:00+01:00",
        tags=("Art", "Skerrow", "Exhibitions"),
        template="magazine",
        schema="Article",
        lead=Image(
            "lighthouse.png",
            "Small oil painting of a white lighthouse on a rock",
            "One of the rediscovered paintings of the Skerrow light, dated 1911.",
            "Photo: Old Customs House Gallery",
        ),
        body=(
            Para(
                "A set of eleven paintings of the Skerrow lighthouse, missing for almost a century, "
                "have gone on public display for the first time at the Old Customs House Gallery "
                "in Port Wenlow."
            ),
            Para(
                "The small oil sketches were painted between 1909 and 1913 by Edith Carne, the "
                "daughter of a lighthouse keeper, who spent her childhood on the island. They were "
                "thought to have been lost when the family's house on Fore Street was sold in the "
                "1920s."
            ),
            Para(
                "They turned up last spring in a sea chest bought at a house clearance sale in "
                "Millbrook by a retired teacher, Martin Hale, who recognised the lighthouse and "
                "contacted the gallery."
            ),
            Quote(
                "I opened the lid expecting old charts. Instead there was the Skerrow light "
                "looking back at me, eleven times over.",
                "Martin Hale",
            ),
            Image(
                "sea-chest.png",
                "A woman kneels beside an open wooden chest",
                "Curator Isobel Quint with the sea chest in which the paintings were found.",
                "Photo: Priya Nandakumar",
            ),
            Para(
                "Curator Isobel Quint said the paintings were unusual because they showed the "
                "lighthouse from the keeper's side: washing lines, a vegetable patch and a goat "
                "tethered to the railings below the lamp room."
            ),
            AlsoRead("theatre"),
            Heading("A keeper's daughter"),
            Para(
                "Edith Carne left the island at 17 to train as a nurse and never painted "
                "professionally. The gallery has traced two of her descendants, who travelled from "
                "Canada for the opening on Thursday night."
            ),
            Para(
                "One of them, Ruth Carne-Ellis, said the family had always heard stories about the "
                "paintings but assumed they were a legend."
            ),
            Para(
                "Conservators spent the summer cleaning the panels, which had been stored with "
                "tar-soaked rope and were covered in a brown film. Two of them still show the "
                "marks of a child's thumb in the paint, which the gallery has chosen to leave."
            ),
            Para(
                "The exhibition, A Light on Skerrow, runs until 28 February. Entry is free, and the "
                "gallery is open from Tuesday to Sunday. Details are on the "
                "[gallery's website](https://example.org/customs-house-gallery)."
            ),
        ),
        related=("theatre", "ferry", "women-cup", "notebook"),
        must_contain=(
            "A set of eleven paintings of the Skerrow lighthouse, missing for almost a century",
            "A keeper's daughter",
            "I opened the lid expecting old charts.",
            "The exhibition, A Light on Skerrow, runs until 28 February.",
        ),
    ),
    # ------------------------------------------------------------------ 3
    Article(
        key="storm",
        path="/news/2026/11/storm-brenna-batters-coast.html",
        title="Storm Brenna batters coast as harbour wall is breached",
        description="Gusts of more than 80mph and a spring tide flooded homes on Ropewalk Lane "
        "and Quay Street overnight.",
        section="Local",
        crumb="Weather",
        authors=("Jane Doe", "Tom Reyes"),
        published="2026-11-12T07:45:00+01:00",
        modified="2026-11-12T16:20:00+01:00",
        tags=("Weather", "Harbour", "Flooding"),
        template="classic",
        schema="NewsArticle",
        lead=Image(
            "storm-brenna.png",
            "Waves breaking over a stone breakwater at night",
            "Waves break over the north breakwater on Wednesday night.",
            "Photo: Coastline Pictures",
        ),
        body=(
            Para(
                "Storm Brenna brought gusts of more than 80mph to Port Wenlow overnight, breaching "
                "a section of the old harbour wall and flooding homes along Ropewalk Lane and the "
                "lower end of Quay Street."
            ),
            Para(
                "Nobody was seriously hurt, but the coastguard said it had dealt with eleven "
                "call-outs between 10pm and 4am, including two yachts that broke free of their "
                "moorings and drifted into the inner basin."
            ),
            Para(
                "Forecasters had issued an amber wind warning for the whole coast on Tuesday "
                "afternoon. The peak of the storm coincided with a spring tide, which they said "
                "made the flooding worse than expected."
            ),
            Quote(
                "The water came under the door in about ten minutes. We got the children upstairs "
                "and just watched it rise.",
                "Leah Kowalczyk, Ropewalk Lane resident",
            ),
            Image(
                "sandbags.png",
                "People in high-visibility jackets shovelling sand into bags",
                "Volunteers fill sandbags at the lifeboat station.",
                "Photo: Jane Doe",
            ),
            Para(
                "By first light, council crews and volunteers from the lifeboat station were "
                "filling sandbags at the Battery car park. The breach, roughly six metres wide, was "
                "being shored up with rock armour brought in by barge from the quarry at Millbrook."
            ),
            AlsoRead("fishing"),
            Para(
                "Council leader Ruth Penhallow described the damage as the worst in the town since "
                "2014 and said she would ask the government for emergency funding."
            ),
            Advert(),
            Heading("WHERE TO GET HELP"),
            Para(
                "The council has opened a rest centre at the Methodist hall on Chapel Street. "
                "Residents affected by the flooding can:"
            ),
            Bullets(
                (
                    "Call the council flood line on 01632 960 118, open 24 hours",
                    "Collect free sandbags from the Battery car park until 6pm",
                    "Report fallen trees and blocked drains through the "
                    "[council website](https://council.example.org/report)",
                    "Ask the rest centre for help with temporary accommodation",
                )
            ),
            Heading("Roads and ferries", level=3),
            Para(
                "The coast road between Port Wenlow and Millbrook remains closed at Gull Point "
                "because of debris. Isleway Ferries cancelled all sailings on Wednesday and said it "
                "would review the timetable at noon on Thursday."
            ),
            Para(
                "The storm is expected to move north-east during Thursday, but a yellow warning "
                "for wind remains in place until Friday morning."
            ),
            Newsletter(),
        ),
        related=("bridge", "budget", "ferry", "fishing"),
        must_contain=(
            "Storm Brenna brought gusts of more than 80mph to Port Wenlow overnight",
            "WHERE TO GET HELP",
            "Collect free sandbags from the Battery car park until 6pm",
            "The water came under the door in about ten minutes.",
            "Roads and ferries",
        ),
        og_title_suffix=True,
        comments=48,
    ),
    # ------------------------------------------------------------------ 4
    Article(
        key="fishing",
        path="/news/2026/11/fishing-quota-dispute.html",
        title="Fishermen threaten blockade over cuts to crab quota",
        description="The Wenlow Fishermen's Co-operative says a 30 per cent cut to the brown crab "
        "quota puts 40 crew jobs at risk this winter.",
        section="Business",
        crumb="Fishing",
        authors=("Tom Reyes",),
        published="2026-11-10T06:30:00+01:00",
        modified="2026-11-10T09:05:00+01:00",
        tags=("Fishing", "Harbour", "Jobs"),
        template="magazine",
        schema="NewsArticle",
        lead=Image(
            "crab-pots.png",
            "Crab pots stacked on a quay",
            "Crab pots stacked on the fish quay at Port Wenlow.",
            "Photo: Ines Calder / Westport Agency",
        ),
        body=(
            Para(
                "Crab and lobster fishermen in Port Wenlow have threatened to blockade the harbour "
                "mouth next month unless the regional fisheries authority reverses a 30 per cent "
                "cut to next year's brown crab quota."
            ),
            Para(
                "The cut, announced last week, follows a scientific survey that found fewer young "
                "crabs on the inshore grounds for the third year running. The authority says the "
                "reduction is needed to let stocks recover."
            ),
            Para(
                "But the Wenlow Fishermen's Co-operative, which represents 46 boats, says the "
                "survey was carried out in the wrong season and has asked for an independent "
                "review."
            ),
            Quote(
                "We are not against conservation. We are against decisions made in an office two "
                "hundred miles away on the back of one survey.",
                "Jory Pascoe, chair of the co-operative",
            ),
            AlsoRead("ferry"),
            Heading("WHY THE QUOTA MATTERS"),
            Para(
                "Shellfish are now the most valuable catch landed at Port Wenlow, worth an "
                "estimated £9m a year at first sale. The co-operative says the cut would mean:"
            ),
            Bullets(
                (
                    "Around 40 crew jobs at risk over the winter",
                    "Less crab for the processing plant on Harbour Road, which employs 60 people",
                    "Smaller boats tying up for weeks at a time",
                )
            ),
            Para(
                "The processing plant's owner, Carrick Seafoods, said it was watching the dispute "
                "closely and had no plans to cut jobs at present."
            ),
            Newsletter(),
            Para(
                "A spokesperson for the fisheries authority said it understood the strength of "
                'feeling and would meet the co-operative before the end of the month. "The quota '
                'is set on the best evidence we have," the spokesperson said. "If better evidence '
                'is produced, we will look at it."'
            ),
            Heading("What a blockade would mean", level=3),
            Para(
                "A blockade of the harbour mouth would stop the ferry to the islands and the weekly "
                "fuel tanker. Harbour master Gwen Ashby said she hoped it would not come to that, "
                "but that her staff would keep the channel open for emergency vessels whatever "
                "happened."
            ),
            Advert(),
            Para("The co-operative will decide at a meeting on 24 November whether to go ahead."),
        ),
        related=("tidewatch", "ferry", "budget"),
        must_contain=(
            "Crab and lobster fishermen in Port Wenlow have threatened to blockade the harbour mouth",
            "WHY THE QUOTA MATTERS",
            "Around 40 crew jobs at risk over the winter",
            "We are not against conservation.",
            "The co-operative will decide at a meeting on 24 November whether to go ahead.",
        ),
    ),
    # ------------------------------------------------------------------ 5
    Article(
        key="rovers-top",
        path="/sport/2026/11/rovers-promotion-push/",
        title="Rovers go top after late winner at Millbrook",
        description="Kai Brennan's stoppage-time header puts Wenlow Rovers top of the Western "
        "Counties League for the first time in nine years.",
        section="Sport",
        crumb="Football",
        authors=("Sam Okafor",),
        published="2026-11-08T17:10:00+01:00",
        modified="2026-11-08T18:45:00+01:00",
        tags=("Football", "Wenlow Rovers"),
        template="modern",
        schema="graph",
        lead=Image(
            "rovers-millbrook.png",
            "A footballer heads the ball above defenders",
            "Kai Brennan celebrates his stoppage-time winner.",
            "Photo: Rob Tilley / Pitchside Images",
        ),
        body=(
            Para(
                "Wenlow Rovers moved to the top of the Western Counties League for the first time "
                "in nine years after Kai Brennan's stoppage-time header gave them a 2-1 win at "
                "Millbrook Town on Saturday."
            ),
            Para(
                "Brennan, 19, rose highest to meet a corner from captain Lewis Fairweather in the "
                "93rd minute, sending around 300 travelling supporters behind the goal into "
                "celebration."
            ),
            Para(
                "Millbrook had taken the lead just before half-time through Danny Shaw, who "
                "finished calmly after a mistake in the Rovers defence. Rovers levelled on the hour "
                "when Fairweather's free kick deflected in off the wall."
            ),
            Quote(
                "I told him at half-time he would get a chance. I did not think it would be with "
                "his head. He is about five foot eight.",
                "Rovers manager Carla Munday",
            ),
            AlsoRead("regatta"),
            Heading("Promotion push"),
            Para(
                "The win takes Rovers one point clear of Ashcombe, who drew 0-0 at home to Penlee. "
                "Only the champions are promoted automatically, with the next four teams entering "
                "the play-offs in May."
            ),
            Para(
                "Munday, who took over in the summer, has lost only once in the league since "
                "August. She has built the side largely around players from the club's own youth "
                "team, with six of Saturday's starting eleven born in Port Wenlow."
            ),
            Para(
                "Millbrook manager Graham Yelland said his side had been undone by a set piece they "
                'had worked on all week. "We knew exactly what was coming and we still could not stop '
                'it," he said. "Credit to them, they kept going."'
            ),
            Newsletter(),
            Para(
                "Rovers return to the Harbour Ground next Saturday against Penlee, with kick-off at "
                "3pm. The club expects its biggest home crowd of the season and has asked "
                "supporters to arrive early."
            ),
            Heading("Team", level=3),
            Para(
                "Rovers: Hollis; Trew, Okonjo, Pascoe, Lang; Fairweather, Ruddock, Marsh; Yeo "
                "(Brennan 70), Kitto, Carne."
            ),
        ),
        related=("women-cup", "regatta", "budget"),
        must_contain=(
            "Wenlow Rovers moved to the top of the Western Counties League for the first time",
            "Promotion push",
            "I told him at half-time he would get a chance.",
            "Rovers: Hollis; Trew, Okonjo, Pascoe, Lang; Fairweather, Ruddock, Marsh; Yeo (Brennan 70), Kitto, Carne.",
        ),
        og_title_suffix=True,
        comments=23,
    ),
    # ------------------------------------------------------------------ 6
    Article(
        key="budget",
        path="/news/2026/11/council-approves-2027-budget.html",
        title="Council approves 2027 budget with rise in harbour fees",
        description="Mooring and harbour dues go up 6 per cent while household tax is frozen for a second year.",
        section="Local",
        crumb="Council",
        authors=("Tom Reyes", "Jane Doe"),
        published="2026-11-05T19:20:00+01:00",
        modified="2026-11-06T08:10:00+01:00",
        tags=("Council", "Harbour", "Budget"),
        template="classic",
        schema="NewsArticle",
        lead=Image(
            "council-chamber.png",
            "Councillors seated in a wood-panelled chamber",
            "Councillors voted 14 to 9 in favour of the budget on Thursday evening.",
            "Photo: Ines Calder / Westport Agency",
        ),
        body=(
            Para(
                "Port Wenlow Town Council has approved a £48.6m budget for 2027 that raises mooring "
                "and harbour dues by 6 per cent while freezing the council's share of household tax "
                "for a second year."
            ),
            Para("The vote, taken after a three-hour debate on Thursday evening, split largely along party lines."),
            Para(
                "Council leader Ruth Penhallow said the harbour had to start paying its way after "
                "years in which repairs were funded from general reserves. Opposition councillors "
                "said the rise would hit small fishing boats hardest."
            ),
            Quote(
                "A trawler skipper pays the same rise as a yacht owner with a boat worth ten times "
                "as much. That is not fair and it is not smart.",
                "Councillor Owen Gale",
            ),
            Heading("WHERE THE MONEY GOES"),
            Para(
                "The largest share of spending remains adult social care, followed by highways and "
                "the harbour itself. The main budget lines are:"
            ),
            Table(
                "Main spending lines, 2027 budget",
                ("Service", "2026 (£m)", "2027 (£m)"),
                (
                    ("Adult social care", "14.2", "15.1"),
                    ("Highways and bridges", "8.9", "9.4"),
                    ("Harbour operations", "6.1", "6.8"),
                    ("Waste and recycling", "5.7", "5.9"),
                    ("Libraries and culture", "2.3", "2.2"),
                ),
            ),
            AlsoRead("bridge"),
            Heading("WHAT IT MEANS FOR RESIDENTS"),
            Para(
                "For most households, the changes will be small. According to the "
                "[budget papers](https://council.example.org/budget-2027.pdf):"
            ),
            Bullets(
                (
                    "Household tax stays at this year's level",
                    "Green waste collection rises to £48 a year",
                    "Parking at Quay Street and the Battery car park goes up by 20p an hour",
                    "Library opening hours are protected for at least twelve months",
                )
            ),
            Para(
                "Harbour users face larger increases. A typical 10-metre fishing boat will pay "
                "around £310 more a year in dues, according to figures published alongside the "
                "budget."
            ),
            Advert(),
            Para(
                "The harbour master, Gwen Ashby, said the extra income would be ring-fenced for "
                "dredging and for repairs to the north breakwater, which was damaged in last year's "
                "storms."
            ),
            Para(
                "The budget now goes to a final formal vote in February, though that is normally a "
                "rubber stamp. Opposition groups have said they will table an amendment to phase in "
                "the harbour rise over three years."
            ),
        ),
        related=("bridge", "school", "notebook", "storm"),
        must_contain=(
            "Port Wenlow Town Council has approved a £48.6m budget for 2027",
            "WHERE THE MONEY GOES",
            "WHAT IT MEANS FOR RESIDENTS",
            "Green waste collection rises to £48 a year",
            "A trawler skipper pays the same rise as a yacht owner with a boat worth ten times as much.",
            "Harbour operations",
        ),
        comments=62,
    ),
    # ------------------------------------------------------------------ 7
    Article(
        key="bridge",
        path="/news/2026/11/harbour-bridge-reopens.html",
        title="Harbour bridge reopens after six months",
        description="The Wenlow swing bridge is back in service after its corroded turning gear "
        "was replaced, but the footbridge stays shut until spring.",
        section="Local",
        crumb="Harbour",
        authors=("Jane Doe",),
        published="2026-11-03T08:15:00+01:00",
        modified="2026-11-03T10:02:00+01:00",
        tags=("Harbour", "Council", "Transport"),
        template="classic",
        schema="NewsArticle",
        lead=Image(
            "bridge.png",
            "A steel swing bridge across a harbour at dawn",
            "The Wenlow swing bridge swung back into service on Monday morning.",
            "Photo: Lars Venn / Harbour Gazette",
        ),
        body=(
            Para(
                "The Wenlow swing bridge reopened to traffic on Monday morning, six months after "
                "engineers closed it to replace the corroded turning gear that had left the crossing "
                "stuck half open twice last winter."
            ),
            Para(
                "The first car across, shortly after 6am, was driven by retired harbour pilot Agnes "
                "Tremayne, 81, who had campaigned for the repairs since the first breakdown. A small "
                "crowd of commuters and fishermen clapped from the east quay as the barriers "
                "lifted."
            ),
            Quote(
                "I have crossed this bridge every day for sixty years, and I was not going to let "
                "anyone else go first.",
                "Agnes Tremayne",
            ),
            Para(
                "The £3.1m project was funded jointly by Port Wenlow Town Council and the "
                "[regional transport fund](https://example.org/regional-transport-fund). It came in "
                "around £200,000 over budget, which the council blamed on a shortage of specialist "
                "steel and two weeks lost to autumn gales."
            ),
            AlsoRead("ferry"),
            Heading("A long six months for the east side"),
            Para(
                "For traders on the east side of the harbour, the closure meant a detour of almost "
                "four miles through the industrial estate. Several cafes on Quay Street reported "
                "takings down by a third over the summer."
            ),
            Para(
                '"We survived on locals and the ferry crowd," said Tomasz Bielski, who runs the '
                'Anchor Tea Rooms. "The tourists just stopped at the west end and never found '
                'us."'
            ),
            Para(
                "Council engineer Dafydd Morrow said the new hydraulic drive had been tested more "
                "than 400 times before the reopening. The bridge will now swing for shipping at "
                "fixed times rather than on demand, to reduce wear on the mechanism."
            ),
            Advert(),
            Heading("WHAT HAPPENS NEXT"),
            Para("The bridge will open to river traffic at the following times from this week:"),
            Bullets(
                (
                    "Weekdays at 7am, 1pm and 7pm",
                    "Saturdays and Sundays at 9am and 5pm",
                    "On request for emergency vessels at any time",
                )
            ),
            Para(
                "A footbridge alongside the main span will remain closed until the spring while its "
                "timber deck is replaced. Pedestrians are being asked to use the temporary walkway "
                "on the north side."
            ),
            Para(
                "Councillor Ruth Penhallow, the council leader, admitted the project had tested "
                'residents\' patience. "We owe the east side an apology and a good Christmas," she '
                "said. The council has promised free parking on Quay Street every Saturday in "
                "December."
            ),
            Newsletter(),
        ),
        related=("budget", "storm", "school", "tidewatch", "regatta"),
        must_contain=(
            "The Wenlow swing bridge reopened to traffic on Monday morning",
            "WHAT HAPPENS NEXT",
            "Saturdays and Sundays at 9am and 5pm",
            "I have crossed this bridge every day for sixty years, and I was not going to let anyone else go first.",
            "The council has promised free parking on Quay Street every Saturday in December.",
        ),
        og_title_suffix=True,
        comments=14,
    ),
    # ------------------------------------------------------------------ 8
    Article(
        key="tidewatch",
        path="/news/2026/10/tidewatch-raises-funding.html",
        title="Tidewatch raises £2.4m to put sensors on every mooring",
        description="The Port Wenlow start-up behind solar-powered mooring alarms will hire "
        "twelve people and launch in six new harbours.",
        section="Business",
        crumb="Technology",
        authors=("Maya Lindqvist",),
        published="2026-10-28T11:00:00+01:00",
        modified="2026-10-28T11:00:00+01:00",
        tags=("Startups", "Harbour", "Jobs"),
        template="magazine",
        schema="NewsArticle",
        lead=Image(
            "tidewatch.png",
            "Two people holding a small yellow device on a pontoon",
            "Tidewatch co-founders Nadia Rahman and Felix Orme on the pontoon at the marina.",
            "Photo: Tidewatch",
        ),
        body=(
            Para(
                "Tidewatch, a Port Wenlow start-up that makes solar-powered sensors for boat "
                "moorings, has raised £2.4m from investors to expand into harbours across the "
                "country."
            ),
            Para(
                "The company was founded three years ago by Nadia Rahman, a former marine engineer, "
                "and Felix Orme, who ran the boatyard at Gull Point. Its sensors clip onto a mooring "
                "buoy and send an alert to the owner's phone if a boat starts taking on water, drags "
                "its anchor or is boarded at night."
            ),
            Para(
                "The funding round was led by Westerly Ventures, with smaller investments from a "
                "regional growth fund and several local business owners."
            ),
            Quote(
                "Every winter we heard the same story: somebody's boat sank on its mooring and "
                "nobody noticed for two days. We thought that was a solvable problem.",
                "Nadia Rahman, chief executive",
            ),
            Heading("How the money will be spent"),
            Para("Ms Rahman said the company would use the investment in three stages:"),
            Bullets(
                (
                    "Hire twelve engineers and support staff at its workshop on Harbour Road",
                    "Open a second assembly line to build 20,000 sensors a year",
                    "Launch in six new harbours by the end of next summer",
                ),
                ordered=True,
            ),
            AlsoRead("ferry"),
            Para(
                "Tidewatch currently has around 3,000 sensors in use, most of them in the "
                "south-west. Owners pay £9 a month for the service after buying the device."
            ),
            Para(
                "Each unit is built and tested in the workshop, and the batteries are designed to "
                "survive a full winter without sunshine."
            ),
            Advert(),
            Para(
                "Harbour master Gwen Ashby, whose team trialled the sensors on council moorings "
                "last winter, said they had already prevented at least two sinkings in Port "
                "Wenlow."
            ),
            Para(
                "The company now employs 14 people. Mr Orme said it had no plans to leave the town. "
                '"People ask why we don\'t move to a city," he said. "But our customers are here, '
                'on the water. It would be strange to build this anywhere else."'
            ),
        ),
        related=("fishing", "ferry", "bridge"),
        must_contain=(
            "has raised £2.4m from investors to expand into harbours across the country.",
            "How the money will be spent",
            "Open a second assembly line to build 20,000 sensors a year",
            "Every winter we heard the same story: somebody's boat sank on its mooring and nobody "
            "noticed for two days.",
        ),
    ),
    # ------------------------------------------------------------------ 9
    Article(
        key="theatre",
        path="/news/2026/10/lantern-theatre-reopens.html",
        title="Lantern Theatre opens its doors after 40 years dark",
        description="Volunteers spent six years restoring the Victorian theatre on Fore Street, "
        "which reopened with a sell-out new play.",
        section="Culture",
        crumb="Theatre",
        authors=("Priya Nandakumar",),
        published="2026-10-24T21:30:00+02:00",
        modified="2026-10-25T09:00:00+01:00",
        tags=("Theatre", "Lantern Theatre", "Volunteers"),
        template="modern",
        schema="Article",
        lead=Image(
            "lantern-theatre.png",
            "A small red and gold auditorium with a painted ceiling",
            "The restored auditorium of the Lantern Theatre on opening night.",
            "Photo: Ines Calder / Westport Agency",
        ),
        body=(
            Para(
                "The Lantern Theatre on Fore Street opened its doors on Saturday night for the first "
                "time since 1986, after a six-year restoration led by volunteers and paid for "
                "largely by donations from the town."
            ),
            Para(
                "The 280-seat Victorian theatre had been used as a furniture warehouse and then "
                "left empty. When the Lantern Trust bought it for £1 from the council in 2020, "
                "pigeons were nesting in the boxes and part of the stage had collapsed."
            ),
            Para(
                "The opening production, a new play about the 1952 lifeboat disaster called The "
                "Long Night, was written by local playwright Rhian Treloar and sold out its first "
                "two weeks within hours of going on sale."
            ),
            Quote(
                "I kept thinking about the people who stood on this stage a hundred years ago. "
                "Tonight it felt like they were in the wings.",
                "Rhian Treloar",
            ),
            Para(
                "Audience members were greeted at the door by the oldest surviving member of the "
                "Lantern's last company, 92-year-old Dora Mayne, who appeared in the theatre's final "
                "show in 1986."
            ),
            AlsoRead("notebook"),
            Heading("Built by volunteers"),
            Para(
                "More than 300 people gave their time to the restoration, from retired joiners who "
                "rebuilt the balcony to schoolchildren who helped repaint the ceiling stars. Trust "
                "chair Alan Penrose said around £2.2m had been raised, three quarters of it from "
                "individual donors."
            ),
            Para(
                "The work uncovered several surprises, including a painted safety curtain from the "
                "1890s advertising a long-closed ironmonger on Quay Street, which has been cleaned "
                "and now hangs above the stage. Volunteers also found a box of playbills under the "
                "floor of the dress circle, the oldest dated 1884."
            ),
            Newsletter(),
            Para(
                "The theatre will host touring productions, a winter film club and a youth theatre "
                "on Saturday mornings. Tickets for the Christmas pantomime, Dick Whittington, go on "
                "sale next week."
            ),
        ),
        related=("lighthouse", "notebook", "school"),
        must_contain=(
            "The Lantern Theatre on Fore Street opened its doors on Saturday night",
            "Built by volunteers",
            "I kept thinking about the people who stood on this stage a hundred years ago.",
            "Tickets for the Christmas pantomime, Dick Whittington, go on sale next week.",
        ),
        og_title_suffix=True,
        comments=9,
    ),
    # ------------------------------------------------------------------ 10
    Article(
        key="school",
        path="/news/2026/10/saltmarsh-school-extension.html",
        title="Saltmarsh Primary gets go-ahead for new classrooms",
        description="A £4.8m extension will end three years of lessons in playground cabins at the Marsh End school.",
        section="Local",
        crumb="Education",
        authors=("Jane Doe",),
        published="2026-10-21T14:05:00+02:00",
        modified="2026-10-21T16:30:00+02:00",
        tags=("Schools", "Council", "Planning"),
        template="legacy",
        schema=None,
        lead=Image(
            "saltmarsh-school.png",
            "Children in blue jumpers outside a low brick school",
            "Pupils at Saltmarsh Primary School, where numbers have doubled since 2019.",
            "Photo: Lars Venn / Harbour Gazette",
        ),
        body=(
            Para(
                "Saltmarsh Primary School will get four new classrooms and a hall by September 2027 "
                "after councillors approved a £4.8m extension on Tuesday."
            ),
            Para(
                "The school, on the edge of the new housing estate at Marsh End, was built for 210 "
                "pupils but now teaches 390. Two classes have been taught in temporary cabins in "
                "the playground for the past three years."
            ),
            Para("Head teacher Oliver Stannard said staff and parents had waited a long time for the decision."),
            Quote(
                "Our children have been learning in boxes on the playground through two winters. "
                "They deserve a proper school.",
                "Oliver Stannard",
            ),
            Image(
                "school-cabins.png",
                "Two grey portable classrooms on a tarmac playground",
                "The temporary cabins that have housed two classes since 2023.",
                "Photo: Jane Doe",
            ),
            Para(
                "Parents had packed the public gallery for the meeting, and several held up drawings "
                "made by pupils showing the school they hoped for. One, by a seven-year-old, showed a "
                "classroom with a roof shaped like an upturned boat."
            ),
            Para(
                "The planning committee voted unanimously in favour, though some neighbours had "
                "objected to the loss of part of the playing field and to extra traffic on Marsh "
                "Lane at the start and end of the school day."
            ),
            AlsoRead("notebook"),
            Para(
                "The extension will include a small library and a room for pupils with special "
                "educational needs, something parents have been asking for since the estate was "
                "built."
            ),
            Heading("Traffic plan", level=3),
            Para(
                "To address the traffic concerns, the council will introduce a 20mph limit on Marsh "
                "Lane and a new crossing outside the main gate. A drop-off bay for parents will be "
                "built on the former cabin site once the extension opens."
            ),
            Advert(),
            Para(
                "Construction is due to start in January. The school says lessons will continue as "
                "normal during the building work, with the noisiest jobs scheduled for the "
                "holidays."
            ),
            Para(
                "The council says the contractor will use the Marsh Lane entrance for deliveries and "
                "has agreed to avoid the school run."
            ),
        ),
        related=("budget", "bridge", "theatre"),
        must_contain=(
            "Saltmarsh Primary School will get four new classrooms and a hall by September 2027",
            "Our children have been learning in boxes on the playground through two winters.",
            "Traffic plan",
            "Construction is due to start in January.",
        ),
        comments=17,
    ),
    # ------------------------------------------------------------------ 11
    Article(
        key="regatta",
        path="/sport/2026/10/harbour-regatta-record-entry/",
        title="Harbour regatta draws record entry despite the swell",
        description="A record 164 boats raced in the Wenlow Harbour Regatta, with two races moved "
        "inside the breakwater.",
        section="Sport",
        crumb="Sailing",
        authors=("Sam Okafor",),
        published="2026-10-19T16:40:00+02:00",
        modified="2026-10-19T19:15:00+02:00",
        tags=("Sailing", "Harbour", "Lifeboat"),
        template="modern",
        schema="NewsArticle",
        lead=Image(
            "regatta.png",
            "Rowing gigs racing in choppy water",
            "Gig crews racing past the lifeboat station on Sunday.",
            "Photo: Rob Tilley / Pitchside Images",
        ),
        body=(
            Para(
                "A record 164 boats took part in the Wenlow Harbour Regatta on Sunday, despite a "
                "heavy swell that forced organisers to shorten the outer course and move two races "
                "inside the breakwater."
            ),
            Para(
                "Crews travelled from as far as Brittany and the Scilly Isles for the one-day event, "
                "which has been held every October since 1887 and now includes pilot gigs, dinghies, "
                "paddleboards and a race for traditional working boats."
            ),
            Para(
                "The men's gig race was won by Skerrow Island in a time of 31 minutes 12 seconds, "
                "their first victory in the event for more than a decade. The women's race went to "
                "Port Wenlow's own Ladies of the Lamp, who held off a late challenge from "
                "Millbrook."
            ),
            Quote(
                "It was lumpy out past the point, but that is what we train for all winter.",
                "Skerrow stroke Tegan Vosper",
            ),
            Image(
                "regatta-finish.png",
                "Two wooden sailing boats crossing a finish line side by side",
                "The working boat race finish, decided by less than a length.",
                "Photo: Sam Okafor",
            ),
            AlsoRead("notebook", label="READ MORE:"),
            Heading("Safety first"),
            Para(
                "Race officer Bill Carthew said the decision to shorten the course had been taken "
                'at dawn after talking to the coastguard and the lifeboat crew. "Nobody minds a '
                'shorter race," he said. "Everybody minds a capsize in that sea."'
            ),
            Para(
                "One dinghy overturned near the harbour entrance during the afternoon, and its two "
                "young sailors were picked up within minutes by a safety boat. Neither was hurt."
            ),
            Para(
                "Spectators lined the quay and the harbour wall from mid-morning, and the lifeboat "
                "crew opened the station for visitors between races. The traditional working boat "
                "race, sailed by crews in oilskins and flat caps, drew the loudest cheers of the day "
                "when two boats crossed the line almost together."
            ),
            Advert(),
            Para(
                "The regatta raised just over £6,000 for the lifeboat station through entry fees "
                "and a raffle on the quay. Organisers said they would look at adding a second day "
                "next year because of the growing number of entries."
            ),
        ),
        related=("rovers-top", "women-cup", "bridge"),
        must_contain=(
            "A record 164 boats took part in the Wenlow Harbour Regatta on Sunday",
            "Safety first",
            "It was lumpy out past the point, but that is what we train for all winter.",
            "Neither was hurt.",
        ),
        og_type=False,
        comments=5,
    ),
    # ------------------------------------------------------------------ 12
    Article(
        key="notebook",
        path="/opinion/2026/10/editors-notebook-market-hall.html",
        title="Editor's notebook: the market hall deserves better",
        description="The shuttered market hall on Fore Street says something sad about the town. "
        "Three cheap ways to bring it back to life.",
        section="Local",
        crumb="Opinion",
        authors=("Elena Marsh",),
        published="2026-10-17T09:00:00+02:00",
        modified="2026-10-17T09:00:00+02:00",
        tags=("Opinion", "Council", "Market Hall"),
        template="legacy",
        schema="BlogPosting",
        lead=Image(
            "market-hall.png",
            "A shuttered stone market hall with a stopped clock",
            "The market hall on Fore Street, closed since March.",
            "Photo: Lars Venn / Harbour Gazette",
        ),
        body=(
            Para(
                "Every town has a building that tells you how it feels about itself. In Port "
                "Wenlow, that building is the market hall, and at the moment it is telling visitors "
                "something rather sad."
            ),
            Para(
                "Since the last traders left in March, the hall has been locked and shuttered. The "
                "clock above the door has stopped at twenty past four. Someone has written a "
                "question mark in the dust on one of the windows, and nobody at the council seems "
                "to know the answer."
            ),
            Para(
                "It was not always like this. When I first worked in this newsroom, the hall was "
                "full on Saturdays: fish from the quay, vegetables from the farms at Marsh End, a "
                "man who sharpened knives and another who would repair a radio while you waited."
            ),
            Heading("Three things the council could do"),
            Para("The council says it is reviewing its options. Here, for free, are three of them:"),
            Bullets(
                (
                    "Offer short, cheap leases to new traders for the first year",
                    "Open the hall on winter evenings for food stalls and music",
                    "Let a community group run it, as the Lantern Trust did with the theatre",
                ),
                ordered=True,
            ),
            Para(
                "None of these ideas is new, and none of them is expensive. What they need is "
                "somebody at the council willing to say yes."
            ),
            Para(
                "Other towns along this coast have managed it. Their halls are busy again because "
                "someone took a small risk on a cheap lease and a few strings of lights, not because "
                "of a grand regeneration plan."
            ),
            AlsoRead("ferry"),
            Para(
                "The Lantern Theatre, which reopens next week after forty years, has shown what "
                "this town can do when people are trusted with an old building. The market hall "
                "deserves the same chance."
            ),
            Para("The letters page is open, as always, if you disagree."),
        ),
        related=("theatre", "budget", "school"),
        must_contain=(
            "Every town has a building that tells you how it feels about itself.",
            "Three things the council could do",
            "Open the hall on winter evenings for food stalls and music",
            "What they need is somebody at the council willing to say yes.",
        ),
        comments=40,
    ),
    # ------------------------------------------------------------------ 13
    Article(
        key="ferry",
        path="/news/2026/10/isleway-ferries-winter-timetable.html",
        title="Isleway Ferries cuts winter sailings to the islands",
        description="Two return sailings a day instead of four from November, blamed on fuel costs "
        "and a shortage of crew.",
        section="Business",
        crumb="Transport",
        authors=("Maya Lindqvist",),
        published="2026-10-14T12:30:00+02:00",
        modified="2026-10-14T15:10:00+02:00",
        tags=("Transport", "Skerrow", "Jobs"),
        template="magazine",
        schema="NewsArticle",
        lead=Image(
            "ferry.png",
            "A blue and white ferry leaving a harbour",
            "The ferry Morwenna leaving Port Wenlow for the islands.",
            "Photo: Lars Venn / Harbour Gazette",
        ),
        body=(
            Para(
                "Isleway Ferries will run two return sailings a day to the outer islands this "
                "winter instead of four, the company announced on Tuesday, blaming rising fuel costs "
                "and a shortage of qualified crew."
            ),
            Para(
                "The reduced timetable will run from 2 November until the end of March. The first "
                "sailing will leave Port Wenlow at 8.15am and the last will return from Skerrow at "
                "4.30pm."
            ),
            Para(
                "Island residents reacted with anger. The Skerrow community council said the change "
                "would make it impossible for islanders to work a full day on the mainland and get "
                "home the same evening."
            ),
            Quote(
                "Two boats a day is not a lifeline. It is a timetable for visitors, not for people who live here.",
                "Morag Tennant, Skerrow community council",
            ),
            Para(
                "Isleway's managing director, Colin Brack, said the company had lost money on "
                "winter sailings for four years in a row and could not continue to do so."
            ),
            Para(
                "Passenger numbers in the winter months have fallen by almost half since 2019, "
                "according to figures the company has shared with the council, while the cost of "
                "marine fuel has roughly doubled over the same period."
            ),
            AlsoRead("/tag/skerrow/", text="All our coverage of Skerrow and the islands"),
            Heading("Crew shortage"),
            Para(
                "The company says it needs eight more qualified deck officers to run a full winter "
                "timetable and has been unable to recruit. Mr Brack said Isleway was working with "
                "the maritime college in Westport on a new apprenticeship scheme."
            ),
            Advert(),
            Para(
                "The council, which subsidises the service, said it was disappointed and would ask "
                "the company to add an extra sailing on Fridays and Sundays."
            ),
            Para(
                "Freight and emergency medical transfers will not be affected. The company said it "
                "would review the timetable in January."
            ),
        ),
        related=("tidewatch", "fishing", "lighthouse"),
        must_contain=(
            "Isleway Ferries will run two return sailings a day to the outer islands this winter",
            "Two boats a day is not a lifeline.",
            "Crew shortage",
            "Freight and emergency medical transfers will not be affected.",
        ),
    ),
    # ------------------------------------------------------------------ 14
    Article(
        key="seals",
        path="/news/2026/10/gull-spit-seal-count.html",
        title="Seal pups counted at Gull Spit reach a ten-year high",
        description="Volunteers have recorded 212 grey seal births at the estuary colony so far this autumn.",
        section="Local",
        crumb="Wildlife",
        authors=("Jane Doe",),
        published="2026-10-09T08:00:00+02:00",
        modified="2026-10-09T08:00:00+02:00",
        tags=("Harbour", "Volunteers"),
        template="classic",
        schema="NewsArticle",
        lead=Image(
            "seals.png",
            "Grey seal pups lying on shingle",
            "Grey seal pups on the shingle at Gull Spit.",
            "Photo: Wenlow Wildlife Trust",
        ),
        body=(
            Para(
                "Volunteers counting grey seal pups at Gull Spit have recorded 212 births so far "
                "this autumn, the highest number since the Wenlow Wildlife Trust began its annual "
                "survey ten years ago."
            ),
            Para(
                "The colony, on a shingle bank at the mouth of the estuary, can only be reached by "
                "boat and is closed to the public from September to December while the pups are "
                "born and weaned."
            ),
            Para(
                "Survey coordinator Hannah Pryce said the rise probably reflected better fish "
                "stocks in the bay and fewer disturbances since the trust introduced a voluntary "
                "exclusion zone for kayaks and jet skis."
            ),
            Quote(
                "Three years ago we were worried the colony was in decline. Now we are running out of shingle.",
                "Hannah Pryce",
            ),
            Para(
                "Each pup is counted from a distance, using binoculars and a drone flown at a fixed "
                "height under a licence from the marine authority. Volunteers work in pairs and log "
                "every sighting on a shared map to avoid counting the same animal twice."
            ),
            AlsoRead("regatta"),
            Heading("Keep your distance"),
            Para(
                "The trust is asking visitors to stay at least 50 metres away from any seal they "
                "find on a public beach. Pups are often left alone for hours while their mothers "
                "feed at sea and are rarely abandoned."
            ),
            Para(
                "Anyone who finds a seal that appears injured is asked to call the trust's rescue "
                "line rather than try to move it. Dogs should be kept on a lead near the dunes."
            ),
            Advert(),
            Para(
                "Boat trips from the harbour pass the colony at a distance, and operators have "
                "agreed to keep engines low in the channel until the end of the breeding season. "
                "The final figures will be published in January, when the trust holds its annual "
                "open evening at the Customs House."
            ),
        ),
        related=("regatta", "ferry", "notebook"),
        must_contain=(
            "Volunteers counting grey seal pups at Gull Spit have recorded 212 births so far this autumn",
            "Three years ago we were worried the colony was in decline.",
            "Keep your distance",
            "Pups are often left alone for hours while their mothers feed at sea and are rarely abandoned.",
        ),
        comments=3,
        reachable_only_via="section-page-2",
    ),
    # ------------------------------------------------------------------ 15
    Article(
        key="library",
        path="/news/2026/10/library-late-opening-trial.html",
        title="Library to trial late opening on Thursdays",
        description="Port Wenlow Library will stay open until 9pm on Thursdays in a six-month trial from November.",
        section="Local",
        crumb="Council",
        authors=("Tom Reyes",),
        published="2026-10-06T15:45:00+02:00",
        modified="2026-10-07T09:20:00+02:00",
        tags=("Council", "Schools"),
        template="legacy",
        schema="NewsArticle",
        lead=Image(
            "library.png",
            "A granite library building with lit windows",
            "Port Wenlow Library on Chapel Street.",
            "Photo: Tom Reyes",
        ),
        body=(
            Para(
                "Port Wenlow Library will stay open until 9pm every Thursday from November, in a "
                "six-month trial aimed at students, shift workers and people who cannot visit "
                "during the day."
            ),
            Para(
                "The library on Chapel Street currently closes at 5pm on weekdays and at 1pm on "
                "Saturdays. Users have asked for longer hours in each of the last three annual "
                "surveys."
            ),
            Para(
                "The trial will be run with the existing budget, by moving staff hours from quieter "
                "Monday mornings. Computers, printing and the study room will all be available in "
                "the evening."
            ),
            Quote(
                "We know the people who most need a warm, quiet place with free wifi are often the "
                "people who are working when we are open.",
                "Branch librarian Sian Kellow",
            ),
            Para(
                "The library will also host a homework club for secondary school pupils from 5pm to "
                "7pm on trial evenings, staffed by volunteers from the sixth form at Wenlow "
                "Academy."
            ),
            AlsoRead("/tag/council/", text="More stories about Port Wenlow Town Council"),
            Para(
                "Ms Kellow said visitor numbers had risen since the council began offering free hot "
                "drinks in the reading room last winter, particularly among older residents living "
                "alone."
            ),
            Para(
                "The library service has been under pressure for several years. Two smaller branches, "
                "at Marsh End and Gull Point, were replaced by a mobile library van in 2023, and the "
                "book budget has been cut twice. Campaigners say the trial is a welcome change of "
                "direction."
            ),
            Para(
                "Councillors will decide next spring whether to make the change permanent, based on "
                "visitor numbers and feedback. If the trial succeeds, the council says it will look "
                "at extending Saturday opening as well."
            ),
            Para(
                "Volunteers for the homework club, who will be checked in the usual way, can sign up "
                "at the front desk or by asking any member of staff."
            ),
        ),
        related=("school", "notebook", "budget"),
        must_contain=(
            "Port Wenlow Library will stay open until 9pm every Thursday from November",
            "We know the people who most need a warm, quiet place with free wifi",
            "Computers, printing and the study room will all be available in the evening.",
        ),
        comments=2,
        reachable_only_via="sitemap-gz",
    ),
)
"""The 15 articles, newest first."""

ARTICLES_BY_KEY: dict[str, Article] = {a.key: a for a in ARTICLES}
