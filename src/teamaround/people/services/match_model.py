"""Training the match model on the council's own records (`teamaround train_matching`).

Splink (on DuckDB, in process) estimates m and u for every comparison level the search uses:
u by sampling random pairs of records, m by expectation maximisation over pairs blocked two
ways (same date of birth and sex; same sound-alike names and postcode district),
and, where people have merged records as the same child, m from those pairs as labels. The
levels are written in DuckDB's SQL to mean what people.matching.scoring means by them, from
columns prepared here with the same name functions. How common each first name and surname
is comes from the records themselves. The result is stored as a new MatchModel version, which
the search picks up at once; levels the data cannot show (an expected date, an age, an NHS
number) keep the shipped default.
"""

from __future__ import annotations

import logging
from collections import Counter

from django.db import transaction
from django.db.models import Max

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.people.matching.model import default_parameters
from teamaround.people.matching.names import name_groups, name_parts, sound_key
from teamaround.people.models import MatchModel, Person, PersonMerge, PersonSearchKey

MIN_RECORDS = 50
M_FLOOR = 0.5
TF_MIN_COUNT = 2


def _record(person_id, given, family, born, unborn, sex, postcode, outward, district) -> dict:
    first = given[0] if given else None
    surname = family[0] if family else None
    return {
        "unique_id": str(person_id),
        "first": first,
        "given": list(given),
        "first_groups": sorted(name_groups(first)) if first else [],
        "first_key": sound_key(first) if first else None,
        "surname": surname,
        "surname_parts": list(family),
        "surname_groups": sorted(name_groups(surname)) if surname else [],
        "surname_key": sound_key(surname) if surname else None,
        "dob": born if born and not unborn else None,
        "postcode": postcode or None,
        "outward": outward or None,
        "district": str(district) if district else None,
        "sex": sex if sex in ("F", "M") else None,
    }


def training_records() -> list[dict]:
    """One record per live person (their own name), and one per record merged away."""
    records, seen = [], set()
    rows = (
        PersonSearchKey.objects.filter(is_own_name=True)
        .order_by("person_id", "id")
        .values_list(
            "person_id",
            "given_names",
            "family_names",
            "date_of_birth",
            "is_unborn",
            "sex",
            "postcode",
            "outward_code",
            "district_id",
        )
    )
    for person_id, given, family, *rest in rows.iterator(chunk_size=5000):
        if person_id in seen:
            continue
        seen.add(person_id)
        records.append(_record(person_id, tuple(given.split()), tuple(family.split()), *rest))
    for person in Person.objects.filter(merged_into__isnull=False).order_by("pk"):
        given, family = name_parts(person.forenames, person.surname)
        born, unborn = person.date_of_birth, person.is_unborn
        records.append(_record(person.pk, given, family, born, unborn, person.sex, "", "", None))
    return records


def term_frequencies(records: list[dict]) -> dict:
    tables = {}
    for comparison, column in (("first_name", "first"), ("surname", "surname")):
        counts = Counter(r[column] for r in records if r[column])
        total = sum(counts.values()) or 1
        table = {name: n / total for name, n in counts.items() if n >= TF_MIN_COUNT}
        table["__rare__"] = 1.0 / total
        tables[comparison] = table
    return tables


def _levels(column: str, groups: str, parts: str, key: str) -> list:
    def level(label, sql):
        return {"sql_condition": sql, "label_for_charts": label}

    left, right = f"{column}_l", f"{column}_r"
    return [
        level("null", f"{left} IS NULL OR {right} IS NULL") | {"is_null_level": True},
        level("exact", f"{left} = {right}"),
        level("same_name", f"list_has_any({groups}_l, {groups}_r)"),
        level(
            parts[0],
            f"list_contains({parts[1]}_r, {left}) OR list_contains({parts[1]}_l, {right})"
            if parts[0] == "other_forename"
            else f"list_has_any({parts[1]}_l, {parts[1]}_r)",
        ),
        level(
            "slip",
            f"(least(length({left}), length({right})) >= 4 AND "
            f"damerau_levenshtein({left}, {right}) <= 1) OR "
            f"jaro_winkler_similarity({left}, {right}) >= 0.94",
        ),
        level("sound", f"{key}_l = {key}_r AND jaro_winkler_similarity({left}, {right}) >= 0.75"),
        {"sql_condition": "ELSE", "label_for_charts": "different"},
    ]


def _settings():
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    def custom(name, levels):
        return cl.CustomComparison(output_column_name=name, comparison_levels=levels)

    day = "abs(date_diff('day', dob_l, dob_r))"
    dates = [
        {"sql_condition": "dob_l IS NULL OR dob_r IS NULL", "label_for_charts": "null"}
        | {"is_null_level": True},
        {"sql_condition": "dob_l = dob_r", "label_for_charts": "exact"},
        {
            "sql_condition": "year(dob_l) = year(dob_r) AND month(dob_l) = day(dob_r) "
            "AND day(dob_l) = month(dob_r)",
            "label_for_charts": "swapped",
        },
        {
            "sql_condition": f"{day} <= 3 OR (year(dob_l) = year(dob_r) AND "
            "(month(dob_l) = month(dob_r) OR day(dob_l) = day(dob_r)))",
            "label_for_charts": "near",
        },
        {
            "sql_condition": "month(dob_l) = month(dob_r) AND day(dob_l) = day(dob_r) "
            "AND abs(year(dob_l) - year(dob_r)) <= 2",
            "label_for_charts": "birthday",
        },
        {"sql_condition": "year(dob_l) = year(dob_r)", "label_for_charts": "same_year"},
        {"sql_condition": f"{day} <= 730", "label_for_charts": "within_2_years"},
        {"sql_condition": "ELSE", "label_for_charts": "different"},
    ]
    place = [
        {"sql_condition": "outward_l IS NULL OR outward_r IS NULL", "label_for_charts": "null"}
        | {"is_null_level": True},
        {"sql_condition": "postcode_l = postcode_r", "label_for_charts": "exact"},
        {"sql_condition": "outward_l = outward_r", "label_for_charts": "outward"},
        {"sql_condition": "district_l = district_r", "label_for_charts": "district"},
        {"sql_condition": "ELSE", "label_for_charts": "different"},
    ]
    sex = [
        {"sql_condition": "sex_l IS NULL OR sex_r IS NULL", "label_for_charts": "null"}
        | {"is_null_level": True},
        {"sql_condition": "sex_l = sex_r", "label_for_charts": "same"},
        {"sql_condition": "ELSE", "label_for_charts": "different"},
    ]
    first = _levels("first", "first_groups", ("other_forename", "given"), "first_key")
    surname = _levels("surname", "surname_groups", ("part", "surname_parts"), "surname_key")
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            custom("first_name", first),
            custom("surname", surname),
            custom("date_of_birth", dates),
            custom("postcode", place),
            custom("sex", sex),
        ],
        blocking_rules_to_generate_predictions=[block_on("dob")],
        retain_intermediate_calculation_columns=False,
    )
    return settings, block_on


def splink_estimate(records: list[dict], labels: list[dict], *, seed: int, max_pairs: int):
    """Run Splink on DuckDB; comparison -> level -> {"m", "u"} for the levels it estimated."""
    from splink import DuckDBAPI, Linker

    logging.getLogger("splink").setLevel(logging.WARNING)
    settings, block_on = _settings()
    api = DuckDBAPI()
    linker = Linker(api.register(records), settings, log_level=logging.WARNING)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=seed)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("dob", "sex"), estimate_without_term_frequencies=True
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_key", "surname_key", "outward"), estimate_without_term_frequencies=True
    )
    if labels:
        linker.training.estimate_m_from_pairwise_labels(api.register(labels))
    model = linker.misc.save_model_to_json()
    found = {}
    for comparison in model["comparisons"]:
        levels = {}
        for level in comparison["comparison_levels"]:
            label = level.get("label_for_charts")
            m, u = level.get("m_probability"), level.get("u_probability")
            if level.get("is_null_level") or m is None or u is None:
                continue
            levels[label] = {"m": max(float(m), 1e-6), "u": max(float(u), 1e-7)}
        found[comparison["output_column_name"]] = levels
    return found


def _bounded(defaults: dict, estimated: dict) -> dict:
    """The estimates, with every m kept at least M_FLOOR of the default's and the m of each
    comparison summing to one. EM on a county's records also finds households (a sibling
    agrees on surname and address), which drives the m of "lives in another area" or "a
    different date of birth" towards nothing; a child who moved, or a date typed wrong by
    another agency, must still be findable."""
    levels = {
        level: {
            "m": max(estimated.get(level, values)["m"], values["m"] * M_FLOOR),
            "u": estimated.get(level, values)["u"],
        }
        for level, values in defaults.items()
    }
    total = sum(values["m"] for values in levels.values()) or 1.0
    return {level: {"m": v["m"] / total, "u": v["u"]} for level, v in levels.items()}


@transaction.atomic
def match_model_train(*, actor, seed: int = 1, max_pairs: int = 1_000_000) -> MatchModel:
    """Estimate the match model from the records and store it as the next version."""
    require(actor, "people.train_matching", what="train the match model")
    records = training_records()
    if len(records) < MIN_RECORDS:
        raise DomainError(f"Training needs at least {MIN_RECORDS} people on record.")
    labels = [
        {"unique_id_l": str(merged), "unique_id_r": str(survivor)}
        for merged, survivor in PersonMerge.objects.filter(undone_at__isnull=True)
        .order_by("merged_at", "pk")
        .values_list("merged_id", "survivor_id")
    ]
    estimated = splink_estimate(records, labels, seed=seed, max_pairs=max_pairs)
    defaults = default_parameters().to_data()
    comparisons = {
        name: _bounded(levels, estimated.get(name, {}))
        for name, levels in defaults["comparisons"].items()
    }
    version = (MatchModel.objects.aggregate(top=Max("version"))["top"] or 0) + 1
    parameters = defaults | {
        "version": str(version),
        "population": len(records),
        "comparisons": comparisons,
        "term_frequencies": term_frequencies(records),
    }
    summary = {
        "records": len(records),
        "merged_pairs_as_labels": len(labels),
        "levels_estimated": sum(len(levels) for levels in estimated.values()),
    }
    stored = MatchModel.objects.create(
        version=version,
        method="Splink (DuckDB): u by random sampling, m by EM and merge labels",
        parameters=parameters,
        summary=summary,
    )
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        object_type="people.matchmodel",
        object_id=str(stored.pk),
        summary=f"Trained match model version {version}",
        changes=summary,
    )
    return stored
