"""Reading level of a built page's body text: Flesch-Kincaid grade and SMOG.

    python tests/tools/readability.py SITE_DIR   # a table for every page

Syllables are counted with pyphen's hyphenation dictionary (no downloads, so it works
offline). Body text is what a reader reads as prose: paragraphs, list items, definitions
and captions, without headings, tables, citations, the review line or the reference list.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyphen
from bs4 import BeautifulSoup

# Not prose: data tables, citation marks, the reference list and the page furniture.
SKIP = [
    "table",
    "pre",
    "code",
    "sup.app-cite",
    ".app-references",
    "#references",
    ".app-review",
    ".headerlink",
    ".admonition-title",
    ".md-source-file",
    ".md-post__meta",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    ".app-cta-inline",
    ".app-share",
    ".app-print-only",
    ".app-term__meaning",  # a glossary term's meaning, shown on a tap: not part of the sentence
    "nav",
    "script",
    "style",
]
BLOCKS = ["p", "li", "dd", "figcaption"]
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    polysyllables: int

    @property
    def flesch_kincaid_grade(self) -> float:
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def smog_grade(self) -> float:
        return 1.0430 * math.sqrt(self.polysyllables * 30 / self.sentences) + 3.1291


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US", left=1, right=1)


def syllables(word: str) -> int:
    if word[0].isdigit():
        return 1
    return _dictionary().inserted(word.lower()).count("-") + 1


def sentences_of(text: str) -> list[str]:
    """A block's sentences; a list item or caption with no full stop is still one sentence."""
    parts = [part.strip() for part in SENTENCE_END.split(text)]
    return [part for part in parts if WORD.search(part)]


def measure(sentences: list[str]) -> Readability:
    words = [word for sentence in sentences for word in WORD.findall(sentence)]
    counts = [syllables(word) for word in words]
    return Readability(
        words=len(words),
        sentences=max(len(sentences), 1),
        syllables=sum(counts),
        polysyllables=sum(1 for count in counts if count >= 3),
    )


def body_sentences(html: str) -> list[str]:
    page = BeautifulSoup(html, "html.parser")
    content = page.select_one("article.md-content__inner, div.md-content__inner")
    if content is None:
        return []
    for selector in SKIP:
        for element in content.select(selector):
            element.decompose()
    sentences = []
    for block in content.find_all(BLOCKS):
        if block.find(BLOCKS):  # a list item holding a paragraph: read the inner block only
            continue
        text = " ".join(block.get_text(" ").split())
        sentences.extend(sentences_of(text))
    return sentences


def page_readability(path: Path) -> Readability:
    return measure(body_sentences(path.read_text(encoding="utf-8")))


def main(site_dir: Path) -> None:
    print(f"{'page':60} {'words':>6} {'FK':>5} {'SMOG':>5}")
    for path in sorted(site_dir.rglob("index.html")):
        result = page_readability(path)
        if result.words < 50:
            continue
        name = str(path.parent.relative_to(site_dir)) or "(home)"
        grades = f"{result.flesch_kincaid_grade:5.1f} {result.smog_grade:5.1f}"
        print(f"{name:60} {result.words:6} {grades}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site"))
