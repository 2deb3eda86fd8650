"""Datasette metadata for a newsprov database: table and column descriptions, label columns,
sorts, facets, full-text search, canned queries and the dashboards."""

from __future__ import annotations

from typing import Any

from .edits import QUERIES as EDIT_QUERIES
from .edits import TABLES as EDIT_TABLES
from .edits import edits_chart
from .palette import (
    FLAG_SERIES,
    FRAMING,
    SOURCING,
    chart_name,
    sql_case,
    vega_scale_framing,
    vega_scale_sourcing,
)
from .queries import CANNED

SOURCING_HELP = (
    "named_source | anonymous_source | vague_document | agentless | weasel | "
    "unattributed_claim, or empty when the sentence needs no source"
)

TABLES: dict[str, dict[str, Any]] = {
    "articles": {
        "description": "One row per article: extracted text and metadata. Open the reader "
        "page (/-/article/ID) to see its flags.",
        "label_column": "title",
        "sort_desc": "published",
        "facets": ["outlet_id", "extractor", "is_seed"],
        "fts_table": "articles_fts",
        "fts_pk": "article_id",
        "columns": {
            "url": "The URL fetched (after redirects): the only source of this article's text",
            "input_url": "The URL as given or discovered, before redirects",
            "canonical_url": "Canonical URL the page declares (a claim, used for matching only)",
            "outlet_id": "Registered domain of the outlet",
            "authors": "Byline, JSON list",
            "published": "Publication time as declared by the page (ISO 8601)",
            "text": "Extracted article text; flag offsets index into it (code points)",
            "word_count": "Words in text (whitespace-separated)",
            "extractor": "newspaper or trafilatura: which extractor produced the text",
            "is_seed": "1 when a user asked for this article, 0 when found as related",
            "annotated_run_id": "The run that last annotated this article",
            "opinion": "Why the page says it is opinion (its section, JSON-LD type or URL "
            "path), or empty: its writer's own causes and judgements are then routine",
        },
    },
    "sentences": {
        "description": "Every sentence with its sourcing label, the source and cue that "
        "decided it, and why.",
        "label_column": "text",
        "sort": "sentence_id",
        # in_quote stays one click away ("facet by"); by default it would add a third scan.
        "facets": ["sourcing", "unsourced"],
        "fts_table": "sentences_fts",
        "fts_pk": "sentence_id",
        "columns": {
            "idx": "Sentence number in the article, from 1",
            "start": "Start offset in the article text (code points)",
            "end": "End offset (exclusive)",
            "sourcing": SOURCING_HELP,
            "unsourced": "1 when the label is one of the five unsourced labels",
            "source": "Who or what the sentence is attributed to",
            "cue": "The reporting verb or phrase that signals attribution",
            "in_quote": "1 when the whole sentence is inside a quotation",
            "reason": "Why this label, in words an editor understands",
            "rule": "Id of the rule that decided (for maintainers)",
            "tier": "query (an editor would ask where it came from) or routine (checkable, "
            "low-risk); empty when the sentence is not unsourced",
        },
    },
    "framing": {
        "description": "Phrases that frame the story: loaded language, intensifiers, "
        "presuppositions, doubt markers and labels. in_quote = 1 means a speaker's words.",
        "label_column": "text",
        "sort": "framing_id",
        "facets": ["category", "in_quote", "entry"],
        "columns": {
            "category": "loaded_language | intensifier | presupposition | doubt | labeling",
            "entry": "Lexicon entry id that matched (empty for rule hits)",
            "reason": "Why the phrase was flagged",
            "in_quote": "1 when inside a quotation: the speaker's words, not the outlet's",
            "tier": "strong (an editor would change the word) or mild (worth a look)",
            "start": "Start offset in the article text (code points)",
            "end": "End offset (exclusive)",
        },
    },
    "framing_density": {
        "description": "Framing phrases per article and category; per_1000_words counts the "
        "author's voice only.",
        "facets": ["category"],
        "sort_desc": "per_1000_words",
        "columns": {
            "author_count": "Phrases outside quotations",
            "quote_count": "Phrases inside quotations",
            "per_1000_words": "author_count x 1000 / word_count",
        },
    },
    "outlets": {
        "description": "News outlets, keyed by registered domain.",
        "label_column": "name",
        "sort": "outlet_id",
    },
    "related": {
        "description": "Other coverage found for an article and whether it is the same story "
        "or a syndicated copy.",
        "facets": ["method", "same_story"],
        "sort_desc": "score",
        "columns": {
            "method": "How it was found: links, feed, sitemap, gdelt, user",
            "score": "Same-story similarity, 0 to 1",
            "same_story": "1 same story, 0 different, empty when not yet matched",
            "syndicated_of": "The earliest copy, when this is syndicated",
            "evidence": "JSON: shared entities, figures, terms, gap in hours",
        },
    },
    "claims": {
        "description": "Check-worthy claims (figures, entities) extracted from sentences.",
        "label_column": "statement",
        "columns": {
            "statement": "Normalised statement used for matching",
            "figures": "JSON list of figures with value and unit",
        },
    },
    "claim_matches": {
        "description": "The same claim or figure found in another article, as stored: one "
        "row stands for every syndicated copy of the other claim on that side of this "
        "article (claim_copies). The view claim_matches_expanded lists every matching pair; "
        "count and join that one. Stories too large to store (claim_matches_deferred) have "
        "no rows here: their trails work the matches out when read.",
        "facets": ["method"],
        "columns": {
            "method": "same_figure or paraphrase",
            "conflict": "JSON {quantity, ours, theirs} when the figures differ",
        },
    },
    "links": {
        "description": "Links in each article, with anchor text and context.",
        "label_column": "anchor",
        "facets": ["kind", "domain"],
    },
    "embeds": {
        "description": "Social posts embedded in each article, with who posted them: the "
        "article text shows them as the page does; this says whose words they are.",
        "label_column": "author",
        "facets": ["platform"],
    },
    "fetches": {
        "description": "Every HTTP response kept as evidence: hash, time, status, headers.",
        "facets": ["status", "error_kind", "content_type"],
        "sort_desc": "fetch_id",
    },
    "runs": {
        "description": "Each command run, with versions, lexicon hash and a summary.",
        "facets": ["command", "status"],
        "sort_desc": "run_id",
    },
}


def _tables() -> dict[str, Any]:
    out = {}
    for name, conf in TABLES.items():
        conf = dict(conf)
        if name == "articles":
            # Datasette takes date facets as {"date": column}; dicts cannot sit in the constant
            # above without being shared between calls, so it is added per build.
            conf["facets"] = [*conf["facets"], {"date": "published"}]
        out[name] = conf
    return out


# Dashboards count claims to query and strong framing unless the Tier filter says "all".
# A [[ ... ]] block is dropped when its parameter is empty, so with no filter the routine /
# mild rows are subtracted (or left out) and with tier = all they are kept.
TIER_FILTER = {"name": "Tier", "type": "select", "options": ["query", "all"]}
SENTENCE_TIER = "AND (coalesce(s.tier, 'query') = 'query' [[ OR :tier = 'all' ]])"
NOT_ALL = "[[ AND :tier != 'all' ]]"


def _dashboards(db_name: str) -> dict[str, Any]:
    outlet_filter = "[[ AND a.outlet_id = :outlet ]]"
    month = "substr(a.published, 1, 7)"
    return {
        "newsprov-overview": {
            "title": "newsprov overview",
            "description": "How the stored coverage is sourced and framed, across outlets. "
            "Claims to query and strong framing; set Tier to all to count routine claims and "
            "mild phrases too.",
            "filters": {"tier": dict(TIER_FILTER)},
            "layout": [
                ["intro", "articles-count", "unsourced-count"],
                ["flags-over-time", "flags-over-time", "flags-over-time"],
                ["sourcing-mix", "sourcing-mix", "framing-mix"],
                ["sourcing-edits", "sourcing-edits", "sourcing-edits"],
            ],
            "charts": {
                "intro": {
                    "library": "markdown",
                    "display": "## Where to start\n\n"
                    f"- [Articles most in need of a look](/{db_name}/articles_needing_review)\n"
                    f"- [Unsourced assertions](/{db_name}/unsourced_assertions)\n"
                    f"- [Figures that differ](/{db_name}/conflicting_figures)\n"
                    "- [Outlet profile](/-/dashboards/newsprov-outlet)\n",
                },
                "articles-count": {
                    "title": "Articles",
                    "db": db_name,
                    "query": "SELECT count(*) AS n FROM articles",
                    "library": "metric",
                    "display": {"field": "n"},
                },
                "unsourced-count": {
                    "title": "Unsourced assertions",
                    "db": db_name,
                    "query": f"SELECT count(*) AS n FROM sentences s WHERE unsourced = 1 {SENTENCE_TIER}",  # noqa: S608 - constant fragments
                    "library": "metric",
                    "display": {"field": "n"},
                },
                "flags-over-time": _flags_over_time(db_name, month, ""),
                "sourcing-mix": _sourcing_mix(db_name, ""),
                "framing-mix": _framing_mix(db_name, ""),
                "sourcing-edits": edits_chart(db_name),
            },
        },
        "newsprov-outlet": {
            "title": "Outlet profile",
            "description": "One outlet's sourcing and framing. Pick an outlet and Apply. "
            "Claims to query and strong framing unless Tier is all.",
            "layout": [
                ["flags-over-time", "flags-over-time"],
                ["sourcing-mix", "framing-mix"],
            ],
            "filters": {
                "outlet": {
                    "name": "Outlet",
                    "type": "select",
                    "db": db_name,
                    "query": "SELECT DISTINCT outlet_id FROM articles "
                    "WHERE outlet_id IS NOT NULL ORDER BY outlet_id",
                },
                "tier": dict(TIER_FILTER),
            },
            "charts": {
                "flags-over-time": _flags_over_time(db_name, month, outlet_filter),
                "sourcing-mix": _sourcing_mix(db_name, outlet_filter),
                "framing-mix": _framing_mix(db_name, outlet_filter),
            },
        },
    }


def _flags_over_time(db_name: str, month: str, where: str) -> dict[str, Any]:
    return {
        "title": "Flags per month (by publication date)",
        "db": db_name,
        "query": f"""
SELECT {month} AS month, 'unsourced assertions' AS flag, count(*) AS n
FROM articles a JOIN sentences s ON s.article_id = a.article_id AND s.unsourced = 1
WHERE a.published IS NOT NULL {where} {SENTENCE_TIER} GROUP BY month
UNION ALL
SELECT month, flag, sum(n) AS n FROM (
    SELECT {month} AS month, 'framing (author)' AS flag, sum(d.author_count) AS n
    FROM articles a JOIN framing_density d ON d.article_id = a.article_id
    WHERE a.published IS NOT NULL {where} GROUP BY month
    UNION ALL
    SELECT {month} AS month, 'framing (author)' AS flag, -count(*) AS n
    FROM articles a JOIN framing f ON f.article_id = a.article_id
    WHERE a.published IS NOT NULL AND f.tier = 'mild' AND f.in_quote = 0 {where} {NOT_ALL}
    GROUP BY month
) GROUP BY month, flag
ORDER BY month""",  # noqa: S608 - constant fragments; values are bound parameters
        "library": "vega-lite",
        "display": {
            "mark": {"type": "line", "tooltip": True},
            "encoding": {
                "x": {"field": "month", "type": "temporal", "timeUnit": "yearmonth"},
                "y": {"field": "n", "type": "quantitative", "title": "flags"},
                "color": {
                    "field": "flag",
                    "type": "nominal",
                    "scale": {"domain": list(FLAG_SERIES), "range": list(FLAG_SERIES.values())},
                },
                # Not colour alone: a dashed line for unsourced assertions (one legend).
                "strokeDash": {
                    "field": "flag",
                    "type": "nominal",
                    "scale": {"domain": list(FLAG_SERIES), "range": [[6, 3], [1, 0]]},
                },
            },
        },
    }


def _sourcing_mix(db_name: str, where: str) -> dict[str, Any]:
    # Read from sourcing_counts (sentences per article and label), not the sentences table.
    # The label reads as "A · anonymous source", and its code is printed on the bar too, so
    # the colours (db/plugin/palette.py, the reader's) are never the only cue.
    name = sql_case("c.label", {s.label: chart_name(s.label) for s in SOURCING})
    code = sql_case("c.label", {s.label: s.code for s in SOURCING})
    rank = sql_case("c.label", {s.label: str(i) for i, s in enumerate(SOURCING)})
    return {
        "title": "Sourcing mix per outlet",
        "db": db_name,
        "query": f"""
SELECT a.outlet_id AS outlet, {name} AS sourcing, {code} AS code, {rank} AS rank,
       sum(c.n) AS n
FROM (
    SELECT article_id, label, n FROM sourcing_counts
    UNION ALL
    SELECT article_id, sourcing, -count(*) FROM sentences
    WHERE unsourced = 1 AND tier = 'routine' {NOT_ALL} GROUP BY article_id, sourcing
) c JOIN articles a ON a.article_id = c.article_id
WHERE 1 {where}
GROUP BY a.outlet_id, c.label ORDER BY outlet""",  # noqa: S608 - constant fragments
        "library": "vega-lite",
        "display": {
            "encoding": {
                "y": {"field": "outlet", "type": "nominal"},
                "x": {"field": "n", "type": "quantitative", "stack": "normalize", "title": "share"},
                "color": {
                    "field": "sourcing",
                    "type": "nominal",
                    "scale": vega_scale_sourcing(),
                    "title": "sourcing",
                },
                "order": {"field": "rank", "type": "ordinal"},  # the legend's order
            },
            "layer": [
                {"mark": {"type": "bar", "tooltip": True}},
                {
                    "mark": {"type": "text", "align": "right", "dx": -3, "fontWeight": "bold"},
                    "encoding": {"text": {"field": "code"}, "color": {"value": "#111"}},
                },
            ],
        },
    }


def _framing_mix(db_name: str, where: str) -> dict[str, Any]:
    name = sql_case("d.category", {f.category: chart_name(f.category) for f in FRAMING})
    code = sql_case("d.category", {f.category: f.code for f in FRAMING})
    rank = sql_case("d.category", {f.category: str(i) for i, f in enumerate(FRAMING)})
    return {
        "title": "Framing categories per outlet (author's voice)",
        "db": db_name,
        "query": f"""
SELECT a.outlet_id AS outlet, {name} AS category, {code} AS code, {rank} AS rank,
       sum(d.n) AS n
FROM (
    SELECT article_id, category, author_count AS n FROM framing_density
    UNION ALL
    SELECT article_id, category, -count(*) FROM framing
    WHERE tier = 'mild' AND in_quote = 0 {NOT_ALL} GROUP BY article_id, category
) d JOIN articles a ON a.article_id = d.article_id
WHERE 1 {where}
GROUP BY a.outlet_id, d.category ORDER BY outlet""",  # noqa: S608 - constant fragments
        "library": "vega-lite",
        "display": {
            "encoding": {
                "y": {"field": "outlet", "type": "nominal"},
                "x": {"field": "n", "type": "quantitative", "stack": "zero", "title": "phrases"},
                "color": {
                    "field": "category",
                    "type": "nominal",
                    "scale": vega_scale_framing(),
                    "title": "category",
                },
                "order": {"field": "rank", "type": "ordinal"},  # the legend's order
            },
            "layer": [
                {"mark": {"type": "bar", "tooltip": True}},
                {
                    "transform": [{"filter": "datum.n > 0"}],
                    "mark": {"type": "text", "align": "right", "dx": -3, "fontWeight": "bold"},
                    "encoding": {"text": {"field": "code"}, "color": {"value": "#111"}},
                },
            ],
        },
    }


def build_metadata(db_name: str = "newsprov") -> dict[str, Any]:
    """Metadata for a Datasette serving the newsprov database named `db_name`."""
    return {
        "title": "newsprov: how the news is sourced and framed",
        "description": "Open an article in the reader (/-/article/ID) to see every flag and why.",
        "databases": {
            db_name: {
                "description": "Articles, their sentence sourcing and framing flags, related "
                "coverage and claim trails.",
                "tables": {**_tables(), **EDIT_TABLES},
                "queries": {name: dict(q) for name, q in {**CANNED, **EDIT_QUERIES}.items()},
            }
        },
        "plugins": {"datasette-dashboards": _dashboards(db_name)},
    }
