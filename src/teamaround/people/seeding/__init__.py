"""The people app's part of the synthetic county (see core.seeding): households of every
shape, near-duplicate records across agencies, and teams involved with some families.
`teamaround seed --children N` sets the scale (default 2,000)."""

from teamaround.core.seeding import SeedContext
from teamaround.people.seeding.county import CountyTruth, build_county

DEFAULT_CHILDREN = 2000


def seed(context: SeedContext) -> None:
    children = int(context.options.get("children") or DEFAULT_CHILDREN)
    with context.step(f"People: {children:,} children with their families"):
        truth = build_county(context, children)
        context.shared["people_truth"] = truth
        context.out.write(
            f"  {truth.families:,} families, {len(truth.duplicates):,} "
            "near-duplicate records to find and merge\n"
        )


__all__ = ["CountyTruth", "build_county", "seed"]
