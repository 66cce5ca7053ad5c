"""Signing a user in from a test."""


def verified_login(client, user):
    """Sign `user` in, as if with their password."""
    client.force_login(user)
    return client
