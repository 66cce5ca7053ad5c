"""Shared form helpers."""


def add_service_errors(form, error):
    """A service's ValidationError onto the form: each message beside its field, the rest
    (and messages for fields the form does not have) at the top. What was typed stays."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)
