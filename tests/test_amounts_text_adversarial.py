"""Adversarial prose for the text-amount reader (pipeline/extract/text_amounts/).

Sentences written in the style of Swedish municipal and regional budgets and annual
reports. Precision cases come first: a wrong value, sign, year, kind or recipient published
is worse than a missed amount, so those cases expect either no row or the exact correct row.
Then the constructions the reader supports, in variations the main tests do not cover.

A case the pipeline gets wrong today is kept as a strict xfail whose reason names the
function and the pattern or config entry (configs/amounts.yaml, section `text`) at fault.
"""
from __future__ import annotations

import pytest

from tests.test_amounts_text import read

ANNUAL_REPORT = {"doc_type": "annual_report", "period": (2025, 2025)}


def rows(*texts: str, settings, **kw) -> list[tuple]:
    return [(r.row_label, r.value, r.unit, r.value_sek, r.year, r.kind) for r in read(*texts, **kw, settings=settings)]


def case(*texts: str, expected: list[tuple] | None = None, kw: dict | None = None,
         xfail: str | None = None, id: str) -> pytest.param:  # noqa: A002
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(texts, expected or [], kw or {}, marks=marks, id=id)


# ---------------------------------------------------------------------------------------
# Precision: a row is wanted, but its recipient, year or kind must be the right one.
# ---------------------------------------------------------------------------------------


WRONG_RECIPIENT_YEAR_OR_KIND = [
    case("Socialnämnden tilldelas 4 mnkr.", "Tekniska nämnden tilldelas 1,5 mnkr.",
         expected=[("Socialnämnden", 4, "mnkr", 4e6, None, None),
                   ("Tekniska nämnden", 1.5, "mnkr", 1.5e6, None, None)],
         id="two-word-body-after-another"),
    case("Socialnämnden tilldelas 4 mnkr för ökade placeringar, medan tekniska nämnden tilldelas 1 mnkr.",
         expected=[("Socialnämnden", 4, "mnkr", 4e6, None, None),
                   ("Tekniska nämnden", 1, "mnkr", 1e6, None, None)],
         id="two-word-body-same-sentence"),
    case("Sociala omsorgsnämnden tilldelas 1,5 mnkr.",
         expected=[("Sociala omsorgsnämnden", 1.5, "mnkr", 1.5e6, None, None)],
         id="adjective-body-truncated"),
    case("Idrotts-, kultur- och fritidsnämnden tilldelas 3 mnkr.",
         expected=[("Idrotts-, kultur- och fritidsnämnden", 3, "mnkr", 3e6, None, None)],
         id="hyphen-list-body-3"),
    case("Miljö-, hälso- och byggnadsnämnden tilldelas 2 mnkr.",
         expected=[("Miljö-, hälso- och byggnadsnämnden", 2, "mnkr", 2e6, None, None)],
         id="hyphen-list-body-2"),
    case("Beslutet (dnr 2025/123) innebär att socialnämnden tilldelas 2 mnkr.",
         expected=[("Socialnämnden", 2, "mnkr", 2e6, None, None)],
         id="year-from-dnr"),
    case("Socialnämnden tilldelas 2 mnkr (KS 2025/0412).",
         expected=[("Socialnämnden", 2, "mnkr", 2e6, None, None)],
         id="year-from-case-number"),
    case("Socialnämnden tilldelas 2 mnkr enligt beslut i kommunfullmäktige den 24 november 2025.",
         expected=[("Socialnämnden", 2, "mnkr", 2e6, None, None)],
         id="year-from-decision-date"),
    case("Kommunfullmäktige beslutade 2025 att socialnämnden tilldelas 2 mnkr.",
         expected=[("Socialnämnden", 2, "mnkr", 2e6, None, None)],
         id="year-of-decision"),
    case("Socialnämnden tilldelas 3 mnkr, jämfört med 2 mnkr år 2025.",
         expected=[("Socialnämnden", 3, "mnkr", 3e6, None, None)],
         id="year-from-comparison"),
    case("Skatteintäkterna beräknas till 3 450 mnkr, att jämföra med 3 310 mnkr i budget 2025.",
         expected=[("Skatteintäkterna", 3450, "mnkr", 3.45e9, None, None)],
         id="statement-year-from-comparison"),
    case("Socialnämnden tilldelas 3 mnkr, vilket är 1 mnkr mer än 2025.",
         expected=[("Socialnämnden", 3, "mnkr", 3e6, None, None)],
         id="year-from-more-than"),
    case("Verksamhetens nettokostnad budgeterades till 1 200 mnkr för 2025.",
         expected=[("Verksamhetens nettokostnad", 1200, "mnkr", 1.2e9, 2025, "budget")], kw=ANNUAL_REPORT,
         id="annual-report-budgeted-is-outcome"),
    case("Budgeten för 2025 uppgick till 12 mnkr.",
         expected=[("Budgeten för 2025", 12, "mnkr", 12e6, 2025, "budget")], kw=ANNUAL_REPORT,
         id="annual-report-budget-label"),
    case("Socialnämnden tilldelas 3 mnkr i budget 2026.",
         expected=[("Socialnämnden", 3, "mnkr", 3e6, 2026, "budget")], kw=ANNUAL_REPORT,
         id="annual-report-next-budget"),
    # Passing guards of the same families.
    case("Socialnämnden tilldelas 2 mnkr i enlighet med KF 2025-11-24 § 150.",
         expected=[("Socialnämnden", 2, "mnkr", 2e6, None, None)], id="iso-date-is-no-year"),
    case("Socialnämnden tilldelas 2 mnkr (tel. 0480-450 000).",
         expected=[("Socialnämnden", 2, "mnkr", 2e6, None, None)], id="phone-number-is-no-amount"),
    case("Kommunstyrelsen tilldelas 14 mnkr jämfört med 12 mnkr föregående år.",
         expected=[("Kommunstyrelsen", 14, "mnkr", 14e6, None, None)], id="previous-year-figure-not-read"),
    case("Skatteintäkterna beräknas till 3 450 mnkr år 2026, jämfört med 3 310 mnkr föregående år.",
         expected=[("Skatteintäkterna", 3450, "mnkr", 3.45e9, 2026, "budget")], id="statement-year-beats-comparison"),
    case("Skatteintäkterna uppgick till 3 300 mnkr år 2025 jämfört med 3 150 mnkr år 2024.",
         expected=[("Skatteintäkterna", 3300, "mnkr", 3.3e9, 2025, "outcome")], kw=ANNUAL_REPORT,
         id="annual-report-comparison-year"),
    case("Regionen har 1,4 miljoner invånare och regionstyrelsen tilldelas 42 miljarder kronor.",
         expected=[("Regionstyrelsen", 42, "mdkr", 42e9, None, None)], id="population-millions-not-money"),
    case("Räntekostnaderna beräknas till 24 mnkr vid en ränta på 2,8 procent.",
         expected=[("Räntekostnaderna", 24, "mnkr", 24e6, None, None)], id="interest-rate-not-read"),
]


@pytest.mark.parametrize(("texts", "expected", "kw"), WRONG_RECIPIENT_YEAR_OR_KIND)
def test_the_row_names_the_right_recipient_year_and_kind(texts, expected, kw, settings):
    assert rows(*texts, **kw, settings=settings) == expected


# ---------------------------------------------------------------------------------------
# Group A: figures that are no allocated or stated budget amount, or that cannot be trusted.
# ---------------------------------------------------------------------------------------


NOT_AMOUNTS = [
    # Changes, differences and sensitivity analyses: the figure is no level of the item.
    case("Kostnaderna för försörjningsstöd beräknas minska med 4 mnkr.",
         id="decrease-read-as-level"),
    case("Personalkostnaderna beräknas minska med 3 mnkr jämfört med budget 2025.",
         id="decrease-vs-budget-read-as-level"),
    case("Resultatet beräknas försämras med 12 mnkr till följd av högre pensionskostnader.",
         id="deterioration-read-as-result"),
    case("Resultatet beräknas till 12 mnkr lägre än budget.",
         id="deviation-read-as-result"),
    case("Skatteintäkterna beräknas öka med 42 mnkr om skatteunderlaget växer med en procent.",
         id="tax-sensitivity-mid-sentence-om"),
    case("Räntekostnaderna beräknas öka med 6 mnkr om räntan stiger med en procentenhet.",
         id="interest-sensitivity"),
    case("Socialnämnden tilldelas 2 mnkr mindre än föregående år.",
         id="cut-read-as-allocation"),
    case("Vår budget innebär att kultur- och fritidsnämnden tilldelas 3 mnkr mer än i majoritetens förslag.",
         id="difference-between-proposals"),
    case("Om skatteunderlaget ökar med 1 procent ger det ökade skatteintäkter på 42 mnkr.", id="tax-sensitivity-om"),
    case("Om skatten höjs med 50 öre ökar intäkterna med 48 mnkr.", id="tax-raise-sensitivity"),
    # Ranges and alternatives.
    case("Socialnämnden tilldelas 5 till 7 mnkr beroende på utfallet.",
         id="range-with-till"),
    case("Socialnämnden tilldelas 5 eller 7 mnkr beroende på utfallet.",
         id="alternative-with-eller"),
    case("Socialnämnden tilldelas mellan 5 och 7 mnkr för ökade placeringskostnader.", id="range-mellan"),
    case("Socialnämnden tilldelas 5–7 mnkr för ökade placeringskostnader.", id="range-en-dash"),
    case("Socialnämnden tilldelas 5 - 7 mnkr för ökade placeringskostnader.", id="range-spaced-hyphen"),
    case("Investeringsvolymen uppgår till 300-400 Mkr per år under planperioden.", id="range-hyphen-mkr"),
    case("Investeringsvolymen uppgår till 300 – 400 Mkr per år under planperioden.", id="range-spaced-dash-mkr"),
    # Approximations.
    *(case(f"Socialnämnden tilldelas {word} 10 mnkr för ökade placeringskostnader.",
           id=f"approx-{word}")
      for word in ("drygt", "cirka", "ca", "ungefär", "omkring", "knappt", "närmare", "runt")),
    case("Kostnaden för ekonomiskt bistånd uppgår till cirka 4 mnkr.", id="approx-statement-cirka"),
    case("Kostnaden för ekonomiskt bistånd uppgick till omkring 4 mnkr.", id="approx-statement-omkring"),
    case("Investeringsnivån uppgår i snitt till 400 mnkr per år.",
         id="average-i-snitt"),
    case("Den totala investeringsvolymen uppgår i genomsnitt till 765 mnkr per år.", id="average-genomsnitt"),
    # Per-capita and per-unit figures.
    case("Nettokostnaden uppgår till 52 000 kronor per invånare.",
         id="per-capita"),
    case("Nettokostnaden per invånare uppgår till 62 000 kronor.",
         id="per-capita-in-subject"),
    case("Timtaxan för bygglov fastställs till 1 300 kr/timme.",
         id="per-hour-slash"),
    case("Avgiften för trygghetslarm fastställs till 350 kr per månad.",
         id="fee-per-month"),
    case("Barn- och utbildningsnämnden tilldelas 1 200 kr per elev i ökad skolpeng.",
         id="allocation-per-pupil"),
    case("Kostnaden per elev beräknas till 118 tkr.",
         id="cost-per-pupil"),
    # Borrowing, guarantees, liabilities.
    case("Kommunstyrelsen får låna upp till 150 mnkr.",
         id="borrowing-verb-lana"),
    case("Nyupplåning beräknas till 200 mnkr under 2026.", id="new-borrowing"),
    case("Kommunstyrelsen får en låneram på 150 mnkr.", id="loan-frame"),
    case("Borgensramen för de kommunala bolagen fastställs till 1 800 mnkr.", id="guarantee-frame"),
    case("Ramen för checkkrediten fastställs till 50 mnkr.", id="credit-frame"),
    case("Pensionsskulden uppgår till 1 450 mnkr inklusive löneskatt.", id="pension-debt"),
    case("Pensionsförpliktelserna uppgår till 1 450 mnkr inklusive löneskatt.",
         id="pension-obligations"),
    case("Ansvarsförbindelsen för pensioner uppgår till 980 mnkr.",
         id="pension-contingent-liability"),
    case("Räntan beräknas till 2,8 procent.", id="interest-rate"),
    # Population and other non-money millions.
    case("Befolkningen i regionen beräknas uppgå till 1,4 miljoner invånare år 2030.", id="population"),
    case("Befolkningen beräknas till 1,4 miljoner år 2030.", id="population-bare-millions"),
    # Promises, positions of others, questions.
    case("Vi vill satsa 50 mnkr på förskolan.", id="promise-vi-vill"),
    case("Socialdemokraterna vill att socialnämnden tilldelas 50 mnkr.", id="other-party-wish"),
    case("Vi vill att socialnämnden tilldelas 50 mnkr.", expected=[("Socialnämnden", 50, "mnkr", 50e6, None, None)],
         id="own-proposal-vi-vill-att"),
    case("Ska socialnämnden tilldelas 5 mnkr för att täcka underskottet?",
         id="question"),
    case("Hur ska kommunen finansiera de 40 mnkr som saknas?", id="question-hur"),
    case("Varför budgeteras 40 mnkr till oförutsedda kostnader?", id="question-varfor"),
    # No named recipient.
    case("Av dessa medel fördelas 3 mnkr till nämnden.",
         id="breakdown-to-bare-namnden"),
    case("Socialnämnden och kommunstyrelsen tilldelas totalt 4 mnkr.",
         id="joint-allocation-to-last-body"),
    case("Nämnden tilldelas 3 mnkr.", id="bare-namnden"),
    case("Det tillförs 3 mnkr.", id="no-recipient"),
    case("Medel om 3 mnkr tillförs under 2026.", id="no-recipient-medel"),
    case("Ytterligare 3 mnkr fördelas under året.", id="no-recipient-ytterligare"),
    case("Frågor om anslaget på 3 mnkr besvaras av ekonomienheten, telefon 0480-45 00 00.", id="phone-near-money"),
]


@pytest.mark.parametrize(("texts", "expected", "kw"), NOT_AMOUNTS)
def test_figures_a_careful_analyst_would_not_publish(texts, expected, kw, settings):
    assert rows(*texts, **kw, settings=settings) == expected


# ---------------------------------------------------------------------------------------
# Group B: the supported constructions, in variations the main tests do not cover.
# ---------------------------------------------------------------------------------------


CONSTRUCTIONS = [
    # Allocations: other verbs, units and years.
    case("Regionstyrelsen tilldelas 1,5 mdkr för 2027.",
         expected=[("Regionstyrelsen", 1.5, "mdkr", 1.5e9, 2027, "plan")], id="mdkr-for-2027"),
    case("Regionstyrelsen tilldelas 1,5 miljarder kronor.",
         expected=[("Regionstyrelsen", 1.5, "mdkr", 1.5e9, None, None)], id="miljarder-kronor"),
    case("Regionstyrelsen tilldelas 1,5 miljarder.", id="bare-miljarder-not-money"),
    case("Kommunstyrelsen tilldelas 750 000 kronor för 2027.",
         expected=[("Kommunstyrelsen", 750000, "kr", 750000, 2027, "plan")], id="kronor"),
    case("Kommunstyrelsen tilldelas 750 tkr.",
         expected=[("Kommunstyrelsen", 750, "tkr", 750000, None, None)], id="tkr"),
    case("Miljö- och byggnadsnämnden tilldelas 1,2 mnkr för år 2027.",
         expected=[("Miljö- och byggnadsnämnden", 1.2, "mnkr", 1.2e6, 2027, "plan")], id="for-ar-2027"),
    case("Valnämnden tilldelas 400 tkr 2026.",
         expected=[("Valnämnden", 400, "tkr", 400000, 2026, "budget")], id="bare-year-after"),
    case("Gymnasie- och vuxenutbildningsnämnden tillförs 800 tkr.",
         expected=[("Gymnasie- och vuxenutbildningsnämnden", 800, "tkr", 800000, None, None)], id="tillfors"),
    case("Kultur- och fritidsnämnden tillförs ytterligare 900 tkr.",
         expected=[("Kultur- och fritidsnämnden", 900, "tkr", 900000, None, None)], id="tillfors-ytterligare"),
    case("12 mnkr fördelas till samtliga nämnder.",
         expected=[("Samtliga nämnder", 12, "mnkr", 12e6, None, None)], id="amount-first-fordelas"),
    case("Kommunfullmäktige beslutar att 5 mnkr fördelas till socialnämnden.",
         expected=[("Socialnämnden", 5, "mnkr", 5e6, None, None)], id="amount-first-in-att-clause"),
    case("Kommunstyrelsen tilldelas 4 mnkr och socialnämnden tilldelas 3 mnkr.",
         expected=[("Kommunstyrelsen", 4, "mnkr", 4e6, None, None),
                   ("Socialnämnden", 3, "mnkr", 3e6, None, None)], id="two-allocations"),
    case("Tekniska nämnden tilldelas 1,5 mnkr.",
         expected=[("Tekniska nämnden", 1.5, "mnkr", 1.5e6, None, None)],
         id="two-word-body"),
    case("1,2 mnkr tillförs tekniska nämnden.",
         expected=[("Tekniska nämnden", 1.2, "mnkr", 1.2e6, None, None)],
         id="amount-first-two-word-body"),
    case("Socialnämnden tillförs 5 mnkr år 2026 och 6 mnkr år 2027.",
         expected=[("Socialnämnden", 5, "mnkr", 5e6, 2026, "budget"), ("Socialnämnden", 6, "mnkr", 6e6, 2027, "plan")],
         id="allocation-listed-years-ar"),
    case("Socialnämnden tilldelas 7 mnkr för 2026, 8 mnkr för 2027 och 9 mnkr för 2028.",
         expected=[("Socialnämnden", 7, "mnkr", 7e6, 2026, "budget"), ("Socialnämnden", 8, "mnkr", 8e6, 2027, "plan"),
                   ("Socialnämnden", 9, "mnkr", 9e6, 2028, "plan")],
         id="allocation-listed-years-for"),
    case("Kommunstyrelsen tilldelas 14 mnkr 2026, en ökning med 2 mnkr jämfört med 2025.",
         expected=[("Kommunstyrelsen", 14, "mnkr", 14e6, 2026, "budget")],
         id="allocation-year-then-comparison"),
    # Statements.
    case("Lönepotten fastställs till 22 mnkr år 2026, 30 mnkr år 2027 och 38 mnkr år 2028.",
         expected=[("Lönepotten", 22, "mnkr", 22e6, 2026, "budget"), ("Lönepotten", 30, "mnkr", 30e6, 2027, "plan"),
                   ("Lönepotten", 38, "mnkr", 38e6, 2028, "plan")], id="statement-fastställs-listed"),
    case("Resultatet budgeteras till 45 mnkr år 2026, 52 mnkr år 2027 och 60 mnkr år 2028.",
         expected=[("Resultatet", 45, "mnkr", 45e6, 2026, "budget"), ("Resultatet", 52, "mnkr", 52e6, 2027, "plan"),
                   ("Resultatet", 60, "mnkr", 60e6, 2028, "plan")], id="statement-budgeteras-listed"),
    case("Lönepotten fastställs för 2026 till 22 mnkr.",
         expected=[("Lönepotten", 22, "mnkr", 22e6, 2026, "budget")], id="statement-year-in-between"),
    case("Lönepotten fastställs till 22 mnkr för 2026 och för 2027 till 30 mnkr.",
         expected=[("Lönepotten", 22, "mnkr", 22e6, 2026, "budget"), ("Lönepotten", 30, "mnkr", 30e6, 2027, "plan")],
         id="statement-for-year-after-amount"),
    case("Budgetreserven anslås med 15 mnkr år 2027.",
         expected=[("Budgetreserven", 15, "mnkr", 15e6, 2027, "plan")], id="statement-anslås"),
    case("Kommunstyrelsens reserv anvisas med 5 mnkr.",
         expected=[("Kommunstyrelsens reserv", 5, "mnkr", 5e6, None, None)], id="statement-anvisas"),
    case("Investeringsbudgeten fastställs till 1,5 mdkr år 2026.",
         expected=[("Investeringsbudgeten", 1.5, "mdkr", 1.5e9, 2026, "budget")], id="statement-mdkr"),
    # Receipts, frames, item statements, budget lines, named figures.
    case("Socialnämnden får ett tillskott om 2 mnkr för år 2027.",
         expected=[("Socialnämnden – tillskott", 2, "mnkr", 2e6, 2027, "plan")], id="receipt-for-ar"),
    case("Miljö- och hälsoskyddsnämnden får en ramökning på 600 tkr 2027.",
         expected=[("Miljö- och hälsoskyddsnämnden – ramökning", 600, "tkr", 600000, 2027, "plan")],
         id="receipt-tkr"),
    case("Tekniska nämnden får ett tillskott på 2 mnkr.",
         expected=[("Tekniska nämnden – tillskott", 2, "mnkr", 2e6, None, None)],
         id="receipt-two-word-body"),
    case("Barn- och utbildningsnämnden redovisar ett underskott mot budget om 4,5 mnkr.",
         expected=[("Barn- och utbildningsnämnden – underskott mot budget", 4.5, "mnkr", 4.5e6, 2025, "deviation")],
         kw=ANNUAL_REPORT, id="receipt-deviation-annual-report"),
    case("Anslag om 900 tkr till revisorerna.",
         expected=[("Revisorerna", 900, "tkr", 900000, None, None)], id="frame-anslag"),
    case("Ramen för 2027 års investeringar fastställs till 1 900 mnkr.",
         expected=[("Investeringar 2027", 1900, "mnkr", 1.9e9, 2027, "plan")], id="item-statement-genitive-year"),
    case("Ramen för kommunstyrelsen för 2027 uppgår till 88 mnkr.",
         expected=[("Kommunstyrelsen", 88, "mnkr", 88e6, 2027, "plan")], id="item-statement-body"),
    case("Anslaget för oförutsedda utgifter för år 2026 fastställs till 5 mnkr.",
         expected=[("Oförutsedda utgifter", 5, "mnkr", 5e6, 2026, "budget")], id="item-statement-anslaget"),
    case("I budgeten för föreningsstöd avsätts 1,2 mnkr.",
         expected=[("Föreningsstöd – budget", 1.2, "mnkr", 1.2e6, None, "budget")], id="budget-line-avsätts"),
    case("I ramen för räddningstjänsten ingår 300 tkr.",
         expected=[("Räddningstjänsten – ram", 300, "tkr", 300000, None, None)], id="budget-line-ram-ingår"),
    case("I anslaget för kollektivtrafik finns 14 mnkr.",
         expected=[("Kollektivtrafik – anslag", 14, "mnkr", 14e6, None, None)], id="budget-line-anslaget"),
    case("Statsbidrag för äldreomsorg (4,2 mnkr) har använts till bemanning.",
         expected=[("Statsbidrag för äldreomsorg", 4.2, "mnkr", 4.2e6, 2025, None)], kw=ANNUAL_REPORT,
         id="named-figure"),
    # Parts and defined items.
    case("Barn- och utbildningsnämnden tilldelas 3 mnkr 2026, varav 1 mnkr till förskolan.",
         expected=[("Barn- och utbildningsnämnden", 3, "mnkr", 3e6, 2026, "budget"),
                   ("Barn- och utbildningsnämnden, förskolan", 1, "mnkr", 1e6, 2026, "budget")],
         id="part-of-allocation"),
    case("Investeringsbudgeten uppgår till 420 mnkr, varav 150 mnkr till exploatering.",
         expected=[("Investeringsbudgeten", 420, "mnkr", 420e6, None, "budget"),
                   ("Investeringsbudgeten, exploatering", 150, "mnkr", 150e6, None, "budget")],
         id="part-of-statement"),
    case("Den totala driftbudgeten på 2 100 mnkr fördelas på nämnderna.",
         expected=[("Totala driftbudgeten", 2100, "mnkr", 2.1e9, None, "budget")], id="defined-driftbudget"),
    # Purposed allocations and their breakdowns.
    case("För ökade hyreskostnader fördelas 6 mnkr till nämnder 2027.",
         "Av dessa medel fördelas 4 mnkr till barn- och utbildningsnämnden, 1,5 mnkr till socialnämnden "
         "samt 500 tkr till kommunstyrelsen.",
         expected=[("Nämnder (hyreskostnader)", 6, "mnkr", 6e6, 2027, "plan"),
                   ("Barn- och utbildningsnämnden (hyreskostnader)", 4, "mnkr", 4e6, 2027, "plan"),
                   ("Socialnämnden (hyreskostnader)", 1.5, "mnkr", 1.5e6, 2027, "plan"),
                   ("Kommunstyrelsen (hyreskostnader)", 500, "tkr", 500000, 2027, "plan")],
         id="breakdown-three-bodies-tkr"),
    case("För ökade hyreskostnader fördelas 6 mnkr till nämnder 2027.",
         "Av dessa medel fördelas 4 mnkr till barn- och utbildningsnämnden och 2 mnkr till tekniska nämnden.",
         expected=[("Nämnder (hyreskostnader)", 6, "mnkr", 6e6, 2027, "plan"),
                   ("Barn- och utbildningsnämnden (hyreskostnader)", 4, "mnkr", 4e6, 2027, "plan"),
                   ("Tekniska nämnden (hyreskostnader)", 2, "mnkr", 2e6, 2027, "plan")],
         id="breakdown-two-word-body"),
    case("För ökade hyreskostnader fördelas 6 mnkr till nämnder för år 2027.",
         "Av dessa medel fördelas 4 mnkr till barn- och utbildningsnämnden.",
         expected=[("Nämnder (hyreskostnader)", 6, "mnkr", 6e6, 2027, "plan"),
                   ("Barn- och utbildningsnämnden (hyreskostnader)", 4, "mnkr", 4e6, 2027, "plan")],
         id="breakdown-year-for-ar"),
    case("För ökade kostnader för digitalisering fördelas kommunbidrag om 3 mnkr till nämnder 2026 och 4 mnkr 2027.",
         expected=[("Kommunbidrag till nämnder för ökade kostnader för digitalisering", 3, "mnkr", 3e6, 2026, "budget"),
                   ("Kommunbidrag till nämnder för ökade kostnader för digitalisering", 4, "mnkr", 4e6, 2027, "plan")],
         id="purposed-listed-years"),
]


@pytest.mark.parametrize(("texts", "expected", "kw"), CONSTRUCTIONS)
def test_supported_constructions_in_new_variations(texts, expected, kw, settings):
    assert rows(*texts, **kw, settings=settings) == expected


def test_a_verb_before_a_bare_namnden_names_no_body(settings):
    """'informera nämnden' is no body called 'Informera nämnden': a later bare 'Nämnden' still
    refers to the last body named."""
    assert rows("Socialnämnden ska informera nämnden om läget.", "Nämnden tilldelas 2 mnkr.", settings=settings) == [
        ("Socialnämnden", 2, "mnkr", 2e6, None, None)]
