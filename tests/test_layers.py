"""The house's layers, checked on the source: `core/` knows no domain (the app hands it the table
registry), and the domain packages never import GraphQL (strawberry lives in `api/`)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "backend" / "clientele"
CORE_MAY_IMPORT = ("clientele.core", "clientele.settings")
DOMAINS = ("accounts", "appointments", "blocking", "calendar_sync", "communications",
           "customers")


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _sources(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.py") if "piccolo_migrations" not in p.parts]


def test_core_imports_no_domain_package_and_no_table_registry() -> None:
    wrong = [f"{path.relative_to(PACKAGE)}:{line} imports {module}"
             for path in _sources(PACKAGE / "core") for line, module in _imports(path)
             if module.startswith("clientele") and not module.startswith(CORE_MAY_IMPORT)]
    assert not wrong, "core/ must stay domain-free: " + "; ".join(wrong)


def test_the_domain_never_imports_graphql() -> None:
    wrong = [f"{path.relative_to(PACKAGE)}:{line} imports {module}"
             for domain in DOMAINS for path in _sources(PACKAGE / domain)
             for line, module in _imports(path)
             if module.split(".")[0] in ("strawberry", "graphql")
             or module.startswith("clientele.api")]
    assert not wrong, "GraphQL belongs in api/: " + "; ".join(wrong)
