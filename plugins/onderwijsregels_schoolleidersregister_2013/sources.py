"""Citations for the Schoolleidersregister PO."""

from __future__ import annotations

from onderwijsregels import Citation, Confidence

__all__ = [
    "APPEAL",
    "DEADLINE_2018",
    "DUTY_SINCE_2013",
    "FEE_2019",
    "FEE_2022",
    "FEE_2024",
    "NEW_REGISTER",
    "OBJECTION",
    "OLD_CYCLE",
    "OLD_GRACE",
    "OLD_TITLES",
    "PERIOD_FIVE_YEARS",
    "POINTS",
    "POSTPONEMENT",
    "PREDICATES",
    "REGISTERREGLEMENT",
    "REGISTER_OPENED",
    "SCOPE",
]

SITE = "https://www.schoolleidersregisterpo.nl"
REGISTERREGLEMENT = "Registerreglement Schoolleidersregister PO"
_JUDGMENT = "https://www.lexboost.com/rechtspraak/ECLI:NL:RBNHO:2025:1087"
_VIA_JUDGMENT = (
    "Quoted in a judgment (ECLI:NL:RBNHO:2025:1087); the reglement's own page was not read."
)

DUTY_SINCE_2013 = Citation(
    source="CAO PO (as described by the AVS)",
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Als u als directeur of adjunct-directeur werkzaam bent in het primair onderwijs, dan bent "
        "u sinds 1 februari 2013 verplicht om u in te schrijven en daarmee te registreren in het "
        "Schoolleidersregister PO"
    ),
    note=(
        "Sources disagree: an AVS news item says the CAO agreement on mandatory "
        "registration had to be made before 1 February 2013, the register opened on 10 June 2013, "
        "and leaders had to be registered by 1 January 2018. The AVS FAQ page's date is "
        "encoded as the start of the duty; the other dates are encoded as steps."
    ),
)

REGISTER_OPENED = Citation(
    source="Schoolleidersregister PO",
    article=None,
    lid=None,
    read_at="srpo-registreren",
    quote="Sinds juni 2013 kunnen schoolleiders [...] zich inschrijven in het register.",
    note=(
        "Enrolment started on 10 June 2013 (AVS). The AVS FAQ page says registration is "
        "mandatory 'sinds 1 februari 2013'; an AVS news item: that is the date before which the CAO clause "
        "had to be agreed, not the start of the duty."
    ),
)

DEADLINE_2018 = Citation(
    source="CAO PO (as described by the Schoolleidersregister PO)",
    article=None,
    lid=None,
    read_at="srpo-rechten-en-plichten",
    quote=(
        "Schoolleiders die op 1 januari 2018 niet geregistreerd zijn kunnen volgens de cao hun "
        "directiefunctie niet meer vervullen."
    ),
    note=(
        "The same page: the duty was in art. 9.12 of the older CAO numbering, and a missing "
        "(re)registration was a dismissal ground (art. 3.11.1 sub i and art. 4.8 sub m), with a "
        "duty to offer another suitable function if available; post-2020 numbers unconfirmed."
    ),
)

SCOPE = Citation(
    source=REGISTERREGLEMENT,
    article="1",
    lid=None,
    read_at="rechtbank-noord-holland-srpo-2025",
    quote=(
        "werkzaam als directeur of adjunct-directeur binnen het primair onderwijs [...] met "
        "uitzondering van personen die statutair bestuurder van de onderwijsinstelling zijn"
    ),
    note="Art. 1 sub 16. " + _VIA_JUDGMENT,
    article_confirmed=True,
)

OLD_TITLES = Citation(
    source="Schoolleidersregister PO",
    article=None,
    lid=None,
    read_at="srpo-schoolleiders",
    quote="Registerdirecteur onderwijs (RDO) of Registeradjunct-directeur onderwijs (RADO)",
    note="Leaders still in training were registered as 'aspirant'.",
)

OLD_CYCLE = Citation(
    source="Schoolleidersregister PO",
    article=None,
    lid=None,
    read_at="srpo-schoolleiders",
    quote="Iedere vier jaar vraagt u herregistratie aan.",
)

OLD_GRACE = Citation(
    source="Schoolleidersregister PO",
    article=None,
    lid=None,
    read_at="srpo-nieuws-status-verlopen-herregistratie-2019",
    quote=(
        "Is het niet gelukt om binnen die zes maanden te herregistreren, dan wijzigt de status in "
        "‘herregistratie verlopen’."
    ),
    note=(
        "For six months after the date the status is 'onder voorwaarden'; the next date stays at "
        "four years after the first re-registration date."
    ),
)

NEW_REGISTER = Citation(
    source="Schoolleidersregister PO",
    article=None,
    lid=None,
    read_at="srpo-nieuws-een-nieuw-register-2022",
    quote=(
        "Met de invoering van dit nieuwe register verdwijnt het onderscheid in titel tussen "
        "adjunct-directeuren en directeuren."
    ),
)

PREDICATES = Citation(
    source="Schoolleidersregister PO",
    article=None,
    lid=None,
    read_at="srpo-basisregistratie",
    quote=(
        "Aan deze titel wordt een predicaat toegevoegd om het kwalificatieniveau aan te geven: in "
        "opleiding, niveau 1, niveau 2 of master."
    ),
    note=(
        "Niveau 1: a diploma of at least 15 ECTS; niveau 2: at least 30 ECTS; master: an NVAO "
        "master that fits the beroepsstandaard. Routes: accredited school-leader education, "
        "relevant master, accredited toetsend assessment (leads to niveau 2), EVC, IDW (confirmed "
        "before 2018 only); evidence (diploma or certificate) is required. A leader without a "
        "qualification has 6 months from appointment to obtain one."
    ),
)

PERIOD_FIVE_YEARS = Citation(
    source=REGISTERREGLEMENT,
    article="7",
    lid="1",
    read_at="rechtbank-noord-holland-srpo-2025",
    quote=(
        "Registratie vindt plaats voor een periode van vijf jaar vanaf de datum waarop de Commissie "
        "besluit tot registratie."
    ),
    note=_VIA_JUDGMENT,
    article_confirmed=True,
)

POINTS = Citation(
    source="Schoolleidersregister PO",
    article=None,
    lid=None,
    read_at="srpo-professionaliseren",
    quote="Iedere vijf jaar haalt u minimaal 100 punten. Het aantal punten bepaalt de nieuwe herregistratiedatum",
    note=(
        "The points set the next date: 60-79 -> 3 years, 80-99 -> 4, 100-119 -> 5, 120-139 -> 6, "
        "140 or more -> 7 years after the last (re)registration date. The reglement's article "
        "number for this table is not confirmed."
    ),
)

POSTPONEMENT = Citation(
    source="Schoolleidersregister PO",
    article=None,
    lid=None,
    read_at="srpo-uitstel-herregistratie",
    quote="Bij zwaarwegende, onvoorziene omstandigheden kunt u uitstel aanvragen.",
    note="The Commissie Registratie decides (e.g. long illness, pregnancy).",
)

OBJECTION = Citation(
    source=REGISTERREGLEMENT,
    article="6",
    lid="2",
    read_at="rechtbank-noord-holland-srpo-2025",
    quote="Daarbij wordt gewezen op de mogelijkheid bezwaar aan te tekenen tegen de afwijzing.",
    note=(
        _VIA_JUDGMENT + " The AVS FAQ page: 'Als de commissie besluit niet te registreren, kan "
        "bij de commissie bezwaar worden gemaakt.' The deadlines are not in our sources."
    ),
    article_confirmed=True,
)

APPEAL = Citation(
    source="Stichting Onderwijsgeschillen",
    article=None,
    lid=None,
    read_at="onderwijsgeschillen-commissie-van-beroep-srpo",
    quote=(
        "Een schoolleider die het niet eens is met deze beoordeling kan een geschil voorleggen aan "
        "de Commissie van Beroep Registratie Schoolleidersregister PO."
    ),
    note="The AVS FAQ page: 'Tegen een besluit op bezwaar van de commissie kan in beroep gegaan worden bij de Stichting Onderwijsgeschillen'.",
)

_FEES = f"{SITE.replace('www.', '')}/registreren/bijdrage-en-bekostiging; {SITE}/contact/veelgestelde-vragen"

FEE_2019 = Citation(
    source=REGISTERREGLEMENT,
    article="9",
    lid=None,
    read_at="srpo-bijdrage-en-bekostiging",
    quote=None,
    note=(
        "€ 195 for 2019; our notes give the amount from these pages without a verbatim quote. "
        "Art. 5 and 9 of the Registerreglement govern the contribution."
    ),
    article_confirmed=True,
)

FEE_2022 = Citation(
    source=REGISTERREGLEMENT,
    article="9",
    lid=None,
    read_at="srpo-bijdrage-en-bekostiging",
    quote="De bijdrage voor kalenderjaar 2022 bedraagt € 245.",
    note="OCW handed the ICT system over to the register in 2022.",
    article_confirmed=True,
)

FEE_2024 = Citation(
    source="Schoolleidersregister PO (as reported by a weak source)",
    article=None,
    lid=None,
    read_at="stockingsonly-herregistreren",
    quote=None,
    confidence=Confidence.INTERPRETATION,
    note=(
        "€ 270 for 2024 from a weak source (D, a scraped copy), without a verbatim quote; € 70 if "
        "not working as a school leader the whole year. Treat as unconfirmed."
    ),
)
