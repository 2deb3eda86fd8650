"""The quality gate (issue 9 item 7): minimum scores for both annotators on the frozen sets.

tests/gold is the set the rules were developed on; tests/heldout holds blind articles
written before a round of rule work and scored once. Both are frozen by a sha256 digest of
their files, so changing a set is a visible act: the digest test fails and says how to
update it. The floors are the scores measured when the gate was set, minus a small margin
(about one sentence or span on the small held-out set); a failure prints every score
measured, so the regression and its size are in the test output.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from annotate.annotator import Annotator
from annotate.nlp import load_nlp
from newsprov.evaluate import EvalReport, evaluate, load_gold

TESTS = Path(__file__).parent

# sha256 over the sorted file names and bytes of each set (see set_digest).
DIGESTS = {
    "gold": "cac0d10251aa6df272e3567e22cb62fbbafb7e011842ead4fb88a979ab149842",
    "heldout": "3d72baf8b6e9f7741cc9f90ab4dc466c7e222ed94753384225649715f745affc",
}

# Measured when the gate was set (`newsprov eval --gold tests/<set> --json`):
#   gold:    unsourced F1 0.9518, label agreement 0.9466, named flagged 4/246 (0.016),
#            framing F1 (outside quotes) 0.8766, neutral flags per 500 words 0.0
#   heldout: unsourced F1 0.8696, label agreement 0.8696, named flagged 3/42 (0.071),
#            framing F1 (outside quotes) 0.88, neutral flags per 500 words 0.0
# Re-measured on the accuracy branch (issue 9 rule round): four blind articles added to
# tests/heldout (first scores in tests/heldout/FIRST_SCORES.md) and five gold/held-out
# labels changed to DESIGN.md's rule that unnamed but affiliated people are
# anonymous_source ('Valdorian officials', 'a spokesperson for Northern Waters'):
#   gold:    unsourced F1 0.9546, label agreement 0.9466, named flagged 3/242 (0.012)
#   heldout: unsourced F1 0.8889, label agreement 0.8832, named flagged 3/62 (0.048)
# After merging the framing round (issue 10: three blind framing articles fr-* added to
# tests/heldout, first scores in tests/heldout/FIRST_SCORES_FRAMING.md; framing entries
# given context rules, which sourcing no longer borrows, so three gold evaluations in our
# own opinion copy lost their flag):
#   gold:    unsourced F1 0.9481, label agreement 0.9414, framing F1 0.874
#   heldout: unsourced F1 0.8889, label agreement 0.8832, framing F1 0.895
# Third round (issues 9 and 10): five blind articles c3_* added to tests/heldout, written
# before the round and scored once on 748d7cd (first scores in
# tests/heldout/FIRST_SCORES_ROUND3.md: unsourced F1 0.737, framing outside quotes 0.842).
# They are harder than the earlier ones, so the whole set's scores fall; the floors below
# are those of the enlarged set after the round, minus the usual margin:
#   gold:    unsourced F1 0.9455, label agreement 0.9397, named flagged 0.012, framing 0.876
#   heldout: unsourced F1 0.828, label agreement 0.8271, named flagged 7/90 (0.078),
#            framing F1 (outside quotes) 0.877
# Fourth round: six blind articles c4_* added, written before the round and scored once on
# 4ee6ca6 (tests/heldout/FIRST_SCORES_ROUND4.md: unsourced F1 0.741, framing outside quotes
# 0.600, in quotes 0). Before they were added, the round's rules had taken the 20 earlier
# articles to unsourced F1 0.894, agreement 0.883, named flagged 4/90, framing 0.877. The
# enlarged set (26 articles, 319 sentences) after the round, the floors below less a margin:
#   gold:    unsourced F1 0.9455, label agreement 0.9397, named flagged 3/242, framing 0.8777
#   heldout: unsourced F1 0.8519, label agreement 0.8339, named flagged 8/136 (0.059),
#            framing F1 (outside quotes) 0.8194, neutral flags per 500 words 0.162
# Sixth round: six blind articles c6_* added BEFORE the round's rule work was merged, written
# blind and scored once on 3bf28f0 (tests/heldout/FIRST_SCORES_ROUND6.md: unsourced F1 0.723,
# framing outside quotes 0.643, in quotes 0). The enlarged set (32 articles, 455 sentences) on
# 3bf28f0, the floors below less a margin (raised after the round if the rules improve):
#   heldout: unsourced F1 0.8209, label agreement 0.7978, named flagged 14/199 (0.070),
#            framing F1 (outside quotes) 0.7907, neutral flags per 500 words 0.197
# Seventh round: six blind articles c7_* (tests/heldout/README_ROUND7.md), scored once on
# eb5faac (tests/heldout/FIRST_SCORES_ROUND7.md: unsourced F1 0.796, framing outside quotes
# 0.640). The enlarged set (38 articles, 588 sentences) on eb5faac, floors less a margin (the
# bounds move with the set, as in round 3; raised after the round if the rules improve):
#   heldout: unsourced F1 0.8164, label agreement 0.8027, named flagged 19/260 (0.073),
#            framing F1 (outside quotes) 0.7788, neutral flags per 500 words 0.14
# Eighth round: six blind articles c8_* (tests/heldout/README_ROUND8.md), scored once on
# 4d3fb92 (tests/heldout/FIRST_SCORES_ROUND8.md: unsourced F1 0.721, framing outside quotes
# 0.621). The enlarged set (44 articles, 741 sentences) on 4d3fb92, floors less a margin:
#   heldout: unsourced F1 0.7979, label agreement 0.7976, named flagged 23/326 (0.071),
#            framing F1 (outside quotes) 0.7589, neutral flags per 500 words 0.164
# Ninth round: six blind articles c9_* (tests/heldout/README_ROUND9.md), scored once on
# 19a66a7 (tests/heldout/FIRST_SCORES_ROUND9.md: unsourced F1 0.808, framing outside quotes
# 0.632). The enlarged set (50 articles, 880 sentences) on 19a66a7, floors less a margin:
#   heldout: unsourced F1 0.7977, label agreement 0.7966, named flagged 27/393 (0.069),
#            framing F1 (outside quotes) 0.7489, neutral flags per 500 words 0.174
# Tenth round: six blind articles c10_* (tests/heldout/README_ROUND10.md), scored once on
# a908224 (tests/heldout/FIRST_SCORES_ROUND10.md: unsourced F1 0.835, framing outside quotes
# 0.640). The enlarged set (56 articles, 1,025 sentences) on a908224, before the round's rules:
#   heldout: unsourced F1 0.8071, label agreement 0.8029, named flagged 29/457 (0.063),
#            framing F1 (outside quotes) 0.7388, neutral flags per 500 words 0.182
# The framing floor moves from 0.74 to 0.73 with the set (the column's 16 author-voice spans,
# half of them missed), as in rounds 3, 7 and 9; no rule changed.
# Eleventh round: six blind articles c11_* (tests/heldout/README_ROUND11.md), scored once on
# 0b7b484 (tests/heldout/FIRST_SCORES_ROUND11.md: unsourced F1 0.772, framing outside quotes
# 0.643). The enlarged set (62 articles, 1,170 sentences) on 0b7b484, before the round's rules:
#   heldout: unsourced F1 0.8027, label agreement 0.7974, named flagged 38/513 (0.074),
#            framing F1 (outside quotes) 0.7297, neutral flags per 500 words 0.159
# The framing floor moves from 0.73 to 0.72 with the set (the new column's 17 author-voice
# spans, 8 missed); no rule changed. The named-flagged ceiling stays 0.075.
# The digest first pinned for round 11 (31dd117a...) was taken before the round's notes
# (README_ROUND11.md, FIRST_SCORES_ROUND11.md) were final, so CI on a clean clone failed on
# it. Re-pinned over the committed files; their articles re-score exactly as first recorded
# on 0b7b484 (named flagged 9, framing outside quotes 0.643), so no article or label changed.
# Twelfth round: six blind articles c12_* (tests/heldout/README_ROUND12.md), scored once on
# e980c7e (tests/heldout/FIRST_SCORES_ROUND12.md: unsourced F1 0.814, framing outside quotes
# 0.759). The enlarged set (68 articles, 1,312 sentences) on e980c7e, before the round's rules:
#   heldout: unsourced F1 0.8036, label agreement 0.7980, named flagged 40/562 (0.071),
#            framing F1 (outside quotes) 0.7320, neutral flags per 500 words 0.155
# Every bound holds with the set; none moves.
# Thirteenth round: six blind articles c13_* (tests/heldout/README_ROUND13.md), scored once on
# 071c800 (tests/heldout/FIRST_SCORES_ROUND13.md: unsourced F1 0.743, framing outside quotes
# 0.667, named flagged 10/85). The enlarged set (74 articles, 1,470 sentences) on 071c800,
# before the round's rules:
#   heldout: unsourced F1 0.7982, label agreement 0.794, named flagged 50/647 (0.077),
#            framing F1 (outside quotes) 0.7257, neutral flags per 500 words 0.14
# The named-flagged ceiling moves from 0.075 to 0.08 with the set (c13's ten named sentences
# flagged, eight of them content carried on from a named source); no rule changed for it.
# Fourteenth round: six blind articles c14_* (tests/heldout/README_ROUND14.md), scored once on
# c9f473f (tests/heldout/FIRST_SCORES_ROUND14.md: unsourced F1 0.690, framing outside quotes
# 0.727, named flagged 16/91). The enlarged set (80 articles, 1,664 sentences), the same on
# c9f473f (before the round's rules) and on 89f1ed1 (after them):
#   heldout: unsourced F1 0.7864, label agreement 0.7867, named flagged 66/738 (0.0894),
#            framing F1 (outside quotes) 0.7258, neutral flags per 500 words 0.188
# With the set (no rule changed for it), the floors on unsourced F1 and label agreement move
# from 0.79 to 0.785 and the named-flagged ceiling from 0.08 to 0.09: c14's articles are the
# hardest yet (layout lines, a column, a study's numbered points), and 16 of their 91 named
# sentences are flagged, most of them a named source's figures carried on.
# Fifteenth round: six blind articles c15_* (tests/heldout/README_ROUND15.md), scored once on
# 42e8fc8 (tests/heldout/FIRST_SCORES_ROUND15.md: unsourced F1 0.682, framing outside quotes
# 0.333, named flagged 3/79). The enlarged set (86 articles, 1,845 sentences), the same on
# 42e8fc8 (before the round's rules) and on 947195e (after them):
#   heldout: unsourced F1 0.7766, label agreement 0.7789, named flagged 69/817 (0.0845),
#            framing F1 (outside quotes) 0.7131, neutral flags per 500 words 0.174
# With the set (no rule changed for it), the floors on unsourced F1 and label agreement move
# from 0.785 to 0.775 and on framing from 0.72 to 0.71: c15's gold labels 49 of its 82
# unsourced sentences routine (an explainer's public record, a match report's facts) that the
# tool leaves unflagged, and its feature's six author-voice spans are mostly missed.
# Sixteenth round: six blind articles c16_* (tests/heldout/README_ROUND16.md), scored once on
# 197357b (tests/heldout/FIRST_SCORES_ROUND16.md: unsourced F1 0.529, framing outside quotes
# 0.400, named flagged 14/92). The enlarged set (92 articles, 2,020 sentences), the same on
# 197357b (before the round's rules) and on 4d9e913 (after them):
#   heldout: unsourced F1 0.7594, label agreement 0.7653, named flagged 83/909 (0.0913),
#            framing F1 (outside quotes) 0.7010, neutral flags per 500 words 0.21
# With the set (no rule changed for it), the floors on unsourced F1 move from 0.775 to 0.755,
# on label agreement to 0.76 and on framing to 0.70, and the named-flagged ceiling from 0.09 to
# 0.095: c16's interview is sourced by its Q:/A: layout alone, its analysis piece has ten gold
# queries in the writer's own voice, and 14 of its 92 named sentences are flagged (figures in
# sentences that name their document, an indictment read as a vague document).
# Seventeenth round: six blind articles c17_* (tests/heldout/README_ROUND17.md), scored once on
# ad0fbff (tests/heldout/FIRST_SCORES_ROUND17.md: unsourced F1 0.615, framing outside quotes
# 0.333, named flagged 8/66). The enlarged set (98 articles, 2,193 sentences), the same before
# and after the round's one rule (sourcing.tier.kind_only changes tiers, not labels):
#   heldout: unsourced F1 0.7487, label agreement 0.7528, named flagged 91/975 (0.0933),
#            framing F1 (outside quotes) 0.6900, neutral flags per 500 words 0.237
# With the set (no rule changed for it), the floors on unsourced F1 move from 0.755 to 0.745,
# on label agreement to 0.75 and on framing to 0.685: c17's column has 18 gold routine
# sentences of the columnist's own argument that the tool leaves unflagged, its review's plot
# is gold `none`, and its column's and review's author-voice spans are mostly missed.
# Nineteenth round: six blind articles c18_* (tests/heldout/README_ROUND18.md), scored once on
# 64b553f (tests/heldout/FIRST_SCORES_ROUND18.md: unsourced F1 0.618, framing outside quotes
# 0.600, named flagged 8/67), the same after the round's rules. The enlarged set (104
# articles, 2,350 sentences) on the round's final rules:
#   heldout: unsourced F1 0.7410, label agreement 0.7485, named flagged 95/1042 (0.0912),
#            framing F1 (outside quotes) 0.6837, neutral flags per 500 words 0.232
# With the set (no rule changed for it), the floors on unsourced F1 move from 0.745 to 0.735,
# on label agreement to 0.745 and on framing to 0.68: c18's column and feature have 20 gold
# unsourced sentences in the writer's voice that the tool leaves unflagged, and the column's
# author-voice spans are mostly missed.
# Twentieth round: six blind articles c19_* (tests/heldout/README_ROUND19.md), scored once on
# 5caa629 (tests/heldout/FIRST_SCORES_ROUND19.md: unsourced F1 0.714, framing outside quotes
# 0.400, named flagged 7/76). The round's rules on the 104 earlier articles: unsourced F1
# 0.7410 -> 0.7437, label agreement 0.7485 -> 0.751, named flagged 95 -> 89 of 1042, framing
# unchanged. The enlarged set (110 articles, 2,512 sentences) on the round's final rules:
#   heldout: unsourced F1 0.7433, label agreement 0.7544, named flagged 93/1118 (0.0832),
#            framing F1 (outside quotes) 0.6773, neutral flags per 500 words 0.274
# The floors on label agreement rise to 0.75 and the named ceiling falls to 0.09 (the rules got
# better); with the set, the framing floor moves from 0.68 to 0.675: c19's author-voice spans
# (five, in the campaign report and the live blog) are mostly missed and three topic or
# technical words in its neutral pieces are flagged.
# Twenty-first round: six blind articles c20_* (tests/heldout/README_ROUND20.md), scored once on
# 2fb4f3f (tests/heldout/FIRST_SCORES_ROUND20.md: unsourced F1 0.660, framing outside quotes
# 0.690, named flagged 8/76). The round's rules change tiers and one quotation mark, not the
# labels of the 110 earlier articles (their scores are unchanged). The enlarged set (116
# articles, 2,662 sentences) on the round's final rules:
#   heldout: unsourced F1 0.7382, label agreement 0.7524, named flagged 101/1194 (0.0846),
#            framing F1 (outside quotes) 0.678, neutral flags per 500 words 0.26
# Every floor still holds with the set, so none moves.
# Twenty-second round (unnamed speakers the source typing missed, a body's own reported figures;
# tests/test_round22.py), same 116 articles:
#   heldout: unsourced F1 0.7394 (precision 0.8617), label agreement 0.7543, named flagged
#            98/1194 (0.0821); framing unchanged. The three sourcing bounds move to hold the gain:
#            F1 0.735 -> 0.738, agreement 0.75 -> 0.752, named flagged 0.09 -> 0.085.
# Then six blind articles c22_* (tests/heldout/README_ROUND22.md), scored once at 201d326
# (tests/heldout/FIRST_SCORES_ROUND22.md: unsourced F1 0.721, agreement 0.712); with them and the
# round's final rules, 122 articles, 2,815 sentences:
#   heldout: unsourced F1 0.7424, label agreement 0.7545, named flagged 102/1259 (0.0810),
#            framing F1 (outside quotes) 0.6789, neutral flags per 500 words 0.26
# Every bound holds with the set, so none moves.
# Twenty-third round (tests/test_round23.py: counted plurals, a patient's condition, a lawyer
# known only by whose he is, refusals to say), same 122 articles on 7aa100f:
#   heldout: unsourced F1 0.7454 (precision 0.8692), label agreement 0.7567, named flagged
#            102/1259 (0.0810); framing unchanged.
# Then six blind articles c23_* (tests/heldout/README_ROUND23.md), scored once during the round
# (tests/heldout/FIRST_SCORES_ROUND23.md: unsourced F1 0.800, agreement 0.731); with them and the
# round's final rules, 128 articles, 2,971 sentences:
#   heldout: unsourced F1 0.7506, label agreement 0.7563, named flagged 106/1311 (0.0809),
#            framing F1 (outside quotes) 0.6798, neutral flags per 500 words 0.26
# The floors on unsourced F1 and label agreement rise to hold the round's gain: 0.738 -> 0.745
# and 0.752 -> 0.754; the named ceiling and the framing floor stay.
# Twenty-fourth round: six blind articles c24_* (tests/heldout/README_ROUND24.md), scored once on
# 7e79186 (tests/heldout/FIRST_SCORES_ROUND24.md: unsourced F1 0.699, agreement 0.705, framing
# outside quotes 0.560; the same at 8f3c061). The round's rules change no label of the 128
# earlier articles (F1 0.7506, agreement 0.7563). With the set, 134 articles, 3,137 sentences:
#   heldout: unsourced F1 0.7474 (precision 0.8675), label agreement 0.7536, named flagged
#            114/1354 (0.0842), framing F1 (outside quotes) 0.6742, neutral per 500 words 0.26
# With the set (no rule changed for it), the floors on label agreement and framing move with
# it: 0.754 -> 0.752 and 0.675 -> 0.670 (its review's unmarked judgements of a film count as
# extra spans, and its documents known only by a date as named); the others stay.
# Twenty-fifth round: six blind articles c25_* (tests/heldout/README_ROUND25.md), scored once on
# 3c09b0a, before the round's first rule (tests/heldout/FIRST_SCORES_ROUND25.md: unsourced F1
# 0.614, agreement 0.686, framing outside quotes 0.686). With the set, 140 articles, 3,312
# sentences, on 3c09b0a:
#   heldout: unsourced F1 0.7411 (precision 0.8653), label agreement 0.7500, named flagged
#            115/1391 (0.0827), framing F1 (outside quotes) 0.6749, neutral per 500 words 0.26
# With the set (no rule changed for it), the floors on unsourced F1 and label agreement move
# with it: 0.745 -> 0.740 and 0.752 -> 0.748 (its reviews' and column's unsourced claims about
# real people are missed, and its documents known only by a date are read as named).
# The round's rules (documents known only by a date are vague, people interviewed by an
# outlet are unnamed, bodies are a casualty count), on 329beb5, 140 articles:
#   heldout: unsourced F1 0.7470 (precision 0.8660), label agreement 0.7536, named flagged
#            116/1391 (0.0834), framing F1 (outside quotes) 0.6749, neutral per 500 words 0.26
# The floors on unsourced F1 and label agreement rise to hold the gain: 0.740 -> 0.745 and
# 0.748 -> 0.752; the named ceiling and the framing floor stay.
# Twenty-sixth round: six blind articles c26_* (tests/heldout/README_ROUND26.md), scored once on
# c3b04a1, before the round's first rule (tests/heldout/FIRST_SCORES_ROUND26.md: unsourced F1
# 0.647, agreement 0.689, framing outside quotes 0.686). With the set, 146 articles, 3,502
# sentences, on c3b04a1:
#   heldout: unsourced F1 0.7417 (precision 0.8650), label agreement 0.7501, named flagged
#            117/1450 (0.0807), framing F1 (outside quotes) 0.6755, neutral per 500 words 0.26
# With the set (no rule changed for it), the floors on unsourced F1 and label agreement move
# with it: 0.745 -> 0.740 and 0.752 -> 0.748 (new points slipped between named ones are carried
# to the named source, and unnamed people who act are not flagged).
# The round's rules (people who act are unsourced claims, people telling what happened to them
# are routine, a named source carries on less, posts named in apposition, a family of the
# person just named), on a56e198, 146 articles:
#   heldout: unsourced F1 0.7561 (precision 0.8693), label agreement 0.7584, named flagged
#            115/1450 (0.0793), framing F1 (outside quotes) 0.6755, neutral per 500 words 0.26
# The floors on unsourced F1 and label agreement rise to hold the gain: 0.740 -> 0.754 and
# 0.748 -> 0.756; the named ceiling and the framing floor stay.
# Round 27: six blind articles c27_* added (framing in context beside the usual sourcing; first
# scores in tests/heldout/FIRST_SCORES_ROUND27.md, on 4e332c4). 148 articles, 3,694 sentences,
# on 4e332c4:
#   heldout: unsourced F1 0.7513 (precision 0.8601), label agreement 0.7550, named flagged
#            121/1517 (0.0798), framing F1 (outside quotes) 0.6799, neutral per 500 words 0.26
# With the set (no rule changed for it), the floors on unsourced F1 and label agreement move
# with it: 0.754 -> 0.748 and 0.756 -> 0.752 (a named source is carried to new points about
# its company, motives stated as fact are not flagged, and a review's retold plot and verdicts
# are read as unsourced claims).
# The round's rules (a grudge told as fact, something not yet done, 'It' ranking an event not
# carried, people on a named street a vague group, a credit line; culture copy reads
# television, games and fiction and drops the genre's words; the passive 'is alleged to'), on
# 758dd69, 148 articles:
#   heldout: unsourced F1 0.7636 (precision 0.8645), label agreement 0.7629, named flagged
#            121/1517 (0.0798), framing F1 (outside quotes) 0.6893, neutral per 500 words 0.223
# The floors rise to hold the gain: unsourced F1 0.748 -> 0.760, label agreement 0.752 ->
# 0.760, framing 0.670 -> 0.685; the named ceiling stays.
# Round 28: six blind articles c28_* added (genres where most unsourced sentences are routine:
# a match report, an obituary, an explainer, a local profile, a live blog and a party story;
# first scores in tests/heldout/FIRST_SCORES_ROUND28.md, on c5999c6). On c5999c6, with them:
#   heldout: unsourced F1 0.7663 (precision 0.8643), label agreement 0.7655, named flagged
#            124/1569 (0.0790), framing F1 (outside quotes) 0.6890, neutral per 500 words 0.223
# The set moves no figure across a bound, so the bounds stay.
# The round's rules (line breaks start sentences for the parser; a dateline in capitals; a
# body's noun in apposition; 'the <body>' refers back only to the same body noun; 'There are
# reports of ...'; 'found that:' before the findings), on 4b31d29, 154 articles:
#   heldout: unsourced F1 0.7667 (precision 0.8675), label agreement 0.7668, named flagged
#            119/1569 (0.0758), framing F1 (outside quotes) 0.6946, neutral per 500 words 0.223
# The framing floor rises to hold the gain, 0.685 -> 0.690, and the named ceiling comes down
# 0.085 -> 0.080; F1 and agreement moved too little to raise theirs.
# Round 29: six blind articles c29_* added (words of praise and colour aimed at things against
# the same words aimed at people: a travel piece, a phone review, a restaurant review, a bin
# strike, a cycling stage and a ferry-disaster anniversary; first scores in
# tests/heldout/FIRST_SCORES_ROUND29.md, on 8babb5d). On 8babb5d, with them, 160 articles:
#   heldout: unsourced F1 0.7662 (precision 0.8586), label agreement 0.7674, named flagged
#            123/1593 (0.0772), framing F1 (outside quotes) 0.6858, neutral per 500 words 0.223
# The set takes framing below its floor (0.690): the round's rules must win it back; the
# floor is not lowered.
# The round's rules (praise of things dropped; plain senses of labels and technical words;
# clichéd metaphors mild; a post holder named after the company; reduced evidentials; a
# document put forward by a named subject; a place's population routine), on 0cbf41b, 160
# articles:
#   heldout: unsourced F1 0.7677 (precision 0.8625), label agreement 0.7691, named flagged
#            120/1593 (0.0753), framing F1 (outside quotes) 0.6915, neutral per 500 words 0.223
# Framing is back over its floor; F1, agreement and the named rate moved too little to move
# their bounds.
# (metric, "min" or "max", bound); raise a floor when the rules get better, never lower it
# to let a change through.
BOUNDS = {
    "gold": [
        ("sourcing.unsourced_f1", "min", 0.945),
        ("sourcing.label_agreement", "min", 0.935),
        ("sourcing.named_flagged_rate", "max", 0.02),
        ("framing.outside_quotes_f1", "min", 0.86),
        ("framing.neutral_per_500_words", "max", 0.5),
    ],
    "heldout": [
        ("sourcing.unsourced_f1", "min", 0.760),
        ("sourcing.label_agreement", "min", 0.760),
        ("sourcing.named_flagged_rate", "max", 0.080),
        ("framing.outside_quotes_f1", "min", 0.690),
        ("framing.neutral_per_500_words", "max", 1.0),
    ],
}


def set_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.iterdir()):
        if p.is_file():
            h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def scores(report: EvalReport) -> dict[str, float]:
    s, f = report.sourcing, report.framing
    named = s.per_label()["named_source"]
    return {
        "sourcing.unsourced_f1": round(s.unsourced.f1, 4),
        "sourcing.label_agreement": round(s.agreement, 4),
        "sourcing.named_flagged_rate": round(
            len(s.named_wrongly_flagged) / max(named.tp + named.fn, 1), 4
        ),
        "framing.outside_quotes_f1": round(f.outside_quotes.f1, 4),
        "framing.neutral_per_500_words": round(f.neutral_per_500_words or 0.0, 3),
    }


@pytest.mark.parametrize("name", sorted(DIGESTS))
def test_frozen_set_is_unchanged(name: str) -> None:
    got = set_digest(TESTS / name)
    assert got == DIGESTS[name], (
        f"tests/{name} changed (digest {got}, pinned {DIGESTS[name]}). Every score moves "
        "with the set, so a change must be deliberate and said: add blind held-out articles "
        "only after recording their first score, fix a gold label only with the reason in the "
        f"commit message. Then run `newsprov eval --gold tests/{name}`, revise the measured "
        "scores and bounds in tests/test_quality_gate.py if they moved, and write "
        f'DIGESTS["{name}"] = "{got}" there, in the same commit.'
    )


@pytest.fixture(scope="module")
def measured() -> dict[str, dict[str, float]]:
    annotator = Annotator(load_nlp())
    out = {}
    for name in BOUNDS:
        arts = load_gold(TESTS / name)
        out[name] = scores(evaluate(arts, [annotator.annotate(a.text) for a in arts]))
    return out


@pytest.mark.parametrize(
    ("name", "metric", "kind", "bound"),
    [(n, m, k, b) for n, bounds in BOUNDS.items() for m, k, b in bounds],
    ids=[f"{n}:{m}" for n, bounds in BOUNDS.items() for m, _k, _b in bounds],
)
def test_score_stays_within_its_bound(measured, name, metric, kind, bound) -> None:
    value = measured[name][metric]
    ok = value >= bound if kind == "min" else value <= bound
    assert ok, (
        f"{name} {metric} = {value}, {'below the floor' if kind == 'min' else 'above the ceiling'}"
        f" {bound}. Measured on tests/{name}: {measured[name]}. "
        f"Run `newsprov eval --gold tests/{name} --misses` to see what changed."
    )
