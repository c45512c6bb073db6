"""The house's layers, checked on the source: `core/` knows no domain (the app hands it the table
registry), and the domain packages never import GraphQL (strawberry lives in `api/`)."""

from __future__ import annotations

import ast
import re
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


# SQL as the code writes it (keywords in capitals, so prose does not count; a SET that starts a
# statement, not an UPDATE's)
SESSION_STATE = re.compile(
    r"[\"']\s*SET\s+(?!LOCAL\b)(SESSION\s+)?[A-Za-z_]+|\bpg_(try_)?advisory_lock"
    r"(_shared)?\s*\(|\bLISTEN\s+\w|\bset_config\s*\([^)]*,\s*false\s*\)")
OWN_CONNECTION = {"core/db.py"}  # startup_lock: a session lock on a connection of its own


def test_no_session_state_on_pooled_connections() -> None:
    """Pooled connections go back without asyncpg's full reset (core/db.start_pool): nothing
    may leave session state on them (SET without LOCAL, session advisory locks, LISTEN)."""
    wrong = [f"{path.relative_to(PACKAGE)}: {match.group(0)!r}"
             for path in _sources(PACKAGE)
             if str(path.relative_to(PACKAGE)) not in OWN_CONNECTION
             for match in SESSION_STATE.finditer(path.read_text())]
    assert not wrong, "session state on a pooled connection: " + "; ".join(wrong)
