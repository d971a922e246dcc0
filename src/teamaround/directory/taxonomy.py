"""TeamAround's own taxonomies in Open Referral's shape: need domains and Windscreen levels.

The terms are the core rows the casework uses, so a service "meets" a need by the same name
a plan records it. Their ORUK ids are UUID5s of a fixed namespace and the row's code, so they
are the same in every deployment and round-trip through a feed without a table of their own.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from teamaround.core.models import NeedDomain, WindscreenLevel

NAMESPACE = uuid.UUID("6a1f3c1e-5b7d-4f0a-9a57-1e0a2b7c9d11")
NEEDS_TAXONOMY_ID = uuid.uuid5(NAMESPACE, "taxonomy:need-domains")
LEVELS_TAXONOMY_ID = uuid.uuid5(NAMESPACE, "taxonomy:windscreen-levels")
NEEDS_TAXONOMY = "TeamAround need domains"
LEVELS_TAXONOMY = "Effective Support Windscreen levels"


def need_term_id(domain: NeedDomain) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"need-domain:{domain.code}")


def level_term_id(level: WindscreenLevel) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"windscreen-level:{level.number}")


@dataclass(frozen=True)
class Term:
    id: uuid.UUID
    name: str
    description: str
    code: str
    taxonomy_id: uuid.UUID
    taxonomy: str
    need_domain_id: int | None = None
    level_id: int | None = None


def builtin_taxonomies() -> list[dict]:
    return [
        {
            "id": NEEDS_TAXONOMY_ID,
            "name": NEEDS_TAXONOMY,
            "description": "Areas of family life in which needs are assessed and met.",
        },
        {
            "id": LEVELS_TAXONOMY_ID,
            "name": LEVELS_TAXONOMY,
            "description": "The four levels of need: Universal, Additional, Intensive, Specialist.",
        },
    ]


def need_term(domain: NeedDomain) -> Term:
    return Term(
        need_term_id(domain),
        domain.name,
        domain.description or domain.name,
        domain.code,
        NEEDS_TAXONOMY_ID,
        NEEDS_TAXONOMY,
        need_domain_id=domain.pk,
    )


def level_term(level: WindscreenLevel) -> Term:
    return Term(
        level_term_id(level),
        f"Level {level.number}: {level.name}",
        level.summary,
        str(level.number),
        LEVELS_TAXONOMY_ID,
        LEVELS_TAXONOMY,
        level_id=level.pk,
    )


def builtin_terms() -> list[Term]:
    needs = [need_term(d) for d in NeedDomain.objects.filter(is_active=True)]
    return needs + [level_term(level) for level in WindscreenLevel.objects.all()]


def builtin_term(term_id) -> Term | None:
    """Our term with this ORUK id, if it is one of ours."""
    try:
        wanted = uuid.UUID(str(term_id))
    except ValueError:
        return None
    return next((term for term in builtin_terms() if term.id == wanted), None)
