"""Find user-facing text in templates that is not marked for translation.

Used by the test suite (tests/core/test_i18n.py) and runnable by hand:
``python -m core.untranslated`` prints every offending line.

A template is read with Django's own lexer. Text outside ``{% translate %}``
and ``{% blocktranslate %}`` is stripped of tags, comments, scripts and styles;
what remains of the text between tags, and the values of the attributes that
people read (title, alt, placeholder, aria-label, value of buttons, content of
data-label), must hold no word.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

READABLE_ATTRIBUTES = {
    "title",
    "alt",
    "placeholder",
    "aria-label",
    "aria-description",
    "data-label",
}
LETTERS = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: a word, not "x" or "h"
# Texts that are the same in every language: symbols, units of the web, brand names.
ALLOWED = {"API", "CSV", "XLSX", "PDF", "JSON", "OpenAPI", "ReDoc", "Swagger", "UN", "ISO"}


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        line = self.getpos()[0]
        attributes = dict(attrs)
        for name, value in attrs:
            if value and name in READABLE_ATTRIBUTES:
                self.texts.append((line, value))
        if (
            tag == "input"
            and attributes.get("type") in ("submit", "button")
            and attributes.get("value")
        ):
            self.texts.append((line, attributes["value"]))

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.texts.append((self.getpos()[0], data))


def _unmarked_words(text):
    words = [w for w in LETTERS.findall(text) if w not in ALLOWED]
    return words


def _placeholder(text, filler):
    """Keep the line count of a replaced piece so that line numbers still match."""
    return filler + "\n" * text.count("\n")


def problems_in(source):
    """Return [(line number, words)] for text not marked for translation."""
    depth = 0  # inside blocktranslate ... endblocktranslate
    pieces = []
    for token in Lexer(source).tokenize():
        raw = token.contents
        if token.token_type == TokenType.BLOCK:
            head = raw.split()[0] if raw.split() else ""
            if head in ("blocktranslate", "blocktrans"):
                depth += 1
            elif head in ("endblocktranslate", "endblocktrans"):
                depth -= 1
            pieces.append(_placeholder(raw, " "))
        elif token.token_type == TokenType.VAR:
            pieces.append(_placeholder(raw, "0"))
        elif token.token_type == TokenType.COMMENT:
            pieces.append(_placeholder(raw, ""))
        elif depth:
            pieces.append(_placeholder(raw, "0"))
        else:
            pieces.append(raw)
    collector = _TextCollector()
    collector.feed("".join(pieces))
    collector.close()
    found = []
    for lineno, text in collector.texts:
        words = _unmarked_words(text)
        if words:
            found.append((lineno, words))
    return found


def template_files(root):
    return sorted(p for p in Path(root).rglob("*") if p.suffix in (".html", ".txt"))


def main():
    from django.conf import settings

    total = 0
    for directory in settings.TEMPLATES[0]["DIRS"]:
        for path in template_files(directory):
            for lineno, words in problems_in(path.read_text()):
                total += 1
                print(f"{path}:{lineno}: {' '.join(words)}")
    return total


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    django.setup()
    raise SystemExit(1 if main() else 0)
