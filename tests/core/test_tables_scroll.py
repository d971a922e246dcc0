"""Every table in the service's templates sits in its own scroll box (`ta-table-scroll`), so a
wide table scrolls inside itself and the page still reflows at 320 px (WCAG 2.2, 1.4.10). The
browser test finds an overflow only on the pages the demo roles reach; this finds a table
anywhere, including on a page added since."""

import re
from pathlib import Path

import teamaround

TEMPLATES = Path(teamaround.__file__).resolve().parent
OPENS = re.compile(r"<table\b")
BOX = '<div class="ta-table-scroll" tabindex="0">'


def test_every_table_is_in_its_own_scroll_box():
    unboxed = []
    for template in sorted(TEMPLATES.glob("*/templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for found in OPENS.finditer(text):
            before = text[: found.start()].rstrip()
            if not before.endswith(BOX):
                line = text.count("\n", 0, found.start()) + 1
                unboxed.append(f"{template.relative_to(TEMPLATES)}:{line}")
    assert not unboxed, "Tables outside a ta-table-scroll box:\n" + "\n".join(unboxed)
