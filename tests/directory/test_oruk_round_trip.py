"""Round trip: export the whole seeded directory as ORUK (NDJSON, fully nested), import it into
an empty directory with `import_oruk`, export again: the same JSON (ids, fields,
last_modified)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from teamaround.accounts.seeding import seed_agencies
from teamaround.core.seeding import SeedContext, seed_geography, seed_reference_data
from teamaround.directory import seeding
from teamaround.directory.models import (
    Contact,
    CostOption,
    DirectoryEditor,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceReferral,
    Taxonomy,
    TaxonomyTerm,
)

pytestmark = pytest.mark.django_db

EMPTIED_IN_ORDER = (
    ServiceReferral,
    ServiceAtLocation,
    Schedule,
    CostOption,
    Contact,
    Service,
    Location,
    DirectoryEditor,
    Organisation,
    TaxonomyTerm,
    Taxonomy,
)


def export(client) -> list[dict]:
    response = client.get("/services/oruk/services", {"format": "ndjson", "full": "true"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return sorted((json.loads(line) for line in text.splitlines()), key=lambda s: s["id"])


def test_the_seeded_feed_survives_export_import_export_unchanged(client, tmp_path):
    context = SeedContext(seed=7, out=io.StringIO())
    for step in (seed_reference_data, seed_geography, seed_agencies, seeding.seed):
        step(context)
    first = export(client)
    assert len(first) > 50
    path = tmp_path / "essex.ndjson"
    path.write_text("".join(json.dumps(s) + "\n" for s in first), encoding="utf-8")

    for model in EMPTIED_IN_ORDER:  # an empty directory (the rest of the county stays)
        model.objects.all().delete()
    assert export(client) == []
    call_command(
        "import_oruk", str(path), "--source", "https://essex.example.org/oruk", stdout=io.StringIO()
    )
    assert Service.objects.filter(source="https://essex.example.org/oruk").count() == len(first)

    second = export(client)
    assert [s["id"] for s in second] == [s["id"] for s in first]
    for before, after in zip(first, second, strict=True):
        assert after == before, before["name"]
