"""Lexicons: the one loader for every lexicon (framing and sourcing).

`load_lexicons(extra_paths, disabled)` reads every shipped file (annotate/lexicons/
framing*.toml and sourcing*.toml) and every user file once, tells each user file's kind,
applies `disabled` ids to both kinds and returns one `Lexicons` object. The Annotator passes
that object to both annotators, so `--lexicon` and `--disable` apply everywhere: sourcing
borrows its evaluative words from the framing entries *as loaded*, so a disabled or
user-added framing entry is disabled or added for sourcing too.

A user file's kind: a top-level `lexicon = "framing"` or `lexicon = "sourcing"` key says it;
without one, entry ids that all start with `framing.` or all with `sourcing.` tell it; failing
that, the entries' shape does (sourcing entries have `kind` and `words`, framing entries
`category` and `pattern` or `tokens`). A file that fits neither is a one-line error.

The framing entries' file format and parsing live in annotate/lexicon_entries.py, and the
check behind `newsprov lexicon check` in annotate/lexicon_check.py.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotate.lexicon_entries import (
    Lexicon,
    LexiconEntry,
    LexiconError,
    builtin_files,
    framing_lexicon,
    parse_entries,
)

if TYPE_CHECKING:
    from annotate.sourcing.lexicon import SourcingLexicon

LEXICON_KINDS = ("framing", "sourcing")
# framing.py's AUTO_PREFIX: ids of the open-vocabulary signal, valid for --disable though no
# file lists them (framing.py imports this module, so the prefix is repeated here); and the
# ids of framing rules that no file lists either (framing_questions.QUESTION_ID)
_AUTO_PREFIX = "framing.loaded.auto"
_RULE_IDS = (_AUTO_PREFIX, "framing.doubt.rhetorical_question")


@dataclass
class Lexicons:
    """Every lexicon, loaded once: what the Annotator hands to both annotators."""

    framing: Lexicon
    sourcing: SourcingLexicon
    disabled: tuple[str, ...] = ()
    sources: list[str] = field(default_factory=list)  # every file read, shipped ones first

    @property
    def sha256(self) -> str:
        return hashlib.sha256(f"{self.framing.sha256}\n{self.sourcing.sha256}".encode()).hexdigest()


def lexicon_kind(blob: bytes, name: str) -> str:
    """'framing' or 'sourcing' for a lexicon file (see the module docstring for how)."""
    try:
        data = tomllib.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{name}: not valid UTF-8 TOML ({exc}); fix the file and retry") from exc
    declared = data.get("lexicon")
    if declared is not None:
        if declared not in LEXICON_KINDS:
            raise LexiconError(
                f"{name}: lexicon = {declared!r} is not one of {', '.join(LEXICON_KINDS)}"
            )
        return declared
    raw = data.get("entry", [])
    entries = [e for e in raw if isinstance(e, dict)] if isinstance(raw, list) else []
    ids = [str(e.get("id", "")) for e in entries]
    for kind in LEXICON_KINDS:
        if ids and all(i.startswith(f"{kind}.") for i in ids):
            return kind
    if entries and all("words" in e and "kind" in e for e in entries):
        return "sourcing"
    if all("category" in e or "pattern" in e or "tokens" in e for e in entries):
        return "framing"  # also an empty file: it adds nothing either way
    raise LexiconError(
        f'{name}: cannot tell a framing from a sourcing lexicon; add lexicon = "framing" or '
        'lexicon = "sourcing" at the top of the file'
    )


def _read_extra(paths: Sequence[Path | str]) -> list[tuple[str, bytes, str]]:
    """(name, bytes, kind) of each user file, in the order given."""
    out = []
    for p in paths:
        path = Path(p)
        try:
            blob = path.read_bytes()
        except OSError as exc:
            raise LexiconError(
                f"cannot read lexicon file {path}: {exc.strerror}; check the path"
            ) from exc
        out.append((str(path), blob, lexicon_kind(blob, str(path))))
    return out


def load_lexicons(extra_paths: Sequence[Path | str] = (), disabled: Iterable[str] = ()) -> Lexicons:
    """Every lexicon, read once: the shipped framing and sourcing files plus the user files
    in `extra_paths` (either kind), with the `disabled` entry ids switched off in both.

    Sourcing borrows its evaluative words from the framing entries loaded here, so
    disabling `framing.loaded.disaster` also stops sourcing citing it, and a user framing
    entry is borrowed too. An id that no lexicon has is an error (a typo would otherwise
    switch nothing off)."""
    from annotate.sourcing.lexicon import build_lexicon

    extra = _read_extra(extra_paths)
    framing_files = builtin_files("framing") + [(n, b) for n, b, k in extra if k == "framing"]
    sourcing_files = builtin_files("sourcing") + [(n, b) for n, b, k in extra if k == "sourcing"]
    off = tuple(sorted(set(disabled)))
    framing, known = framing_lexicon(framing_files, off)
    sourcing = build_lexicon(sourcing_files, off, framing.entries)
    known |= sourcing.ids
    unknown = [i for i in off if i not in known and not i.startswith(_RULE_IDS)]
    if unknown:
        raise LexiconError(
            f"--disable {unknown[0]}: no framing or sourcing lexicon entry has this id; the ids "
            "are in annotate/lexicons/*.toml (framing ones also in `newsprov lexicon list`)"
        )
    return Lexicons(
        framing=framing,
        sourcing=sourcing,
        disabled=off,
        sources=[n for n, _ in framing_files + sourcing_files],
    )


def load_lexicon(extra_paths: Sequence[Path | str] = (), disabled: Iterable[str] = ()) -> Lexicon:
    """The shipped framing entries plus those in the framing files of `extra_paths` (sourcing
    files among them are left to the sourcing lexicon), minus `disabled` ids.

    An extra file may redefine a shipped id: its entry replaces the shipped one, which is
    how a user overrides a rule without editing the package.
    """
    extra = [(name, blob) for name, blob, kind in _read_extra(extra_paths) if kind == "framing"]
    return framing_lexicon(builtin_files() + extra, disabled)[0]


def all_entries(extra_paths: Sequence[Path | str] = ()) -> list[LexiconEntry]:
    """Every framing entry as written, duplicates included (what `check` needs to see)."""
    extra = [(name, blob) for name, blob, kind in _read_extra(extra_paths) if kind == "framing"]
    return [e for name, blob in builtin_files() + extra for e in parse_entries(blob, name)]
