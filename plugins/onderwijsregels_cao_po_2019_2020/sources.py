"""Citations for CAO PO 2019-2020, each with where we read it and a verbatim quote.

Each citation names the page it was read on by its id in the shipped source
register; its confidence follows from that page's grade and from whether the
article number is confirmed. The AVS FAQ page and the PO-Raad are CAO parties
(grade A); an article number that rests on the AVS page alone is not
confirmed, so those citations are *secondary*, and their notes say why.
"""

from __future__ import annotations

from onderwijsregels import Citation

__all__ = [
    "AVS_PAGE",
    "BEDRAG_DIRECTIE",
    "BESTEDING_DIRECTIE",
    "BUDGET_EN_UREN_OP_OOP",
    "LOOPTIJD",
    "OPGEDRAGEN",
    "POP",
    "REGISTER_SCOPE",
    "REGISTRATIE",
    "SOURCE",
    "SPAREN_DIRECTIE",
    "SPAREN_OP_OOP",
    "STATUTAIR_BESTUURDER_NOTE",
    "UREN_PER_JAAR",
    "VERHOGING_DIRECTIE",
    "VERHOGING_OP_OOP",
]

SOURCE = "CAO PO 2019-2020"
AVS_PAGE = "AVS, Veelgestelde vragen professionalisering PO"
_PORAAD_RECHTEN = (
    "https://www.poraad.nl/veelgestelde-vragen/"
    "welke-rechten-heeft-een-werknemer-als-het-gaat-om-zijn-professionalisering"
)
_AVS_ONLY = (
    "The article number comes from the AVS FAQ page only; no second source confirms it "
    "for this edition."
)

LOOPTIJD = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at="avs-publicatie-cao-po-2019-2020",
    quote=(
        "De CAO PO 2019 – 2020 is verlengd tot en met 31 december 2020. "
        "De tekst in deze cao is geldend vanaf 1 november 2020."
    ),
    note=(
        "Looptijd from 1 March 2019 (CNV: '1 maart 2019 tot 1 november 2020'), extended to "
        "31 December 2020. The content applies from 1 January 2020 (AVS, "
        "https://avs.nl/actueel/nieuws/tekst-cao-po-2019-2020-beschikbaar/: 'De inhoud van de "
        "CAO PO 2019 – 2020 geldt vanaf 1 januari 2020'); the 2018-2019 texts held until then, "
        "so calendar year 2019 is not covered."
    ),
)

BUDGET_EN_UREN_OP_OOP = Citation(
    source=SOURCE,
    article="9.3",
    lid="2",
    read_at="poraad-faq-rechten-professionalisering",
    quote=(
        "naar rato van de werktijdfactor recht op een individueel professionaliseringsbudget "
        "van € 500,= per jaar en 2 uren per werkweek, artikel 9.3 lid 2 CAO PO"
    ),
    note=(
        "The PO-Raad FAQ does not name the edition; the numbering fits the chapter 9 rewritten "
        "in 2019-2020. The AVS FAQ page says the same: "
        "'twee klokuren per werkweek (deeltijd naar rato)' and '500 euro per jaar (deeltijd "
        "naar rato)'."
    ),
    article_confirmed=True,
)

SPAREN_OP_OOP = Citation(
    source=SOURCE,
    article="9.3",
    lid="4",
    read_at="poraad-faq-rechten-professionalisering",
    quote="gedurende maximaal drie jaar worden gespaard, artikel 9.3 lid 4 CAO PO.",
    note="The sources give no lapse rule for this budget.",
    article_confirmed=True,
)

VERHOGING_OP_OOP = Citation(
    source=SOURCE,
    article="9.8",
    lid=None,
    read_at="avs-faq-verhoging-professionaliseringsgelden",
    quote="een extra individueel scholingsbudget van € 100 per jaar naar rato van de werktijdfactor",
    note=(
        "Funded by the convenant of 1 November 2019. The AVS FAQ page: 'Voor de jaren "
        "2020 en 2021 is dit bedrag verhoogd naar 600 euro.' " + _AVS_ONLY
    ),
)

BEDRAG_DIRECTIE = Citation(
    source=SOURCE,
    article="9.6",
    lid="3",
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Het gaat om een bedrag van € 3.000 per jaar per directielid in de A- of D-schaal en is "
        "niet afhankelijk van de werktijdfactor. Dat is vastgelegd in artikel 9.6, lid 3."
    ),
    note=(
        "That the amount does not depend on the werktijdfactor is stated only on the AVS "
        "reference page. " + _AVS_ONLY
    ),
)

VERHOGING_DIRECTIE = Citation(
    source=SOURCE,
    article="9.8",
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Voor de kalenderjaren 2020 en 2021 is dit bedrag verhoogd met € 100 per jaar [...] "
        "Zodat in totaal een bedrag van € 3.100 beschikbaar is. Dat is geregeld in artikel 9.8."
    ),
    note=_AVS_ONLY,
)

SPAREN_DIRECTIE = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Het directielid kan het professionaliseringsbudget in overleg met de werkgever gedurende "
        "maximaal drie jaar sparen. Is het budget binnen vier jaar niet besteed, dan zal dit "
        "worden toegevoegd aan het algemene scholingsbudget."
    ),
    note=(
        "The AVS page states the rule in its paragraph on the directielid's budget without an "
        "article; a placement in art. 9.6 rests on the AVS page and is not confirmed, so no article "
        "is cited. The same rule is confirmed for the 2014-2018 CAO (AVS FAQ of 25 October 2018), "
        "not by the 2019-2020 text itself."
    ),
)

BESTEDING_DIRECTIE = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Dit budget wordt in overleg met de werkgever ingezet in de vorm van studieverlof en/of "
        "studiekostenvergoeding. Het budget kan ook worden besteed aan andere "
        "professionaliseringsactiviteiten."
    ),
    note=(
        "The AVS page names no article for this sentence. It adds: 'In het jaarlijkse "
        "functionerings- en/of beoordelingsgesprek worden de besteding van het scholingsbudget "
        "en de opgedane kennis en vaardigheden besproken.'"
    ),
)

REGISTRATIE = Citation(
    source=SOURCE,
    article="9.7",
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Het directielid moet zich inschrijven in het Schoolleidersregister PO (artikel 9.7). "
        "De werkgever faciliteert dit door de registratiekosten te vergoeden."
    ),
    note=(
        "9.7 rests on the AVS page only; the older numbering was art. 9.12 "
        "(schoolleidersregisterpo.nl). The AVS page says registration is mandatory 'sinds "
        "1 februari 2013'; an AVS news item: the CAO clause had to be agreed before 1 February 2013, "
        "the register opened in June 2013, and leaders had to be registered by 1 January 2018."
    ),
)

OPGEDRAGEN = Citation(
    source=SOURCE,
    article="9.4",
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Een en ander staat los van de opgedragen professionaliseringsactiviteiten zoals genoemd "
        "in artikel 9.4 van de CAO PO 2019-2020. De kosten hiervan komen volledig voor rekening "
        "van de werkgever."
    ),
    note=(
        "No second source confirms the cost rule for PO (the AOb says it for VO). "
        "The PO-Raad (A) confirms that assigned courses or team training do not reduce the two "
        "individual clock hours. " + _AVS_ONLY
    ),
)

POP = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Hij of zij maakt jaarlijks afspraken met de leidinggevende over de eigen "
        "professionalisering. Deze afspraken worden vastgelegd in een persoonlijk "
        "ontwikkelingsplan."
    ),
    note="The AVS page names no article for this sentence.",
)

UREN_PER_JAAR = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote="Hiervoor is 83 uur op jaarbasis beschikbaar.",
    note=(
        "The CAO text says '2 uren per werkweek' (art. 9.3 lid 2). Normjaartaak breakdowns for "
        "PO list 83 hours of individual professionalisation for a full-timer, part-timers pro "
        "rata (C-level sources: ivanders, onderzoekonderwijs, wij-leren); the 2014 akkoord said 80 hours."
    ),
)

# Chapter 8A, duurzame inzetbaarheid.

DI_BASIS = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at="poraad-faq-budget-40-uur",
    quote=(
        "Alle werknemers hebben vanaf 1 oktober 2014 recht op een budget van 40 per jaar, naar "
        "rato van werktijdfactor en tijdsduur."
    ),
    note=(
        "Chapter 8A (duurzame inzetbaarheid); the sources name no article for the basic budget. "
        "Pro rata the duration of the appointment is not modelled: an Employee is one "
        "appointment for the whole period evaluated."
    ),
)

DI_SPAREN = Citation(
    source=SOURCE,
    article="8A.4",
    lid=None,
    read_at="avs-kennisbank-duurzame-inzetbaarheid",
    quote="gedurende maximaal drie jaar op grond van artikel 8A.4 CAO PO 2019 – 2020 worden gespaard",
    note=(
        "Saving is for a predefined purpose (art. 8A.3 lid 2 lists the purposes). PO-Raad "
        "(https://www.poraad.nl/ledenondersteuning/helpdesk/cao/"
        "duurzame-inzetbaarheid-bapo-overgangsrecht): 'Als de uren na drie jaar niet zijn "
        "gebruikt, overleggen werkgever en werknemer over hoe de uren alsnog kunnen worden "
        "ingezet.'"
    ),
    article_confirmed=True,
)

DI_STARTERS = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at="poraad-faq-budget-startende-leerkrachten",
    quote=(
        "Startende leraren (ingeschaald in schaal L10-1/L11-1/L12-1 tot en met L10-3/L11-3/L12-3) "
        "krijgen een extra budget van 40 uur per jaar (deeltijders naar rato)."
    ),
    note="Chapter 8A; the lid is not confirmed. This budget cannot be saved (PO-Raad).",
)

DI_OUDEREN = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at="poraad-faq-budget-ouderen-sparen",
    quote=(
        "Het totale budget (40 + 130 uur) mag gedurende maximaal 5 jaar worden gespaard. De "
        "opname mag niet meer bedragen dan 340 uur per jaar."
    ),
    note=(
        "Employees of 57 and older: +130 hours a year pro rata. The AVS FAQ of 24 July 2024 "
        "(https://avs.nl/veelgestelde-vragen/wat-houdt-het-bijzondere-budget-voor-oudere-werknemers-in/) "
        "places these rules in art. 8A.6, 8A.7 and 8A.11 without saying which holds which."
    ),
)

REGISTER_SCOPE = Citation(
    source="Registerreglement Schoolleidersregister PO",
    article="1",
    lid=None,
    read_at="rechtbank-noord-holland-srpo-2025",
    quote=(
        "werkzaam als directeur of adjunct-directeur binnen het primair onderwijs [...] met "
        "uitzondering van personen die statutair bestuurder van de onderwijsinstelling zijn"
    ),
    note="Art. 1 sub 16, quoted in a judgment (ECLI:NL:RBNHO:2025:1087).",
    article_confirmed=True,
)

STATUTAIR_BESTUURDER_NOTE = (
    "Under the CAOs of 2013 to 2019 the director budget went to directors and adjunct-directors "
    "'niet zijnde statutair bestuurders' (PO-Raad, https://www.poraad.nl/themas/"
    "opleiden-ontwikkelen-en-onderzoeken/opleiden-en-ontwikkelen-leraren); whether this edition "
    "excludes statutory board members too is not confirmed by our sources."
)
