"""The coded values people records use, in the council's and the DfE's words."""

from django.db import models


class DateOfBirthKind(models.TextChoices):
    KNOWN = "known", "Known"
    ESTIMATED = "estimated", "Estimated"
    EXPECTED = "expected", "Expected (unborn child)"


class Sex(models.TextChoices):
    FEMALE = "F", "Female"
    MALE = "M", "Male"
    UNKNOWN = "U", "Not known"


class Ethnicity(models.TextChoices):
    """DfE school census and CIN census ethnicity codes."""

    WBRI = "WBRI", "White – British"
    WIRI = "WIRI", "White – Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy / Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Black Caribbean"
    BAFR = "BAFR", "Black – African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class NameKind(models.TextChoices):
    PREVIOUS = "previous", "Previous name"
    ALIAS = "alias", "Alias"
    KNOWN_AS = "known_as", "Known as"


class IdentifierScheme(models.TextChoices):
    NHS_NUMBER = "nhs_number", "NHS number"
    UPN = "upn", "Unique Pupil Number"
    POLICE = "police", "Police reference"
    SCHOOL = "school", "School reference"
    HEALTH = "health", "Health reference"
    OTHER = "other", "Other reference"


class MemberRole(models.TextChoices):
    CHILD = "child", "Child"
    PARENT = "parent", "Parent"
    STEP_PARENT = "step_parent", "Step-parent"
    CARER = "carer", "Carer"
    SIBLING = "sibling", "Sibling"
    OTHER_ADULT = "other_adult", "Other adult in the household"


class RelationshipKind(models.TextChoices):
    PARENT_OF = "parent_of", "Parent of"
    STEP_PARENT_OF = "step_parent_of", "Step-parent of"
    SIBLING_OF = "sibling_of", "Sibling of"
    PARTNER_OF = "partner_of", "Partner of"
    CARER_OF = "carer_of", "Carer of"
    GRANDPARENT_OF = "grandparent_of", "Grandparent of"


ADULT_ROLES = {MemberRole.PARENT, MemberRole.STEP_PARENT, MemberRole.CARER, MemberRole.OTHER_ADULT}
