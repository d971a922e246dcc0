"""Jaro-Winkler similarity: how alike two spellings are, weighting the start of a name, where
people rarely mis-hear. 1.0 is identical, 0.0 nothing in common."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def jaro_winkler(first: str, second: str, prefix_scale: float = 0.1) -> float:
    if first == second:
        return 1.0 if first else 0.0
    len1, len2 = len(first), len(second)
    if not len1 or not len2:
        return 0.0
    window = max(max(len1, len2) // 2 - 1, 0)
    taken = [False] * len2
    matched1 = []
    for i, char in enumerate(first):
        low, high = max(0, i - window), min(len2, i + window + 1)
        for j in range(low, high):
            if not taken[j] and second[j] == char:
                taken[j] = True
                matched1.append(char)
                break
    if not matched1:
        return 0.0
    matched2 = [second[j] for j in range(len2) if taken[j]]
    transpositions = sum(a != b for a, b in zip(matched1, matched2, strict=True)) / 2
    m = len(matched1)
    jaro = (m / len1 + m / len2 + (m - transpositions) / m) / 3
    prefix = 0
    for a, b in zip(first[:4], second[:4], strict=False):
        if a != b:
            break
        prefix += 1
    return jaro + prefix * prefix_scale * (1 - jaro)
