"""Plain-text renderings for the terminal."""

from __future__ import annotations

from annotate.models import Annotation


def format_annotation(result: Annotation) -> str:
    """One block per sentence: label, reason, cue/source, then framing spans inside it."""
    lines: list[str] = []
    spans = sorted(result.spans, key=lambda s: s.start)
    for n, s in enumerate(result.sentences, 1):
        label = s.sourcing or "-"
        mark = "!" if s.unsourced else " "
        lines.append(f"{mark}{n:3d} [{label}] {' '.join(s.text.split())}")
        if s.reason:
            lines.append(f"       why: {s.reason}")
        if s.source:
            lines.append(f"       source: {s.source.text}")
        if s.cue:
            lines.append(f"       cue: {s.cue.text}")
        for sp in spans:
            if s.start <= sp.start < s.end:
                where = " (in quote)" if sp.in_quote else ""
                lines.append(f'       framing {sp.category}{where}: "{sp.text}" - {sp.reason}')
    unsourced = sum(1 for s in result.sentences if s.unsourced)
    lines.append(
        f"\n{len(result.sentences)} sentences, {unsourced} unsourced assertions, "
        f"{len(result.spans)} framing spans ({sum(1 for s in result.spans if s.in_quote)} in quotes)"
    )
    return "\n".join(lines)
