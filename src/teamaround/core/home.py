"""Blocks on the home page, one registry for every app: each app registers, in its
AppConfig.ready(), a function that returns its block of the user's own work (a heading, a few
lines and a link to the work) or None when the user has none of that work. The function reads
through the app's own selectors with `actor=`, so core never queries another app's tables and
one role never sees another's block."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class HomeBlock:
    """What a block shows: `lines` are short sentences, `link` the page where the work is."""

    title: str
    lines: list[str] = field(default_factory=list)
    link_text: str = ""
    link: str = ""


@dataclass(frozen=True)
class _Registration:
    name: str
    build: Callable[[object], HomeBlock | None]
    order: int


_blocks: list[_Registration] = []


def register_block(name: str, build: Callable[[object], HomeBlock | None], *, order: int = 50):
    """Add the block `name`; `build(user)` returns it, or None for a user without that work."""
    if any(block.name == name for block in _blocks):
        return
    _blocks.append(_Registration(name, build, order))
    _blocks.sort(key=lambda block: block.order)


def plural(count: int, one: str, many: str) -> str:
    """'1 request is' / '3 requests are': a block's count with the words that agree with it."""
    return f"{count} {one if count == 1 else many}"


def blocks_for(user) -> list[HomeBlock]:
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    return [block for reg in _blocks if (block := reg.build(user)) is not None]
