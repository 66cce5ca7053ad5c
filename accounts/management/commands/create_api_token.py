import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts import services
from accounts.models import User


class Command(BaseCommand):
    help = (
        "Make an API token for USERNAME and print its key. The key is shown this once: only its "
        "digest is stored. --reset first revokes the account's other tokens (they stop "
        "working). Tokens are listed and revoked in the admin (Accounts and roles > API tokens)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--name", default="", help="Who or what uses the token (default: made on the server)."
        )
        parser.add_argument(
            "--reset", action="store_true", help="Revoke the account's other tokens first."
        )
        parser.add_argument(
            "--expires-days", type=int, default=None, help="Stop working after this many days."
        )

    def handle(self, username, name="", reset=False, expires_days=None, **options):
        try:
            user = User.objects.get(username=username, is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"No active user named {username!r}.") from None
        if expires_days is not None and expires_days < 1:
            raise CommandError("--expires-days must be 1 or more.")
        expires_at = (
            timezone.now() + datetime.timedelta(days=expires_days) if expires_days else None
        )
        if reset:
            for token in user.api_tokens.filter(revoked_at__isnull=True):
                services.token_revoke(user=None, token=token)
        try:
            _token, key = services.token_create(
                user=None,
                owner=user,
                name=name or "Made with manage.py create_api_token",
                expires_at=expires_at,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(key)
