"""The English word table the bot reads (knowledge/data/english_zipf.txt) is the one
knowledge/qa/english_source.py derives from the installed pyspellchecker's list."""

from __future__ import annotations

from knowledge.qa.english import TABLE_FILE, read_table, word_table
from knowledge.qa.english_source import derived_table, table_text


def test_the_shipped_table_is_the_one_derived_from_pyspellchecker() -> None:
    derived = derived_table()
    assert read_table() == derived
    assert TABLE_FILE.read_text(encoding="ascii") == table_text(derived)


def test_the_table_keeps_common_words_and_drops_rare_ones() -> None:
    table = read_table()
    assert 30_000 < len(table) < 50_000
    assert table["pay"] > table["paycheck"] > table["chicago"] >= 20
    assert "fresno" not in table


def test_the_compact_table_gives_every_words_value_and_none_for_others() -> None:
    table = read_table()
    compact = word_table()
    assert len(compact) == len(table)
    assert all(compact.get(word) == value for word, value in table.items())
    for other in ("", "fresno", "hosptial", "payy", "café", "a" * 40, "pay1"):
        assert compact.get(other) is table.get(other) is None
