"""Every difference between SQLite's SQL and PostgreSQL's, in one place.

The repositories and the migrations are written once, in SQLite's dialect (the zero-setup
default: its statements run unchanged). For PostgreSQL, `to_postgres` rewrites a statement once
(cached), and `positional` orders its parameters:

- placeholders `?` and `:name` become `$1`, `$2`… (a name used twice keeps one number);
- `INSERT OR IGNORE` becomes `INSERT … ON CONFLICT DO NOTHING`;
- types: `INTEGER` is `BIGINT` (Telegram ids exceed 32 bits), a lone `INTEGER PRIMARY KEY` an
  identity column, `TEXT` columns compare byte-wise like SQLite's (`COLLATE "C"`: the ISO
  timestamps and the `''`/`'~'` bounds order the same), foreign keys are `DEFERRABLE` so that
  `PRAGMA defer_foreign_keys` (→ `SET CONSTRAINTS ALL DEFERRED`) works;
- functions: two-argument `MAX(a, b)` is `GREATEST`, `julianday(t)` is computed from the epoch,
  `x COLLATE NOCASE` is `lower(x)`, `rowid` (insertion order) is `ctid`;
- `PRAGMA user_version` reads and writes the `schema_version` table; other PRAGMAs are SQLite's
  own and never sent to PostgreSQL;
- a trigger `CREATE TRIGGER … BEGIN …; END` becomes a PL/pgSQL function and its trigger;
- the schema is read from `information_schema` instead of `sqlite_master`.

Booleans stay integers 0/1 on both (the schema's CHECKs say so), times stay ISO text.
What neither rewrite covers is written in the subset both engines share (subqueries in FROM
have an alias, GROUP BY names the key, HAVING and ORDER BY repeat aggregates, `1 = 1`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
VERSION_TABLE = "schema_version"  # PostgreSQL's PRAGMA user_version
CREATE_VERSION_TABLE = f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version BIGINT NOT NULL)"

# Literals and quoted names pass untouched; `?` and `:name` (not `::type`) are placeholders.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|(?<!:):([A-Za-z_]\w*)|\?")
_COMMENTS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*")
_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)
_RETURNING = re.compile(r"\s+RETURNING\s", re.IGNORECASE)
_LONE_KEY = re.compile(r"\bINTEGER\s+PRIMARY\s+KEY\b", re.IGNORECASE)
_INTEGER = re.compile(r"\bINTEGER\b", re.IGNORECASE)
_TEXT = re.compile(r"\bTEXT\b", re.IGNORECASE)
_REFERENCES = re.compile(
    r"(\bREFERENCES\s+\w+\s*\([^)]*\)(?:\s+ON\s+(?:DELETE|UPDATE)\s+"
    r"(?:CASCADE|SET\s+NULL|SET\s+DEFAULT|RESTRICT|NO\s+ACTION))*)", re.IGNORECASE)
_MAX_OF_TWO = re.compile(r"\bMAX\(([^(),]+),([^(),]+)\)", re.IGNORECASE)
_JULIANDAY = re.compile(r"\bjulianday\(([^()]+)\)", re.IGNORECASE)
_NOCASE = re.compile(r"([\w.]+)\s+COLLATE\s+NOCASE\b", re.IGNORECASE)
_ROWID = re.compile(r"\browid\b", re.IGNORECASE)
_TRIGGER = re.compile(
    r"^\s*CREATE\s+TRIGGER\s+(\w+)\s+(AFTER|BEFORE)\s+(INSERT|UPDATE|DELETE)\s+ON\s+(\w+)\s+"
    r"BEGIN\s+(.*?)\s*END\s*;?\s*$", re.IGNORECASE | re.DOTALL)
_PRAGMA = re.compile(r"^\s*PRAGMA\s+(\w+)\s*(?:=\s*(\w+))?\s*;?\s*$", re.IGNORECASE)
_ROWS_FIRST = ("SELECT", "WITH", "VALUES", "SHOW")


@dataclass(frozen=True)
class Statement:
    """A statement as PostgreSQL takes it: its text, the parameter names in `$n` order (None
    for positional `?`), and whether it returns rows (fetched, not just executed)."""

    sql: str
    names: tuple[str, ...] | None
    returns_rows: bool


def _placeholders(sql: str) -> tuple[str, tuple[str, ...] | None]:
    names: list[str] = []
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        token = match.group(0)
        if token == "?":
            count += 1
            return f"${count}"
        name = match.group(1)
        if name is None:
            return token  # a literal or a quoted name
        if name not in names:
            names.append(name)
        return f"${names.index(name) + 1}"

    return _TOKENS.sub(replace, sql), (tuple(names) if names else None)


def _pragma(name: str, value: str | None) -> str:
    if name.lower() == "user_version":
        if value is None:
            return f"SELECT COALESCE(MAX(version), 0) FROM {VERSION_TABLE}"
        return f"DELETE FROM {VERSION_TABLE}; INSERT INTO {VERSION_TABLE} VALUES ({int(value)})"
    if name.lower() == "defer_foreign_keys" and (value or "").upper() in {"ON", "1", "TRUE"}:
        return "SET CONSTRAINTS ALL DEFERRED"
    raise ValueError(f"PRAGMA {name} is SQLite's own: not for PostgreSQL")


def _trigger(match: re.Match[str]) -> str:
    name, when, event, table, body = match.groups()
    return (f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN "
            f"{body.strip()} RETURN NULL; END $body$; "
            f"CREATE TRIGGER {name} {when} {event} ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION {name}()")


def _schema(sql: str) -> str:
    sql = _LONE_KEY.sub("INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", sql)
    sql = _TEXT.sub('TEXT COLLATE "C"', sql)
    return _REFERENCES.sub(r"\1 DEFERRABLE INITIALLY IMMEDIATE", sql)


@lru_cache(maxsize=2048)
def to_postgres(sql: str) -> Statement:
    """`sql`, written for SQLite, as PostgreSQL runs it (see the module docstring)."""
    sql = _COMMENTS.sub(lambda match: "" if match.group(0).startswith("--") else match.group(0),
                        sql)
    pragma = _PRAGMA.match(sql)
    if pragma:
        text = _pragma(*pragma.groups())
        return Statement(text, None, text.startswith("SELECT"))
    if re.match(r"^\s*BEGIN\s+IMMEDIATE\s*;?\s*$", sql, re.IGNORECASE):
        return Statement("BEGIN", None, False)  # PostgreSQL's writers lock rows, not the file
    trigger = _TRIGGER.match(sql)
    if trigger:
        return Statement(_trigger(trigger), None, False)
    if re.match(r"^\s*(CREATE|ALTER)\s+TABLE\b", sql, re.IGNORECASE):
        sql = _schema(sql)
    if _INSERT_OR_IGNORE.match(sql):
        sql = _INSERT_OR_IGNORE.sub("INSERT INTO", sql, count=1)
        returning = _RETURNING.search(sql)
        at = returning.start() if returning else len(sql.rstrip().rstrip(";"))
        sql = f"{sql[:at]} ON CONFLICT DO NOTHING{sql[at:]}"
    sql = _INTEGER.sub("BIGINT", sql)
    sql = _MAX_OF_TWO.sub(r"GREATEST(\1,\2)", sql)
    sql = _JULIANDAY.sub(r"(EXTRACT(EPOCH FROM CAST(\1 AS TIMESTAMPTZ)) / 86400.0 + 2440587.5)",
                         sql)
    sql = _NOCASE.sub(r"lower(\1)", sql)
    sql = _ROWID.sub("ctid", sql)
    text, names = _placeholders(sql)
    first = text.lstrip().split(None, 1)[0].upper() if text.strip() else ""
    returns_rows = first in _ROWS_FIRST or _RETURNING.search(text) is not None
    return Statement(text, names, returns_rows)


def positional(statement: Statement, parameters: Iterable[Any] | Mapping[str, Any]) -> list[Any]:
    """The parameters in `$n` order."""
    if statement.names is None:
        return list(parameters)
    if not isinstance(parameters, Mapping):
        raise TypeError("named placeholders need a dict of parameters")
    return [parameters[name] for name in statement.names]


def changed_count(status: str) -> int:
    """The number of rows a PostgreSQL command tag reports ('UPDATE 3', 'INSERT 0 1'); -1 for
    a command without one (like sqlite3's rowcount)."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else -1


# ----- the schema, as each engine describes it ---------------------------------------------

TABLES = {
    SQLITE: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name",
    POSTGRESQL: "SELECT table_name AS name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                f"AND table_name <> '{VERSION_TABLE}' ORDER BY table_name",
}
# Every table's columns among `{names}` (placeholders filled in by the caller), in schema order.
COLUMNS_NAMED = {
    SQLITE: "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' "
            "AND p.name IN ({names}) ORDER BY m.name, p.cid",
    POSTGRESQL: "SELECT c.table_name, c.column_name FROM information_schema.columns AS c "
                "JOIN information_schema.tables AS t USING (table_schema, table_name) "
                "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
                f"AND c.table_name <> '{VERSION_TABLE}' "
                "AND c.column_name IN ({names}) ORDER BY c.table_name, c.ordinal_position",
}
# PostgreSQL only: the identity columns (a copy of rows moves their sequences past them).
IDENTITY_COLUMNS = ("SELECT table_name, column_name FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND is_identity = 'YES'")
