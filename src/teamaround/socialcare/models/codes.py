"""The Department for Education's codes, as data: the children in need census's referral
sources, primary need codes, factors identified at assessment, categories of abuse and the
reasons a case or a plan ends. Held here once so forms, returns and the seeder agree."""

REFERRAL_SOURCES = [
    ("1A", "Individual: family member, relative or carer"),
    ("1B", "Individual: acquaintance (including neighbours and child minders)"),
    ("1C", "Individual: self"),
    ("1D", "Individual: other"),
    ("2A", "Schools"),
    ("2B", "Education services"),
    ("3A", "Health services: GP"),
    ("3B", "Health services: health visitor"),
    ("3C", "Health services: school nurse"),
    ("3D", "Health services: other primary health services"),
    ("3E", "Health services: A&E (emergency department)"),
    ("3F", "Health services: other"),
    ("4", "Housing (local authority or housing association)"),
    ("5A", "Local authority services: social care (including early help)"),
    ("5B", "Local authority services: other internal"),
    ("5C", "Local authority services: external (another council)"),
    ("5D", "Local authority services: early help"),
    ("6", "Police"),
    ("7", "Other legal agency (courts, probation, immigration, CAFCASS, prison)"),
    ("8", "Other"),
    ("9", "Anonymous"),
    ("10", "Unknown"),
]

PRIMARY_NEEDS = [
    ("N1", "Abuse or neglect"),
    ("N2", "Child's disability or illness"),
    ("N3", "Parent's disability or illness"),
    ("N4", "Family in acute stress"),
    ("N5", "Family dysfunction"),
    ("N6", "Socially unacceptable behaviour"),
    ("N7", "Low income"),
    ("N8", "Absent parenting"),
    ("N9", "Cases other than children in need"),
    ("N0", "Not stated"),
]

ASSESSMENT_FACTORS = [
    ("1A", "Alcohol misuse: child"),
    ("1B", "Alcohol misuse: parent or carer"),
    ("1C", "Alcohol misuse: another person in the household"),
    ("2A", "Drug misuse: child"),
    ("2B", "Drug misuse: parent or carer"),
    ("2C", "Drug misuse: another person in the household"),
    ("3A", "Domestic abuse: child"),
    ("3B", "Domestic abuse: parent or carer"),
    ("3C", "Domestic abuse: another person in the household"),
    ("4A", "Mental health: child"),
    ("4B", "Mental health: parent or carer"),
    ("4C", "Mental health: another person in the household"),
    ("5A", "Learning disability: child"),
    ("5B", "Learning disability: parent or carer"),
    ("5C", "Learning disability: another person in the household"),
    ("6A", "Physical disability or illness: child"),
    ("6B", "Physical disability or illness: parent or carer"),
    ("6C", "Physical disability or illness: another person in the household"),
    ("7A", "Young carer"),
    ("8F", "Privately fostered: other"),
    ("9A", "Unaccompanied asylum-seeking child"),
    ("10A", "Missing"),
    ("11A", "Child sexual exploitation"),
    ("12A", "Trafficking"),
    ("13A", "Gangs"),
    ("14A", "Socially unacceptable behaviour"),
    ("15A", "Self-harm"),
    ("16A", "Abuse or neglect: neglect"),
    ("17A", "Abuse or neglect: emotional abuse"),
    ("18B", "Abuse or neglect: physical abuse"),
    ("19B", "Abuse or neglect: sexual abuse by an adult"),
    ("19C", "Abuse or neglect: sexual abuse by a child"),
    ("20", "Female genital mutilation"),
    ("21", "No factors identified"),
    ("22A", "Faith-linked abuse"),
    ("23A", "Child criminal exploitation"),
    ("24A", "Going or being taken missing from education"),
]
NO_FACTORS = "21"

ABUSE_CATEGORIES = [
    ("NEG", "Neglect"),
    ("PHY", "Physical abuse"),
    ("SAB", "Sexual abuse"),
    ("EMO", "Emotional abuse"),
    ("MUL", "Multiple"),
]

# The census's case closure reasons this app records (RC9: closed after assessment, referred
# to early help).
CLOSURE_REASONS = [
    ("RC1", "Adopted"),
    ("RC2", "Died"),
    ("RC3", "Child arrangements order"),
    ("RC4", "Special guardianship order"),
    ("RC5", "Transferred to services of another local authority"),
    ("RC6", "Transferred to adult social care"),
    ("RC7", "Services ceased for any other reason, including the child no longer in need"),
    ("RC8", "Case closed after assessment, no further action"),
    ("RC9", "Case closed after assessment, referred to early help"),
]

PLAN_END_REASONS = [
    ("no_longer_at_risk", "The child is no longer at risk of significant harm"),
    ("moved_area", "The child moved to another local authority"),
    ("looked_after", "The child became looked after"),
    ("turned_18", "The child reached 18"),
    ("died", "The child died"),
]

# The agencies a strategy discussion must hear from (Working Together 2023, 4.7): police,
# health, education (the child's school or setting) and children's social care.
STRATEGY_AGENCIES = [
    ("social_care", "Children's social care"),
    ("police", "Police"),
    ("health", "Health"),
    ("education", "Education"),
    ("other", "Other"),
]
REQUIRED_STRATEGY_AGENCIES = ("social_care", "police", "health", "education")


def label(codes, code: str) -> str:
    return dict(codes).get(code, code)


# Children looked after: the SSDA903 return's codes (DfE, children looked after return
# guidance). Legal status while looked after.
LEGAL_STATUSES = [
    ("C1", "Interim care order"),
    ("C2", "Full care order"),
    ("E1", "Placement order granted"),
    ("J1", "On remand, or committed for trial or sentence, and accommodated by the council"),
    ("J2", "Detained in council accommodation under PACE"),
    ("J3", "Sentenced to a supervision order with residence requirement"),
    ("L1", "Under police protection and in council accommodation"),
    ("L2", "Emergency protection order"),
    ("L3", "Under a child assessment order and in council accommodation"),
    ("V2", "Single period of accommodation under section 20"),
    ("V3", "Agreed series of short-term breaks (individual episodes recorded)"),
    ("V4", "Agreed series of short-term breaks (agreements recorded)"),
]

# Reason for new episode.
NEW_EPISODE_REASONS = [
    ("S", "Started to be looked after"),
    ("L", "Change of legal status only"),
    ("P", "Change of placement and carer(s) only"),
    ("T", "Change of both legal status and placement and carer(s)"),
    ("U", "Change of placement (but same carer(s)) only"),
    ("B", "Change of legal status and placement (but same carer(s))"),
]

# Reason episode ceased (X1: the episode ceased and a new one began the same day).
EPISODE_CEASED_REASONS = [
    ("X1", "Episode ceases, and a new episode begins on the same day"),
    ("E11", "Adopted: application for an adoption order unopposed"),
    ("E12", "Adopted: consent dispensed with by the court"),
    (
        "E13",
        "Left care to live with parent(s), relative(s) or others without parental responsibility",
    ),
    ("E14", "Accommodation on remand ended"),
    ("E15", "Age assessment determined the child is aged 18 or over"),
    ("E16", "Child moved abroad"),
    ("E17", "Aged 18 (or over) and remained with current carers (including staying put)"),
    ("E2", "Died"),
    ("E3", "Care taken over by another local authority in the UK"),
    ("E41", "Child arrangements order granted"),
    ("E45", "Special guardianship order: former foster carers who are relatives or friends"),
    ("E46", "Special guardianship order: former foster carers, not relatives or friends"),
    ("E47", "Special guardianship order: other carers who are relatives or friends"),
    ("E48", "Special guardianship order: other carers, not relatives or friends"),
    ("E4A", "Returned home as part of the care planning process"),
    ("E4B", "Returned home not as part of the care planning process"),
    ("E5", "Moved into independent living with formalised support"),
    ("E6", "Moved into independent living without formalised support"),
    ("E7", "Transferred to residential care funded by adult social care"),
    ("E8", "Period of being looked after ended for any other reason"),
    ("E9", "Sentenced to custody"),
]
CARE_ENDED_REASONS = [row for row in EPISODE_CEASED_REASONS if row[0] != "X1"]

PLACEMENT_TYPES = [
    ("A3", "Placed for adoption with consent, with current foster carer(s)"),
    ("A4", "Placed for adoption with consent, not with current foster carer(s)"),
    ("A5", "Placed for adoption with a placement order, with current foster carer(s)"),
    ("A6", "Placed for adoption with a placement order, not with current foster carer(s)"),
    ("H5", "Supported accommodation"),
    ("K1", "Secure children's home"),
    ("K2", "Children's home"),
    ("P1", "Placed with own parent(s) or others with parental responsibility"),
    ("P2", "Independent living (flat, lodgings, bedsit, with friends)"),
    ("P3", "Residential employment"),
    ("R1", "Residential care home"),
    ("R2", "NHS or health trust establishment providing medical or nursing care"),
    ("R3", "Family centre or mother and baby unit"),
    ("R5", "Young offender institution"),
    ("S1", "Residential school"),
    ("U1", "Foster placement with relative(s) or friend(s): long term"),
    ("U2", "Foster placement with relative(s) or friend(s): fostering for adoption"),
    ("U3", "Foster placement with relative(s) or friend(s): other"),
    ("U4", "Foster placement with other foster carer(s): long term"),
    ("U5", "Foster placement with other foster carer(s): fostering for adoption"),
    ("U6", "Foster placement with other foster carer(s): other"),
    ("Z1", "Other placement"),
]

PLACEMENT_PROVIDERS = [
    ("PR0", "Parent(s) or others with parental responsibility"),
    ("PR1", "Own provision (by the council)"),
    ("PR2", "Other local authority provision"),
    ("PR3", "Other public provision"),
    ("PR4", "Private provision"),
    ("PR5", "Voluntary or third sector provision"),
]
