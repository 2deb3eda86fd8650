"""`newsprov eval`: the scores an engineer reads to know whether the annotator got better."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotate.models import Annotation, FramingSpan, SentenceFlag
from newsprov.cli_eval import eval_command
from newsprov.evaluate import GoldArticle, GoldSpan, evaluate, load_gold

ARTICLE = (
    "Exports fell 12 percent in March, the ministry said.\n\n"
    "Critics say the plan is a staggering failure.\n\n"
    "The committee will meet again in May.\n"
)


def write_gold(folder: Path) -> None:
    (folder / "brief.txt").write_text(ARTICLE)
    (folder / "brief.sourcing.toml").write_text(
        '[[sentence]]\ntext = "Exports fell 12 percent in March"\nsourcing = "named_source"\n\n'
        '[[sentence]]\ntext = "Critics say the plan is a staggering"\nsourcing = "weasel"\n\n'
        '[[sentence]]\ntext = "The committee will meet again in May."\nsourcing = "none"\n'
    )
    (folder / "brief.framing.toml").write_text(
        'neutral = false\n[[span]]\ntext = "staggering"\ncategory = "loaded_language"\n'
    )


def test_eval_command_json_scores_a_gold_folder(tmp_path: Path) -> None:
    write_gold(tmp_path)
    result = CliRunner().invoke(eval_command, ["--gold", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["articles"] == ["brief"]
    src = data["sourcing"]
    assert src["sentences"] == 3
    assert src["unsourced"]["f1"] == 1.0
    assert src["label_agreement"] == 1.0
    assert src["named_wrongly_flagged"] == []
    assert data["framing"]["outside_quotes"]["tp"] == 1


def test_eval_command_text_report(tmp_path: Path) -> None:
    write_gold(tmp_path)
    result = CliRunner().invoke(eval_command, ["--gold", str(tmp_path)])
    assert result.exit_code == 0
    assert "unsourced flag: precision 1.000  recall 1.000  F1 1.000" in result.output
    assert "named-source sentences wrongly flagged unsourced: 0" in result.output


def test_eval_command_missing_folder_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_command, ["--gold", str(tmp_path / "nope")])
    assert result.exit_code != 0
    assert "does not exist" in result.output and "--gold" in result.output


def test_eval_command_gold_text_not_in_article_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One sentence here.\n")
    (tmp_path / "a.sourcing.toml").write_text(
        '[[sentence]]\ntext = "Not in the text at all"\nsourcing = "none"\n'
    )
    result = CliRunner().invoke(eval_command, ["--gold", str(tmp_path)])
    assert result.exit_code != 0
    assert "a.sourcing.toml" in result.output


def _flag(text: str, start: int, end: int, label: str | None) -> SentenceFlag:
    return SentenceFlag(start, end, text[start:end], label)


def test_evaluate_counts_named_sources_wrongly_flagged_and_confusion() -> None:
    text = "Alpha said 5. Beta rose 6."
    art = GoldArticle("x", text)
    from newsprov.evaluate import GoldSentence

    art.sentences = [
        GoldSentence(0, "Alpha said 5.", "named_source"),
        GoldSentence(14, "Beta rose 6.", "none"),
    ]
    ann = Annotation(
        text,
        [_flag(text, 0, 13, "unattributed_claim"), _flag(text, 14, 26, "unattributed_claim")],
        [],
    )
    rep = evaluate([art], [ann])
    assert rep.sourcing.unsourced.fp == 2 and rep.sourcing.unsourced.tp == 0
    assert len(rep.sourcing.named_wrongly_flagged) == 1
    assert rep.sourcing.confusion[("none", "unattributed_claim")] == 1


def test_evaluate_framing_overlap_quotes_apart_and_neutral_density() -> None:
    text = 'A grossly unfair "utterly vile" plan.'
    art = GoldArticle("x", text, neutral=True)
    art.spans = [
        GoldSpan(2, 17, "grossly unfair", "intensifier", False),
        GoldSpan(25, 29, "vile", "loaded_language", True),
    ]
    ann = Annotation(
        text,
        [],
        [
            FramingSpan(2, 9, "grossly", "intensifier", None, "r"),  # overlaps: a hit
            FramingSpan(18, 24, "utterly", "intensifier", None, "r", in_quote=True),  # no overlap
        ],
    )
    rep = evaluate([art], [ann])
    f = rep.framing
    assert (f.outside_quotes.tp, f.outside_quotes.fp, f.outside_quotes.fn) == (1, 0, 0)
    assert (f.in_quotes.tp, f.in_quotes.fp, f.in_quotes.fn) == (0, 1, 1)
    # one outside-quote flag in a 6-word neutral article
    assert f.neutral_per_500_words == 500 * 1 / 6


def test_load_gold_repo_set_has_every_article_labelled() -> None:
    gold = Path(__file__).parent / "gold"
    arts = load_gold(gold)
    assert len([a for a in arts if a.sentences]) >= 11
    assert any(a.name == "seed" for a in arts)
