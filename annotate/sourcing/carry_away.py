"""Pass 2, attribution a sentence away (round 13, issue 9): content whose source is named in
an adjacent sentence or line, in shapes that real copy uses and `carry.py` did not cover.

- `sourcing.carry.colon_intro`: a sentence that names a source and ends on a colon ('They
  found that:', 'Ms Vale wrote:') announces the words that follow: the rest of its paragraph
  and the next one, then only a list of one-sentence paragraphs, up to another attribution, a
  heading or another announcement. Only a named source is carried: an unnamed one ('Here is
  what the reviews say:') would only swap one unsourced label for another. The writer's own
  sources ('it gets better:', 'we thought:') announce nothing.
- `sourcing.carry.poll_share`: a share of a group as the speaker ('Sixty percent say ...',
  'about 4 in 10 renters said ...') right after a named poll or survey answers that poll;
  alone it is a vague group (`sourcing.source.share_group`). The share stays the source span.
- `sourcing.carry.reported_speech`: after indirect speech in the past ('Councillor Reyes said
  the scheme was late.'), the next sentence whose main verb keeps the speaker's backshifted
  modal ('It would now open in May.') goes on reporting the speaker. Only 'would', 'could',
  'might', and not with the writer's hedge ('would probably') or 'That would ...'; the past
  perfect ('had risen') is left out, as it is also the tense of the writer's background. The
  label is the speaker's: named_source for a named one, the unnamed source's own otherwise.
- `sourcing.carry.inverted_intro`, `statement_issued`, `roundup_label`: a line that names the
  speaker of the quotation after it (carry_intro.py).
- `sourcing.carry.named_team`: a bare 'researchers' at most three sentences after a named
  researcher given with a body ('Lukas Brandt with Kestrel Labs') is that body's team.

What stays the writer's own: a sentence in a plain tense after a quotation or a statement
('The deal was struck in secret.'), background that no speaker gave, and anything after a
quotation tag rather than indirect speech."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from annotate.sourcing.attribution import Attribution
from annotate.sourcing.carry import _Chain
from annotate.sourcing.carry_next import _short
from annotate.sourcing.words import _CARRY_KINDS

# how far an announcement reaches: sentences, and paragraphs after its own
_INTRO_SENTENCES = 8
_INTRO_PARAGRAPHS = 6
# sources that do not announce anyone's words ('it gets better:', 'we thought:')
_NOT_SPEAKERS = frozenset(("it", "this", "that", "we", "i", "you"))
# modal verbs that keep a reported speaker's tense ('would open', 'could cost')
_BACKSHIFT = frozenset(("would", "could", "might"))
# the writer's own hedges: a guess, not the reported speaker's tense
_HEDGES = frozenset(("probably", "likely", "maybe", "perhaps", "possibly", "presumably"))
# words that make a speaker a share of a group ('Sixty percent', 'half of', 'a majority')
_SHARE_WORDS = frozenset(
    ("percent", "per", "%", "half", "majority", "minority", "third", "quarter", "fifth")
)
# the labels of a speaker whose reported speech may run on
_SPEAKER_KINDS = frozenset(("person", "institution", "named", "document", "anonymous", "weasel"))
RULE_TEAM = "sourcing.carry.named_team"
# a bare plural that, after a named researcher or body, means its research team ("scientists
# believe ..." is more often the field at large: a development page, round 13)
_TEAM_NOUNS = frozenset(("researcher",))
_AFFILIATION = frozenset(("with", "of", "at", "from"))
# how far back the named researcher or body may be
_TEAM_SENTENCES = 3
RULE_INTRO = "sourcing.carry.colon_intro"
RULE_ANNOUNCE = "sourcing.carry.announcement"
# what a verb of saying holds when the words themselves come after the colon
_ANNOUNCED = frozenset(("what", "following", "this", "these", "that", "it", "so", "how"))
_UNSOURCED = frozenset(("vague_document", "weasel", "anonymous_source", "agentless"))
RULE_POLL = "sourcing.carry.poll_share"
RULE_SPEECH = "sourcing.carry.reported_speech"
QUOTED = 60  # characters of the sentence a reason quotes (carry_next's _short clips it)


def _heading(s: SpacySpan, alone: bool) -> bool:
    """A line on its own with no closing stop ('What the study found', 'Key findings')."""
    text = s.text.strip()
    return alone and len(s) <= 12 and not text.endswith((".", "!", '"', "\u201d", ")", ";"))


def colon_intros(
    sents: list[SpacySpan],
    explicit: list[Attribution | None],
    quoted: list[list[bool]],
    para_no: list[int],
) -> dict[int, int]:
    """Sentence index -> the index of the named announcement ('They found that:') whose
    words it is. An announcement's run stops at a sentence with an attribution of its own, a
    heading, another announcement, or after `_INTRO_SENTENCES` / `_INTRO_PARAGRAPHS`."""
    out: dict[int, int] = {}
    n = len(sents)
    for j, s in enumerate(sents):
        a = explicit[j]
        text = s.text.rstrip()
        if (
            not text.endswith(":")
            or a is None
            or a.label != "named_source"
            or a.kind not in _CARRY_KINDS
            or a.source is None
            or a.cue is None
            or a.cue.start >= s.start_char + len(text) - 1
            or a.source.text.lower() in _NOT_SPEAKERS
            or (quoted[j] and quoted[j][-1])  # the colon closes a quotation's own words
        ):
            continue
        for k in range(j + 1, min(n, j + 1 + _INTRO_SENTENCES)):
            if para_no[k] > para_no[j] + _INTRO_PARAGRAPHS or explicit[k] is not None:
                break
            if para_no[k] > para_no[j] + 1 and para_no[k] == para_no[k - 1]:
                break  # past the first paragraph only a list of one-sentence items runs on
            if para_no[k] > para_no[j] + 1 and k + 1 < n and para_no[k + 1] == para_no[k]:
                break
            alone = (k + 1 >= n or para_no[k + 1] != para_no[k]) and para_no[k - 1] != para_no[k]
            if _heading(sents[k], alone):
                break
            out[k] = j
            if sents[k].text.rstrip().endswith(":"):
                break  # a new announcement of the writer's own ('Those were the findings:')
    return out


def _affiliated(s: SpacySpan, a: Attribution) -> bool:
    """The source is followed by 'with', 'of', 'at' or 'from' and a name ('Lukas Brandt
    with Kestrel Labs'), or contains them."""
    if a.source is None:
        return False
    span = s.doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
    if span is None:
        return False
    end = min(span.end + 2, s.end)
    return any(
        t.lower_ in _AFFILIATION and t.i + 1 < end + 1 and t.nbor().pos_ == "PROPN"
        for t in s.doc[span.start : end]
        if t.i + 1 < len(s.doc)
    )


def _said_that(s: SpacySpan, a: Attribution) -> bool:
    """The sentence reports speech indirectly in the past: its cue is a verb in the past
    ('said', 'told', 'wrote') with a clause of its own ('said the scheme was late')."""
    if a.cue is None:
        return False
    cue = s.doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
    verb = next((t for t in cue or () if t.pos_ == "VERB"), None)
    return (
        verb is not None
        and verb.tag_ == "VBD"
        and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    )


class CarryAway:
    """Pass 2 mixin: content whose source is named in the adjacent sentence."""

    def _from_intro(self, i: int, j: int, sents: list[SpacySpan], src: Attribution) -> Attribution:
        name = src.source.text if src.source is not None else "the source"
        return Attribution(
            "named_source",
            src.kind,
            f"announced by the sentence before: '{_short(sents[j].text, QUOTED)}' ('{name}')"
            if j == i - 1
            else f"in the words announced by '{_short(sents[j].text, QUOTED)}' ('{name}')",
            RULE_INTRO,
            source=src.source,
            cue=None,
            head=src.head,
        )

    @staticmethod
    def _announcement(a: Attribution | None, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        """'Here is what the early reviews say:' claims nothing itself: the words follow the
        colon (rule sourcing.carry.announcement). 'Critics say the plan is flawed:' does."""
        text = s.text.rstrip()
        if a is None or a.label not in _UNSOURCED or a.cue is None or not text.endswith(":"):
            return None
        if mask and mask[-1]:
            return None
        cue = s.doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
        verb = next((t for t in cue or () if t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return None
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp", "advcl", "attr", "oprd"):
                return None
            if c.dep_ in ("dobj", "obj", "advmod") and c.lower_ not in _ANNOUNCED:
                if c.dep_ != "advmod" or c.lower_ not in ("also", "now", "here"):
                    return None
        name = a.source.text if a.source is not None else "its source"
        return Attribution(
            "none",
            "none",
            f"announces the words that follow ('{name}'): no claim of its own",
            RULE_ANNOUNCE,
        )

    @staticmethod
    def _poll_share(
        a: Attribution | None, chain: _Chain, sents: list[SpacySpan], para: int, i: int
    ) -> Attribution | None:
        """A share of a group speaking ('Fifty percent say ...') right after a named poll."""
        src = chain.source
        if (
            a is None
            or a.label in ("named_source", "vague_document")  # a document is not its answers
            or a.source is None
            or src is None
            or src.kind != "document"
            or chain.last < i - 2
            or para > chain.para + 1
        ):
            return None
        toks = sents[i].doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
        # the share leads the phrase ('half of voters', '4 in 10 renters'), not a number
        # after its head ('voters in all five states')
        if toks is None or not any(
            (t.like_num or t.lower_ in _SHARE_WORDS) and t.i <= toks.root.i for t in toks
        ):
            return None
        name = src.source.text if src.source is not None else "the poll"
        where = _short(sents[chain.at].text, QUOTED) if 0 <= chain.at < len(sents) else name
        return Attribution(
            "named_source",
            "document",
            f"'{a.source.text}' answers the poll named before: '{name}' ('{where}')",
            RULE_POLL,
            source=a.source,  # who answered; the poll that asked them is in the reason
            cue=a.cue,
            head=a.head,
        )

    @staticmethod
    def _named_team(
        a: Attribution | None, mem, sents: list[SpacySpan], i: int
    ) -> Attribution | None:
        """'... said Lukas Brandt with Kestrel Labs in an analysis. [...] Researchers found
        the links spread by text message.': a bare 'researchers' after a named researcher or
        body refers back to its team (rule sourcing.carry.named_team)."""
        head = a.head if a is not None else None
        if (
            a is None
            or a.label != "weasel"
            or head is None
            or head.lemma_.lower() not in _TEAM_NOUNS
            or head.tag_ != "NNS"
            or any(c.dep_ not in ("punct",) for c in head.children)
        ):
            return None
        for j, b in reversed(mem.sources):
            if j >= i:
                continue
            if j < i - _TEAM_SENTENCES:
                return None
            if b.label != "named_source" or b.source is None:
                continue
            # a body, or a person given with one ('Lukas Brandt with Kestrel Labs': the parse
            # may hang 'with' on the verb, so the words right after the name are read)
            body = b.kind in ("institution", "named") or _affiliated(sents[j], b)
            if not body:
                return None  # the nearest named source is a lone person: no team
            return Attribution(
                "named_source",
                b.kind,
                f"'{a.source.text if a.source else head.text}' refers back to the team of"
                f" '{b.source.text}' ('{_short(sents[j].text, QUOTED)}')",
                RULE_TEAM,
                source=b.source,
                cue=a.cue,
                head=b.head,
            )
        return None

    @staticmethod
    def _reported_speech(
        s: SpacySpan,
        mask: list[bool],
        check: Attribution | None,
        chain: _Chain,
        sents: list[SpacySpan],
        explicit: list[Attribution | None],
        quoted: list[list[bool]],
        para_no: list[int],
        i: int,
    ) -> Attribution | None:
        """'Councillor Reyes said the scheme was late. It would now open in May.'"""
        if check is None or i == 0 or para_no[i] > para_no[i - 1] + 1:
            return None
        prev = explicit[i - 1]
        if prev is None and chain.source is not None and chain.last == i - 1:
            prev = chain.source  # a run already carried from the speaker
        if (
            prev is None
            or prev.kind not in _SPEAKER_KINDS
            or prev.cue is None
            or sum(quoted[i - 1]) * 2 >= len(quoted[i - 1])  # a quotation's tag, not speech
        ):
            return None
        if not _said_that(sents[i - 1], prev):
            return None
        root = s.root
        if mask[root.i - s.start] or root.pos_ not in ("VERB", "AUX"):
            return None
        aux = next((c for c in root.children if c.dep_ == "aux" and c.lower_ in _BACKSHIFT), None)
        if aux is None or any(t.lower_ in _HEDGES for t in s):
            return None  # 'would probably': the writer guessing, not the speaker's tense
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in ("that", "this"):
            return None  # 'That would be a surprise to ...': the writer on what was said
        name = prev.source.text if prev.source is not None else "the speaker"
        label = "named_source" if prev.label == "named_source" else prev.label
        return Attribution(
            label,
            prev.kind,
            f"reported speech goes on: '{aux.text} {root.text}' keeps the tense of '{name}'"
            f" in the sentence before ('{_short(sents[i - 1].text, QUOTED)}')",
            RULE_SPEECH,
            source=prev.source,
            cue=None,
            head=prev.head,
        )
