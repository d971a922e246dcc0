"""The roles a member of staff can hold, and which of them reach across the whole county."""

from django.db import models


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner"
    HUB_SCREENER = "hub_screener", "Hub screener"
    HUB_SOCIAL_WORKER = "hub_social_worker", "Hub social worker"
    FAMILY_WORKER = "family_worker", "Family worker"
    SOCIAL_WORKER = "social_worker", "Social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    PANEL_CHAIR = "panel_chair", "Panel chair"
    COMMISSIONER = "commissioner", "Commissioner"
    DATA_ANALYST = "data_analyst", "Data analyst"
    ADMINISTRATOR = "administrator", "Administrator"
    INFORMATION_GOVERNANCE = "information_governance", "Information governance lead"
    DATA_PROTECTION_OFFICER = "data_protection_officer", "Data protection officer"


ROLE_DESCRIPTIONS = {
    Role.PRACTITIONER: "Works in a partner agency: checks whether a child is known, asks the "
    "Hub for help, can be a lead professional.",
    Role.HUB_SCREENER: "Works the Children and Families Hub queue and decides the route.",
    Role.HUB_SOCIAL_WORKER: "Gives consultations and reviews requests at levels 3 and 4.",
    Role.FAMILY_WORKER: "Holds Family Solutions cases at level 3.",
    Role.SOCIAL_WORKER: "Holds statutory cases at level 4.",
    Role.TEAM_MANAGER: "Manages a team: caseloads, timeliness, sign-off, the team's audit.",
    Role.PANEL_CHAIR: "Chairs multi-agency panels and records their decisions.",
    Role.COMMISSIONER: "Sees needs, spend and outcomes by district; no case records.",
    Role.DATA_ANALYST: "Imports agency data, links records, prepares returns.",
    Role.ADMINISTRATOR: "Manages agencies, teams, users, geography and reads the audit trail.",
    Role.INFORMATION_GOVERNANCE: "The council's information governance lead: reads the whole "
    "audit trail and the alerts when someone reads records about people in bulk; no case "
    "records.",
    Role.DATA_PROTECTION_OFFICER: "Answers for what is shared and on which basis: the disclosure "
    "ledger, subject access requests, retention and legal holds.",
}

# Roles whose work is county-wide: they may open any family's record (subject to audit).
COUNTY_WIDE_ROLES = frozenset({Role.HUB_SCREENER, Role.HUB_SOCIAL_WORKER, Role.SOCIAL_WORKER})
