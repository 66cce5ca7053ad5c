"""Eastern Arabic digits (٠١٢٣٤٥٦٧٨٩), a per-user option.

Numbers are formatted for the locale by Django (config/formats/); for a person who chose
Eastern Arabic digits, the HTML of a page is rewritten on its way out: the digits of its text
become ٠-٩, a decimal point between digits ٫, a thousands separator ٬ and a per cent sign ٪.
Nothing a browser sends back changes: attributes (form values, links), scripts, styles,
``<textarea>``, ``<pre>``, ``<code>`` and every element marked ``translate="no"`` (codes such as
``1.2.3`` or ``IQ-BG``) keep their characters, so a form posts 0-9 and codes stay codes.
"""

import re

WESTERN = "0123456789"
EASTERN = "٠١٢٣٤٥٦٧٨٩"
TO_EASTERN = str.maketrans(WESTERN, EASTERN)
# Persian digits are typed on Kurdish keyboards; both become 0-9 in what people type.
TO_WESTERN = str.maketrans(EASTERN + "۰۱۲۳۴۵۶۷۸۹" + "٫٬", WESTERN + WESTERN + ".,")

# Comments, CDATA, doctype, and tags whose quoted attribute values may hold ">".
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^>]*>"
    r"""|</?[a-zA-Z][^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*>""",
    re.S,
)
_ENTITY = re.compile(r"(&#?\w+;)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][\w-]*)")
_NO_TRANSLATE = re.compile(r"""\stranslate\s*=\s*["']?no\b""", re.I)
_USER_TEXT = re.compile(r"""\sclass\s*=\s*["'][^"']*\buser-text\b""", re.I)
# <title> holds codes ("Progress report 1.1.3"); people's own words keep their digits too.
SKIPPED = {"script", "style", "textarea", "pre", "code", "kbd", "samp", "title"}
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d)")
_PER_CENT = re.compile(r"(?<=\d)\s?%")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def eastern_text(text: str) -> str:
    """Digits of a text node (no markup) as Eastern Arabic digits; entities are kept."""
    pieces = _ENTITY.split(text)
    for i in range(0, len(pieces), 2):  # even pieces are text, odd ones entities
        piece = _DECIMAL_POINT.sub("٫", pieces[i])
        piece = _THOUSANDS.sub("٬", piece)
        piece = _PER_CENT.sub("٪", piece)
        pieces[i] = piece.translate(TO_EASTERN)
    return "".join(pieces)


def html_eastern(html: str) -> str:
    """Rewrite the text of an HTML page with Eastern Arabic digits (see the module's text)."""
    out = []
    position = 0
    skipping = None  # [tag name, depth] of the element whose content is kept as it is
    for match in _MARKUP.finditer(html):
        text = html[position : match.start()]
        out.append(text if skipping else eastern_text(text))
        markup = match.group(0)
        out.append(markup)
        position = match.end()
        name_match = _TAG_NAME.match(markup)
        if not name_match:
            continue
        name = name_match.group(1).lower()
        closing = markup.startswith("</")
        if skipping:
            if name == skipping[0]:
                skipping[1] += -1 if closing else (0 if markup.endswith("/>") else 1)
                if skipping[1] == 0:
                    skipping = None
        elif (
            not closing
            and name not in VOID
            and not markup.endswith("/>")
            and (name in SKIPPED or _NO_TRANSLATE.search(markup) or _USER_TEXT.search(markup))
        ):
            skipping = [name, 1]
    tail = html[position:]
    out.append(tail if skipping else eastern_text(tail))
    return "".join(out)


def western(text: str) -> str:
    """What a person typed, with Eastern Arabic or Persian digits, as 0-9 (for number fields)."""
    return text.translate(TO_WESTERN) if isinstance(text, str) else text
