"""The framing lexicon's `tokens` patterns, matched only where they can match.

One spaCy Matcher holding every `tokens` pattern tries each pattern at each token of the
text: with ~80 patterns it cost about as much as the rest of the framing stage together.
Nearly every pattern needs some word (`{ LOWER = "army" }`, `{ LEMMA = { IN = ["fool",
"convince"] } }`), and most texts have none of them. So each pattern gets a Matcher of its
own, gated by the words it cannot match without: it runs only on a text that holds, for
every required token of the pattern, one of that token's words (as written, lower-cased or
as a lemma). A pattern with no such word runs on every text. A text without the words
cannot hold a match, so the matches are the same as the single Matcher's.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token attributes whose values are whole words a text either holds or not.
_WORD_ATTRS = frozenset({"LOWER", "LEMMA", "ORTH", "TEXT"})
# Operators under which a token must be present at least once.
_REQUIRED_OPS = frozenset({None, "+", "1"})


def required_words(pattern: list[dict]) -> list[frozenset[str]]:
    """For each token the pattern cannot match without, the words one of which it must be:
    `[{LOWER: "the"}, {LOWER: {IN: ["very", "most"]}, OP: "?"}, {LEMMA: "excuse"}]` gives
    [{"the"}, {"excuse"}]. Tokens that are optional, negated or constrained otherwise (POS,
    NOT_IN, REGEX) give nothing."""
    out = []
    for spec in pattern:
        ops = {str(k).upper(): v for k, v in spec.items()}
        if ops.get("OP") not in _REQUIRED_OPS:
            continue
        for attr, value in ops.items():
            if attr not in _WORD_ATTRS:
                continue
            if isinstance(value, str):
                out.append(frozenset({value}))
                break
            if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
                words = value["IN"]
                if words and all(isinstance(w, str) for w in words):
                    out.append(frozenset(words))
                    break
    return out


class GatedTokenMatcher:
    """A drop-in for one Matcher of whole-pattern entries: `add(key, pattern)`, `len()`,
    and calling it on a Doc gives (match_id, start, end) triples, the same set the single
    Matcher gives."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._always = Matcher(vocab)  # patterns that require no particular word
        # (gate: per required token, the hashes of its words; a Matcher of one entry)
        self._gated: list[tuple[list[frozenset[int]], Matcher]] = []
        self._keys: list[str] = []

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str, pattern: list[dict]) -> None:
        """Raises what Matcher.add raises for a bad pattern."""
        gate = [
            frozenset(self.vocab.strings.add(w) for w in words) for words in required_words(pattern)
        ]
        if gate:
            m = Matcher(self.vocab)
            m.add(key, [pattern])
            self._gated.append((gate, m))
        else:
            self._always.add(key, [pattern])
        self._keys.append(key)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        hits: list[tuple[int, int, int]] = []
        if len(self._always):
            hits += self._always(doc)
        if self._gated:
            # every word of the text in every form a pattern may name (hash ids: cheap)
            present = set(doc.to_array([LOWER, LEMMA, ORTH]).ravel().tolist())
            for gate, m in self._gated:
                if all(not present.isdisjoint(words) for words in gate):
                    hits += m(doc)
        return hits
