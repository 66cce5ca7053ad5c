import unicodedata

import pycountry
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.services import role_groups_sync
from core.seeding import upsert
from followup.seeding import load_reference as load_followup_reference
from governorates.models import Governorate, Region
from indicators.frameworks import seed_framework_references
from indicators.models import Disaggregation
from pillars.models import Pillar
from policy import reference as ref
from policy.models import Entity, FundingSourceType, Theme, VulnerableGroup


def _names(triple):
    en, ar, ckb = triple
    return {"name_en": en, "name_ar": ar, "name_ckb": ckb}


def _english(subdivision_name):
    """ISO's romanisation without diacritics or the word 'Governorate': 'Baghdād' -> 'Baghdad'."""
    plain = unicodedata.normalize("NFKD", subdivision_name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("’", "'")
    return plain.removesuffix(" Governorate").strip()


class Command(BaseCommand):
    help = (
        "Load the reference data: governorates, pillars, vulnerable groups, funding source "
        "types, disaggregations, themes, the entities of the 2020 conference, the framework "
        "references (SDG targets, CEDAW articles, 1325 global indicators) and role groups. "
        "Safe to run again: only what differs is written."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        counts = {}

        def count(outcome):
            counts[outcome] = counts.get(outcome, 0) + 1

        iso = {s.code: s for s in pycountry.subdivisions.get(country_code="IQ")}
        for code, (ar, ckb) in ref.GOVERNORATE_NAMES.items():
            english = _english(iso[code].name) if code in iso else ref.HALABJA_ENGLISH
            region = Region.KURDISTAN if code in ref.KURDISTAN else Region.FEDERAL
            count(
                upsert(
                    Governorate, {"code": code}, {"region": region, **_names((english, ar, ckb))}
                )[1]
            )

        for code, number, cross, names in ref.PILLARS:
            count(
                upsert(
                    Pillar,
                    {"code": code},
                    {"number": number, "is_cross_cutting": cross, **_names(names)},
                )[1]
            )
        for order, (code, names) in enumerate(ref.VULNERABLE_GROUPS, 1):
            count(upsert(VulnerableGroup, {"code": code}, {"order": order, **_names(names)})[1])
        for order, (code, names) in enumerate(ref.FUNDING_SOURCE_TYPES, 1):
            count(upsert(FundingSourceType, {"code": code}, {"order": order, **_names(names)})[1])
        for order, (code, names) in enumerate(ref.DISAGGREGATIONS, 1):
            count(upsert(Disaggregation, {"code": code}, {"order": order, **_names(names)})[1])
        for code, names in ref.THEMES:
            count(upsert(Theme, {"code": code}, _names(names))[1])

        governorates = {g.code: g for g in Governorate.objects.all()}
        for code, acronym, kind, level, parent, gov, names in ref.ENTITIES:
            defaults = {
                "acronym": acronym,
                "kind": kind,
                "level": level,
                "parent": Entity.objects.get(code=parent) if parent else None,
                "governorate": governorates[gov] if gov else None,
                **_names(names),
            }
            count(upsert(Entity, {"code": code}, defaults)[1])
        seed_framework_references(count)

        # The legal instruments and conference recommendations of the source document.
        load_followup_reference(count)
        role_groups_sync()
        summary = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Reference data: {summary}."))
