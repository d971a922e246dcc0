"""What an imported Open Referral UK service must look like, as a JSON Schema.

The parts of the UK profile 3.0 service that TeamAround reads, with the profile's required
fields, id formats and enumerations. Checked with `jsonschema` so that every problem in a
feed is found at once, each with its path.
"""

UUID = {"type": "string", "format": "uuid"}
TEXT = {"type": "string"}
NUMBER = {"type": "number"}
WITH_ID = {"type": "object", "required": ["id"]}
CLOCK = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"}

TAXONOMY_TERM = {
    "type": "object",
    "required": ["id", "name", "description"],
    "properties": {
        "id": UUID,
        "name": TEXT,
        "description": TEXT,
        "parent_id": UUID,
        "taxonomy": TEXT,
        "taxonomy_id": UUID,
        "term": TEXT,
    },
}

ORGANIZATION = {
    "type": "object",
    "required": ["id", "name", "description"],
    "properties": {
        "id": UUID,
        "name": {"type": "string", "minLength": 1},
        "description": TEXT,
        "email": {"type": "string", "format": "email"},
        "website": TEXT,
    },
}

ADDRESS = {
    "type": "object",
    "required": [
        "id",
        "address_1",
        "city",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ],
    "properties": {
        "id": UUID,
        "address_1": TEXT,
        "city": TEXT,
        "postal_code": TEXT,
        "country": TEXT,
        "address_type": {"enum": ["physical", "postal", "virtual"]},
    },
}

LOCATION = {
    "type": "object",
    "required": ["id", "location_type"],
    "properties": {
        "id": UUID,
        "location_type": {"enum": ["physical", "postal", "virtual"]},
        "name": TEXT,
        "description": TEXT,
        "latitude": {"type": "number", "minimum": -90, "maximum": 90},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180},
        "addresses": {"type": "array", "items": ADDRESS},
        "accessibility": {"type": "array", "items": {**WITH_ID, "properties": {"id": UUID}}},
    },
}

SERVICE = {
    "type": "object",
    "required": ["id", "name", "status"],
    "properties": {
        "id": UUID,
        "organization_id": UUID,
        "name": {"type": "string", "minLength": 1},
        "description": TEXT,
        "url": TEXT,
        "email": {"type": "string", "format": "email"},
        "status": {"enum": ["active", "inactive", "defunct", "temporarily closed"]},
        "minimum_age": {"type": "number", "minimum": 0},
        "maximum_age": {"type": "number", "minimum": 0},
        "assured_date": {"type": "string", "format": "date"},
        "alert": TEXT,
        "organization": ORGANIZATION,
        "schedules": {
            "type": "array",
            "items": {
                **WITH_ID,
                "properties": {
                    "id": UUID,
                    "freq": {"enum": ["WEEKLY", "MONTHLY"]},
                    "byday": TEXT,
                    "opens_at": CLOCK,
                    "closes_at": CLOCK,
                },
            },
        },
        "service_areas": {"type": "array", "items": {**WITH_ID, "properties": {"id": UUID}}},
        "service_at_locations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "location"],
                "properties": {"id": UUID, "location": LOCATION},
            },
        },
        "cost_options": {
            "type": "array",
            "items": {
                **WITH_ID,
                "properties": {
                    "id": UUID,
                    "amount": NUMBER,
                    "option": TEXT,
                    "amount_description": TEXT,
                },
            },
        },
        "contacts": {"type": "array", "items": {**WITH_ID, "properties": {"id": UUID}}},
        "attributes": {
            "type": "array",
            "items": {
                **WITH_ID,
                "properties": {
                    "id": UUID,
                    "taxonomy_term_id": UUID,
                    "taxonomy_term": TAXONOMY_TERM,
                },
            },
        },
    },
}
