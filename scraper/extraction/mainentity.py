"""A page that declares one thing other than an article and heads itself with that thing's name: its page.

JSON-LD says what a page describes; the headline says what a reader sees first. A shop's product, a job
advert, a business's services, a forum thread: when the page's structured data names such an item and
its headline is that very name, the page is the item's, however much prose sits under it (a job advert's
"About the role", a contractor's "Why choose us"). The two sources together decide, never the markup alone:
a review's JSON-LD names the products it tests under a headline of its own ("Aurelo Pods 3 review: …"),
and a page that also declares an article is left to the model whatever else it names.

Over both shared corpora the rule takes one page the model emits (a service page, WCXB) and no article;
the only article whose headline is the name of a declared item declares a ``Course``, which is no kind here.
A job advert's headline may go on after the job's title ("Reporter – 12-month cover, Fagerby"); a product's
may not: "Aurelo Pods 3 review" is a story about the product its JSON-LD names.
"""

from __future__ import annotations

from scraper.extraction.pagekind import Kind, Verdict
from scraper.extraction.signals import ARTICLE_TYPES, PageSignals
from scraper.text import normalise

# The declared types whose page is that item's, by the kind of page it is. A local business's type is one of
# schema.org's many subtypes ("RoofingContractor", "Dentist"): the common ones, as generators write them.
_KINDS: dict[str, Kind] = {
    **dict.fromkeys(("Product", "ProductGroup", "IndividualProduct", "ProductModel"), Kind.PRODUCT),
    **dict.fromkeys(("DiscussionForumPosting", "QAPage", "Question"), Kind.FORUM),
    **dict.fromkeys(
        (
            "JobPosting", "Service", "LocalBusiness", "ProfessionalService", "HomeAndConstructionBusiness",
            "GeneralContractor", "RoofingContractor", "Electrician", "Plumber", "HVACBusiness", "Locksmith",
            "MovingCompany", "HousePainter", "LegalService", "Attorney", "Notary", "AccountingService",
            "FinancialService", "InsuranceAgency", "RealEstateAgent", "TravelAgency", "EmploymentAgency",
            "AutoRepair", "AutomotiveBusiness", "MedicalBusiness", "MedicalClinic", "Dentist", "Physician",
            "HealthAndBeautyBusiness", "BeautySalon", "DaySpa", "ChildCare", "DryCleaningOrLaundry", "SelfStorage",
            "Store", "Restaurant", "Hotel", "LodgingBusiness", "FoodEstablishment", "SportsActivityLocation",
        ),
        Kind.SERVICE,
    ),
}  # fmt: skip


def declared_item(signals: PageSignals) -> Verdict | None:
    """The kind of the item the page declares and is headed by; None for any other page (and any article).

    The headline is the page's first ``<h1>`` (not a breadcrumb's), compared as :func:`normalise` reads text.
    """
    if signals.article_ld is not None or not signals.h1 or signals.h1_in_nav:
        return None
    if any(t in ARTICLE_TYPES or t.endswith("Article") or t == "Review" for t in signals.jsonld_types):
        return None  # a review names the product it tests, and may be headed by that name alone
    headline = normalise(signals.h1[0])
    if not headline:
        return None
    for kind_name, name in signals.ld_named:
        if (kind := _KINDS.get(kind_name)) is None or not (declared := normalise(name)):
            continue
        if declared == headline or (kind_name == "JobPosting" and headline.startswith(f"{declared} ")):
            return Verdict(kind, "ld_headline")
    return None
