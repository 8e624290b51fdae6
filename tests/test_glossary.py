"""engine/glossary.py: a glossary term's first use in running text is explained (a button that
opens its meaning in a popover); other uses and uses in headings, links, labels and the page's
frame stay plain words."""

from __future__ import annotations

import re

import markdown
import pytest

from engine.glossary import PLAIN_CLASSES, PLAIN_INSIDE, explain_terms_once

pytestmark = pytest.mark.unit

SCIATICA = "Pain down one leg"
MRI = "A scan that uses a strong magnet"


def abbr(term: str, meaning: str) -> str:
    """A term as Python-Markdown's abbr extension marks it."""
    return f'<abbr title="{meaning}">{term}</abbr>'


def explained_words(html: str) -> list[str]:
    return re.findall(r'<button type="button" class="app-term" [^>]*>(.*?)</button>', html)


def explained(term: str, meaning: str, element_id: str) -> str:
    return (
        f'<button type="button" class="app-term" popovertarget="{element_id}">{term}</button>'
        f'<span class="app-term__meaning" id="{element_id}" popover>{meaning}</span>'
    )


def test_the_first_use_is_a_button_that_opens_its_meaning_in_a_popover():
    html = explain_terms_once(f"<p>Most {abbr('sciatica', SCIATICA)} gets better.</p>")
    assert html == (
        f"<p>Most {explained('sciatica', SCIATICA, 'app-term-sciatica')} gets better.</p>"
    )


def test_only_the_first_use_is_explained_and_repeats_become_plain_words():
    html = explain_terms_once(
        f"<p>{abbr('sciatica', SCIATICA)} and {abbr('MRI', MRI)}.</p>"
        f"<p>More on {abbr('sciatica', SCIATICA)}, then {abbr('MRI', MRI)} again.</p>"
    )
    assert explained_words(html) == ["sciatica", "MRI"]
    assert "<abbr" not in html
    assert html.endswith("<p>More on sciatica, then MRI again.</p>")


IN_PLAIN_ELEMENTS = [
    "<h1>{}</h1>",
    "<h2 id='x'>What is {}?</h2>",
    "<h6>{}</h6>",
    '<a href="/conditions/sciatica/">{}</a>',
    '<a class="md-nav__link" href="x" title="a > b">{}</a>',  # `>` inside an attribute
    "<h2><a href='#x'>Hip and {}</a></h2>",  # nested plain elements
    "<title>{}</title>",
    "<table><tr><th>{}</th></tr></table>",
    "<table><caption>{}</caption></table>",
    "<figure><figcaption>{}</figcaption></figure>",
    "<dl><dt>{}</dt></dl>",
    "<details><summary>{}</summary></details>",
    "<button type='button'>{}</button>",
    '<header class="md-header">{}</header>',
    "<nav><ul><li>{}</li></ul></nav>",
    "<footer><p>{}</p></footer>",
]
OTHER_PLAIN_ELEMENTS = ["h3", "h4", "h5", "label", "select", "textarea"]


@pytest.mark.parametrize("wrapper", IN_PLAIN_ELEMENTS)
def test_no_term_is_explained_inside_headings_links_labels_or_the_frame(wrapper: str):
    # The first use sits inside the plain element: it stays a word, and the explanation goes
    # to the next use in running text.
    html = explain_terms_once(
        wrapper.format(abbr("sciatica", SCIATICA)) + f"<p>Then {abbr('sciatica', SCIATICA)}.</p>"
    )
    assert "<abbr" not in html
    assert html.startswith(wrapper.format("sciatica"))
    assert html.endswith(f"<p>Then {explained('sciatica', SCIATICA, 'app-term-sciatica')}.</p>")


def test_every_plain_element_has_a_case():
    in_wrappers = {tag for w in IN_PLAIN_ELEMENTS for tag in re.findall(r"<(\w+)", w)}
    assert (in_wrappers | set(OTHER_PLAIN_ELEMENTS)) & PLAIN_INSIDE == PLAIN_INSIDE


@pytest.mark.parametrize("tag", OTHER_PLAIN_ELEMENTS)
def test_the_other_plain_elements_keep_terms_plain_too(tag: str):
    html = explain_terms_once(f"<{tag}>{abbr('MRI', MRI)}</{tag}>")
    assert html == f"<{tag}>MRI</{tag}>"


@pytest.mark.parametrize(
    "box",
    [
        '<div class="app-urgent app-urgent--emergency"><ul><li>pain ({})</li></ul></div>',
        "<div class='x app-urgent'><div>box</div><p>{}</p></div>",  # an inner div ends first
        '<section class="app-urgent">{}</section>',
    ],
)
def test_no_term_is_explained_in_the_urgent_care_boxes(box: str):
    # Their words are data/red_flags.yml's, as signed off: no control among the signs. The
    # explanation goes to the first use after the box.
    html = explain_terms_once(
        box.format(abbr("sciatica", SCIATICA)) + f"<p>Then {abbr('sciatica', SCIATICA)}.</p>"
    )
    assert html.startswith(box.format("sciatica"))
    assert html.endswith(f"<p>Then {explained('sciatica', SCIATICA, 'app-term-sciatica')}.</p>")


def test_a_class_that_only_starts_like_a_plain_one_is_not_plain():
    # Negative control: `app-urgent-note` is another class; and the box is the urgent one.
    html = explain_terms_once(f'<div class="app-urgent-note"><p>{abbr("MRI", MRI)}</p></div>')
    assert explained_words(html) == ["MRI"]
    assert "app-urgent" in PLAIN_CLASSES


def test_running_text_after_a_plain_element_closes_is_explained_again():
    html = explain_terms_once(
        f"<h2>{abbr('MRI', MRI)}</h2><p><a href='x'>link</a> and {abbr('MRI', MRI)}</p>"
    )
    assert explained_words(html) == ["MRI"]
    assert "<h2>MRI</h2>" in html


def test_tags_in_comments_scripts_and_code_blocks_do_not_count():
    html = explain_terms_once(
        '<!-- <a href="x"> --><script>const s = "<h1>";</script>'
        "<style>a::before { content: '<nav>' }</style><pre><code>&lt;a&gt; <a></code></pre>"
        f"<p>{abbr('MRI', MRI)}</p>"
    )
    assert explained_words(html) == ["MRI"]


def test_a_stray_end_tag_does_not_hide_the_next_link():
    html = explain_terms_once(f"</a><p><a href='x'>{abbr('MRI', MRI)}</a></p>")
    assert explained_words(html) == []


def test_meanings_are_escaped_as_text():
    # abbr escapes the meaning for an attribute; in the page it must stay text, never markup.
    html = explain_terms_once(
        "<p>" + abbr("R&amp;D", "Bones &amp; &quot;joints&quot; &lt;b&gt;here&lt;/b&gt;") + "</p>"
    )
    assert explained_words(html) == ["R&amp;D"]
    assert '>Bones &amp; "joints" &lt;b&gt;here&lt;/b&gt;</span>' in html
    assert "<b>" not in html
    assert 'id="app-term-r-d"' in html


def test_ids_are_unique_even_when_terms_read_alike_and_each_button_opens_its_own():
    html = explain_terms_once(f"<p>{abbr('motor control', 'a')} {abbr('motor-control', 'b')}</p>")
    ids = ["app-term-motor-control", "app-term-motor-control-2"]
    assert re.findall(r' id="([^"]+)"', html) == ids
    assert re.findall(r'popovertarget="([^"]+)"', html) == ids


def test_a_page_without_terms_is_left_exactly_as_it_was():
    # Negative control: nothing to explain, nothing changed, even around plain elements.
    page = (
        "<!doctype html><html><head><title>Privacy</title></head><body><header>x</header>"
        "<h1>Privacy</h1><p>We keep <a href='/'>nothing</a>.</p></body></html>"
    )
    assert explain_terms_once(page) == page


def test_terms_as_the_abbr_extension_really_marks_them():
    # The engine reads abbr's own output: a change in its markup must fail here, not leave
    # terms unexplained on the site.
    html = markdown.markdown(
        "# What is sciatica?\n\n[Help for sciatica](x.md) if sciatica & MRI.\n\nAn MRI again.",
        extensions=["abbr"],
        extension_configs={"abbr": {"glossary": {"sciatica": SCIATICA, "MRI": 'A "scan"'}}},
    )
    assert html.count("<abbr") == 5
    page = explain_terms_once(html)
    assert "<abbr" not in page
    assert explained_words(page) == ["sciatica", "MRI"]
    assert "<h1>What is sciatica?</h1>" in page
    assert '<a href="x.md">Help for sciatica</a>' in page
    assert 'popover>A "scan"</span>' in page
