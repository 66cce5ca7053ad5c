from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import current_code


class Command(BaseCommand):
    help = (
        "Print the current code of an account's authenticator app, for signing in to the demo "
        "(seed_demo gives director and reviewer one). Refuses to run with DEBUG off unless "
        "--force: on a real installation it would defeat the second factor."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )

    def handle(self, *args, username, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this looks like a real installation: otp_code would print a "
                "second factor. Use --force if you really mean it."
            )
        device = (
            TOTPDevice.objects.filter(user__username=username, confirmed=True)
            .order_by("pk")
            .first()
        )
        if device is None:
            raise CommandError(f"{username} has no authenticator app.")
        self.stdout.write(current_code(device))
