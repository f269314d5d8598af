"""Document facts by Swedish convention, on hand-built documents and phrases (no PDF, no
../shared: the SCB reference is a small stand-in list)."""
from __future__ import annotations

import importlib

import pytest

from pipeline.extract.document_fields import doc_type, place
from pipeline.extract.document_fields.issuer import bodies
from pipeline.extract.document_fields.period import years_of
from pipeline.model import Block, BlockKind, Document, PageInfo
from tests.settings_helpers import SETTINGS

fields = importlib.import_module("pipeline.extract.document_fields")  # the package, not its function

PLACES = (place.Place("Alingsås", "1489", "1489"), place.Place("Vårgårda", "1442"), place.Place("Göteborg", "1480"),
          place.Place("Vara", "1470"), place.Place("Härjedalen", "2361"), place.Place("Lerum", "1441"),
          place.Place("Herrljunga", "1466"), place.Place("Essunga", "1445"),
          place.Place("Region Jämtland", "23"), place.Place("Region Västerbotten", "24"),
          place.Place("Region Norrbotten", "25"))


@pytest.fixture(autouse=True)
def scb(monkeypatch):
    monkeypatch.setattr(place, "reference", lambda: PLACES)
    monkeypatch.setattr(fields, "reference", lambda: PLACES)


@pytest.fixture
def cfg():
    return SETTINGS.document


def _block(page: int, text: str, size: float = 11.0, kind: BlockKind = BlockKind.PARAGRAPH) -> Block:
    return Block(kind, text, page, (50.0, 100.0, 500.0, 120.0), size, False, False)


def _doc(pages: list[list[tuple[float, str]]], furniture=(), **metadata) -> Document:
    """Pages of (size, text); size ≥ 16 is a heading. furniture: (first page, text, pages)."""
    blocks = [_block(n, text, size, BlockKind.HEADING if size >= 16 else BlockKind.PARAGRAPH)
              for n, page in enumerate(pages, 1) for size, text in page]
    meta = {"title": None, **metadata, "furniture": [list(f) for f in furniture]}
    return Document("d", "x.pdf", [PageInfo(n, 595, 842, True) for n in range(1, len(pages) + 1)], meta, 11.0, blocks)


# -- doc type: compound heads ---------------------------------------------------------------------

@pytest.mark.parametrize("word, expected", [
    ("Tertialuppföljning", "interim_report"),  # no config list names it: head "uppföljning"
    ("Kvartalsuppföljningen", "interim_report"),
    ("Delårsbokslutet", "interim_report"),  # longer head than "bokslut"
    ("Koncernårsbokslut", "annual_report"),
    ("Verksamhetsberättelsen", "annual_report"),
    ("Investeringsbudget", "budget"),
    ("Nämndskuggbudget", "budget_proposal"),  # longer head than "budget"
    ("Investeringsäskanden", "budget_request"),
    ("Kompetensförsörjningsplan", "other"),
    ("Uppföljningsrapport", "interim_report"),  # a generic head: the stem names the type
    ("Prognosrapporten", "interim_report"),
    ("Internkontrollrapport", "other"),  # a stem that names no type leaves the report a report
    ("Planeringsförutsättningar", "budget_instructions"),
    ("Hållbarhetsprogrammet", "other"),
    ("Regionplanen", "budget"),
    ("Valplattformen", "not_budget"),
    ("Målgrupp", None),
    ("Applan", None),  # a stem shorter than min_stem is no compound
])
def test_compound_heads_name_the_type(cfg, word, expected):
    assert doc_type.word_type(word, doc_type.vocabulary(cfg)) == expected


@pytest.mark.parametrize("title, expected", [
    ("Uppföljning inriktning budget Barn- och ungdomsnämnden 2026", "interim_report"),
    ("Fördjupad månadsuppföljning 2026 tekniska nämnden", "interim_report"),
    ("Tidplan och anvisningar för budget 2027–2031", "budget_instructions"),
    ("Verksamhetsplan med budget 2017-2020", "verksamhetsplan"),
    ("Lokalförsörjningsplan 2026-2031", "other"),
    ("Socialdemokraternas förslag till budget 2026", "budget_proposal"),
    ("Nämndens årsplan och budget 2026", "budget"),
])
def test_title_names_its_type_first(cfg, title, expected):
    assert fields.document_fields(_doc([[(28, title)]]), SETTINGS).doc_type == expected


def test_a_follow_up_chapter_in_the_running_text_is_not_the_type(cfg):
    """"Uppföljning" and "plan" are words of any budget's text: they name the type on the
    title and cover only."""
    doc = _doc([[(28, "Vårt län 2040")], [(11, "Uppföljning och plan för styrningen sker i april.")]])
    assert fields.document_fields(doc, SETTINGS).doc_type == "other"
    doc = _doc([[(28, "Vårt län 2040")], [(11, "Uppföljning av budgeten sker i april.")]])
    assert fields.document_fields(doc, SETTINGS).doc_type == "budget"


# -- issuer naming --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, kind", [
    ("Fördjupad månadsuppföljning 2026 tekniska nämnden", "Tekniska nämnden", "namnd"),
    ("Nämnden för Intraservice", "Nämnden för Intraservice", "namnd"),
    ("Barn- och ungdomsnämnden 2026", "Barn- och ungdomsnämnden", "namnd"),
    ("Hälso- och sjukvårdsnämnd", "Hälso- och sjukvårdsnämnd", "namnd"),
    ("Rapport från Stadsbyggnadsförvaltningen", "Stadsbyggnadsförvaltningen", "namnd"),
    ("Södra Älvsborgs räddningstjänstförbund", "Södra Älvsborgs räddningstjänstförbund", "forbund"),
    ("Budget för Samordningsförbundet", "Samordningsförbundet", "forbund"),
    ("Årsredovisning Skövde Vatten AB", "Skövde Vatten AB", "bolag"),
    ("Region Jämtland Härjedalen", "Region Jämtland Härjedalen", "region"),
    ("Göteborgs Stad", "Göteborgs Stad", "kommun"),
    ("Budget för Herrljunga kommun", "Herrljunga kommun", "kommun"),
])
def test_bodies_are_named_by_convention(cfg, text, name, kind):
    assert [(b.name, b.kind) for b in bodies(text, cfg)][:1] == [(name, kind)]


@pytest.mark.parametrize("text", ["nämnden beslutade", "Förbundet arbetar vidare", "alla nämnder och styrelser"])
def test_a_generic_body_is_no_issuer(cfg, text):
    assert bodies(text, cfg) == []


def test_a_nämnd_cover_takes_its_municipality_from_the_footer(cfg):
    """"Socialnämnden" on the cover, "Alingsås kommun" in the running footer."""
    doc = _doc([[(28, "Verksamhetsplan 2026"), (20, "Socialnämnden")], [(11, "Text.")], [(11, "Mer text.")]],
               furniture=[(1, "Alingsås kommun", 3)])
    row = fields.document_fields(doc, SETTINGS)
    assert (row.organisation, row.issuer_kind) == ("Socialnämnden", "namnd")
    assert (row.municipality, row.municipality_code, row.kolada_municipality_id) == ("Alingsås", "1489", "1489")


def test_the_file_author_names_the_issuer_and_a_person_does_not(cfg):
    named = _doc([[(28, "Delårsrapport april 2026")]], author="Miljö- och byggnadsnämnden",
                 keywords="Lerum, kommun, delårsrapport")
    person = _doc([[(28, "Delårsrapport april 2026")]], author="Elise Andersson")
    assert fields.document_fields(named, SETTINGS).organisation == "Miljö- och byggnadsnämnden"
    assert fields.document_fields(person, SETTINGS).organisation is None


@pytest.mark.parametrize("field, expected", [
    ("NAMN: ÅSA FRÖDING TITEL, ORGANISATION: Förbundsdirektör, Tolkförmedling Väst TID: 2025-10-21",
     "Tolkförmedling Väst"),
    ("Namn: Per Olsson Titel, organisation: Ordförande, Avfallshantering Östra Skaraborg",
     "Avfallshantering Östra Skaraborg"),
    ("Organisation: Räddningstjänsten Syd", "Räddningstjänsten Syd"),
])
def test_a_signature_page_names_a_forbund_that_has_no_kind_word(cfg, field, expected):
    doc = _doc([[(28, "Internkontrollrapport"),
                 (11, "Kontrollerna är förbundsövergripande. Förbundet har inga brister.")],
                [(11, "Detta dokument har undertecknats med elektroniska underskrifter:"), (11, field)]])
    row = fields.document_fields(doc, SETTINGS)
    assert (row.organisation, row.issuer_kind, row.municipality, row.municipality_code) == (expected, "forbund",
                                                                                             expected, None)


def test_a_field_name_without_a_kind_word_is_no_issuer_unless_the_text_calls_it_a_forbund(cfg):
    doc = _doc([[(28, "Internkontrollrapport"), (11, "Kontrollerna är genomförda utan brister.")],
                [(11, "TITEL, ORGANISATION: Konsult, Revisionsbyrån Norr TID: 2025-10-21")]])
    assert fields.document_fields(doc, SETTINGS).organisation is None


def test_sender_of_a_skrivelse_on_the_last_page(cfg):
    doc = _doc([[(28, "Budgetanvisningar 2027")], [(11, "Nämnderna ska lämna budgetskrivelser.")],
                [(11, "Ekonomiavdelningen"), (11, "Anna Svensson")]])
    assert fields.document_fields(doc, SETTINGS).organisation is None  # not a body's name
    doc = _doc([[(28, "Budgetanvisningar 2027")], [(11, "Nämnderna ska lämna budgetskrivelser.")],
                [(11, "Kommunstyrelseförvaltningen"), (11, "Anna Svensson")]])
    row = fields.document_fields(doc, SETTINGS)
    assert (row.organisation, row.issuer_kind) == ("Kommunstyrelseförvaltningen", "namnd")


@pytest.mark.parametrize("members", [["Alingsås", "Vårgårda"], ["Lerum", "Herrljunga", "Essunga"], []])
def test_a_forbund_that_never_prints_its_name_is_named_by_its_kind(cfg, members):
    """Member kommuner named in the text do not make a name: a förbund's real name
    ("Räddningstjänsten Östra Skaraborg", "Södra Älvsborgs räddningstjänstförbund") is rarely
    its members' names joined."""
    shares = " och ".join(f"{n} tkr för {m} kommun" for n, m in enumerate(members, 1)) or "inget"
    doc = _doc([[(28, "Budget 2027 och ramar 2028 – 2029"),
                 (11, f"Medlemsbidraget uppgår till {shares}. Förbundet arbetar vidare.")],
                [(11, "Räddningstjänstförbundet Budget 2027")]])
    row = fields.document_fields(doc, SETTINGS)
    assert (row.organisation, row.issuer_kind, row.municipality) == ("Räddningstjänstförbund", "forbund",
                                                                     "Räddningstjänstförbund")
    assert (row.municipality_code, row.kolada_municipality_id) == (None, None)


def test_a_kommun_budget_that_writes_of_its_forbund_is_the_kommuns(cfg):
    doc = _doc([[(28, "Alingsås kommun"), (28, "Budget 2027")],
                [(11, "Räddningstjänstförbundet får 20 mnkr. Förbundet ska effektivisera.")]])
    row = fields.document_fields(doc, SETTINGS)
    assert (row.organisation, row.issuer_kind, row.municipality_code) == ("Alingsås kommun", "kommun", "1489")


@pytest.mark.parametrize("author", ["Sweco Society AB", "Tryckeri Nord AB"])
def test_a_bolag_in_the_file_author_does_not_issue_a_kommuns_document(cfg, author):
    doc = _doc([[(28, "Lerums kommun"), (28, "Delårsrapport april 2026")], [(11, "Text.")]], author=author)
    row = fields.document_fields(doc, SETTINGS)
    assert (row.issuer_kind, row.municipality) == ("kommun", "Lerum")


# -- place ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("Göteborgs Stad", "Göteborg"), ("ALINGSÅS KOMMUN", "Alingsås"), ("Region Jämtland Härjedalen", "Region Jämtland"),
    ("Härjedalens kommun", "Härjedalen"), ("Region Halland", None), ("Vårgårda", "Vårgårda"),
])
def test_issuer_names_resolve_to_scb_places(name, expected):
    found = place.resolve(name, PLACES)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize("address, expected", [
    ("alingsas.se", "Alingsås"), ("www.regionvasterbotten.se", "Region Västerbotten"),
    ("NORRBOTTEN.SE", "Region Norrbotten"), ("example.se", None),
])
def test_web_address_on_the_cover(address, expected):
    doc = _doc([[(28, "Plan för 2026"), (16, address)], [(11, "Text.")]])
    assert fields.document_fields(doc, SETTINGS).municipality == expected


def test_a_name_that_is_a_word_counts_only_as_a_kommun(cfg):
    """"Vara" opens sentences and bullets; only "Vara kommun" names the place."""
    verb = _doc([[(28, "Budget 2026")], [(11, "Vara en attraktiv arbetsgivare. Vara nära. Vara öppen. Vara snabb.")]])
    noun = _doc([[(28, "Budget 2026")], [(11, "Vara kommun ska växa. Vara kommun bygger skolor.")]])
    assert fields.document_fields(verb, SETTINGS).municipality is None
    assert fields.document_fields(noun, SETTINGS).municipality == "Vara"


def test_two_places_as_strong_give_no_place(cfg):
    doc = _doc([[(28, "Budget 2026")], [(11, "Lerum kommun och Alingsås kommun samarbetar om Lerum och Alingsås.")]])
    assert fields.document_fields(doc, SETTINGS).municipality_code is None


# -- period ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, years", [
    ("Budget 2027 och ramar 2028 – 2029", [2027, 2028, 2029]),
    ("Budget 2027, ramar 2028-29", [2027, 2028, 2029]),
    ("Delårsrapport mars 2026", [2026]),
    ("Beslutad 2025-11-10, RS 2025/844", []),
])
def test_years_of_a_title(cfg, text, years):
    assert sorted(set(years_of(text, cfg))) == years


def test_the_metadata_title_extends_the_period_and_a_file_name_is_no_title(cfg):
    doc = _doc([[(28, "Budget 2027 och ramar 2028 – 2029")]],
               title="Microsoft Word - Budget 2027, ramar 2028-29 samt investeringsbudget 2027-2031.docx")
    row = fields.document_fields(doc, SETTINGS)
    assert (row.title, row.period_start, row.period_end) == ("Budget 2027 och ramar 2028 – 2029", 2027, 2031)


def test_a_metadata_title_of_another_years_template_leaves_the_period(cfg):
    doc = _doc([[(28, "Budget 2027 och ramar 2028 – 2029")]], title="Microsoft Word - Mall budget 2019-2022.docx")
    row = fields.document_fields(doc, SETTINGS)
    assert (row.period_start, row.period_end) == (2027, 2029)


def test_a_running_header_is_the_title_of_an_image_cover(cfg):
    doc = _doc([[], [(11, "Text.")], [(11, "Text.")], [(11, "Text.")]],
               furniture=[(2, "Liberalernas valprogram 2026", 3), (2, "2", 1), (3, "3", 1)])
    row = fields.document_fields(doc, SETTINGS)
    assert (row.title, row.doc_type, row.period_start, row.period_end) == ("Liberalernas valprogram 2026",
                                                                           "not_budget", 2026, 2026)
