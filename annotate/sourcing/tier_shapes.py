"""Tier rules of the eighth round, matched by the shape of the sentence (dependencies, tense,
who the subject is) rather than by phrases, from the editor's reading of real pages
(bench/aeb_reading_r7.md): what the flag calls a source is often not one.

- dialogue heard on footage the story describes ('"Open up!" an officer shouts', after 'The
  video shows ...'): the footage is the source, and the desk can watch it
  ("sourcing.tier.footage_dialogue");
- what footage or pictures show, told as a scene with a noun object ('The video shows
  officers racing up a staircase'), not a conclusion drawn from them ('images indicate that
  ...') ("sourcing.tier.footage_shows");
- people doing the act the verb names ('A neighbour found the car and called 911',
  'Scientists unveiled a map'): a verb of finding or calling with a thing as its object and
  no clause said or found ("sourcing.tier.actor");
- a count of those the sentence describes, in the present or future ('as 10 candidates meet
  on the stage', 'The 14 companies in the programme can bid'): a roster or a schedule
  ("sourcing.tier.present_count");
- history from the books, dated to an old century or opened with 'historically'
  ("sourcing.tier.history");
- a body named by place or name reporting its own count ('Michigan health authorities are
  reporting a sixth death') ("sourcing.tier.body_report").

Entries, with invented examples: annotate/lexicons/sourcing_tiers_shapes.toml.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.nlp import span_ents
from annotate.sourcing.words import WordSetView

_FOOTAGE = WordSetView("footage")
_RECORDINGS = WordSetView("recordings")
_OFF_RECORD = WordSetView("off_record_markers")
_ANONYMOUS = WordSetView("anonymous_nouns")
_NOMINAL_REPORT = WordSetView("nominal_report_verbs")
_FOUND_THINGS = WordSetView("found_things")
_POSTERS = WordSetView("social_posters")
_SCENE_VERBS = WordSetView("scene_verbs")
_QUOTES = frozenset('"“”')
_SUBJECTS = frozenset(("nsubj", "nsubjpass"))
# verbs that tell what a picture shows as a scene
_SHOW_VERBS = frozenset(("show", "capture", "depict", "film", "record", "feature", "appear"))
# complements that carry what was said, thought or found: the cue then reports a content
_CONTENT_DEPS = frozenset(("ccomp", "xcomp", "oprd", "parataxis"))
_DIALOGUE_WORDS = 14  # a line of dialogue: a few words shouted or said on the scene
_SHORT_LINE = 6  # words, with the tag ('We got her.', '"Step out."')


def _is_footage(t: Token) -> bool:
    lemma = t.lemma_.lower()
    return lemma in _FOOTAGE or lemma in _RECORDINGS


def _tokens(sent: SpacySpan, start: int, end: int) -> list[Token]:
    return [t for t in sent if start <= t.idx < end]


def footage_dialogue(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """The footage word that makes this flagged line dialogue heard on it: a short quoted
    line whose speaker is unnamed (or not named at all) in a story that names a video,
    footage or recording in this sentence or the `_FOOTAGE_WINDOW` before it. A marker of
    an off-the-record source ('a senior officer', 'two officers') keeps it a query."""
    quoted = flag.in_quote or any(ch in _QUOTES for ch in sent.text)
    if not quoted or flag.sourcing not in ("anonymous_source", "weasel", "unattributed_claim"):
        return None
    if flag.sourcing == "unattributed_claim" and flag.rule != "sourcing.quote_speaker":
        return None
    if not _dialogue(sent):
        return None
    if flag.source is not None:
        words = _tokens(sent, flag.source.start, flag.source.end) or []
        if any(t.lower_ in _OFF_RECORD or t.like_num for t in words):
            return None
        # round 18: 'the source' filmed in shadow is still anonymous, in this sentence or
        # in the one a continued quotation took its speaker from
        if any(w.strip(".,'\"").lower() in _ANONYMOUS for w in flag.source.text.split()):
            return None
    # the footage named anywhere before, or in this sentence: the scene runs on
    for t in sent.doc[: sent.end]:
        if t.pos_ == "NOUN" and _is_footage(t):
            return t.text
    return None


def _dialogue(sent: SpacySpan) -> bool:
    """A line said on the scene: a shout ('!'), an order ('Step out.'), words to someone
    there ('You are going to be OK'), or a few words at most; not a statement of fact."""
    words = [t for t in sent if t.is_alpha]
    if not words or len(words) > _DIALOGUE_WORDS:
        return False
    if "!" in sent.text or len(words) <= _SHORT_LINE:
        return True
    return words[0].tag_ == "VB" or any(t.lower_ == "you" for t in words)


def footage_shows(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """'The video shows officers racing up a staircase', 'A video showing the moment ... was
    released': a picture and the scene it shows (a noun object, no 'that' clause), which the
    desk can see for itself. 'Images indicate that they used live ammunition' draws a
    conclusion from the pictures and stays a query."""
    if flag.sourcing != "vague_document" or flag.cue is None:
        return None
    cue = _tokens(sent, flag.cue.start, flag.cue.end)
    if not cue or cue[0].lemma_.lower() not in _SHOW_VERBS:
        return None
    verb = cue[0]
    # 'shows officers racing up': a scene (a participle, no 'that'); 'shows that ...' is not
    scene = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    # a participle scene: 'shows officers racing', 'showed the mayor dusted in flour'
    # (round 16: the parser may read the latter as a clause); 'showed the minister was
    # covered' has an auxiliary and is a clause, a conclusion drawn from the pictures
    if any(
        c.tag_ not in ("VBG", "VBN")
        or any(g.dep_ in ("mark", "aux", "auxpass") for g in c.children)
        for c in scene
    ):
        return None
    if not scene and not any(c.dep_ == "dobj" for c in verb.children):
        return None
    # the picture: the verb's subject, the noun it hangs on ('a video showing'), or the source
    holders = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if verb.dep_ == "acl" or verb.tag_ == "VBG":
        holders.append(verb.head)
        if verb.i > sent.start:
            holders.append(sent.doc[verb.i - 1])  # the parse may hang it elsewhere
    if flag.source is not None:
        holders += _tokens(sent, flag.source.start, flag.source.end)
    hit = next((t for t in holders if _is_footage(t)), None)
    return f"{hit.text} {verb.text}" if hit is not None else None


_SUBORDINATE = frozenset(("relcl", "advcl", "acl"))


def subordinate_view(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """'They need to act if they expect to stay relevant', 'I met voters who felt misled': the
    view verb taken as the cue sits in a subordinate clause (a condition, a time, a relative
    clause), so the sentence does not report the group's view; it is the writer's analysis
    or first-hand account. Only when the group is a pronoun carried back from an earlier
    sentence, or the writer ('I', 'we') is the main clause's subject: 'Critics, who fear a
    rise, say ...' still reports the critics."""
    if flag.sourcing not in ("anonymous_source", "weasel") or flag.cue is None:
        return None
    cue = _tokens(sent, flag.cue.start, flag.cue.end)
    if not cue or cue[0].pos_ not in ("VERB", "AUX"):
        return None
    verb = cue[0]
    clause = next((a for a in (verb, *verb.ancestors) if a.dep_ in _SUBORDINATE), None)
    if clause is None or not (sent.start <= clause.i < sent.end):
        return None
    root = sent.root
    writer = any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in root.children)
    carried = "' continues '" in (flag.reason or "")
    if not (writer or carried):
        return None
    return f"{clause.text} ... {verb.text}" if clause is not verb else verb.text


def social_posters(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """'one user quipped', 'Some social media users pointed to ...': unnamed posters whose
    words are in public view, on the platform the story names; the desk can read them, and
    their posts are the story's material, not its sources of fact."""
    if flag.sourcing not in ("anonymous_source", "weasel") or flag.source is None:
        return None
    words = _tokens(sent, flag.source.start, flag.source.end)
    if flag.cue is not None and (cue := _tokens(sent, flag.cue.start, flag.cue.end)):
        # 'The video prompted some Twitter users to argue ...': the users argue
        verb = cue[0]
        words += [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ == "xcomp":
            words += [c for c in verb.head.children if c.dep_ == "dobj"]
    hit = next((t for t in words if t.lemma_.lower() in _POSTERS), None)
    return hit.text if hit is not None else None


def actor_not_source(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """'A family member spotted the trailer and called the coastguard', 'Scientists on Monday
    unveiled a map', 'officers ... where they called an ambulance': unnamed people as the
    subject of a verb with a thing as its object and no clause of what was said or found.
    They did something; they are not telling the reader anything. A verb that reports with a
    noun object ('reported wait times', 'confirmed the deal',
    `sourcing.words.nominal_report_verbs`) and an object that is a finding ('found evidence',
    `sourcing.words.found_things`) stay."""
    if flag.sourcing not in ("anonymous_source", "weasel") or flag.cue is None:
        return None
    if any(ch in _QUOTES for ch in sent.text) or flag.in_quote:
        return None
    cue = _tokens(sent, flag.cue.start, flag.cue.end)
    if not cue or cue[0].pos_ != "VERB":
        return None
    verb = cue[0]
    if verb.lemma_.lower() in _NOMINAL_REPORT:
        return None
    if scene := found_scene(verb):
        return f"{verb.text} {scene}"
    if any(c.dep_ in _CONTENT_DEPS for c in verb.children):
        return None
    # the object, or that of the verb it is joined to ('found and rescued her')
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    obj = next((c for v in verbs for c in v.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() in _FOUND_THINGS:
        return None
    if any(g.dep_ == "mark" and g.lower_ == "that" for c in obj.children for g in c.children):
        return None  # 'found signs that ...': a finding
    return f"{verb.text} {obj.text}"


def found_scene(verb: Token) -> str | None:
    """'crews found the ferry drifting off the point', 'firefighters saw the roof
    collapsing' (round 24, rule "sourcing.tier.actor"): a verb of coming upon something
    (`sourcing.words.scene_verbs`) whose clause has no finite verb, only a participle with its
    own subject, tells what the people came upon, not what they said or concluded. A finite
    clause ('found that the woman had been stabbed', 'found the lock had been forced') is a
    finding and keeps its source."""
    if verb.lemma_.lower() not in _SCENE_VERBS:
        return None
    for c in verb.children:
        if c.dep_ != "ccomp" or c.tag_ not in ("VBG", "VBN"):
            continue
        if any(g.dep_ in ("aux", "auxpass", "mark") for g in c.children):
            return None
        subj = next((g for g in c.children if g.dep_ in _SUBJECTS), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return f"{subj.text} {c.text}"
    return None


_NEWS_VERBS = frozenset(("hear", "learn", "know", "find", "see"))


def waiting_to_hear(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """'Thousands of staff are waiting to hear whether they keep their jobs', 'fans still
    wait to learn when the stadium reopens': the people wait for news; they tell the reader
    nothing (rule "sourcing.tier.waiting"). What they wait for is the story's, not theirs."""
    if flag.sourcing not in ("anonymous_source", "weasel") or flag.cue is None:
        return None
    cue = _tokens(sent, flag.cue.start, flag.cue.end)
    if not cue or cue[0].lemma_.lower() not in _NEWS_VERBS:
        return None
    verb = cue[0]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("wait", "await", "hope", "want"):
        return f"{verb.head.text} to {verb.text}"
    return None


def _present_or_future(verb: Token) -> bool:
    """'meet', 'face off', 'are', 'can bid', 'will meet': now or scheduled; not a past."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBP", "VBZ"):
        return not any(a.tag_ in ("VBD", "VBN") for a in auxes)
    if verb.tag_ == "VB":
        return any(a.lower_ in ("will", "can", "'ll") for a in auxes)
    return False


def present_count(sent: SpacySpan) -> str | None:
    """The count ('10 candidates', 'the top 10', 'The 14 companies') that is the subject, or
    sits on the subject, of a verb in the present or future: how many take part in a
    scheduled event or belong to a set, which the roster gives. Only plain counts
    (cardinals, under 100); a share, sum or measure is somebody's data, and a past verb
    tells of an event ('28 people were quarantined')."""
    ents = span_ents(sent)
    if any(e.label_ in ("PERCENT", "MONEY", "QUANTITY") for e in ents):
        return None
    nums = [t for t in sent if t.like_num and t.ent_type_ not in ("DATE", "TIME", "ORDINAL")]
    if not nums:
        return None
    for t in nums:
        noun = t.head if t.dep_ == "nummod" else t
        if noun.dep_ not in _SUBJECTS or not _present_or_future(noun.head):
            return None
        try:
            if float(t.text.replace(",", "")) >= 100:
                return None
        except ValueError:
            pass  # a count in words ('Eight cores')
    t = nums[0]
    return f"{t.text} {(t.head if t.dep_ == 'nummod' else t).head.text}"


def not_a_source(
    flag: SentenceFlag, sent: SpacySpan, query: tuple[str, str] | None
) -> tuple[str, str, str] | None:
    """What the flag took for a source is none (tier_shapes.py): a line of dialogue on
    footage, the scene a video shows, people doing an act.
    People doing an act that is itself a query ('officers arrested ...') stay a query."""
    if line := footage_dialogue(flag, sent):
        return (
            "routine",
            f"a line heard on the footage ('{line}')",
            "sourcing.tier.footage_dialogue",
        )
    if scene := footage_shows(flag, sent):
        return "routine", f"what the footage shows ('{scene}')", "sourcing.tier.footage_shows"
    if view := subordinate_view(flag, sent):
        return (
            "routine",
            f"a view inside another clause ('{view}')",
            "sourcing.tier.subordinate_view",
        )
    if poster := social_posters(flag, sent):
        return "routine", f"posts in public view ('{poster}')", "sourcing.tier.social_posts"
    if wait := waiting_to_hear(flag, sent):
        return (
            "routine",
            f"people waiting for news ('{wait}'), not a source",
            "sourcing.tier.waiting",
        )
    if act := actor_not_source(flag, sent):
        if query:
            return "query", f"'{query[0]}'", query[1]
        return "routine", f"people doing an act ('{act}'), not a source", "sourcing.tier.actor"
    return None


_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
    " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
)
_REPORT_VERBS = frozenset(("report", "confirm", "record", "register", "announce", "declare"))
_NAMED_ENTS = frozenset(("ORG", "GPE", "NORP", "FAC"))


def _old_century(text: str) -> bool:
    """'the 14th century', 'the fourteenth century': a century before the twentieth."""
    words = text.lower().replace("-", " ").split()
    if not any(w.startswith("centur") for w in words):
        return False
    for w in words:
        digits = w.rstrip("stndrh")
        if digits.isdigit():
            return int(digits) < 20
        if w in _ORDINAL_WORDS:
            return True
    return False


def history(sent: SpacySpan) -> str | None:
    """'In the 14th century the plague killed a third of Europe', 'Historically, plague was
    responsible for pandemics': history from the books, dated to a century before the
    twentieth or opened with 'historically' (rule "sourcing.tier.history"). What a source
    would be asked for is a recent figure, not the Black Death's toll."""
    for e in span_ents(sent):
        if e.label_ == "DATE" and _old_century(e.text):
            return e.text
    for t in sent:
        if t.lower_ == "historically" and t.dep_ == "advmod" and t.head.dep_ == "ROOT":
            return t.text
        if t.lower_ in ("century", "centuries") and t.dep_ == "pobj":
            phrase = " ".join(c.text for c in t.lefts) + f" {t.text}"
            if _old_century(phrase):
                return phrase.strip()
    return None


def body_report(sent: SpacySpan) -> str | None:
    """'Michigan health authorities are reporting a sixth death', 'Inner Mongolia health
    authority reported its third case': a body named by its place or name reports its own
    count (rule "sourcing.tier.body_report"). The body is the source of its figure, as an
    actor is of its act (DESIGN.md); 'residents reported ...' names no body."""
    # a dateline ('ST. JOSEPH, Mich. (AP) —') may be parsed as a sentence of its own
    root = next((t for t in sent if t.dep_ == "ROOT" and t.pos_ == "VERB"), sent.root)
    if root.lemma_.lower() not in _REPORT_VERBS or root.pos_ != "VERB":
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    phrase = list(subj.subtree)
    named = any(t.ent_type_ in _NAMED_ENTS or t.pos_ == "PROPN" for t in phrase)
    if not named or any(t.ent_type_ == "PERSON" for t in phrase):
        return None
    return f"{subj.text} {root.text}"
