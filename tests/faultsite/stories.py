"""The fictional articles of "The Kestrel Point Chronicle", the fault site's newspaper.

Kept as plain data (title, byline, dates, paragraphs) apart from the markup, so the same story
can be rendered by several page layouts (a modern CMS, a WordPress theme, a table-based legacy
template, AMP, print) and so ``truth.py`` can be checked against what the server actually sends.
Every person, place and business here is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Story:
    """One article: the facts a page layout needs, and nothing about markup."""

    path: str
    title: str
    author: str
    published: str  # ISO 8601 with offset, exactly as the page's JSON-LD says it
    section: str
    tags: tuple[str, ...]
    standfirst: str
    paragraphs: tuple[str, ...]
    layout: str  # "classic" | "cms" | "blog" | "legacy": which template renders it
    modified: str | None = None

    @property
    def when(self) -> datetime:
        """``published`` as an aware datetime (listings and feeds format it their own way)."""
        return datetime.fromisoformat(self.published)

    @property
    def words(self) -> int:
        """Words in the body paragraphs (the brief asks for 200-400 per in-window article)."""
        return sum(len(p.split()) for p in self.paragraphs)


AUTHOR_SLUGS: dict[str, str] = {
    "Jane Pellow": "jane",
    "Tomasz Wright": "tomasz",
    "Owen Carrick": "owen",
    "Priya Nandakumar": "priya",
}
"""Byline -> author page slug; only ``/author/jane/`` is served, the others answer 404 like a
half-migrated CMS would."""


# --- in-window articles (published 2026-11-02 .. 2026-11-19) --------------------------------

FERRY = Story(
    path="/news/ferry-timetable-overhaul.html",
    title="Winter ferry timetable cut to four crossings a day",
    author="Jane Pellow",
    published="2026-11-19T07:45:00+00:00",
    section="News",
    tags=("Harbour", "Ferries", "Gannet Island"),
    standfirst="Islanders say the reduced service will make commuting to the mainland impossible.",
    paragraphs=(
        "The Kestrel Point to Gannet Island ferry will run only four return crossings a day from the first "
        "week of December, the operator Tidewright Ferries confirmed on Wednesday evening.",
        "The winter timetable replaces the eight daily sailings islanders have relied on since 2019. The "
        "company blamed a shortage of qualified deckhands and the cost of refitting its second vessel, the "
        "Morwenna, which has been out of service since a gearbox failure in September.",
        "Island residents said the cut would make it impossible to commute to the mainland for work. "
        "\u201cThe first boat now leaves at half past eight, which means nobody on Gannet can start a shift "
        "in town before ten,\u201d said Ruth Carne, who chairs the island's community council. She said more "
        "than forty people crossed daily for jobs at the hospital, the school and the fish market.",
        "Tidewright's operations director, Malcolm Ashby, said the company had explored chartering a "
        "replacement vessel but none was available before spring. He promised that the full timetable would "
        "return once the Morwenna passed her sea trials, which are now expected in late February.",
        "The harbour board will discuss the timetable at its meeting on 3 December. Councillors have asked "
        "the operator to add an early crossing on weekdays for hospital staff, and to publish a plan for "
        "recruiting crew locally rather than relying on agency workers from outside the county.",
    ),
    layout="classic",
)

LIBRARY = Story(
    path="/news/library-reopens-after-flood.html",
    title="Town library reopens eight months after flood",
    author="Tomasz Wright",
    published="2026-11-18T10:15:00+00:00",
    modified="2026-11-18T16:40:00+00:00",
    section="News",
    tags=("Libraries", "Flooding"),
    standfirst="Volunteers dried thousands of books by hand while the building was repaired.",
    paragraphs=(
        "Kestrel Point library reopened its doors on Tuesday morning, eight months after a burst culvert sent "
        "floodwater through the ground floor and ruined more than twelve thousand books.",
        "Around sixty people queued on Fore Street before the doors opened at nine. The first book to be "
        "borrowed, a well-thumbed guide to rock pools, went to seven-year-old Isla Penrose, who had been "
        "waiting since half past eight with her grandfather.",
        "The repairs cost the county council just over \u00a3410,000, most of it covered by insurance. The "
        "children's room has moved upstairs, away from the flood risk, and the local history collection is "
        "now kept in sealed cabinets on raised plinths.",
        "Head librarian Denise Kitto said volunteers had dried and rescued about a third of the damaged stock "
        "by hand. \u201cWe pegged photographs on washing lines across the reading room for weeks,\u201d she "
        "said. \u201cSome of the parish records will always be wrinkled, but every page can still be read.\u201d",
        "The library will open late on Thursdays until Christmas to make up for lost time, and the mobile "
        "library van that served outlying villages during the closure will keep its Friday round until the "
        "end of January.",
        "Opening hours are nine until five on weekdays and nine until one on Saturdays. The council says a "
        "flood barrier for the library's back door, which faces the culvert, will be fitted before the end of"
        " the year at a cost of about eight thousand pounds.",
    ),
    layout="cms",
)

CYCLE_LANES = Story(
    path="/news/council-approves-cycle-lanes.html",
    title="Council approves seafront cycle lanes after third vote",
    author="Owen Carrick",
    # The CMS's server clock runs on US Eastern time: a real-world mess the offset must survive.
    published="2026-11-17T14:05:00-05:00",
    section="News",
    tags=("Transport", "Council"),
    standfirst="Shopkeepers on Marine Terrace remain worried about deliveries and parking.",
    paragraphs=(
        "Kestrel Point town council has approved a two-way cycle lane along the length of the seafront, "
        "ending a dispute that has run for almost two years and filled three public meetings.",
        "The scheme was passed by eleven votes to six on Monday night at the third time of asking. Earlier "
        "versions were rejected over the loss of parking bays outside the shops on Marine Terrace, and the "
        "final plan keeps twenty-two of the thirty-one spaces by narrowing the pavement near the bandstand.",
        "Supporters argued that the lane would make it safer for children to cycle to the secondary school at "
        "Trenoweth. Parents had collected more than nine hundred signatures after a pupil was knocked from "
        "her bike near the slipway last winter.",
        "Shopkeepers remain unconvinced. Paul Hendra, who runs a hardware shop on Marine Terrace, said trade "
        "had already suffered during the summer roadworks and that delivery lorries would have nowhere to "
        "stop. The council has promised a loading bay at each end of the terrace.",
        "Work is due to start in March and take about fourteen weeks. The lane will be paid for from a "
        "regional active travel grant, so it will not add to council tax bills, according to the finance "
        "committee.",
        "Cycling groups have promised to hold a celebratory ride along the seafront on the day the lane "
        "opens, and the council says it will publish monthly counts of the bikes using it during the first "
        "year.",
    ),
    layout="blog",
)

CAFE = Story(
    path="/news/cafe-mueller-reopens.html",
    title="Caf\u00e9 M\u00fcller reopens on Quay Parade with \u00a35 lunch menu",
    author="Priya Nandakumar",
    published="2026-11-16T12:00:00+00:00",
    section="Business",
    tags=("Business", "Food"),
    standfirst="New owners have kept the recipes, the blue shutters and the name.",
    paragraphs=(
        "Caf\u00e9 M\u00fcller, the German bakery that closed on Quay Parade last spring, reopened on Saturday "
        "under new owners who have kept the recipes, the blue shutters and the name.",
        "Brothers Jakob and Lukas Brenner, who grew up above a bakery in W\u00fcrzburg, bought the business "
        "from the founder, Greta M\u00fcller, after she retired to be nearer her grandchildren. They spent the "
        "summer restoring the wood-fired oven and training two apprentices from the college.",
        "The new lunch menu costs \u00a35 for soup, a slice of rye bread and a coffee, a price the brothers say "
        "they will hold until Easter. The caf\u00e9 will also sell day-old loaves at half price from four "
        "o'clock to cut waste.",
        "Regulars were delighted. Margaret Opie, who has eaten a cinnamon bun there every Saturday for twenty "
        "years, said the first one tasted exactly as she remembered. The Brenners hope to add a small "
        "cr\u00e8che corner for parents and a Sunday brunch service in the new year.",
        "The caf\u00e9 is open from eight until five, Tuesday to Sunday, and takes bookings for groups of six "
        "or more by telephone.",
        "The brothers say they have already been asked to bake the wedding cake for a couple who first met in"
        " the queue at Caf\u00e9 M\u00fcller in 2011, and they have agreed to do it in the old style, with "
        "marzipan and sour cherries.",
    ),
    layout="legacy",
)

BUDGET = Story(
    path="/news/naive-budget-plan.html",
    title="Harbour budget plan is na\u00efve, says opposition leader",
    author="Owen Carrick",
    published="2026-11-15T16:20:00+01:00",
    section="Business",
    tags=("Council", "Harbour", "Budget"),
    standfirst="The draft relies on a European grant the town has not yet been awarded.",
    paragraphs=(
        "The opposition leader on Kestrel Point council has called the harbour budget for next year "
        "na\u00efve, warning that it relies on a European grant that the town has not yet been awarded.",
        "The draft budget, which critics call na\u00efve, assumes a contribution of \u20ac240,000 from a "
        "cross-channel fund for fishing communities. The money would be shared with the twin town of "
        "Port-Louvel in Brittany, and without it the harbour board would have to postpone dredging the inner "
        "basin for a second year.",
        "Councillor Ines Rowse said the plan was written as if the grant were already in the bank. "
        "\u201cIt hopes for the best and has no plan for the worst,\u201d she said at a briefing in "
        "Port-Louvel, where councillors from both towns were meeting this week.",
        "The council's finance chair, Derek Polglase, replied that the bid had been strongly supported by the "
        "regional authority in Rennes and that a decision was expected before the budget was finalised in "
        "February. He said a fallback plan would be published alongside the final figures.",
        "Harbour users have been told to expect restrictions on the inner moorings at low tide until the "
        "dredging goes ahead. A public consultation on the draft budget runs until 12 December.",
        "Fishermen who use the inner basin say they have heard promises of dredging before. Several boats "
        "already have to wait for the tide to land their catch, which costs them time and fuel every week.",
    ),
    layout="blog",
)

STORM = Story(
    path="/news/storm-warning-coast.html",
    title="Amber storm warning issued for the north coast",
    author="Jane Pellow",
    published="2026-11-14T06:30:00+00:00",
    section="News",
    tags=("Weather", "Harbour"),
    standfirst="Boats under twelve metres must be moved to the inner basin by Friday noon.",
    paragraphs=(
        "The Met Office has issued an amber warning for wind covering the north coast from Friday evening "
        "until Saturday afternoon, with gusts of up to eighty miles an hour expected on exposed headlands.",
        "The harbour master has ordered all vessels under twelve metres to be moved to the inner basin or "
        "lifted out by Friday noon. The lifeboat station at Kestrel Point has cancelled its open day and asked "
        "the public to stay away from the breakwater.",
        "Tides are high this week, and forecasters warned that spray and waves could overtop the sea wall "
        "along Marine Terrace around the evening high water at about half past seven. The council will close "
        "the seafront road from six o'clock and has sandbags available at the fire station for residents on "
        "the lower streets.",
        "Schools are expected to open as normal, but the ferry to Gannet Island will not sail on Saturday. "
        "Power cuts are possible in outlying villages, and the electricity network operator has put extra "
        "repair crews on standby in the area.",
        "Anyone who sees someone in difficulty at sea should call 999 and ask for the coastguard.",
        "Residents can sign up for flood alerts by text message through the Environment Agency. Updates on "
        "road closures will be posted on the council website and broadcast on local radio throughout the "
        "weekend.",
    ),
    layout="classic",
)

QUOTA = Story(
    path="/news/fishing-quota-talks.html",
    title="Fishing quota talks stall over mackerel share",
    author="Priya Nandakumar",
    published="2026-11-12T14:40:00+01:00",
    section="Business",
    tags=("Fishing", "Harbour"),
    standfirst="Skippers say uncertainty is harder to live with than a smaller catch.",
    paragraphs=(
        "Talks on next year's fishing quotas stalled in Brussels on Wednesday after delegations failed to "
        "agree how to divide the mackerel catch in the north-east Atlantic.",
        "Skippers from Kestrel Point, whose boats land most of the mackerel sold at the town's fish market, "
        "had hoped for a settlement before the end of the month so that they could plan the winter season "
        "with some certainty.",
        "The scientific advice calls for a cut of about a fifth in the total catch. Coastal states accept the "
        "need for a reduction but disagree over whose share should fall furthest, and a proposal to base "
        "shares on where the fish spend most of the year was rejected by two delegations.",
        "Alan Trewin, who skippers the Bright Horizon out of Kestrel Point, said uncertainty was harder to "
        "live with than a smaller quota. \u201cTell us the number and we will make it work. What we cannot do "
        "is sign crew contracts when we have no idea what we are allowed to catch,\u201d he said.",
        "Negotiators will meet again in the second week of December. If there is no deal by then, interim "
        "quotas based on this year's figures are likely to apply from January.",
        "The fish market in Kestrel Point handled more than four thousand tonnes of mackerel last year, worth"
        " around nine million pounds to the local economy once processing and transport are counted.",
    ),
    layout="cms",
)

CHOIR = Story(
    path="/news/school-choir-wins.html",
    title="Trenoweth school choir wins national title",
    author="Tomasz Wright",
    published="2026-11-10T20:10:00+00:00",
    section="News",
    tags=("Schools", "Music"),
    standfirst="Thirty-two singers beat twenty-three other finalists in Birmingham.",
    paragraphs=(
        "The chamber choir of Trenoweth Community School has won the national schools choir competition, "
        "beating twenty-three other finalists at a concert hall in Birmingham on Sunday.",
        "The thirty-two singers, aged between twelve and eighteen, performed a programme of sea shanties "
        "rearranged by their music teacher, Hannah Vosper, together with a setting of a Cornish lullaby that "
        "the judges described as breathtaking.",
        "It is the first time a school from the county has won the title since the competition began in "
        "1998. The choir rehearsed three lunchtimes a week since September and raised the money for the coach "
        "trip by singing carols outside the supermarket last December.",
        "Ms Vosper said the singers had been nervous until the final moments. \u201cWhen the last chord died "
        "away, there was a second of silence before the applause, and that was when I knew,\u201d she said. "
        "The choir will now perform at a gala concert in London in the spring.",
        "The school plans a homecoming concert at the parish church on 29 November, with tickets at the door.",
        "The head teacher, Robert Kneebone, said the whole school had watched the final on a screen in the "
        "sports hall. He said the choir had shown what young people from a small coastal town could achieve "
        "with talent, commitment and a great deal of hard work.",
    ),
    layout="legacy",
)

LIGHTHOUSE = Story(
    path="/news/lighthouse-restoration.html",
    title="Lighthouse restoration finds Victorian keeper's logbook",
    author="Jane Pellow",
    published="2026-11-06T09:00:00+00:00",
    section="News",
    tags=("Heritage", "Harbour"),
    standfirst="The book was hidden behind a loose panel in the lamp room on Gull Point.",
    paragraphs=(
        "Volunteers restoring the disused lighthouse on Gull Point have found a keeper's logbook from 1871 "
        "hidden behind a loose panel in the lamp room.",
        "The leather-bound book records the weather, passing ships and the oil burned each night for almost "
        "three years. One entry, dated 14 February 1872, describes the keeper rowing out in a gale to rescue "
        "two boys whose boat had capsized off the rocks.",
        "The lighthouse was decommissioned in 1994 and bought by a community trust four years ago. The trust "
        "is replacing the rotten window frames and repainting the tower in its original red and white bands "
        "before opening it to visitors next summer.",
        "Trust secretary Colin Jago said the volunteers had spent a morning simply reading the book aloud to "
        "each other. \u201cYou can see the handwriting get shakier on the stormy nights,\u201d he said. The "
        "logbook has been taken to the county record office to be cleaned and digitised.",
        "A copy will go on display in the lighthouse when it opens, and the trust is appealing for "
        "descendants of the keeper, named in the book as William Rosewarne, to get in touch.",
        "Records show that Rosewarne served on Gull Point for eleven years and later became principal keeper "
        "at a lighthouse on the Scilly Isles. Historians at the record office say his logbook is one of only "
        "a handful to survive from the county.",
    ),
    layout="blog",
)

MARKET = Story(
    path="/news/market-hall-vote.html",
    title="Traders win vote to keep Saturday market hall",
    author="Tomasz Wright",
    published="2026-11-02T18:30:00+00:00",
    section="Business",
    tags=("Business", "Council"),
    standfirst="Councillors rejected a plan to turn the Victorian hall into a food court.",
    paragraphs=(
        "Traders have won their campaign to keep the Saturday market in the Victorian market hall after "
        "councillors rejected a plan to turn the building into a food court.",
        "The vote on Monday evening followed a petition signed by more than three thousand people and a "
        "packed public gallery. The hall has hosted a weekly market since 1868 and now has thirty-four stalls "
        "selling everything from fish to second-hand books.",
        "The council had argued that a food court operator would pay for urgent repairs to the roof, "
        "estimated at \u00a3180,000. Instead, councillors agreed to borrow the money and to raise stall fees "
        "by a modest amount over three years.",
        "Sue Bolitho, who has sold cheese in the hall for twenty-six years, said traders were relieved and "
        "ready to help. \u201cWe will paint the stalls ourselves if we have to,\u201d she said. The roof "
        "repairs are expected to begin in January and will be carried out in sections so that the market can "
        "stay open.",
        "The hall is also to open on the first Sunday of each month for a makers' market from the spring.",
        "Councillors also asked officers to look at opening the hall on weekday evenings for community "
        "events, which could bring in extra income to help pay back the loan over the coming decade.",
    ),
    layout="cms",
)

# --- in-window pages served broken on purpose --------------------------------------------

HARBOUR_MASTER = Story(
    path="/news/malformed.html",
    title="Harbour master retires after thirty-one years",
    author="Owen Carrick",
    published="2026-11-08T11:00:00+00:00",
    section="News",
    tags=("Harbour", "People"),
    standfirst="Geoff Pascoe hands over to the first woman to hold the post.",
    paragraphs=(
        "Harbour master Geoff Pascoe steps down at the end of the month after thirty-one years in charge of "
        "Kestrel Point harbour, the longest anyone has held the post since records began.",
        "He started as a deckhand on the pilot boat in 1989 and became harbour master six years later, "
        "guiding the port through the collapse of the pilchard trade, the arrival of the Gannet Island ferry "
        "and two major storms that breached the outer wall.",
        "Colleagues describe a man who knew every mooring by heart and could tell from the sound of an engine "
        "whether a boat would make it home. He was awarded an MBE in 2019 for services to the fishing "
        "community.",
        "Mr Pascoe said he would miss the early mornings most. \u201cThere is nothing like the harbour at dawn "
        "when the boats are coming in,\u201d he said. His successor, deputy harbour master Kerensa Hocking, "
        "takes over on 1 December and will be the first woman to hold the post.",
        "A farewell gathering will be held at the fish market on Saturday 28 November, and all harbour users "
        "are invited.",
        "Under his watch the harbour gained a new fuel berth, a modern crane for lifting boats and pontoons "
        "for visiting yachts, which now bring in a large share of the harbour board's income each summer.",
    ),
    layout="malformed",
)

COAST_PATH = Story(
    path="/news/truncated.html",
    title="Coastal path reopens after landslip repairs",
    author="Priya Nandakumar",
    published="2026-11-05T08:20:00+00:00",
    section="News",
    tags=("Walking", "Tourism"),
    standfirst="A new inland route replaces the section lost near Carn Du.",
    paragraphs=(
        "The coastal footpath between Kestrel Point and Polwenna Cove reopened on Wednesday, eighteen months "
        "after a landslip swept away a section of the cliff path near Carn Du.",
        "Contractors have built a new route about thirty metres inland, with steps cut into the slope and a "
        "timber bridge over the stream at Nanscawen. The work cost \u00a3260,000 and was paid for by the "
        "national trails fund and a local appeal.",
        "Walkers had faced a detour of more than two miles along a narrow lane with no pavement. Local "
        "guesthouses said the closure had cost them bookings, as the cliff walk is one of the main reasons "
        "visitors come to the area out of season.",
        "The ranger for the area, Tamsin Grose, said the new section had been designed to last, but warned "
        "that the cliffs along this stretch remain unstable. Walkers are asked to keep to the path and to keep "
        "dogs on leads near the edge.",
        "A guided walk to celebrate the reopening will leave the car park at Polwenna Cove at ten o'clock on "
        "Sunday, and booking details are on the ranger service page.",
        "The path forms part of a long-distance trail that attracts tens of thousands of walkers every year. "
        "The trails officer said the reopening removed the last major gap on the north coast section.",
    ),
    layout="classic",
)

PIER_PRICES = Story(
    path="/news/slow.html",
    title="Pier ticket prices to rise in spring",
    author="Tomasz Wright",
    published="2026-11-13T12:00:00+00:00",
    section="Business",
    tags=("Business", "Tourism"),
    standfirst="A day ticket for the pier will cost a pound more from April.",
    paragraphs=(
        "Admission to Kestrel Point pier will rise by a pound from April, the pier trust has announced, "
        "taking an adult day ticket to four pounds fifty.",
        "The trust said the increase was needed to pay for repairs to the cast-iron legs, which were found to "
        "be badly corroded during an inspection in the summer. Children under five will still go free, and "
        "season tickets for residents will stay at their current price for another year.",
        "Anglers, who pay a separate fee to fish from the end of the pier, will see their charge rise by fifty pence.",
    ),
    layout="classic",
)

# --- out-of-window articles --------------------------------------------------------------

OLD_BRIDGE = Story(
    path="/news/2025/06/old-bridge-closure.html",
    title="Old bridge to close for summer repairs",
    author="Owen Carrick",
    published="2025-06-01T09:30:00+01:00",
    section="News",
    tags=("Transport",),
    standfirst="Drivers face a diversion through Polwenna until September.",
    paragraphs=(
        "The old stone bridge over the Kestrel river will close to traffic from Monday for three months "
        "while engineers replace its crumbling parapets and waterproof the deck.",
        "Drivers will be diverted through Polwenna, adding about ten minutes to journeys between the harbour "
        "and the industrial estate. Pedestrians and cyclists will be able to cross on a temporary walkway "
        "on the downstream side of the bridge for most of the closure.",
        "The county highways team said the work had been planned for the summer holidays, when school buses "
        "are not running, and that the bridge should reopen in the first week of September.",
    ),
    layout="classic",
)

HARBOUR_WALL = Story(
    path="/news/2024/01/harbour-wall-survey.html",
    title="Survey finds cracks in outer harbour wall",
    author="Jane Pellow",
    published="2024-01-15T10:00:00+00:00",
    section="News",
    tags=("Harbour",),
    standfirst="Divers found the damage after the December storms.",
    paragraphs=(
        "An underwater survey of the outer harbour wall at Kestrel Point has found cracks in the granite "
        "blocks near the lighthouse end, the harbour board said on Monday.",
        "Divers inspected the wall after the December storms and reported that several blocks had shifted by "
        "a few centimetres. Engineers say the wall is not in immediate danger but that repairs should be "
        "made within two years to stop the damage spreading.",
        "The board will apply for a coastal protection grant in the spring and has asked boat owners to "
        "report any new movement they notice.",
    ),
    layout="cms",
)

REGATTA = Story(
    path="/news/2023/06/summer-regatta-record.html",
    title="Regatta breaks entry record in sunshine",
    author="Tomasz Wright",
    published="2023-06-10T15:30:00+01:00",
    section="News",
    tags=("Sailing", "Harbour"),
    standfirst="More than two hundred boats took part in the bay races.",
    paragraphs=(
        "More than two hundred boats entered the Kestrel Point summer regatta on Saturday, breaking the "
        "record set before the pandemic, as light winds and sunshine drew crowds to the harbour.",
        "The gig races were the highlight of the afternoon, with crews from eleven clubs rowing the course "
        "around Gull Point. The Polwenna women's crew won the main race by half a length.",
        "Organisers said the entry fees and a raffle raised over six thousand pounds for the lifeboat station "
        "and the sailing club's youth training scheme.",
    ),
    layout="blog",
)

PIER_LIGHTS = Story(
    path="/news/2025/03/pier-lights-upgrade.html",
    title="Pier lights upgraded to low-energy lamps",
    author="Priya Nandakumar",
    published="2025-03-04T08:00:00+00:00",
    section="News",
    tags=("Harbour", "Energy"),
    standfirst="The trust expects to halve its electricity bill.",
    paragraphs=(
        "The strings of lights along Kestrel Point pier have been replaced with low-energy lamps, which the "
        "pier trust says will halve its electricity bill and last ten times as long as the old bulbs.",
        "Volunteers spent three nights fitting more than four hundred lamps while the pier was closed. The "
        "new lights can change colour, and the trust plans to light the pier blue for the lifeboat "
        "station's anniversary in May.",
        "The work was paid for by a grant from the community energy fund and donations from local businesses.",
    ),
    layout="classic",
)

BUS_ROUTES = Story(
    path="/news/2025/08/bus-route-review.html",
    title="Bus route review promises Sunday services",
    author="Owen Carrick",
    published="2025-08-19T17:45:00+01:00",
    section="News",
    tags=("Transport",),
    standfirst="Villages without a Sunday bus could see one from next spring.",
    paragraphs=(
        "A review of bus routes around Kestrel Point has recommended restoring Sunday services to five "
        "villages that lost them a decade ago, the county council said on Tuesday.",
        "The review also proposes an hourly service between the harbour and the hospital, and a later last "
        "bus from the town centre on Fridays and Saturdays. Operators will be invited to bid for the new "
        "contracts in the autumn.",
        "Campaigners welcomed the report but said the council must find the money to make it happen rather "
        "than leaving it on the shelf.",
    ),
    layout="legacy",
)

PRIVATE_DRAFT = Story(
    path="/private/draft.html",
    title="EMBARGOED: harbour redevelopment plans",
    author="Jane Pellow",
    published="2026-11-19T18:00:00+00:00",
    section="News",
    tags=("Harbour",),
    standfirst="Draft, not for publication.",
    paragraphs=(
        "This draft is disallowed by robots.txt and must never be fetched by a polite crawler. If it appears "
        "in any crawl output, the crawler ignored the site's robots rules. The plans it describes are "
        "invented, like everything else on this site, and the text is long enough to pass as an article so "
        "that a crawler which fetched it would emit it and fail the test loudly instead of quietly.",
    ),
    layout="classic",
)

IN_WINDOW: tuple[Story, ...] = (FERRY, LIBRARY, CYCLE_LANES, CAFE, BUDGET, STORM, QUOTA, CHOIR, LIGHTHOUSE, MARKET)
"""Healthy in-window articles (some served through faults that a crawler must overcome)."""

BROKEN: tuple[Story, ...] = (HARBOUR_MASTER, COAST_PATH)
"""In-window articles served with broken markup (malformed, truncated)."""

ARCHIVED: tuple[Story, ...] = (HARBOUR_WALL, REGATTA, PIER_LIGHTS, BUS_ROUTES)
"""Old articles reachable only through archive sitemaps and old feed entries."""

ALL_STORIES: dict[str, Story] = {
    s.path: s for s in (*IN_WINDOW, *BROKEN, PIER_PRICES, OLD_BRIDGE, *ARCHIVED, PRIVATE_DRAFT)
}
"""Every story the server can render, by canonical path."""
