"""The illustrations: one drawing style, text a reader can see on a phone, no glare in dark mode.

Unit checks read the SVG files: size and title, no background panel of their own, strokes from
one set of widths, colours from one palette, and each colour's contrast on the panel site.css
paints under them, in light mode and in dark mode (where site.css inverts the picture). Browser
checks measure the drawings where pages use them: the smallest text as rendered on a 360 px
screen, and the panel as painted in dark mode (which also proves the contrast model right)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.tools.pages import DOCS, address_of, doc_pages

ILLUSTRATIONS = sorted((DOCS / "assets/images/illustrations").glob("*.svg"))
SITE_CSS = DOCS / "assets/stylesheets/site.css"
SVG = "{http://www.w3.org/2000/svg}"

MIN_TEXT_PX = 14  # rendered size of any text inside a drawing, on a 360 px screen
PHONE = {"width": 360, "height": 780}
STROKE_WIDTHS = {2.0, 3.0, 12.0}  # thin lines, outlines and arrows, limbs
INK = "#1f2d2b"  # the body and all text
LINE_COLOURS = {
    INK: "the body, text",
    "#6b7b77": "the far side of the body, the floor, furniture",
    "#00695c": "the part that moves",
    "#3f8a84": "the part that moves, on the far side",
    "#a4461a": "arrows and marks; the nerve",
}
FILL_ONLY = {"#e3ebe9": "bone", "#b9e0da": "muscle"}  # areas inside a drawn outline
SHAPES = {"path", "line", "polyline", "polygon", "circle", "ellipse", "rect"}
INHERITED = ("fill", "stroke", "stroke-width", "font-size")


# --- reading an SVG ------------------------------------------------------------------------------


def local(element: ET.Element) -> str:
    return element.tag.removeprefix(SVG)


def painted(root: ET.Element) -> Iterator[tuple[ET.Element, dict[str, str]]]:
    """Every element with its fill, stroke, stroke width and font size as inherited."""

    def walk(element: ET.Element, inherited: dict[str, str]):
        own = dict(inherited)
        own.update({name: value for name in INHERITED if (value := element.get(name))})
        yield element, own
        for child in element:
            yield from walk(child, own)

    yield from walk(root, {"fill": "#000000", "stroke": "none", "stroke-width": "1"})


def view_box(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, width, height = (float(v) for v in root.get("viewBox", "").replace(",", " ").split())
    return x, y, width, height


def smallest_text_px(svg_text: str, shown_width: float) -> float:
    """The smallest text in the drawing in CSS px, when it is shown `shown_width` px wide:
    font size times shown width over viewBox width."""
    root = ET.fromstring(svg_text)
    sizes = [
        float(style["font-size"])
        for element, style in painted(root)
        if local(element) in {"text", "tspan"} and "".join(element.itertext()).strip()
    ]
    return min(sizes) * shown_width / view_box(root)[2]


def background_panels(root: ET.Element) -> list[str]:
    """Filled rectangles covering most of the drawing: a background of its own, which would
    glare in dark mode."""
    _, _, width, height = view_box(root)
    return [
        ET.tostring(element, encoding="unicode").strip()
        for element, style in painted(root)
        if local(element) == "rect"
        and style["fill"] != "none"
        and float(element.get("width", 0)) * float(element.get("height", 0)) > 0.8 * width * height
    ]


def odd_strokes(root: ET.Element) -> list[str]:
    return [
        f"{local(element)} stroke-width {style['stroke-width']}"
        for element, style in painted(root)
        if local(element) in SHAPES
        and style["stroke"] != "none"
        and float(style["stroke-width"]) not in STROKE_WIDTHS
    ]


def odd_colours(root: ET.Element) -> list[str]:
    """Colours outside the palette, fill-only colours used for lines, text not in ink."""
    found = []
    for element, style in painted(root):
        for name in ("fill", "stroke"):
            value = (element.get(name) or "").lower()
            if value and value != "none" and value not in LINE_COLOURS | FILL_ONLY:
                found.append(f"{local(element)} {name}={value}")
        if element.get("stroke", "").lower() in FILL_ONLY:
            found.append(f"{local(element)} stroke={element.get('stroke')}: a fill-only colour")
        if local(element) in {"text", "tspan"} and style["fill"].lower() != INK:
            found.append(f"text in {style['fill']}")
    return found


# --- colours and contrast ------------------------------------------------------------------------


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# hue-rotate(180deg) as the Filter Effects spec defines it (Chromium applies it in sRGB)
HUE_ROTATE_180 = (
    (-0.574, 1.430, 0.144),
    (0.426, 0.430, 0.144),
    (0.426, 1.430, -0.856),
)


def dark_filtered(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    """The colour after site.css's dark-mode filter: invert(1) hue-rotate(180deg)."""
    inverted = [255 - c for c in colour]
    return tuple(  # type: ignore[return-value]
        round(min(255, max(0, sum(m * c for m, c in zip(row, inverted, strict=True)))))
        for row in HUE_ROTATE_180
    )


def illustration_rule(css: str, dark: bool) -> dict[str, str]:
    """The declarations of site.css's rule for illustrations, light or dark."""
    scheme = r'\[data-md-color-scheme="slate"\] ' if dark else r"^"
    found = re.search(
        # the rule may name other drawings too (a plan's, written into the page): a selector list
        scheme + r'\.md-typeset img\[src\*="/illustrations/"\][^{]*\{([^}]*)\}',
        css,
        re.MULTILINE,
    )
    assert found, f"site.css has no {'dark' if dark else 'light'} rule for illustrations"
    body = re.sub(r"/\*.*?\*/", "", found[1], flags=re.DOTALL)
    return {
        name.strip(): value.strip()
        for name, value in (d.split(":", 1) for d in body.split(";") if d.strip())
    }


def panels(css: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The panel under the drawings in light mode and, as seen, in dark mode."""
    light, dark = illustration_rule(css, dark=False), illustration_rule(css, dark=True)
    assert dark.get("filter") == "invert(1) hue-rotate(180deg)", "the contrast model assumes it"
    return rgb(light["background-color"]), dark_filtered(rgb(dark["background-color"]))


def contrast_failures(colours: dict[str, str], css: str) -> list[str]:
    """Line colours under 3:1 and text under 4.5:1 on the panel, in either scheme."""
    light_panel, dark_panel = panels(css)
    failures = []
    for colour, use in colours.items():
        needed = 4.5 if colour == INK else 3.0
        for scheme, panel, seen in (
            ("light", light_panel, rgb(colour)),
            ("dark", dark_panel, dark_filtered(rgb(colour))),
        ):
            ratio = contrast(seen, panel)
            if ratio < needed:
                failures.append(f"{colour} ({use}) {ratio:.2f}:1 in {scheme} mode")
    return failures


# --- the files -----------------------------------------------------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize("svg", ILLUSTRATIONS, ids=lambda p: p.name)
def test_illustration_has_its_size_and_a_title(svg: Path):
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    _, _, width, height = view_box(root)
    # engine/images.py sizes the <img> from the viewBox; width and height keep the two agreed
    assert (float(root.get("width", 0)), float(root.get("height", 0))) == (width, height)
    assert (root.findtext(f"{SVG}title") or "").strip(), "needs a <title>"
    assert (root.findtext(f"{SVG}desc") or "").strip(), "needs a <desc> of the picture"
    assert root.find(f".//{SVG}style") is None and "style=" not in svg.read_text(), (
        "colours and widths are attributes, so the checks below see them all"
    )


@pytest.mark.unit
@pytest.mark.parametrize("svg", ILLUSTRATIONS, ids=lambda p: p.name)
def test_illustration_has_no_background_of_its_own(svg: Path):
    assert background_panels(ET.fromstring(svg.read_text(encoding="utf-8"))) == []


@pytest.mark.unit
@pytest.mark.parametrize("svg", ILLUSTRATIONS, ids=lambda p: p.name)
def test_illustration_keeps_the_line_widths_and_palette(svg: Path):
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    assert odd_strokes(root) == []
    assert odd_colours(root) == []


@pytest.mark.unit
def test_palette_has_contrast_on_the_panel_in_both_schemes():
    css = SITE_CSS.read_text(encoding="utf-8")
    assert contrast_failures(LINE_COLOURS, css) == []
    light_panel, dark_panel = panels(css)
    assert luminance(light_panel) > 0.8 and luminance(dark_panel) < 0.05  # dark: a soft grey


@pytest.mark.unit
def test_text_size_at_a_width():
    drawing = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 100"><g font-size="16">'
    drawing += '<text x="0" y="20">Start</text><text font-size="13" x="0" y="40">x</text></g></svg>'
    assert smallest_text_px(drawing, 360) == 13
    assert smallest_text_px(drawing, 180) == 6.5


# --- negative controls: each check catches what it is for ----------------------------------------


@pytest.mark.unit
def test_small_text_in_a_wide_drawing_is_caught():
    drawing = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 400">'
        '<text x="10" y="20" font-size="10">Thigh turns in</text></svg>'
    )
    assert smallest_text_px(drawing, 328) < MIN_TEXT_PX  # 10 * 328 / 800 = 4.1 px


@pytest.mark.unit
def test_a_white_background_a_stray_width_and_colour_are_caught():
    root = ET.fromstring(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 280">'
        '<rect width="360" height="280" rx="16" fill="#ffffff"/>'
        '<g stroke="#1f2d2b"><path d="M0 0 L9 9" stroke-width="1.5"/><path d="M1 1 L8 8"/></g>'
        '<circle r="4" stroke="#b9e0da" stroke-width="3"/><text fill="#00695c">Start</text></svg>'
    )
    assert background_panels(root)
    assert odd_strokes(root) == ["path stroke-width 1.5", "path stroke-width 1"]
    assert odd_colours(root) == [
        "rect fill=#ffffff",
        "circle stroke=#b9e0da: a fill-only colour",
        "text in #00695c",
    ]


@pytest.mark.unit
def test_a_pale_line_colour_and_a_missing_dark_rule_are_caught():
    css = SITE_CSS.read_text(encoding="utf-8")
    assert contrast_failures({"#b9e0da": "pale"}, css)
    with pytest.raises(AssertionError, match="no dark rule"):
        panels(css.replace('[data-md-color-scheme="slate"]', "[data-x]"))


# --- where pages use them, in Chromium -----------------------------------------------------------

PAGES_WITH_ILLUSTRATIONS = [
    address_of(doc.name)
    for doc in doc_pages()
    if "illustrations/" in doc.source.read_text(encoding="utf-8")
]

# Draws the image's SVG inline at the width the page shows it, and reads the rendered size of
# every text: its font size times the drawing's scale on screen. Also lists any text that runs
# outside the drawing's viewBox, where it would be cut off.
MEASURE_TEXT = """async (img) => {
  const shown = img.getBoundingClientRect().width;
  const source = await (await fetch(img.currentSrc || img.src)).text();
  const holder = document.createElement('div');
  holder.style.cssText = `position:absolute;left:0;top:0;width:${shown}px;visibility:hidden`;
  holder.innerHTML = source;
  document.body.append(holder);
  const svg = holder.querySelector('svg');
  svg.setAttribute('width', shown);
  svg.removeAttribute('height');
  const scale = svg.getScreenCTM().a;
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
  const sizes = [...svg.querySelectorAll('text, tspan')]
    .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  const vb = svg.viewBox.baseVal;
  const outside = texts.filter(t => {
    const b = t.getBBox();
    return b.x < vb.x || b.y < vb.y || b.x + b.width > vb.x + vb.width
      || b.y + b.height > vb.y + vb.height;
  }).map(t => t.textContent);
  holder.remove();
  return {shown, smallest: Math.min(...sizes), outside};
}"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def illustrations_on(tab):
    return tab.locator("article img[src*='/illustrations/']")


@pytest.mark.browser
@pytest.mark.parametrize("address", PAGES_WITH_ILLUSTRATIONS)
def test_text_in_illustrations_is_at_least_14px_on_a_phone(phone, site_url, address):
    phone.goto(site_url + address)
    images = illustrations_on(phone)
    assert images.count() >= 1
    for i in range(images.count()):
        image = images.nth(i)
        found = image.evaluate(MEASURE_TEXT)
        name = Path(image.get_attribute("src")).name
        assert found["shown"] < PHONE["width"], f"{name}: not measured at the phone's column"
        assert found["smallest"] >= MIN_TEXT_PX, f"{name}: text {found['smallest']:.1f} px"
        assert found["outside"] == [], f"{name}: text cut off at the edge"


@pytest.mark.browser
def test_small_text_is_caught_in_the_browser(phone, site_url):
    # Negative control for the measurement: a drawing with 10 px text in an 800-wide viewBox.
    phone.goto(site_url + PAGES_WITH_ILLUSTRATIONS[0])
    drawing = "data:image/svg+xml," + quote(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 400" width="800" height="400">'
        '<text x="10" y="20" font-size="10">Start</text></svg>'
    )
    found = phone.evaluate(
        """async ([src, measure]) => {
            const img = document.createElement('img');
            img.src = src; img.width = 800;
            document.querySelector('article').prepend(img);
            await img.decode();
            return await eval(measure)(img);
        }""",
        [drawing, MEASURE_TEXT],
    )
    assert found["smallest"] < MIN_TEXT_PX
    assert abs(found["smallest"] - 10 * found["shown"] / 800) < 0.01


def painted_image(image):
    """The image as painted on screen (PIL, RGB)."""
    from PIL import Image

    image.scroll_into_view_if_needed()
    image.evaluate("img => img.decode()")
    return Image.open(io.BytesIO(image.screenshot())).convert("RGB")


def mean_luminance(picture) -> float:
    small = picture.resize((60, max(1, round(60 * picture.height / picture.width))))
    pixels = [small.getpixel((x, y)) for x in range(small.width) for y in range(small.height)]
    return sum(luminance(p) for p in pixels) / len(pixels)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_illustrations_do_not_glare_in_dark_mode(browser, site_url, scheme):
    """Dark mode: a soft dark panel, painted as site.css's filter predicts. Light mode (the
    control): the same measure sees a light panel."""
    _, dark_panel = panels(SITE_CSS.read_text(encoding="utf-8"))
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    tab = context.new_page()
    for address in PAGES_WITH_ILLUSTRATIONS:
        tab.goto(site_url + address)
        images = illustrations_on(tab)
        for i in range(images.count()):
            picture = painted_image(images.nth(i))
            name = Path(images.nth(i).get_attribute("src")).name
            brightness = mean_luminance(picture)
            if scheme == "dark":
                assert brightness < 0.25, f"{name} glares: mean luminance {brightness:.2f}"
                edge = picture.getpixel((picture.width - 3, picture.height // 2))
                assert max(abs(a - b) for a, b in zip(edge, dark_panel, strict=True)) <= 3, (
                    f"{name}: panel {edge}, expected {dark_panel}"
                )
            else:
                assert brightness > 0.6, f"{name}: mean luminance {brightness:.2f}"
    context.close()


@pytest.mark.browser
def test_printed_illustrations_stay_light_on_a_dark_device(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    tab = context.new_page()
    tab.goto(site_url + PAGES_WITH_ILLUSTRATIONS[0])
    image = illustrations_on(tab).first
    assert image.evaluate("img => getComputedStyle(img).filter") != "none"  # on screen: dark
    tab.emulate_media(media="print")
    assert image.evaluate("img => getComputedStyle(img).filter") == "none"
    context.close()
