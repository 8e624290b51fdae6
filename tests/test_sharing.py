"""engine/sharing.py: the printed address and the QR code an article's handout shows (in print,
tests/test_print_handout.py)."""

from __future__ import annotations

import re

import pytest
import segno

from engine.sharing import printed_address, qr_code_svg

pytestmark = pytest.mark.unit

URL = "https://www.riverforesthealth.example/exercises/hip-rotation/"


def test_printed_address_drops_the_scheme_and_parts_end_with_a_slash():
    assert printed_address(URL) == [
        "www.riverforesthealth.example/",
        "exercises/",
        "hip-rotation/",
    ]
    assert "".join(printed_address(URL)) == URL.removeprefix("https://")


def test_printed_address_keeps_an_address_without_a_final_slash():
    assert printed_address("https://example.org/a/b") == ["example.org/", "a/", "b"]
    assert printed_address("https://example.org/") == ["example.org/"]


def test_qr_code_scales_and_has_its_quiet_zone():
    svg = qr_code_svg(URL)
    # A viewBox and no fixed size: print CSS sets the size and the code scales, never crops.
    assert not re.search(r"<svg[^>]* (width|height)=", svg)
    side = segno.make(URL, error="m").symbol_size(border=0)[0]
    assert f'viewBox="0 0 {side + 8} {side + 8}"' in svg  # 4 modules of white on each side
    assert 'role="img"' in svg and "<title>QR code for this page</title>" in svg
