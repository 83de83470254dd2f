"""The pure domain: curated data, its validation and the functions that answer from it.

The small public API (no Telegram imports anywhere in this package):

- `load_knowledge()` → `Knowledge`: every data file, validated and cross-checked, loaded once.
  Lookups: `.source(id)`, `.figure(id)`, `.band(id)`, `.bands_for_stage(stage_id)`,
  `.certification(code)`, `.stage(id)`, `.topic(id)`, `.state_mean(code)`; collections:
  `.sources`, `.figures`, `.certifications`, `.stages`, `.topics`, `.salary`, `.career`, `.states`.
- `KnowledgeDataError`: raised for a broken data file; its message names file, entry and field.
- `knowledge.text`: `render_text(text)` fills `[fig:ID]` placeholders with value, period and
  source; `format_figure`, `format_money`, `cite`.
- `knowledge.cards.cards()`: every topic, certification, stage, stage band, state and figure as
  a uniform `Card` (id, kind, title, text, keywords, sources, command) for search and inline mode.
- `knowledge.salary.estimate_salary(profile)`, `knowledge.certify` (eligibility and the next
  certification), `knowledge.career` (placement on the ladder and the next step).
"""

from knowledge.loader import KnowledgeDataError
from knowledge.store import Knowledge, load_from, load_knowledge

__all__ = ["Knowledge", "KnowledgeDataError", "load_from", "load_knowledge"]
