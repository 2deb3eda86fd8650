"""Sourcing labels per sentence: who stands behind each assertion, and which ones nobody does.

Two passes over an article's sentences:

1. Explicit attribution, read from the dependency parse: the subject of a reporting verb
   ("..., the ministry said"), the passive agent ("was disclosed by X"), the object of
   "according to", evidentials with no agent ("it is understood", "is said to",
   "reportedly"). The source phrase is then typed by its head noun and entities: a named
   person or organisation, an institution speaking as itself, a document (named when its
   owner is), unnamed informants, vague groups. Pronouns and "the report" are resolved to
   the sources and documents met earlier in the article.
2. What is left: sentences inside a quotation take their speaker from the tag attached
   to that quotation ('"...," said X'), else from the paragraph; a named document owner
   reporting its own figures is their source; then the *named source in force* (below)
   covers sentences that continue it; any other sentence is flagged `unattributed_claim`
   when its structure makes it check-worthy (a figure, a superlative, a causal or accusing
   or evaluative claim, a trend: a change-of-state verb anchored in time, degree or cause,
   or one that has happened; a specific past event: a past-tense action dated to a year,
   month, season or 'last ...', or done 'quietly'/'secretly') and left alone otherwise
   (present-tense schedules, states, forecasts, and calls to act: 'X must ...').

Carry-over. The most recent named source (person, institution or document) stays in force
for the following sentences that continue it: a sentence that refers back to it ('the
survey', 'the bureau', 'the authors', 'These figures', 'it' right after, 'ICCS researchers'
after '... (ICCS)'), a figure on the same topic (a shared noun) in the same paragraph, or,
for an organisation or document, in the next paragraph; a release that has already given a
run of figures goes on giving them (a trend or dated event continues it only on its topic
in the same paragraph). It ends at another attribution (a named one takes
over), at the outlet's own unsourced claim or at any cause, accusation or judgement in the
outlet's voice, at a gap of more than one paragraph, or after two sentences in a row that
neither continue it nor claim anything. A sentence that claims nothing is never labelled by
carry-over (schedules stay none) but a back-reference keeps the source in force.

Unnamed people tied to a named body. A bare plural such as 'Valdorian officials denied' or
'officials of the ministry said' is that government's or body's collective position, so it is
named (kind institution); any sign of individuals ('two officials', 'senior officials',
'officials familiar with the matter', an anonymity marker) keeps them anonymous.

Numbers that are not figures: 'one' as an article ('one of the people', 'one gang'), ages
(', 58,', 'who was nine at the time'),
phone numbers and reference codes, clock times, and sport results: a scoreline ('a 4-0
defeat') or 'scored twice' is the public outcome of an event, reported like a fixture, so
it needs no source (season statistics such as 'scored 31 goals last season' still do).

Word lists live in annotate/lexicons/sourcing*.toml; every decision records the entry id.

Layout, one module per stage (each a mixin of SourcingClassifier, sharing `self.lex`):
- classifier.py: SourcingClassifier, the two passes that call the stages below
- attribution.py: pass 1, explicit attribution (reporting verbs, 'according to',
  evidentials, trailing 'X data show'): which cue decides the sentence; attribution_cues.py
  its readers of one token (verbs of saying, evidentials, record verbs, prepositions)
- speech_tags.py: pass 1's speech tag after a quotation read from the tokens (round 9:
  also a short tag with any verb, and a tag the splitter cut off its quotation)
- sources.py: typing a source phrase (person, institution, anonymous, vague group,
  spokespeople and affiliated officials as anonymous)
- people.py: who a people noun names (a person's camp, party plurals, people labelled
  only by their body such as 'Border Patrol agents', members named 'including ...')
- references.py: sources that point elsewhere: pronouns resolved against what the article
  named before, possessive owners, shares of a group, age and surname back-references
- documents.py: documents as sources, and 'the report' resolved to the one named before
- tags.py: speakers named by layout (transcript labels, dash signatures, 'X continued:')
- tiers.py: query or routine for every unsourced sentence; tier_unnamed.py (its first step:
  unnamed sources), tier_hits.py (the lookups the steps share); tier_rules.py (rules that read
  beyond the flag's words: causes of a move, bodies named by proper name, recordings),
  tier_shapes.py (round 8: footage, unnamed actors, the writer's sense of scale, old
  history, rosters, matched by sentence shape) and generic.py (what a kind is or does);
  round 9: tier_senses.py (tier cues in their sense: a legal 'charge', a casualty word
  outside titles), tier_context.py (box scores of match reports, a study's method, a
  review's own testing, what an event will bring); round 10: tier_topic.py (what a claim is
  about: a figure counting things, a signed column's forecast)
- analysis.py: the reporter's analysis of what an event will bring ('The vote sets up a
  clash'), a prediction with no source
- nonclaims.py: lines that assert nothing (instructions to the reader, list titles, verbless
  fragments with a number)
- several.py: every attribution a sentence states (SentenceFlag.attributions), the main one
  first: other speakers and cues of pass 1, public acts ('endorsed', 'mocked', 'declined
  to'), tags after quotations, headline 'Name:' speakers, 'in a statement', 'according to'
  any source; listed only, they never decide the label
- set_off.py (round 12): speakers the parse places badly: a clause and a colon before a
  quotation ('X was blunt: "..."'), a verb of saying set off after the words with its
  subject after it ('..., said Ana Ortega'), a dateline run into the subject, 'X, many
  argue, ...'
- carry.py: pass 2, the speaker of a quotation and the named source in force
- carry_next.py: pass 2 (round 10), a claim whose source the next sentence names and points
  back to it ('The decision was confirmed by ...', 'The figure comes from ...')
- checkworthy.py: whether a sentence with no source claims something that needs one
- voice.py: motives, predictions and unease in the reporter's own voice (queries)
- views.py: views held with no verb of saying ('many residents fear that ...')
- clauses.py: an unsourced clause inside an attributed sentence
- noun_cues.py: cues that are nouns (a document after the claim, a named owner's claim)
- judgements.py: causes, accusations, harm and judgements in the outlet's voice, and the
  framing matcher's spans borrowed as judgements
- numbers.py: numbers that are not figures (ages, codes, scores, known sets, dates)
- syntax.py, nouns.py: parse helpers (phrases, subjects, clauses; who a noun names)
- lexicon.py: the word sets read from annotate/lexicons/sourcing*.toml
- words.py: fixed word sets (the lexical ones read from sourcing_words.toml)
"""

from annotate.sourcing.attribution import Attribution
from annotate.sourcing.classifier import VERSION, SourcingClassifier
from annotate.sourcing.lexicon import (
    KINDS,
    LEXICON_PACKAGE,
    SourcingLexicon,
    SourcingLexiconError,
    WordSet,
    lexicon_files,
    load_lexicon,
)

__all__ = [
    "KINDS",
    "LEXICON_PACKAGE",
    "VERSION",
    "Attribution",
    "SourcingClassifier",
    "SourcingLexicon",
    "SourcingLexiconError",
    "WordSet",
    "lexicon_files",
    "load_lexicon",
]
