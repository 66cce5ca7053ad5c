"""What a person typed into a form whose post could not be taken (a lost cookie, a session that
ended): the csrf-failure page (core/csrf.py) and the report form's signed-out page
(reporting/offline.py) show it back, so that nothing typed is lost (templates/includes/
kept_text.html)."""

# Never shown back or posted again: secrets and tokens.
SECRET_PARTS = ("password", "token", "secret", "otp")
# Posted again, not worth showing: the form's bookkeeping.
NOT_SHOWN = {"version", "action", "next"}


def posted_text(post):
    """[(name, [values])] of the posted fields that hold something, secrets left out."""
    kept = []
    for name in post:
        if any(part in name.lower() for part in SECRET_PARTS):
            continue
        values = [v for v in post.getlist(name) if v.strip()]
        if values:
            kept.append((name, values))
    return kept


def shown_text(kept):
    """The part of posted_text worth showing a person."""
    return [(name, values) for name, values in kept if name not in NOT_SHOWN]
