"""Tiers decided by the marks of a sentence, before any word is read (issue 9, round 11).

Some sentences say by their typography where their source is, or that they are no claim of
the story at all:
- a row of headlines joined by ' | ' is a 'more from the site' block
  (`sourcing.tier.link_list`, round 8);
- a sentence that ends with a numbered citation, '... binge eating (2).', '... (10, 11).', or
  carries one glued to a word, '... per shift[1], ...', names its source in the piece's
  reference list, as a footnote does: the reader can check it, so an editor does not ask
  (`sourcing.tier.cited_reference`);
- an entry of that reference list, '[1] Author A, Author B. Journal. 2015; 28: 685-690.', is
  no claim (`sourcing.tier.reference_entry`);
- a direct question with no figure, cause, accusation, harm or query word in it asks and
  states nothing (`sourcing.tier.question`);
- a quotation whose closing mark is followed by a line holding only a name, as testimonials
  and readers' reviews are signed ('"The staff were lovely." / Mar** Ko**'), names its
  speaker on the next line (`sourcing.tier.signed_quote`).

Kept narrow on purpose: one to three digits only (a year in brackets, '(2019)', is no
citation), a parenthesised marker only at the very end of the sentence and after a space (a
clause of a law, 'section 4(2)', is no citation), a percentage or a word inside the brackets
is no citation ('(38%)', '(1 combined)'). Entries, with invented examples:
annotate/lexicons/sourcing_tiers_marks.toml.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag

_NUMS = r"\d{1,3}(?:\s*[,–-]\s*\d{1,3})*"
# '... binge eating (2).' / '... weight loss (10, 11).' / '... of the study [4].'
_END = re.compile(rf"\s(?P<mark>[\(\[]{_NUMS}[\)\]])[\"”’]?\s*[.!?]?[\"”’]?\s*$")
# '... 1,000 alarms per shift[1], even though ...': a footnote glued to a word
_GLUED = re.compile(rf"[A-Za-z%\.,;:)](?P<mark>\[{_NUMS}\])")
# '[1] Alarm fatigue, Doyle M, Ferris T. ... 2015; 28: 685-690.': a numbered reference with
# its year or its authors' initials (the splitter may cut the entry before the year)
_ENTRY = re.compile(r"^\s*\[\d{1,3}\]\s+\S.*(?:\b(?:19|20)\d\d\b|\b[A-Z][a-z]+ [A-Z]{1,2}[,.])")
_MIN_WORDS = 6  # 'Step (2).' is a list item, not a cited claim
# any citation mark in the article: at a sentence's end or glued to a word
_ANY = re.compile(rf"\s[\(\[]{_NUMS}[\)\]][\"”’]?[.!?]|[A-Za-z%\.,;:)]\[{_NUMS}\]")


def _apparatus(text: str) -> bool:
    """A piece with a reference apparatus cites at least twice; one stray '(2)' at the end
    of a news sentence is a count or a label, not a footnote."""
    return len(_ANY.findall(text, 0, 200_000)) >= 2


# 'Mar** Ko**', 'Ali***', '- Dana, Ardley': one to three capitalised names (a reviewer's
# name, masked by the site), or a name after a dash, with a place after a comma
_SIGNATURE = re.compile(
    r"[-–—~ \t]*[A-Z][a-zà-ÿ']*\**(?:[ \t]+[A-Z][a-zà-ÿ']*\**\.?){0,2}(?:,[ \t]*[A-Z][a-z]+)?[ \t]*"
)
_SIGNED = "sourcing.tier.signed_quote"
_RUN = 1500  # characters a quotation may run before its closing mark
# the closing mark of the quotation, ending its line, and the next line that is not empty
_CLOSING = re.compile(r"[”\"][ \t]*\n\s*(?P<line>[^\n]*)")


def _signed(sent: SpacySpan) -> str | None:
    """The name line after the quotation `sent` belongs to, when one signs it. Read from the
    text, not the sentences: the splitter may glue the name line to the next quotation."""
    text = sent.doc.text
    start = sent.start_char + (1 if sent.text[:1] in '“"' else 0)  # past the opening mark
    close = re.search(r"[”\"]", text[start : start + _RUN])
    if close is None:
        return None
    m = _CLOSING.match(text, start + close.start())
    if m is None:  # the quotation closes inside its line: '..., she said.'
        return None
    line = m.group("line").strip()
    # a bare name could be a subhead ('Linebackers'): only a masked name or a dash signs
    if _SIGNATURE.fullmatch(line) and ("*" in line or line[:1] in "-–—~"):
        return line
    return None


def _question(sent: SpacySpan) -> bool:
    """A direct question with no figure in it: it asks, it does not state ('So why had so few
    readers heard of her?'). A question that counts ('Why did 300 tenants leave?') states
    the count, and stays with the figure rules."""
    end = sent.text.rstrip().rstrip("”\"’')")
    if not end.endswith("?") or any(t.like_num or t.ent_type_ in _COUNTS for t in sent):
        return False
    # it must be asked: a wh-word or an auxiliary opens it, or the clause after a colon ('such
    # as: what role does ...'); 'Many residents wonder whether ...?' states what they wonder
    colon = max((t.i for t in sent if t.text == ":"), default=sent.start - 1)
    words = [t for t in sent.doc[max(colon + 1, sent.start) : sent.end] if t.is_alpha]
    while words and (words[0].lower_ in _OPENERS or _vocative(words[0])):
        words = words[1:]
    return bool(words) and (words[0].lower_ in _WH or words[0].pos_ == "AUX")


def _vocative(tok: Token) -> bool:
    """'Dana, why ...': a name addressed before the question."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "PROPN" and nxt is not None and nxt.text == ","


_COUNTS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")
_OPENERS = frozenset(("so", "and", "but", "or", "then", "yet", "now"))
_WH = frozenset(("what", "why", "how", "who", "whom", "whose", "which", "where", "when"))


def marked_tier(
    flag: SentenceFlag,
    sent: SpacySpan,
    query: tuple[str, str] | None,
    claim: Callable[[], str | None],
) -> tuple[str, str, str] | None:
    """(tier, why, entry id) when the sentence's marks decide its tier, else None. `query`
    is the sentence's query word, `claim` finds its cause, accusation or harm word: a signed
    quotation with either stays a query (a reviewer's masked name is no source for that)."""
    quoted = flag.in_quote or flag.rule == "sourcing.quote_speaker"
    in_quote = quoted and query is None and claim() is None
    text = sent.text
    if text.count(" | ") >= 2:  # 'Senators call for X | Facebook gets Y | ...'
        return "routine", "a row of linked headlines", "sourcing.tier.link_list"
    if _ENTRY.match(text):
        return "routine", "an entry of the reference list", "sourcing.tier.reference_entry"
    if in_quote and (name := _signed(sent)):
        return "routine", f"a quotation signed on the next line ('{name}')", _SIGNED
    if _question(sent) and query is None and claim() is None:
        return "routine", "a question, not a claim", "sourcing.tier.question"
    words = sum(1 for t in sent if t.is_alpha)
    m = _END.search(text) or _GLUED.search(text)
    if m and words >= _MIN_WORDS and _apparatus(sent.doc.text):
        return (
            "routine",
            f"cites a numbered reference ('{m.group('mark')}'): its source is in the reference list",
            "sourcing.tier.cited_reference",
        )
    return None
