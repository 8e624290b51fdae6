"""Issue 17: the home exercise plan, in Chromium. A clinician builds a plan with the builder's
controls (/plan/); the patient opens its link in a fresh browser (/plan/view/#...) and sees only
their exercises, in order, with the clinician's numbers and note; printed, page 1 carries the
clinic and a QR code that decodes to the exact link. Damaged links say what is wrong and show
what they can; the plan never leaves the browser; links sent today keep opening.

Unit checks of data/exercises.yml are in tests/test_exercise_data.py."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

import pypdfium2 as pdfium
import pytest
import zxingcpp

from engine.data import SiteData
from engine.exercises import dose_sentence, hold_words
from engine.models import Dose
from tests.test_quality_gates import axe_violations, first_view_bytes
from tests.tools.browser import node_tool
from tests.tools.building import build
from tests.tools.measured import report
from tests.tools.project import ROOT, SITE_URL
from tests.tools.static_server import serve

pytestmark = pytest.mark.browser

SITE = SiteData.load(ROOT / "data")
BY_CODE = {e.code: e for e in SITE.exercises}
BY_CODE_BY_NAME = {e.name: e for e in SITE.exercises}
HANDOUT_PAGES = 2  # Letter pages, for a plan of up to 4 exercises
SCAN_DPI = 200  # as tests/test_print_handout.py reads an article's code
LINK_LIMIT = 300  # characters, for a plan of 8 exercises and no note (the limit)
FIRST_VIEW_BUDGET = 100 * 1024  # compressed bytes a first visit downloads (the limit)
NOTE = "Do these after your walk. Stop if your leg tingles."
# Links sent with the first format, kept for ever (like tests/published_urls.txt): each line is
# a fragment and the exercise codes it must show, in order. Never delete a line.
SENT_LINKS = ROOT / "tests/plan_links.txt"
# Builds a plan in the page itself through plan.js's own writer, for links no builder makes.
WRITE = "([items, note]) => planLink.write(items, note)"


def tick(tab, name: str) -> None:
    tab.get_by_role("checkbox", name=name, exact=True).check()


def set_number(tab, exercise: str, field: str, value: int) -> None:
    box = tab.get_by_role("spinbutton", name=f"{exercise} {field}", exact=True)
    box.fill(str(value))
    box.dispatch_event("change")


def shown_plan(tab) -> list[dict]:
    """What the view shows: each visible exercise's heading, dose and hold words, in order."""
    return tab.evaluate(
        """() => [...document.querySelectorAll('[data-plan-exercises] > [data-plan-codes]')]
          .filter((s) => !s.hidden)
          .map((s) => ({
            heading: (s.querySelector('h2, .admonition-title') || s).textContent
              .replace('\\u00b6', '').trim(),
            dose: s.querySelector('.app-plan-dose span')?.textContent ?? null,
            holds: [...s.querySelectorAll('[data-plan-hold]')].map((h) => h.textContent),
          }))"""
    )


def problem(tab) -> str | None:
    box = tab.locator("[data-plan-problem]")
    return None if box.is_hidden() else box.inner_text()


@pytest.fixture(scope="module")
def builder(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(site_url + "plan/")
    yield tab
    context.close()


@pytest.fixture(scope="module")
def built_plan(builder):
    """A plan made as a clinician makes one: three exercises ticked in an order that is not the
    page's, numbers changed, a note typed."""
    for name in ["Bird dog", "Seated hip turn", "Glute bridge"]:
        tick(builder, name)
    set_number(builder, "Seated hip turn", "Repeats", 12)
    set_number(builder, "Seated hip turn", "Hold (seconds)", 4)
    set_number(builder, "Bird dog", "Sets", 2)
    set_number(builder, "Glute bridge", "Times a day", 2)
    builder.get_by_label("A short note for the patient").press_sequentially(NOTE)
    return builder.get_by_label("Link to this plan").input_value()


@pytest.fixture
def patient(browser):
    """A fresh browser, as the patient's phone: nothing shared with the clinician's."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


# --- the builder makes a link; the patient's browser shows exactly that plan ----------------------


def test_the_link_opens_the_plan_in_a_fresh_browser(built_plan, patient):
    patient.goto(built_plan)
    assert shown_plan(patient) == [
        {
            "heading": "1. Bird dog",
            "dose": "6 slow repeats on each side, in 2 sets, once a day",
            "holds": ["3 seconds"],
        },
        {
            "heading": "2. Seated hip turn",
            "dose": "12 slow repeats on each side, once a day",
            "holds": ["4 seconds"],
        },
        {
            "heading": "3. Glute bridge",
            "dose": "8 slow repeats, 2 times a day",
            "holds": ["3 seconds"],
        },
    ]
    assert patient.locator("[data-plan-note-text]").inner_text() == NOTE
    assert problem(patient) is None
    assert patient.locator("#stop-and-get-help").is_visible()  # the urgent-care box
    assert patient.locator(".app-cta").is_visible()  # the booking block


def test_the_builder_lists_the_plan_and_its_actions(builder, built_plan):
    assert builder.locator("[data-plan-summary] li").all_inner_texts() == [
        "Bird dog",
        "Seated hip turn",
        "Glute bridge",
    ]
    email = unquote(builder.get_by_role("link", name="Email to the patient").get_attribute("href"))
    assert email.startswith("mailto:?subject=Your home exercise plan from River Forest")
    assert built_plan in email
    assert builder.get_by_role("link", name="Open the plan").get_attribute("href") == built_plan


def test_an_empty_builder_offers_no_link(browser, site_url):
    tab = browser.new_page()
    tab.goto(site_url + "plan/")
    assert tab.get_by_label("Link to this plan").input_value() == ""
    assert tab.get_by_role("button", name="Copy link").is_disabled()
    assert tab.get_by_role("button", name="Print").is_disabled()
    assert tab.get_by_text("Email to the patient").get_attribute("href") is None
    tick(tab, "Clamshell")  # negative control: one tick makes a link
    assert "/plan/view/#1/cs." in tab.get_by_label("Link to this plan").input_value()
    tab.close()


def test_the_builder_works_from_the_keyboard(browser, site_url):
    tab = browser.new_page()
    tab.goto(site_url + "plan/")
    tab.get_by_label("Body area").focus()
    for _ in range(40):  # Tab through the page until the first tick box has focus
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.matches('[data-plan-pick]')"):
            break
    first = tab.evaluate("document.activeElement.labels[0].textContent")
    tab.keyboard.press("Space")
    tab.keyboard.press("Tab")  # to "See it"
    tab.keyboard.press("Tab")  # to its first number
    tab.keyboard.press("ArrowUp")
    link = tab.get_by_label("Link to this plan").input_value()
    code = BY_CODE_BY_NAME[first].code
    amount = BY_CODE[code].dose.amount[0] + 1
    assert f"#1/{code}.{amount}." in link
    tab.close()


def test_filters_show_only_matching_exercises(browser, site_url):
    tab = browser.new_page()
    tab.goto(site_url + "plan/")
    tab.get_by_label("Body area").select_option("leg")
    shown = tab.locator("[data-plan-code]:visible .app-plan-choice__pick label").all_inner_texts()
    assert shown == [e.name for e in SITE.exercises if e.body_area == "leg" and not e.retired]
    tab.get_by_label("Body area").select_option("")
    tab.get_by_label("Usually given for").select_option("piriformis-syndrome")
    shown = tab.locator("[data-plan-code]:visible .app-plan-choice__pick label").all_inner_texts()
    expected = [e.name for e in SITE.exercises if "piriformis-syndrome" in e.conditions]
    assert shown == expected and 0 < len(expected) < len(SITE.exercises)
    tab.close()


def test_a_plan_of_eight_exercises_fits_in_a_short_link(browser, site_url):
    tab = browser.new_page()
    tab.goto(site_url + "plan/")
    names = [e.name for e in SITE.exercises if not e.retired][:8]
    for name in names:
        tick(tab, name)
    fragment = tab.get_by_label("Link to this plan").input_value().split("#", 1)[1]
    public = f"{SITE_URL}plan/view/#{fragment}"
    assert len(names) == 8 and len(public) < LINK_LIMIT, public
    tab.close()


# --- the plan's words are the page's words --------------------------------------------------------


def test_the_view_words_each_dose_as_its_page_does(browser, site_url):
    """plan.js words a dose in the browser; engine/exercises.py words it for the pages. For a
    plan at each exercise's starting dose, the two must agree, for every exercise."""
    tab = browser.new_page()
    tab.goto(site_url + "plan/")  # plan.js's writer, on another page than the view
    live = [e for e in SITE.exercises if not e.retired]
    items = [
        {
            "code": e.code,
            "amount": e.dose.amount[0],
            "sets": 2,
            "times": e.dose.times_a_day[0],
            "hold": e.dose.hold[0] if e.dose.hold else 0,
        }
        for e in live
    ]
    tab.goto(site_url + "plan/view/#" + tab.evaluate(WRITE, [items, ""]))
    expected = []
    for exercise, item in zip(live, items, strict=True):
        single = Dose(
            amount=item["amount"],
            unit=exercise.dose.unit,
            each_side=exercise.dose.each_side,
            sets=2,
            times_a_day=item["times"],
            hold=exercise.dose.hold and item["hold"],
        )
        expected.append((dose_sentence(single), [hold_words(single.hold)] if single.hold else []))
    assert [(s["dose"], s["holds"]) for s in shown_plan(tab)] == expected
    tab.close()


# --- printed: a handout with the clinic and a QR code of the exact link ---------------------------


@pytest.fixture(scope="module")
def printed(browser, built_plan):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(built_plan)
    pdf = pdfium.PdfDocument(tab.pdf(format="Letter"))
    yield pdf
    context.close()


def test_the_printed_plan_scans_back_to_its_link(printed, built_plan):
    image = printed[0].render(scale=SCAN_DPI / 72).to_pil()
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [built_plan]


def test_the_printed_plan_is_a_short_handout_with_the_clinic_on_page_1(printed):
    assert 1 <= len(printed) <= HANDOUT_PAGES
    first = printed[0].get_textpage().get_text_range()
    assert SITE.clinic.name in first and SITE.clinic.phone_display in first
    text = " ".join(page.get_textpage().get_text_range() for page in printed).split()
    words = " ".join(text)
    assert "1. Bird dog" in words and "3. Glute bridge" in words
    assert "Windshield wipers" not in words  # only the plan's exercises print
    assert "Call 911" in words  # the urgent-care box prints


def test_the_builders_print_button_prints_the_plan(browser, built_plan, site_url):
    context = browser.new_context()
    context.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1 }")
    tab = context.new_page()
    tab.goto(site_url + "plan/")
    tick(tab, "Walking, built up slowly")
    link = tab.get_by_label("Link to this plan").input_value()
    tab.get_by_role("button", name="Print").click()
    tab.wait_for_url(re.compile(r"/plan/view/"))
    tab.wait_for_function("window.printed === 1")
    assert tab.url == link  # printing leaves the plain link, which the QR code holds
    assert [s["heading"] for s in shown_plan(tab)] == ["1. Walking, built up slowly"]
    context.close()


# --- damaged links: a clear message, and whatever part is sound -----------------------------------


def test_a_malformed_link_says_so(patient, site_url):
    patient.goto(site_url + "plan/view/#not-a-plan")
    assert "We cannot read this link" in problem(patient)
    assert shown_plan(patient) == []
    assert patient.locator("[data-plan-empty]").is_hidden()


def test_a_truncated_link_shows_the_part_it_can(patient, built_plan):
    cut = built_plan[: built_plan.index("gb.") + 4]  # cut inside the third exercise
    patient.goto(cut)
    assert "cut short" in problem(patient)
    assert [s["heading"] for s in shown_plan(patient)] == ["1. Bird dog", "2. Seated hip turn"]


def test_a_link_naming_an_unknown_exercise_shows_the_others(patient, site_url):
    patient.goto(site_url + "plan/")  # plan.js's writer, on another page than the view
    items = [
        {"code": "zz", "amount": 5, "sets": 1, "hold": 0, "times": 1},
        {"code": "cs", "amount": 10, "sets": 1, "hold": 0, "times": 1},
    ]
    patient.goto(site_url + "plan/view/#" + patient.evaluate(WRITE, [items, ""]))
    assert "names 1 exercise we do not have (zz)" in problem(patient)
    assert [s["heading"] for s in shown_plan(patient)] == ["1. Clamshell"]


def test_an_empty_address_explains_what_the_page_is(patient, site_url):
    # Negative control for the messages above: no plan at all is not an error.
    patient.goto(site_url + "plan/view/")
    assert problem(patient) is None
    assert patient.locator("[data-plan-empty]").is_visible()


# --- private: no request carries the plan; nothing is stored --------------------------------------


def plan_traces(built_plan: str) -> list[str]:
    """Strings that would give the plan away: the fragment, its parts and the note."""
    fragment = built_plan.split("#", 1)[1]
    return [fragment, fragment.split("/")[1], "Do+these", "Do%20these", NOTE[:20], "bd.6.2"]


def test_no_request_carries_the_plan(browser, site_url, built_plan):
    context = browser.new_context()
    tab = context.new_page()
    seen: list[str] = []

    def record(request) -> None:
        seen.append(request.url)
        seen.extend(f"{name}: {value}" for name, value in request.all_headers().items())

    tab.on("request", record)
    tab.goto(built_plan, wait_until="networkidle")
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy figures load
    tab.wait_for_load_state("networkidle")
    tab.pdf(format="Letter")
    # Following a link from the plan: the referrer must not carry it either.
    tab.locator("a[href*='urgent-care']").first.click()
    tab.wait_for_load_state("networkidle")
    leaks = [line for line in seen for trace in plan_traces(built_plan) if trace in line]
    assert len(seen) > 10 and leaks == []
    # Not even which exercises: the drawings are in the page, so no file is asked for by name.
    assert not [u for u in seen if "/illustrations/" in u]
    assert {urlparse(u).netloc for u in seen if u.startswith("http")} == {urlparse(site_url).netloc}
    context.close()


def test_the_leak_check_sees_a_plan_in_a_request(browser, built_plan):
    # Negative control: a page that sends its fragment on is caught by the same check.
    context = browser.new_context()
    tab = context.new_page()
    seen: list[str] = []
    tab.on("request", lambda request: seen.append(request.url))
    tab.goto(built_plan)
    tab.evaluate("fetch('/log?' + location.hash.slice(1)).catch(() => {})")
    tab.wait_for_timeout(300)
    assert [u for u in seen for t in plan_traces(built_plan) if t in u]
    context.close()


def test_nothing_is_stored_in_the_browser(browser, built_plan, site_url):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(site_url + "plan/")
    tick(tab, "Clamshell")
    tab.get_by_label("A short note for the patient").press_sequentially("secret note")
    tab.goto(built_plan)
    stored = tab.evaluate(
        "() => JSON.stringify([{...localStorage}, {...sessionStorage}, document.cookie])"
    )
    context.close()
    assert "secret" not in stored and "cs." not in stored
    assert all(trace not in stored for trace in plan_traces(built_plan))


# --- accessible -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def axe_source() -> str:
    return node_tool("axe-core/axe.min.js").read_text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_in_the_builder_and_the_view(browser, axe_source, built_plan, scheme):
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.goto(built_plan.split("view/#")[0])
    tick(tab, "Bird dog")
    assert axe_violations(tab, axe_source) == []
    tab.goto(built_plan)
    assert shown_plan(tab)
    assert axe_violations(tab, axe_source) == []
    context.close()


# --- links sent today still open after the library changes ----------------------------------------


def sent_links() -> list[tuple[str, list[str]]]:
    lines = SENT_LINKS.read_text(encoding="utf-8").splitlines()
    rows = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    return [(row[0], row[1].split(",")) for row in rows]


@pytest.mark.parametrize(("fragment", "codes"), sent_links())
def test_links_sent_before_still_open(patient, site_url, fragment, codes):
    patient.goto(f"{site_url}plan/view/#{fragment}")
    assert problem(patient) is None
    names = [f"{n}. {BY_CODE[code].name}" for n, code in enumerate(codes, 1)]
    assert [s["heading"] for s in shown_plan(patient)] == names


@pytest.fixture(scope="module")
def changed_library(tmp_path_factory, build_cache):
    """The site after the library changed: seated hip turn renamed (new code, its old one an
    alias) and windshield wipers retired, both as data/exercises.yml says to."""
    from tests.tools.project import copy_project

    project = copy_project(tmp_path_factory.mktemp("changed") / "project", build_cache)
    data = project / "data/exercises.yml"
    text = data.read_text(encoding="utf-8")
    text = text.replace("    code: sh\n", "    code: s2\n    aliases: [sh]\n", 1)
    text = text.replace(
        "    code: ww\n",
        "    code: ww\n    retired: We now teach a gentler version in clinic.\n",
        1,
    )
    data.write_text(text, encoding="utf-8")
    result = build(project, project / "site")
    assert result.ok, result.output[-3000:]
    server = serve(project / "site", compress=False)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_an_old_link_opens_after_a_rename_and_a_retirement(patient, changed_library):
    fragment = next(f for f, codes in sent_links() if {"sh", "ww"} <= set(codes))
    patient.goto(f"{changed_library}plan/view/#{fragment}")
    headings = [s["heading"] for s in shown_plan(patient)]
    assert "1. Seated hip turn" in headings  # found by its alias
    assert "Windshield wipers: no longer in our library" in headings
    assert patient.get_by_text("We now teach a gentler version in clinic.").is_visible()
    assert problem(patient) is None  # a retired exercise is news, not a broken link


# --- light: the first-view budget ---------------------------------------------------------


@pytest.mark.parametrize("address", ["plan/", "plan/view/#" + "{sent}"])
def test_first_view_weight_within_budget(browser, compressed_site_url, address):
    address = address.format(sent=sent_links()[0][0])
    total, sizes = first_view_bytes(browser, compressed_site_url + address)
    report("plan pages: first-view weight", f"{address[:24]:24} {total / 1024:5.1f} KiB")
    assert 30_000 < total <= FIRST_VIEW_BUDGET, "\n".join(
        f"{n:7d} {u}" for u, n in sorted(sizes, key=lambda s: -s[1])
    )


def test_every_plan_asks_the_server_for_the_same_files(browser, site_url):
    """What a server or its log could learn from a plan: nothing, if two different plans load
    exactly the same files."""
    asked = []
    for fragment, _codes in sent_links()[:2]:
        context = browser.new_context()
        tab = context.new_page()
        urls: list[str] = []
        tab.on("request", lambda request, urls=urls: urls.append(request.url))
        tab.goto(f"{site_url}plan/view/#{fragment}", wait_until="networkidle")
        tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        tab.wait_for_load_state("networkidle")
        asked.append(sorted(set(urls)))
        context.close()
    assert asked[0] == asked[1] and len(asked[0]) > 5


def test_the_vendored_qr_library_is_the_pinned_npm_file():
    vendored = (ROOT / "docs/assets/javascripts/vendor/qrcode-generator.js").read_text()
    banner, _, body = vendored.partition("\n")
    assert banner.startswith("/*! qrcode-generator 2.0.4 ") and "MIT" in banner
    assert body == node_tool("qrcode-generator/dist/qrcode.js").read_text()


def test_a_link_cut_inside_an_escape_raises_no_script_error(patient, site_url):
    """A link cut in the middle of its note (inside a %-escape) is still a plan: the site's own
    scripts must read the fragment without throwing (site.js once threw URI malformed)."""
    errors: list[str] = []
    patient.on("pageerror", lambda error: errors.append(str(error)))
    patient.goto(site_url + "plan/view/#1/wk.5.1.0.1,ng.5.1.0.1/Walk+every+day%3")
    patient.wait_for_load_state("load")
    assert errors == []
    assert "cut short" in problem(patient)
    assert [s["heading"] for s in shown_plan(patient)] == [
        "1. Walking, built up slowly",
        "2. Sciatic nerve glide (sitting)",
    ]
