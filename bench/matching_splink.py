"""Splink (on DuckDB) on the same evaluation county as bench/matching_eval.py, for the
side-by-side: run by that script in its own virtual environment (`make splink-venv`, .venv-splink),
never importing the application.

Input (a JSON file written by matching_eval.py): the records (one per person, own name: first
forename, surname, date of birth, postcode, sex, household) and the queries with their right
answers. Splink is trained the usual way, unsupervised: the prior from exact name and date of
birth agreement, u by random sampling, m by expectation maximisation on two blockings; names
with term-frequency adjustment. Each query is then scored against the records through
predict_between with the blocking rules below; a candidate's rank is by match weight (ties by
id), Strong is a match probability of 0.99 or more and Possible 0.5 or more (the
application's thresholds). Output: one JSON line of rows in matching_eval's format.

    .venv-splink/bin/python bench/matching_splink.py input.json
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections import defaultdict


def _settings():
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    comparisons = [
        cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
        cl.NameComparison("surname").configure(term_frequency_adjustments=True),
        cl.DateOfBirthComparison("dob", input_is_string=True),
        cl.PostcodeComparison("postcode"),
        cl.ExactMatch("sex"),
    ]
    rules = [
        block_on("first_name", "surname"),
        block_on("dob"),
        block_on("surname", "postcode"),
        block_on("first_name", "postcode"),
        block_on("substr(first_name, 1, 2)", "substr(surname, 1, 2)", "substr(dob, 1, 4)"),
    ]
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=rules,
        retain_intermediate_calculation_columns=False,
    )
    return settings, rules, block_on


def evaluate(data: dict) -> dict:
    from splink import DuckDBAPI, Linker

    logging.getLogger("splink").setLevel(logging.ERROR)
    records, queries = data["records"], data["queries"]
    settings, rules, block_on = _settings()
    api = DuckDBAPI()
    began = time.perf_counter()
    linker = Linker(api.register(records), settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "dob")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2_000_000, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_name", "surname")
    )
    for column in ("first_name", "surname"):
        linker.table_management.compute_tf_table(column)
    training = time.perf_counter() - began
    began = time.perf_counter()
    asked = [
        {
            "unique_id": f"q{number}",
            "first_name": q["first_name"] or None,
            "surname": q["surname"] or None,
            "dob": q["dob"],
            "postcode": q["postcode"] or None,
            "sex": None,
            "household": None,
        }
        for number, q in enumerate(queries)
    ]
    pairs = linker.inference.predict_between(
        api.register(records, table_name="known"),
        api.register(asked, table_name="asked"),
        blocking_rules_to_generate_predictions=rules,
    ).as_record_list()
    scoring = time.perf_counter() - began
    found = defaultdict(list)
    for pair in pairs:
        left, right = str(pair["unique_id_l"]), str(pair["unique_id_r"])
        query, record = (left, right) if left.startswith("q") else (right, left)
        if not query.startswith("q") or record.startswith("q"):
            continue
        found[int(query[1:])].append(
            (-float(pair["match_weight"]), record, float(pair["match_probability"]))
        )
    same = data["same_child"]
    rows = []
    for number, q in enumerate(queries):
        ranked = sorted(found.get(number, []))[:5]
        people = [same.get(record, record) for _, record, _ in ranked]
        strong = [p >= 0.99 for *_, p in ranked]
        possible = [0.5 <= p < 0.99 for *_, p in ranked]
        if q["answer"] is None:
            rows.append((q["category"], None, None, any(strong), not any(strong) and any(possible)))
        else:
            rows.append(
                (
                    q["category"],
                    bool(people) and people[0] == q["answer"],
                    q["answer"] in people,
                    any(s and p != q["answer"] for s, p in zip(strong, people, strict=True)),
                    False,
                )
            )
    return {
        "training_seconds": round(training, 1),
        "scoring_seconds": round(scoring, 1),
        "ms_per_query": round(scoring * 1000 / max(len(queries), 1), 1),
        "rows": rows,
    }


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        print(json.dumps(evaluate(json.load(handle))))
