"""{% page_body %}...{% endpage_body %}: the body of a dashboard page, cached for visitors and
partners under the key core/cache.py gave the view (`fragment_key`, `fragment_seconds` in the
context); rendered every time for everyone else. Only the body: the header's sign-out and
language forms hold the visitor's own CSRF token."""

from django import template
from django.core.cache import cache

register = template.Library()


@register.tag("page_body")
def page_body(parser, token):
    nodelist = parser.parse(("endpage_body",))
    parser.delete_first_token()
    return PageBodyNode(nodelist)


class PageBodyNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        if context.get("fragment_body") is not None:  # core.cache.cached(head=...): a hit
            return context["fragment_body"]
        key, seconds = context.get("fragment_key"), context.get("fragment_seconds")
        if not key or not seconds:
            return self.nodelist.render(context)
        name = f"body:{key}"
        html = cache.get(name)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(name, html, seconds)
        return html
