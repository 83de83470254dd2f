"""Meaning: how close a question is to each entry's example questions in a sentence-embedding
space, so that words the knowledge never uses ("openings going forward", "what kind of money
are we talking") do not hide what the rest of the question asks.

The model is WordLlama's `l2_supercat` (MIT): static token vectors trained for sentence
similarity, whose weights and tokenizer ship inside the `wordllama` wheel. A sentence is the
mean of its tokens' vectors, compared by cosine. Nothing is downloaded: the two files are read
where pip installed them. The package is located, not imported (importing it configures the root
logger and imports `requests`), and only what folded text needs is kept, to stay small:
- the pieces made of lower-case letters and digits (17k of the 32k; folded text has no other),
  split greedily, longest piece first (the full BPE tokenizer of the `tokenizers` library costs
  16 MB of memory for the same vectors), held as a WordTable (knowledge/qa/wordtable.py: 0.2 MB,
  not a dict's 1.8 MB);
- the first DIMENSIONS of each vector (the model is trained so that the first ones carry most of
  the meaning), as 16-bit floats.
numpy is imported where it is used, not with this module: the model is read and the examples
encoded in the engine's build, in a worker thread (handlers/ask.py), off the start-up path.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.qa.wordtable import WordTable

if TYPE_CHECKING:
    import numpy as np

PACKAGE = "wordllama"
WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
TENSOR = "embedding.weight"
DIMENSIONS = 128
# SentencePiece marks a piece that starts a word with this character.
WORD_START = "\u2581"
# An entry of the vocabulary (a JSON object) whose piece folded text can contain: lower-case
# letters and digits, perhaps after WORD_START (raw UTF-8 in the file: it escapes none).
_FOLDED_ENTRY = re.compile(rb'[{,]\s*"(' + re.escape(WORD_START.encode()) +
                           rb')?([a-z0-9]+)"\s*:\s*(\d+)')
LONGEST_PIECE = 16
# The weights are read this many rows at a time (256 dimensions: 1 MB).
BLOCK_ROWS = 2048
# Examples less similar than this (cosine) are not counted.
MIN_SIMILARITY = 0.3


def package_file(relative: str) -> Path:
    """A file of the installed `wordllama` package, found without importing it."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the {PACKAGE} package (its model files) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / relative


def _vocabulary(path: Path) -> dict[str, int]:
    """Piece → token id, for the pieces folded text can contain, in the vocabulary's order.
    Only those entries of the tokenizer's vocabulary are read (a scan of its bytes, not a JSON
    parse of all 32k pieces and 61k merges: the parse left 5.8 MB of freed but unreturnable
    memory behind, the scan 1.4 MB in all)."""
    raw = path.read_bytes()
    start = raw.index(b"{", raw.index(b'"vocab"'))
    section = raw[start:raw.index(b'"merges"')]
    del raw
    pieces = {}
    for found in _FOLDED_ENTRY.finditer(section):
        body = found[2].decode("ascii")
        pieces[f" {body}" if found[1] else body] = int(found[3])
    return pieces


def _rows(path: Path, tokens: Sequence[int], dimensions: int) -> np.ndarray:
    """The first `dimensions` of the vectors of `tokens` (sorted), as 16-bit floats, read
    from a safetensors file a block at a time (the format: an 8-byte header length, a JSON
    header giving each tensor's type, shape and byte range, then the data)."""
    import numpy as np

    with path.open("rb") as handle:
        header = json.loads(handle.read(int.from_bytes(handle.read(8), "little")))
        tensor = header[TENSOR]
        if tensor["dtype"] != "F16" or len(tensor["shape"]) != 2:
            raise ValueError(f"{path.name}: expected a 2-d F16 {TENSOR}, got {tensor}")
        count, width = tensor["shape"]
        data_start = handle.tell() + tensor["data_offsets"][0]
        wanted = np.asarray(tokens, dtype=np.int64)
        out = np.empty((len(wanted), dimensions), dtype=np.float16)
        for first in range(0, count, BLOCK_ROWS):
            inside = (wanted >= first) & (wanted < first + BLOCK_ROWS)
            if not inside.any():
                continue
            rows = min(BLOCK_ROWS, count - first)
            handle.seek(data_start + first * width * 2)
            block = np.frombuffer(handle.read(rows * width * 2), dtype="<f2").reshape(rows, width)
            out[inside] = block[wanted[inside] - first, :dimensions]
    return out


class StaticEmbeddings:
    """Sentence vectors as the mean of their pieces' vectors, unit length."""

    def __init__(self, pieces: WordTable, vectors: np.ndarray) -> None:
        self._pieces = pieces  # piece → row of `vectors`
        self._vectors = vectors
        self.rows = lru_cache(maxsize=8192)(self._rows)

    @property
    def dimensions(self) -> int:
        return int(self._vectors.shape[1])

    def _rows(self, word: str) -> tuple[int, ...]:
        """The rows of a folded word's pieces, longest piece first; a letter no piece has is
        skipped."""
        rows = []
        rest = f" {word}"
        while rest:
            for end in range(min(len(rest), LONGEST_PIECE), 0, -1):
                row = self._pieces.get(rest[:end])
                if row is not None:
                    rows.append(row)
                    rest = rest[end:]
                    break
            else:
                rest = rest[1:]
        return tuple(rows)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (folded words separated by spaces); zero when no word has
        a piece."""
        import numpy as np

        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for position, text in enumerate(texts):
            rows = [row for word in text.split() for row in self.rows(word)]
            if rows:
                vector = self._vectors[rows].astype(np.float32).mean(axis=0)
                norm = float(np.linalg.norm(vector))
                out[position] = vector / norm if norm else vector
        return out


@cache
def wordllama_model(dimensions: int = DIMENSIONS) -> StaticEmbeddings:
    """The model, read once per process from the installed package's files."""
    pieces = _vocabulary(package_file(TOKENIZER))
    tokens = sorted(set(pieces.values()))
    vectors = _rows(package_file(WEIGHTS), tokens, dimensions)
    row_of = {token: row for row, token in enumerate(tokens)}
    rows = WordTable([(list(pieces), [row_of[token] for token in pieces.values()])], "uint16")
    return StaticEmbeddings(rows, vectors)


class SemanticIndex:
    """The example questions of every entry as vectors."""

    def __init__(self, model: StaticEmbeddings, examples: Iterable[tuple[int, str]]) -> None:
        pairs = [(doc, text) for doc, text in examples if text]
        self._model = model
        self._docs = [doc for doc, _ in pairs]
        self._matrix = model.encode([text for _, text in pairs])

    def __len__(self) -> int:
        return len(self._docs)

    def similar(self, text: str, limit: int) -> dict[int, float]:
        """Up to `limit` entries whose closest example is at least MIN_SIMILARITY, with that
        cosine similarity, best first."""
        if not text or limit <= 0 or not self._docs:
            return {}
        import numpy as np

        scores = self._matrix @ self._model.encode([text])[0]
        best: dict[int, float] = {}
        for position in np.argsort(-scores, kind="stable"):
            score = float(scores[position])
            if score < MIN_SIMILARITY:
                break
            best.setdefault(self._docs[position], score)
            if len(best) == limit:
                break
        return best
