"""engine/images.py: illustrations get their height from the SVG, and all but the first load
lazily (the first may be in the first screen, the page's largest element)."""

from __future__ import annotations

from pathlib import Path

from engine.images import size_images

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"></svg>'


def site_with_drawing(tmp_path: Path) -> Path:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.svg").write_text(SVG)
    return tmp_path


def test_the_first_picture_is_not_lazy_and_the_others_are(tmp_path: Path):
    site = site_with_drawing(tmp_path)
    html = '<img src="../img/a.svg" width="360"><p>text</p><img src="../img/a.svg" width="360">'
    first, second = size_images(html, "/page/", site).split("<p>text</p>")
    assert first == '<img src="../img/a.svg" width="360" height="180" decoding="async">'
    assert second == (
        '<img src="../img/a.svg" width="360" height="180" loading="lazy" decoding="async">'
    )


def test_pictures_it_cannot_size_are_left_alone(tmp_path: Path):
    # Negative control: remote, unsized, already sized and missing pictures pass unchanged,
    # and do not count as the page's first picture.
    site = site_with_drawing(tmp_path)
    untouched = (
        '<img src="https://example.org/a.svg" width="360">'
        '<img src="../img/a.svg">'
        '<img src="../img/a.svg" width="360" height="10">'
        '<img src="../img/missing.svg" width="360">'
        '<img src="../img/photo.png" width="360">'
    )
    assert size_images(untouched, "/page/", site) == untouched
    after = size_images(untouched + '<img src="../img/a.svg" width="100">', "/page/", site)
    assert after.endswith('<img src="../img/a.svg" width="100" height="50" decoding="async">')
