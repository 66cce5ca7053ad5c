"""Text for pages that run right to left as well as left to right.

- ``isolate(text)``: a run of text of its own (Unicode's FIRST STRONG ISOLATE ... POP
  DIRECTIONAL ISOLATE, what ``<bdi>`` is in HTML), for strings built in Python: a Latin code, a
  number or a person's words put into an Arabic sentence keep their place and do not pull the
  punctuation around them ("4 (الربع 4، 2024)" read as "(الربع 4، 4 2024)" without it).
- ``join_list(items)``: a list for reading, with the separator of the language (", " in
  English, the Arabic comma "، " in Arabic and Kurdish, a translatable string), each item
  isolated on right-to-left pages so that a list of Latin codes reads from the right, like
  the sentence around it.

Templates have the same as filters: ``{% load text %}{{ items|join_list }}``,
``{{ code|isolate }}`` (and ``<bdi>`` for markup).
"""

from django.utils.translation import get_language_bidi, pgettext

FSI = "\u2068"  # FIRST STRONG ISOLATE: the run takes the direction of its first letter
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE: the end of the run


def isolate(text, *, rtl_only=False) -> str:
    """``text`` as a run of its own in any sentence around it ("" stays ""); with
    rtl_only=True only on a right-to-left page (a code in a label that English pages, files
    and tests read as plain text)."""
    text = str(text)
    if not text or (rtl_only and not get_language_bidi()):
        return text
    return f"{FSI}{text}{PDI}"


def list_separator(long=False) -> str:
    """The separator ", " (the Arabic comma in Arabic and Kurdish); with long=True "; " (the
    Arabic semicolon), between items that may hold commas themselves."""
    if long:
        # Translators: between the items of a list whose items hold commas. The Arabic
        # semicolon and a space ("؛ ") in Arabic and Kurdish.
        return pgettext("list separator", "; ")
    # Translators: between the items of a list ("PDF, JPEG, PNG"). The Arabic comma and a
    # space ("، ") in Arabic and Kurdish.
    return pgettext("list separator", ", ")


def join_list(items) -> str:
    """The items (anything with a str()) as a list for reading in the page's language:
    "PDF, JPEG, PNG" in English, "PDF، JPEG، PNG" in Arabic with each item isolated."""
    return list_separator().join(isolate(item, rtl_only=True) for item in items)
