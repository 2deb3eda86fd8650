"""A critic's judgement of a work is not the outlet's framing of the news (round 24).

Reviews, round-ups and culture pieces judge films, albums, games and exhibitions: 'a
stunning debut album', 'a brutal yet evocative listen', 'a wonderfully curated show', 'an
epic love story'. On the judged real pages the criticism pages held the worst framing
precision (a music round-up: 17 starred spans, none loaded in context; an art critics'
choice: 19 starred, 5 loaded), and the round-24 blind review left every judgement of the
film unmarked: a reviews editor expects the critic to judge the work. Said of a minister's
plan, the same words are a verdict an editor would change.

So a strong span in the writer's voice whose word describes a work (an adjective on a work
noun, 'a stunning album'; an adverb on such an adjective or participle, 'a wonderfully
curated show') drops to mild: one click away, with the reason saying why. The work nouns
are listed below; words that also name the stuff of news ('story', 'narrative', 'record',
'act', 'world') are left out, since 'a deceptive narrative' and 'a shocking record' are the
outlet's framing. Tests: tests/test_round24_framing.py.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from annotate.models import FramingSpan

# nouns that name a work of art or entertainment, or a part or quality of one
WORK_NOUNS = frozenset(
    """film films movie movies album albums track tracks song songs ep single singles
    episode episodes sequel sequels remake remakes debut documentary documentaries comedy
    comedies drama dramas thriller thrillers romcom biopic biopics musical novel novels
    memoir novella exhibition exhibitions painting paintings portrait portraits sculpture
    sculptures installation installations canvas canvases photograph photographs gallery
    show shows listen watch production staging performance performances portrayal
    premise plot soundtrack score melody melodies chorus riff riffs beat beats lyric
    lyrics vocals verse gig concert cinematography visuals graphics gameplay instrumental
    instrumentals composition compositions atmosphere atmospheres soundscape sound
    palette prose ending finale cast ensemble direction""".split()
)


def described_noun(t: Token, is_target: Callable[[Token], bool]) -> Token | None:
    """The noun that `t` describes, if `is_target` accepts it: 'stunning album' (amod),
    'wonderfully curated show' (advmod on an amod), 'brutal yet evocative listen' (conj of an
    amod), 'the finale is stunning' (the complement of a copula whose subject is the noun;
    round 25). Shared with annotate/framing_things.py (round 29)."""
    word = t
    while word.dep_ in ("advmod", "conj") and word.head.pos_ in ("ADJ", "VERB", "ADV"):
        word = word.head
    if word.dep_ in ("amod", "compound") and is_target(word.head):
        return word.head
    if word.dep_ in ("acomp", "attr") and word.head.lemma_ in (
        "be",
        "sound",
        "look",
        "feel",
        "seem",
    ):
        # round 25, a predicate: 'the finale is stunning', 'the soundtrack sounds eerie';
        # round 29: the tagger may read the adjective as a noun ('the camera is superb')
        subj = next((c for c in word.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and is_target(subj):
            return subj
    return None


def _is_work(n: Token) -> bool:
    return n.lower_ in WORK_NOUNS


def demote_work_judgements(doc: Doc, spans: list[FramingSpan]) -> None:
    """Strong author's-voice spans that judge a work become mild."""
    for s in spans:
        if s.tier != "strong" or s.in_quote or s.category not in ("loaded_language", "intensifier"):
            continue
        sp = doc.char_span(s.start, s.end, alignment_mode="expand")
        if sp is None:
            continue
        work = next((w for t in sp if (w := described_noun(t, _is_work)) is not None), None)
        if work is None:
            continue
        s.tier = "mild"
        s.reason = f"{s.reason} (Judges a work, '{work.text}': a critic's verdict; mild.)"
