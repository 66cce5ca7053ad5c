from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token

from accounts.models import User


class Command(BaseCommand):
    help = (
        "Print the API token of USERNAME, creating it if needed. --reset replaces it (the old "
        "one stops working). Revoke a token by deleting it in the admin (Auth Token > Tokens)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reset", action="store_true", help="Replace an existing token.")

    def handle(self, username, reset=False, **options):
        try:
            user = User.objects.get(username=username, is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"No active user named {username!r}.") from None
        if reset:
            Token.objects.filter(user=user).delete()
        token, _created = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
