"""PolNeAR for the sourcing eval: reading its brat files, one annotation per article, and
classing each gold source (named, unnamed, other) and cue (a verb of saying or not). Split
from eval_polnear.py (which scores our sentences against these); see its docstring."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

PRONOUNS = {"he", "she", "i", "we", "they", "you", "it", "him", "her", "us", "them"}
NAMED_PRONOUNS = {"he", "she", "i", "we", "him", "her", "us"}
# Head nouns of unnamed people and groups (PolNeAR sources that name nobody).
UNNAMED_HEADS = {
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "people",
    "person",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "observer",
    "observers",
    "critic",
    "critics",
    "insider",
    "insiders",
    "member",
    "members",
    "staffer",
    "staffers",
    "staff",
    "democrats",
    "republicans",
    "supporters",
    "voters",
    "operative",
    "operatives",
    "strategist",
    "strategists",
    "someone",
    "others",
    "many",
    "some",
    "lawmakers",
    "legislators",
    "economists",
    "officers",
    "investigators",
    "individuals",
    "donors",
    "allies",
    "opponents",
    "leaders",
    "figures",
    "residents",
    "witnesses",
    "scientists",
    "researchers",
    "activists",
    "delegates",
    "administration",
    "agents",
    "prosecutors",
    "lawyers",
    "attorneys",
    "executives",
}
# The round-7 set, kept for the older view of the false-alarm rate (see classify_source).
UNNAMED_HEADS_R7 = frozenset(UNNAMED_HEADS)
# Their singulars (round 8): 'one Trump supporter', 'a Clinton aide', 'an NBC reporter' name
# nobody either; 'official', 'source', 'aide' and the like were already listed.
UNNAMED_HEADS |= {
    "supporter",
    "ally",
    "opponent",
    "leader",
    "voter",
    "resident",
    "witness",
    "scientist",
    "researcher",
    "activist",
    "delegate",
    "agent",
    "prosecutor",
    "lawyer",
    "attorney",
    "executive",
    "employee",
    "worker",
    "confidant",
    "friend",
    "reporter",
    "donor",
    "lawmaker",
    "legislator",
    "investigator",
    "officer",
    "economist",
}
NAMED_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
# Verbs and phrases of saying: the cues where a named source is plainly reported speech.
SAYING = {
    "say",
    "tell",
    "add",
    "state",
    "announce",
    "claim",
    "argue",
    "note",
    "explain",
    "write",
    "report",
    "ask",
    "insist",
    "warn",
    "suggest",
    "acknowledge",
    "admit",
    "deny",
    "confirm",
    "declare",
    "remark",
    "reply",
    "respond",
    "comment",
    "tweet",
    "testify",
    "predict",
    "assert",
    "contend",
    "maintain",
    "recall",
    "describe",
    "urge",
    "according",
    "continue",
    "conclude",
    "point",
    "observe",
    "stress",
    "emphasize",
    "complain",
    "charge",
    "allege",
    "accuse",
    "promise",
    "vow",
    "pledge",
    "boast",
    "joke",
    "quip",
    "mention",
    "repeat",
    "reiterate",
    "answer",
    "counter",
    "concede",
    "estimate",
    "find",
    "show",
    "post",
}


@dataclass
class GoldAttr:
    kind: str  # "Attribution" | "Attribution-no-source"
    content: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]]
    source_text: str = ""
    cue_text: str = ""
    source_class: str = "none"  # named | unnamed | other | none
    older_class: str = "none"  # the same in the round-7 view (classify_source, older=True)
    saying: bool = False


def data_root(split: str) -> Path | None:
    env = os.environ.get("NEWSPROV_POLNEAR")
    if not env:
        return None
    base = Path(env)
    for cand in (base / "data" / split, base / split):
        if (cand / "text").is_dir():
            return cand
    raise SystemExit(f"no {split}/text under {base}: set NEWSPROV_POLNEAR to PolNeAR's folder")


def spans_of(field_: str) -> list[tuple[int, int]]:
    out = []
    for frag in field_.split(";"):
        a, b = frag.split()
        out.append((int(a), int(b)))
    return out


def parse_ann(path: Path) -> list[GoldAttr]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offs = parts[1].partition(" ")
            try:
                spans[parts[0]] = (kind, spans_of(offs), parts[2] if len(parts) > 2 else "")
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    attrs = []
    for ev in events:
        kind = ev[0].split(":")[0]
        if kind not in ("Attribution", "Attribution-no-source"):
            continue
        a = GoldAttr(kind, [], [], [])
        for role in ev[1:]:
            name, _, tid = role.partition(":")
            name = re.sub(r"\d+$", "", name)
            if tid not in spans:
                continue
            _, offs, txt = spans[tid]
            if name == "Content":
                a.content += offs
            elif name == "Cue":
                a.cue += offs
                a.cue_text = (a.cue_text + " " + txt).strip()
            elif name == "Source":
                a.source += offs
                a.source_text = (a.source_text + " " + txt).strip()
        if a.content:
            attrs.append(a)
    return attrs


def pick_versions(split_dir: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs, one annotation per article: the name that sorts first."""
    anns = sorted((split_dir / "attributions").glob("*.ann"))
    by_article: dict[str, Path] = {}
    for ann in anns:
        article = ann.name.rsplit("_", 1)[0]
        by_article.setdefault(article, ann)
    pairs = []
    for txt in sorted((split_dir / "text").glob("*.txt")):
        ann = by_article.get(txt.name.removesuffix(".txt"))
        if ann:
            pairs.append((txt, ann))
    return pairs


def classify_source(doc, a: GoldAttr, older: bool = False) -> str:
    """named, unnamed, other or none. `older`: the round-7 classes, where any person's name
    in the phrase made it named ('the senator's advisers', 'one Trump supporter') and only
    the plural heads were generic; kept so the false-alarm rate can be read both ways."""
    if a.kind == "Attribution-no-source" or not a.source:
        return "none"
    toks = [t for s, e in a.source for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
    if not toks:
        return "other"
    words = [t.lower_ for t in toks]
    if len(toks) == 1 and words[0] in PRONOUNS:
        return "named" if words[0] in NAMED_PRONOUNS else "other"
    head = next((t for t in toks if t.head not in toks or t.head == t), toks[-1])
    # a name inside an apposition ("a spokesman, John Lee") or a list makes it named; a name
    # that only says whom the people serve or back ("Clinton's advisers", "one Trump
    # supporter", "people close to Sanders") does not (round 8: those were counted named)
    has_person = any(t.ent_type_ == "PERSON" and (older or _speaker_name(t, head)) for t in toks)
    has_name = has_person or any(t.pos_ == "PROPN" or t.ent_type_ in NAMED_ENTS for t in toks)
    heads = UNNAMED_HEADS_R7 if older else UNNAMED_HEADS
    generic = head.lower_ in heads or words[-1] in heads
    if generic and not has_person:
        return "unnamed"
    if has_name:
        return "named"
    return "other"


def _speaker_name(tok, head) -> bool:
    """Whether a PERSON token names the speaker: it is the head, or it reaches the head through
    an apposition or a list, or it sits outside the head's phrase; not when it hangs from the
    head as a possessive, compound, adjective or prepositional phrase."""
    t, steps = tok, 0
    while t.i != head.i and steps < 12:
        if t.dep_ in ("appos", "conj") or t.head.i == t.i:
            return True
        t, steps = t.head, steps + 1
    return tok.i == head.i if t.i == head.i else True


def is_saying(doc, a: GoldAttr) -> bool:
    toks = [t for s, e in a.cue for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
    return any(t.lemma_.lower() in SAYING or t.lower_ in SAYING for t in toks)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
