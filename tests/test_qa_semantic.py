"""The semantic signal with the real model from the installed wordllama package."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from safetensors import safe_open

from knowledge.qa import Outcome
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.semantic import (
    TENSOR,
    TOKENIZER,
    WEIGHTS,
    WORD_START,
    SemanticIndex,
    _vocabulary,
    package_file,
    wordllama_model,
)

MODEL = wordllama_model()


def test_the_model_loads_offline_without_importing_wordllama_or_a_downloader() -> None:
    code = ("import sys; from knowledge.qa.semantic import wordllama_model; "
            "m = wordllama_model(); "
            "print(m.dimensions, 'wordllama' in sys.modules, 'requests' in sys.modules, "
            "'huggingface_hub' in sys.modules, 'tokenizers' in sys.modules)")
    env = {"HF_HUB_OFFLINE": "1", "NO_PROXY": "*", "HTTP_PROXY": "http://127.0.0.1:9",
           "HTTPS_PROXY": "http://127.0.0.1:9", "HOME": "/nonexistent"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=True, timeout=60)
    assert result.stdout.split() == ["128", "False", "False", "False", "False"]


def test_the_vectors_are_the_packages_own_first_dimensions() -> None:
    # Read whole by the safetensors library itself, for comparison with the block reader.
    with safe_open(str(package_file(WEIGHTS)), framework="np") as weights:
        reference = weights.get_slice(TENSOR)[:, :MODEL.dimensions]
    tokens = _vocabulary(package_file(TOKENIZER))
    assert len(tokens) == len(MODEL._pieces) > 15_000
    for piece in (" stress", "ful", " tele", "s", " hospital"):
        row = MODEL._pieces[piece]
        assert np.array_equal(MODEL._vectors[row], reference[tokens[piece]])


def _folded_piece(piece: str) -> str | None:
    """The piece as folded text can contain it (a word's start as a space), or None."""
    body = piece.removeprefix(WORD_START)
    if not body or not body.isascii() or not body.isalnum() or body.lower() != body:
        return None
    return f" {body}" if piece.startswith(WORD_START) else body


def test_the_scanned_vocabulary_is_the_folded_part_of_the_parsed_one() -> None:
    # The whole tokenizer file parsed as JSON, each piece folded: the same pieces, ids, order.
    vocab = json.loads(package_file(TOKENIZER).read_text("utf-8"))["model"]["vocab"]
    folded = {_folded_piece(piece): token for piece, token in vocab.items()}
    folded.pop(None)
    assert list(_vocabulary(package_file(TOKENIZER)).items()) == list(folded.items())
    assert _folded_piece("\u2581stress") == " stress" and _folded_piece("ful") == "ful"
    assert _folded_piece("\u2581Stress") is None and _folded_piece("<unk>") is None


def test_words_split_into_known_pieces_longest_first() -> None:
    assert MODEL.rows("stressful") == (MODEL._pieces[" stress"], MODEL._pieces["ful"])
    assert MODEL.rows("hospitals") == (MODEL._pieces[" hospital"], MODEL._pieces["s"])
    assert MODEL.encode([""])[0].tolist() == [0.0] * MODEL.dimensions


def test_similar_sentences_are_closer_than_unrelated_ones() -> None:
    vectors = MODEL.encode(["is this job stressful", "stress level of the work",
                            "how much does an rhit earn"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > 0.6 > 0.2 > vectors[0] @ vectors[2]


def test_the_index_gives_each_entry_its_closest_example_best_first() -> None:
    index = SemanticIndex(MODEL, [(0, "stress pressure"), (1, "salary pay"),
                                  (1, "how much money"), (2, "renew credential")])
    found = index.similar("money earn", 2)
    assert list(found) == [1] and found[1] > 0.5
    assert len(index) == 4
    assert index.similar("", 3) == {} and index.similar("pay", 0) == {}


@pytest.mark.parametrize(("question", "entry_id"), [
    ("what kind of money are we talking", "topic:salary_national"),
    ("are there enough openings going forward", "topic:outlook"),
])
def test_meaning_lets_the_knowledge_answer_words_it_lacks(question: str, entry_id: str) -> None:
    answer = knowledge_engine().answer(question)
    assert answer.outcome is Outcome.ANSWERED and answer.entry is not None
    assert answer.entry.id == entry_id
    assert answer.meaning >= 0.45 and answer.coverage < 0.6


@pytest.mark.parametrize("question", ["what's the dress code at hospitals",
                                      "is there a union for records people"])
def test_meaning_alone_does_not_answer_what_the_knowledge_lacks(question: str) -> None:
    assert knowledge_engine().answer(question).outcome is Outcome.UNKNOWN
