"""Two saves at once, each in its own thread with its own database connection, released
together: `race(first, second)` returns what each call returned or raised, in order.

Used by the tests marked `postgresql` (tests/conftest.py deselects them on SQLite): they need
`@pytest.mark.django_db(transaction=True)`, so the other connections see the test's rows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection

from teamaround.core.errors import StaleVersion


@dataclass
class Outcome:
    value: Any = None
    error: BaseException | None = None


def race(*calls: Callable[[], Any]) -> list[Outcome]:
    barrier = threading.Barrier(len(calls))
    outcomes = [Outcome() for _ in calls]

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=30)
            outcomes[index].value = call()
        except BaseException as error:  # noqa: BLE001 - reported to the test, which asserts
            outcomes[index].error = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a save never finished"
    return outcomes


def one_wins(outcomes: list[Outcome]) -> tuple[Outcome, Outcome]:
    """Exactly one save won and the other was told of a conflict (nothing else went wrong).
    Returns (winner, loser)."""
    winners = [o for o in outcomes if o.error is None]
    losers = [o for o in outcomes if isinstance(o.error, StaleVersion)]
    others = [o.error for o in outcomes if o.error is not None and o not in losers]
    assert not others, f"a save failed otherwise: {others!r}"
    assert len(winners) == 1 and len(losers) == 1, outcomes
    return winners[0], losers[0]
