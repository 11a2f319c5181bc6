"""The documentation page of the permission table says what the table says."""

from pathlib import Path

import importlib.util


ROOT = Path(__file__).resolve().parents[2]


def test_docs_page_is_rendered_from_the_current_table():
    spec = importlib.util.spec_from_file_location(
        "render_permissions", ROOT / "scripts" / "render_permissions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import csv

    with module.TABLE.open(newline="", encoding="utf-8") as handle:
        expected = module.render(list(csv.DictReader(handle)))
    assert module.PAGE.read_text(encoding="utf-8") == expected, (
        "docs/permissions.md is out of date: run python scripts/render_permissions.py"
    )
