"""The API's JSON parser: DRF's, with a limit on nesting.

Python's json module recurses once per level; a body of 5,000 nested lists ran out of stack
(RecursionError) and answered 500. Nothing the API takes is nested more than a few levels (a
report with its lists of values and people is three), so a body deeper than JSON_MAX_DEPTH is
refused with a 400 that says why, before any view sees it.
"""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

JSON_MAX_DEPTH = 32


def _depth(data) -> int:
    """How deeply lists and objects nest in `data`, without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        message = _("The JSON body is nested too deeply (at most %(depth)s levels).") % {
            "depth": JSON_MAX_DEPTH
        }
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(message) from None
        if _depth(data) > JSON_MAX_DEPTH:
            raise ParseError(message)
        return data
