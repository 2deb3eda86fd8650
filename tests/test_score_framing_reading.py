"""bench/score_framing_reading.py scores a read_aeb.py `--spans` run against framing verdicts:
starred author's-voice spans are the default view, quote spans are not scored, a judged word
still matches when its sentence index moved, and unjudged spans are listed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# An invented run in read_aeb.py's layout (no page text from any data set).
RUN = """
### abcd1234 https://harbour-gazette.example/ferry
  120 words, 4 sentences, 1 unsourced (query: 1)
   (0) -: The ferry board met on Monday.
     *~ loaded_language/strong author <framing.loaded.x> 'slammed'
  [1] unattributed_claim/query <sourcing.check.figure> figure with no source: '40'
       Forty sailings were cut.
     *~ loaded_language/strong author <framing.loaded.y> 'chaos'
      ~ doubt/mild author <-> '"temporary"'
   (2) named_source: "It is a disgrace," said Mara Quell.
      ~ loaded_language/strong quote <framing.loaded.z> 'disgrace'
   (3) -: The board meets again in May.
     *~ intensifier/strong author <framing.intensifier.w> 'hugely'

1 pages, 1 unsourced flags, 1 shown
"""

TSV = (
    "# invented verdicts\n"
    "page\tidx\twords\ttier\tverdict\tsource\n"
    "abcd1234\t0\tslammed\tstrong\tL\ttest\n"
    "abcd1234\t5\tchaos\tstrong\tN\ttest\n"
    'abcd1234\t1\t"temporary"\tmild\tN\ttest\n'
    "abcd1234\t3\tsadly\tmissed\tL\ttest\n"
)


def test_default_view_precision_and_unjudged(tmp_path: Path) -> None:
    run, tsv = tmp_path / "run.txt", tmp_path / "framing.tsv"
    run.write_text(RUN, encoding="utf-8")
    tsv.write_text(TSV, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "score_framing_reading.py"), str(run)]
        + ["--judgements", str(tsv), "--pages", "abcd1234"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # 'chaos' is judged at index 5 but printed at 1: matched on page and words
    assert "default view (starred): 3 spans, L 1, N 1, unjudged 1; precision 1/2 = 0.50" in out
    assert "(mild): 1 spans, L 0, N 1, unjudged 0; precision 0/1 = 0.00" in out
    assert "unjudged: abcd1234 (3) 'hugely'" in out
    assert "'disgrace'" not in out  # a quote span is never scored
    assert "judged missed: 1, now with a span: 0" in out
    assert "3 in 120 words = 25.00/1,000" in out


def test_the_seven_column_dev_file_reads_as_starred_spans(tmp_path: Path) -> None:
    # the round-13 dev file's layout: page, sentence, rule, words, verdict, kind, source
    sys.path.insert(0, str(ROOT / "bench"))
    import score_framing_reading as sfr

    tsv = tmp_path / "dev.tsv"
    tsv.write_text(
        "page\tsentence\trule\twords\tverdict\tkind\tsource\n"
        "abcd1234\t0\tframing.loaded.x\tslammed\tL\tnews\ttest\n",
        encoding="utf-8",
    )
    assert sfr.judgements(tsv) == {("abcd1234", 0, sfr.norm("slammed")): ("strong", "L")}
    committed = sfr.judgements(ROOT / "bench" / "traf_framing_dev_judgements.tsv")
    assert committed and {tier for tier, _v in committed.values()} == {"strong"}
