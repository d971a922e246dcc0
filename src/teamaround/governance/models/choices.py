"""The words of information governance: purposes, bases, scopes, channels and outcomes."""

from django.db import models


class Purpose(models.TextChoices):
    EARLY_HELP = "early_help", "Early help support"
    SAFEGUARDING = "safeguarding", "Safeguarding"
    PANEL = "panel", "Multi-agency panel"
    HUB = "hub", "Children and Families Hub"
    DIRECTORY_REFERRAL = "directory_referral", "Referral to a service"


class BasisKind(models.TextChoices):
    CONSENT = "consent", "Consent"
    SAFEGUARDING_DUTY = (
        "safeguarding_duty",
        "Duty to share for safeguarding (Children's Wellbeing and Schools Act 2026, s.4)",
    )
    SAFEGUARDING_LAWFUL = (
        "safeguarding_lawful",
        "Safeguarding as a recognised lawful basis (Data (Use and Access) Act 2025)",
    )
    COURT_ORDER = "court_order", "Court order"
    MARAC = "marac", "MARAC information-sharing terms"
    MACE = "mace", "MACE information-sharing terms"
    CHILDREN_ACT_S17 = "ca1989_s17", "Children Act 1989, section 17 (child in need)"
    CHILDREN_ACT_S47 = "ca1989_s47", "Children Act 1989, section 47 (enquiries)"


STATUTORY_BASES = frozenset(BasisKind.values) - {BasisKind.CONSENT}


class Scope(models.TextChoices):
    """Whom a consent covers. Statutory bases cover whoever the purpose needs."""

    TAF = "taf", "Any member of the Team Around the Family"
    NAMED_AGENCY = "named_agency", "A named agency"
    ANY_AGENCY = "any_agency", "Any agency working on this purpose"


class BasisStatus(models.TextChoices):
    ACTIVE = "active", "In force"
    WITHDRAWN = "withdrawn", "Withdrawn"
    ENDED = "ended", "Ended"


class Channel(models.TextChoices):
    """How information left the team that holds it."""

    HUB_HANDOVER = "hub_handover", "Hub hand-over"
    TAF_MEMBER = "taf_member", "Added to the Team Around the Family"
    PANEL_SUMMARY = "panel_summary", "Panel case summary"
    PLAN_PDF = "plan_pdf", "Plan downloaded"
    PARTNER_VIEW = "partner_view", "Partner view"
    EXPORT = "export", "Export"
    API_READ = "api_read", "API read by another agency"
    REFERRAL = "referral", "Referral to a service"
    OTHER = "other", "Other"


class Outcome(models.TextChoices):
    SHARED = "shared", "Shared"
    REFUSED = "refused", "Refused: no basis"
    WITHHELD = "withheld", "Not shared: more detrimental to the child"
