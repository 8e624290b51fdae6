"""The guard that keeps made-up contact details and clinicians off the live site.

data/clinic.yml lists its fictitious fields under `placeholders`. A build for a development
address (a host under `.example`, `localhost` or loopback) may use them; a build for any other
address stops, naming the file and each field. Values that are fictitious by their form
(555-01xx phone numbers, example.com addresses) count even when the list forgets them."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from engine.errors import ContentError
from engine.models import Clinic

CLINIC_FILE = "data/clinic.yml"
# Reserved for examples: RFC 2606 names, and the 555-0100 to 555-0199 range of US numbers.
_EXAMPLE_HOST = re.compile(r"(?:^|\.)(?:example(?:\.com|\.net|\.org)?|test|invalid|localhost)$")
_FICTIONAL_PHONE = re.compile(r"-555-01\d\d$")


def is_development_address(site_url: str) -> bool:
    host = (urlsplit(site_url).hostname or "").lower()
    if _EXAMPLE_HOST.search(host):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def placeholder_fields(clinic: Clinic) -> list[str]:
    """The fields that still hold made-up values: those listed, and those fictitious by form."""
    found: list[str] = list(clinic.placeholders)
    by_form = {
        "phone": bool(_FICTIONAL_PHONE.search(clinic.phone)),
        "email": _is_example_host(clinic.email.rpartition("@")[2]),
        "booking_url": _is_example_host(clinic.booking_url.host or ""),
        "map_url": _is_example_host(clinic.map_url.host or ""),
    }
    found += [field for field, fictitious in by_form.items() if fictitious and field not in found]
    return found


def check_ready_to_publish(clinic: Clinic, site_url: str) -> None:
    """Stops a build for a real address while data/clinic.yml still holds placeholders."""
    if is_development_address(site_url):
        return
    if fields := placeholder_fields(clinic):
        raise ContentError(
            CLINIC_FILE,
            f"still holds placeholder values, so the site cannot be built for {site_url}: "
            f"{', '.join(fields)}. Put in the clinic's real details (and real reviewing "
            "clinicians), then remove each field from `placeholders`",
        )


def _is_example_host(host: str) -> bool:
    return bool(_EXAMPLE_HOST.search(host.lower()))
