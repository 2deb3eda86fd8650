"""One palette for every label, shared by the reader page and the dashboards.

Colours are Paul Tol's colour-blind-safe schemes: each sourcing label has a pale tint (for
a sentence's background under black text, from Tol's "pale" scheme) and a strong colour
of the same hue (for chart bars and swatches, from his "bright" scheme); each framing
category has an underline colour (Okabe-Ito) *and* an underline style. Colour is never the
only cue: every sentence carries a short code (N, A, D, Ag, W, U) in front of it and on
its chart bar, every framing category its own line style, and quoted framing is italic.
"""

from __future__ import annotations

from dataclasses import dataclass

from .highlight import css_class


@dataclass(frozen=True)
class Sourcing:
    label: str
    name: str
    code: str  # shown in front of the sentence, in the legend and on chart bars
    tint: str  # sentence background (black text on it stays readable)
    strong: str  # bars, swatch borders
    flag: bool  # False: context (named sources), not counted as a flag


@dataclass(frozen=True)
class Framing:
    category: str
    name: str
    code: str
    colour: str  # underline colour
    style: str  # CSS text-decoration-style: solid | double | wavy | dotted | dashed


SOURCING: tuple[Sourcing, ...] = (
    Sourcing("named_source", "Named source", "N", "#CCDDAA", "#228833", False),
    Sourcing("anonymous_source", "Anonymous source", "A", "#EEEEBB", "#CCBB44", True),
    Sourcing("vague_document", "Vague document", "D", "#BBCCEE", "#4477AA", True),
    Sourcing("agentless", "Agentless", "Ag", "#CCEEFF", "#66CCEE", True),
    Sourcing("weasel", "Weasel words", "W", "#DDDDDD", "#888888", True),
    Sourcing("unattributed_claim", "Unattributed claim", "U", "#FFCCCC", "#EE6677", True),
)
FRAMING: tuple[Framing, ...] = (
    Framing("loaded_language", "Loaded language", "L", "#D55E00", "solid"),
    Framing("intensifier", "Intensifier", "I", "#E69F00", "double"),
    Framing("presupposition", "Presupposition", "P", "#0072B2", "wavy"),
    Framing("doubt", "Doubt marker", "?", "#CC79A7", "dotted"),
    Framing("labeling", "Labeling", "Lb", "#009E73", "dashed"),
)
UNKNOWN_TINT, UNKNOWN_STRONG = "#EEEEEE", "#555555"
# The two series of the "flags over time" chart.
FLAG_SERIES = {"unsourced assertions": "#EE6677", "framing (author)": "#D55E00"}

SOURCING_BY_LABEL = {s.label: s for s in SOURCING}
FRAMING_BY_CATEGORY = {f.category: f for f in FRAMING}


def chart_name(label: str) -> str:
    """How a sourcing label or framing category reads in a chart legend: its code, then
    its name ("A · anonymous source")."""
    p = SOURCING_BY_LABEL.get(label) or FRAMING_BY_CATEGORY.get(label)
    return f"{p.code} · {p.name.lower()}" if p else label


def sql_case(column: str, values: dict[str, str]) -> str:
    """A CASE expression mapping `column`'s label to a display value (constants only)."""

    def quote(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    whens = " ".join(f"WHEN {quote(k)} THEN {quote(v)}" for k, v in values.items())
    return f"CASE {column} {whens} ELSE {column} END"


def vega_scale_sourcing() -> dict:
    return {
        "domain": [chart_name(s.label) for s in SOURCING],
        "range": [s.strong for s in SOURCING],
    }


def vega_scale_framing() -> dict:
    return {
        "domain": [chart_name(f.category) for f in FRAMING],
        "range": [f.colour for f in FRAMING],
    }


def reader_css() -> str:
    """The label rules of the reader page, generated so that they cannot drift from the
    dashboards' colours."""
    rules = []
    for s in SOURCING:
        cls = "src-" + css_class(s.label)
        # The code's ink: white on the two dark colours, near-black on the light ones.
        ink = "#fff" if s.strong in ("#228833", "#4477AA") else "#111"
        rules.append(
            f".{cls} {{ background: {s.tint}; --np-strong: {s.strong}; --np-ink: {ink}; }}"
        )
        rules.append(
            f".np-text .snt.{cls}:not([data-cont])::before, .np-legend .snt.{cls}::before,"
            f' .np-code.{cls}::before {{ content: "{s.code}"; }}'
        )
    for f in FRAMING:
        cls = "cat-" + css_class(f.category)
        rules.append(
            f".{cls} {{ text-decoration-color: {f.colour}; text-decoration-style: {f.style};"
            f" --np-strong: {f.colour}; }}"
        )
    return "\n".join(rules)
