"""Genre and literal sense: strong words that are the usual vocabulary of a kind of copy, or
used in their plain physical sense, are not the outlet's judgement.

Real news taught these (issue 10, round 9). A sports report says a side "squandered a
two-goal lead" after an "awful start" and a "humiliating defeat"; a markets report says
shares had a "brutal" week. That is how the genre describes play and prices, and an editor
would not change it, where the same words about a minister's plan are a verdict. So in
sports copy and in a sentence about market prices, the genre's words drop from `strong` to
`mild`: still listed one click away, no longer shown by default. And a word can be literal:
a "virulent" strain of a disease, a "blistering" pace, the "trick" to a game. Those are
dropped.

Each table is data with its reason; the tests hold an invented example and counter-example
for each (tests/test_framing_round9.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from annotate.models import FramingSpan

# Words that only sports copy uses this densely: a text holding four different ones is a
# sports report, a preview or a column about play. Deliberately no word that politics
# borrows ("race", "campaign", "victory", "defeat", "win", "lead", "score").
SPORT_WORDS = frozenset(
    """coach coaches striker strikers midfielder midfielders goalkeeper goalkeepers goalie
    quarterback quarterbacks linebacker linebackers pitcher pitchers inning innings
    touchdown touchdowns halftime half-time playoff playoffs postseason preseason
    tournament semifinal semifinals semi-final quarterfinal quarterfinals referee umpire
    dugout bullpen wicket wickets batsman batsmen tiebreak tiebreaker offside touchline
    rookie nfl nba nhl mlb uefa fifa
    rebounds layup layups netminder netminders goaltender goaltenders hat-trick
    three-pointer three-pointers ncaa wnba
    free-kick free-kicks half-volley centre-back centre-backs full-back full-backs keeper
    keepers kick-off midfield crossbar equaliser equalizer scoreline goal-saving""".split()
)
# (round 28: football words; two judged football match reports held four or more of
# these and none of the list above)
SPORT_MIN_WORDS = 4
# ... and used densely, so a long political story that mentions a league once or twice
# ("the NFL's anthem policy") is not read as a match report: one in 150 tokens or more.
SPORT_MIN_SHARE = 1 / 150

# Strong entries that are the usual words of sports copy for how a side played or what a
# result was ("an awful start", "squandered a lead", "a humiliating defeat", "a stunning
# goal", "a brutal schedule", "a horrific injury"). In sports copy they drop to mild.
SPORT_CONVENTIONS = (
    frozenset(
        f"framing.loaded.{w}"
        for w in """squander awful terrible brutal disastrous stunning humiliating humiliation
    humiliate nightmare epic blistering meltdown debacle woeful abysmal atrocious dreadful
    horrendous horrific heartbreaking magnificent legendary incredible extraordinary
    astonishing ruthless pathetic shambolic shambles savage maul obliterate annihilate
    miserably cruel mediocre terrific obstinate underhanded
    futile ugly whitewash desperation absurd glorious of_biblical_proportions""".split()
    )
    | frozenset(
        # round 25, read on the judged sports pages (a cricket report, a football preview): a
        # series 'whitewash', 'futility' and 'desperation' of a side, an 'ugly' win, a 'blitz' of
        # runs, a 'sucker punch' of a goal, 'hopelessly' outplayed; every one judged not loaded
        """framing.loaded.metaphor.war.blitz framing.loaded.metaphor.violence.knockout_blow
    framing.intensifier.hopelessly""".split()
    )
    | frozenset(
        # round 28, the same pages and the round-28 blind match report: praise of play ('an
        # unstoppable drive', 'a triumphant return', 'world-class defending'); judged not
        # loaded on the pages, and left unmarked as the genre's convention by the blind writer
        f"framing.loaded.{w}"
        for w in "unstoppable heroic staggering triumphant world_class fearless".split()
    )
)
# Round 15: a sports metaphor in sports copy is the literal word ('point-scoring' in a
# hockey column counts points); in sports copy these entries are mild too
SPORT_METAPHORS = "framing.loaded.metaphor.sport."

# A sentence about market prices or a company's figures: "shares had a brutal week",
# "a stunning 40 percent jump in sales", "the index's awful start to the year".
MARKET_WORDS = frozenset(
    """stocks shares nasdaq dow s&p ftse nikkei dax index investors traders futures
    earnings quarterly""".split()
)
MARKET_CONVENTIONS = frozenset(
    f"framing.loaded.{w}"
    for w in """awful terrible brutal stunning dreadful woeful abysmal nightmare epic
    blistering meltdown bloodbath carnage skyrocket astonishing extraordinary""".split()
)

# the weather's snowflakes (round 29), for both entries that list the label
_SNOW = frozenset(
    """snow winter blizzard ice crystal crystals weather sky shape shapes flake flakes
    freezing frozen cloud clouds""".split()
)

# Literal senses read from the sentence: an entry is dropped when its sentence holds one of
# these words (the physical or technical thing the word describes there).
LITERAL_SENSES: dict[str, frozenset[str]] = {
    # a pathogen's strength: "the most virulent of the three plague variants"
    "framing.loaded.virulent": frozenset(
        """strain strains virus viruses bacteria bacterium bacterial pathogen pathogens
        infection infections infectious disease diseases plague flu influenza variant
        variants fungus parasite outbreak epidemic pandemic""".split()
    ),
    # speed or heat: "a blistering pace", "blistering heat", "read speeds are blistering"
    "framing.loaded.blistering": frozenset(
        "pace speed speeds heat sun temperature temperatures tempo".split()
    ),
    # Round 13, read on fresh real pages (bench/traf_framing_dev_judgements.tsv):
    # security copy's "malicious links", "a malicious app", "malicious code" name malware,
    # and the law's "malicious prosecution" or "malicious wounding" names an offence
    "framing.loaded.malicious": frozenset(
        """malware ransomware spyware virus phishing hacker hackers link links app apps
        application applications code software file files attachment attachments email
        emails website websites domain domains url urls payload script scripts server
        servers botnet exploit prosecution wounding mischief""".split()
    ),
    # the sky: "astronomical bodies", "an astronomical observatory"
    "framing.loaded.astronomical": frozenset(
        """body bodies object objects observatory observatories telescope telescopes
        astronomer astronomers observation observations society unit units star stars
        planet planets galaxy galaxies""".split()
    ),
    # pests: "rats had infested the island", "a shark-infested bay", "infested with lice"
    "framing.loaded.infest": frozenset(
        """rat rats mouse mice rodent rodents insect insects pest pests termite termites
        louse lice bedbug bedbugs bug bugs weed weeds mosquito mosquitoes cockroach
        cockroaches flea fleas tick ticks locust locusts beetle beetles worm worms vermin
        shark sharks snake snakes mite mites aphid aphids mould mold fungus""".split()
    ),
    # hiding from sight: "knee-high grass can obscure the lizards", "fog obscured the peak"
    "framing.loaded.obscure": frozenset(
        """grass bush bushes tree trees leaf leaves foliage fog mist haze smoke cloud
        clouds dust snow view views sight sightline vegetation undergrowth""".split()
    ),
    # explosives (round 27): "blasting at the quarry starts at seven", "blasted a tunnel
    # through the granite"; a rival blasting a plan has none of these around it
    "framing.loaded.blast": frozenset(
        """quarry quarries quarrying mine mines mining miner miners rock rocks granite
        limestone explosive explosives dynamite detonation detonator tunnel tunnels
        excavation demolition seismic rocket rockets skyward launchpad liftoff
        lift-off""".split()
    ),
    # Round 29, read on the judged real pages (each span judged not loaded): a rocket's
    # launch (above), kit fitted with instruments, a small animal's movement, a thing's
    # manufacture, software that slows a device, malware that hides its traces: the plain
    # or technical sense of 'rigged', 'wriggle', 'fabrication', 'degrading', 'obfuscate'
    "framing.loaded.rigged": frozenset(
        """thermometer thermometers sensor sensors camera cameras cable cables wire wires
        rope ropes pulley pulleys explosive explosives bomb bombs mast sail sails tent
        microphone microphones lights scaffolding""".split()
    ),
    "framing.loaded.wriggle": frozenset(
        """worm worms flatworm flatworms eel eels snake snakes larva larvae maggot maggots
        tadpole tadpoles muck mud burrow""".split()
    ),
    "framing.loaded.fabrication": frozenset(
        """mass-produced manufacture manufactured manufacturing factory factories steel
        metal welding component components machining prototype prototypes
        semiconductor semiconductors craft artisanal workshop""".split()
    ),
    "framing.loaded.degrading": frozenset(
        """performance latency signal resolution throughput bandwidth accuracy battery
        batteries user users workload workloads soil habitat habitats""".split()
    ),
    # ... and the plain senses of three labels, each judged not loaded where it fired: the
    # snow of a winter match or of a science question, the film on a pond, a painted clown
    "framing.labeling.partisan_stock": _SNOW,
    "framing.labeling.snowflake": _SNOW,
    "framing.labeling.scum": frozenset(
        "pond ponds algae slime surface water film soap bath mould mold".split()
    ),
    "framing.loaded.metaphor.theatre.clown": frozenset(
        """circus painting paintings painter portrait costume make-up makeup mime
        performer performers jester juggler carnival""".split()
    ),
    # troubles that dog an effort, the usual sense of 'plague' in plain copy: 'shortages
    # plaguing the hospitals', 'a project plagued by delays', 'a season plagued by injuries'
    # (round 29; both such spans on the judged pages were judged not loaded)
    "framing.loaded.plague": frozenset(
        """shortage shortages problem problems delay delays injury injuries issue issues
        glitch glitches bug bugs fault faults outage outages setback setbacks""".split()
    ),
    "framing.loaded.obfuscate": frozenset(
        """code malware software script scripts binary encryption hacked hacking hacker
        hackers computer computers""".split()
    ),
    # machines' appetite for electricity: "training the models has proven power-hungry"
    "framing.loaded.power_hungry": frozenset(
        """electricity energy watt watts kilowatt kilowatts megawatt megawatts computing
        computation algorithm algorithms processing chip chips processor processors gpu
        gpus battery batteries machine machines""".split()
    ),
}


def dense_vocabulary(doc: Doc, words: frozenset[str], least: int, share: float) -> bool:
    """The text uses at least `least` different words of a genre's vocabulary `words`, and
    they make up at least `share` of its tokens: how sports copy and culture copy
    (framing_culture.py) are told from news that mentions a match or a film in passing."""
    hits = [w for w in _words(doc) if w in words]
    return len(set(hits)) >= least and len(hits) >= share * len(doc)


def _words(doc: Doc) -> Iterator[str]:
    """Each token's lower form, and each hyphenated compound written without spaces as one
    word: spaCy splits 'free-kick' and 'hat-trick' into three tokens, so until round 28 the
    hyphenated words of the lists never matched."""
    n = len(doc)
    for t in doc:
        yield t.lower_
        i = t.i
        if (
            i + 2 < n
            and doc[i + 1].text == "-"
            and not t.whitespace_
            and not doc[i + 1].whitespace_
            and t.is_alpha
            and doc[i + 2].is_alpha
        ):
            yield f"{t.lower_}-{doc[i + 2].lower_}"


def sports_copy(doc: Doc) -> bool:
    """The text is about play: SPORT_MIN_WORDS different sports words, used densely."""
    return dense_vocabulary(doc, SPORT_WORDS, SPORT_MIN_WORDS, SPORT_MIN_SHARE)


def _market_sentence(span: Span) -> bool:
    return any(t.lower_ in MARKET_WORDS for t in span.sent)


def literal_sense(span: Span, entry: str) -> bool:
    """The word is used in the plain sense its entry's table names (LITERAL_SENSES)."""
    words = LITERAL_SENSES.get(entry)
    return words is not None and any(
        t.lower_ in words or t.lemma_.lower() in words for t in span.sent
    )


def demote_genre(doc: Doc, spans: list[FramingSpan]) -> None:
    """Strong spans in the author's voice whose entry is the genre's own word (sports copy,
    a sentence about market prices) become mild, with the reason saying why."""
    candidates = [
        s
        for s in spans
        if s.tier == "strong"
        and not s.in_quote
        and s.entry is not None
        and (
            s.entry in SPORT_CONVENTIONS
            or s.entry in MARKET_CONVENTIONS
            or s.entry.startswith(SPORT_METAPHORS)
        )
    ]
    if not candidates:
        return
    sport = sports_copy(doc)
    for s in candidates:
        if sport and s.entry in SPORT_CONVENTIONS:
            s.tier = "mild"
            s.reason = f"{s.reason} (Sports copy: the genre's usual word for play; mild.)"
            continue
        if sport and s.entry.startswith(SPORT_METAPHORS):  # candidates all have an entry
            s.tier = "mild"
            s.reason = f"{s.reason} (Sports copy: a sports word in its own sense; mild.)"
            continue
        sp = doc.char_span(s.start, s.end, alignment_mode="expand")
        if s.entry in MARKET_CONVENTIONS and sp is not None and _market_sentence(sp):
            s.tier = "mild"
            s.reason = f"{s.reason} (Markets copy: the usual word for a price move; mild.)"
