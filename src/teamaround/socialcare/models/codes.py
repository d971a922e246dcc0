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
