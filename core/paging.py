"""Pages of a long list (a pillar's indicators, a governorate's activities): a fixed number of
rows a page, so that a page costs the same whatever the size of the plan, and stays readable on
a phone. The count comes from the caller (a summary row), not from a COUNT over the list."""

import math
from dataclasses import dataclass

from django.http import QueryDict


@dataclass(frozen=True)
class Pager:
    number: int
    per_page: int
    count: int
    query: QueryDict
    param: str = "page"

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.per_page))

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.per_page

    @property
    def first_row(self) -> int:
        return min(self.offset + 1, self.count)

    @property
    def last_row(self) -> int:
        return min(self.offset + self.per_page, self.count)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    def url(self, number) -> str:
        """The query string of page `number`, the other parameters kept (page 1 has none)."""
        query = self.query.copy()
        query.pop(self.param, None)
        if number > 1:
            query[self.param] = str(number)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    @property
    def previous_url(self) -> str:
        return self.url(self.number - 1)

    @property
    def next_url(self) -> str:
        return self.url(self.number + 1)


def pager(request, count, per_page=50, param="page") -> Pager:
    """The page the request asks for (?page=N), kept within 1 and the last page; anything
    that is not a number is page 1."""
    raw = request.GET.get(param, "1")
    number = int(raw) if raw.isdigit() else 1
    last = max(1, math.ceil(count / per_page))
    return Pager(min(max(number, 1), last), per_page, count, request.GET, param)
