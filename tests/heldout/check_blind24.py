#!/usr/bin/env python3
"""Checker for the round-24 blind set (adapted from check_blind23.py: names changed, checks kept).

Usage: python3 check_blind24.py [DIR] [--totals]

Sentence split used to compare the gold with the .txt:
  - paragraphs are separated by blank lines;
  - inside a paragraph, a sentence ends after '.', '!' or '?' (optionally followed by one
    closing '"') when whitespace and then a capital letter, a digit or '"' follow;
  - no break after Mr/Mrs/Ms/Dr/St/No/Prof/Gen/Sgt/Lt/Col/Inc/Ltd, month abbreviations,
    a.m./p.m., or a single capital initial.

Checks per triple:
  sourcing: header comment present; sentence count equals the split's count; each `text`
    starts its sentence (in order) and occurs exactly once in the .txt; `sourcing` in the
    vocabulary (DESIGN.md labels or "none"); `tier` (query|routine) present exactly for the five
    unsourced labels; no unknown keys.
  framing: header comment present, `neutral` bool and consistent with author's-voice spans;
    each span text occurs in the .txt (error if absent, warning if more than once); category
    from the vocabulary; in_quote bool and agreeing with double-quote parity before the span;
    a `# tiers: strong N, mild M` header summing to the author's-voice spans and matching the
    per-span `# tier:` comments; no unknown keys.
  any file: warning for non-ASCII characters.
Exit status 1 when there are errors.
"""

import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

LABELS = {
    "named_source",
    "anonymous_source",
    "vague_document",
    "agentless",
    "weasel",
    "unattributed_claim",
    "none",
}
UNSOURCED = {"anonymous_source", "vague_document", "agentless", "weasel", "unattributed_claim"}
TIERS = {"query", "routine"}
CATEGORIES = {"loaded_language", "intensifier", "presupposition", "doubt", "labeling"}
SPAN_TIERS = {"strong", "mild"}
NO_BREAK = {
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "No",
    "Prof",
    "Gen",
    "Sgt",
    "Lt",
    "Col",
    "Inc",
    "Ltd",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
}


def split_sentences(text):
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = para.strip()
        if not para:
            continue
        start = 0
        for m in re.finditer(r'[.!?]"?(?=\s+[A-Z0-9"])', para):
            end = m.end()
            before = para[start : m.start() + 1]
            word = re.search(r"(\S+)[.!?]$", before)
            if m.group(0).startswith(".") and word:
                w = word.group(1).lstrip('"(')
                if w in NO_BREAK or re.fullmatch(r"[A-Z]", w) or w.lower() in ("a.m", "p.m"):
                    continue
            out.append(para[start:end].strip())
            start = end
        rest = para[start:].strip()
        if rest:
            out.append(rest)
    return out


def header_ok(raw):
    return raw.lstrip().startswith("#")


def check_ascii(path, raw, warns):
    for i, ch in enumerate(raw):
        if ord(ch) > 127:
            warns.append(f"{path.name}: non-ASCII character {ch!r} at {i}")
            return


def check_triple(base, errs, warns, totals):
    txt_p = base.with_suffix(".txt")
    src_p = Path(str(base) + ".sourcing.toml")
    frm_p = Path(str(base) + ".framing.toml")
    for p in (txt_p, src_p, frm_p):
        if not p.exists():
            errs.append(f"{base.name}: missing {p.name}")
            return
    text = txt_p.read_text(encoding="utf-8")
    check_ascii(txt_p, text, warns)
    sents = split_sentences(text)

    raw = src_p.read_text(encoding="utf-8")
    check_ascii(src_p, raw, warns)
    if not header_ok(raw):
        errs.append(f"{src_p.name}: no header comment")
    try:
        gold = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as e:
        errs.append(f"{src_p.name}: TOML error {e}")
        return
    extra = set(gold) - {"sentence"}
    if extra:
        errs.append(f"{src_p.name}: unknown top-level keys {sorted(extra)}")
    entries = gold.get("sentence", [])
    if len(entries) != len(sents):
        errs.append(f"{src_p.name}: {len(entries)} gold sentences, {len(sents)} in the text")
    for i, e in enumerate(entries):
        tag = f"{src_p.name} #{i + 1}"
        unk = set(e) - {"text", "sourcing", "tier"}
        if unk:
            errs.append(f"{tag}: unknown keys {sorted(unk)}")
        t = e.get("text", "")
        if not t:
            errs.append(f"{tag}: no text")
            continue
        n = text.count(t)
        if n != 1:
            errs.append(f"{tag}: text {t!r} occurs {n} times in the .txt")
        if i < len(sents) and not sents[i].startswith(t):
            errs.append(f"{tag}: {t!r} does not start sentence {i + 1}: {sents[i][:60]!r}")
        lab = e.get("sourcing")
        if lab not in LABELS:
            errs.append(f"{tag}: bad sourcing label {lab!r}")
            continue
        totals["label"][lab] += 1
        if lab in UNSOURCED:
            tier = e.get("tier")
            if tier not in TIERS:
                errs.append(f"{tag}: unsourced sentence needs tier query|routine, has {tier!r}")
            else:
                totals["tier"][tier] += 1
        elif "tier" in e:
            errs.append(f"{tag}: tier given for label {lab!r}")
    totals["sentences"] += len(entries)
    totals["words"] += len(text.split())

    raw = frm_p.read_text(encoding="utf-8")
    check_ascii(frm_p, raw, warns)
    if not header_ok(raw):
        errs.append(f"{frm_p.name}: no header comment")
    try:
        fr = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as e:
        errs.append(f"{frm_p.name}: TOML error {e}")
        return
    extra = set(fr) - {"neutral", "span"}
    if extra:
        errs.append(f"{frm_p.name}: unknown top-level keys {sorted(extra)}")
    spans = fr.get("span", [])
    voice = 0
    for j, s in enumerate(spans):
        tag = f"{frm_p.name} span #{j + 1}"
        unk = set(s) - {"text", "category", "in_quote"}
        if unk:
            errs.append(f"{tag}: unknown keys {sorted(unk)}")
        t = s.get("text", "")
        n = text.count(t) if t else 0
        if n == 0:
            errs.append(f"{tag}: text {t!r} not in the .txt")
            continue
        if n > 1:
            warns.append(f"{tag}: text {t!r} occurs {n} times")
        if s.get("category") not in CATEGORIES:
            errs.append(f"{tag}: bad category {s.get('category')!r}")
        else:
            totals["cat"][s["category"]] += 1
        iq = s.get("in_quote")
        if not isinstance(iq, bool):
            errs.append(f"{tag}: in_quote must be true/false")
            continue
        pos = text.find(t)
        para_start = text.rfind("\n\n", 0, pos) + 1
        parity = text[para_start:pos].count('"') % 2 == 1
        if parity != iq:
            errs.append(f"{tag}: in_quote={iq} but quote parity says {parity} for {t!r}")
        if not iq:
            voice += 1
        totals["inq" if iq else "voice"] += 1
    neutral = fr.get("neutral")
    if not isinstance(neutral, bool):
        errs.append(f"{frm_p.name}: neutral must be true/false")
    elif neutral != (voice == 0):
        errs.append(f"{frm_p.name}: neutral={neutral} but {voice} author's-voice spans")
    m = re.search(r"#\s*tiers:\s*strong\s+(\d+),\s*mild\s+(\d+)", raw)
    per = re.findall(r"^#\s*tier:\s*(\w+)", raw, flags=re.M)
    for p in per:
        if p not in SPAN_TIERS:
            errs.append(f"{frm_p.name}: bad span tier {p!r}")
    if not m:
        errs.append(f"{frm_p.name}: no '# tiers: strong N, mild M' header")
    else:
        st, mi = int(m.group(1)), int(m.group(2))
        if st + mi != voice:
            errs.append(f"{frm_p.name}: tiers header sums to {st + mi}, {voice} voice spans")
        if per.count("strong") != st or per.count("mild") != mi or len(per) != voice:
            errs.append(
                f"{frm_p.name}: per-span '# tier:' comments {Counter(per)} do not "
                f"match header strong {st}, mild {mi} / {voice} voice spans"
            )
        totals["strong"] += st
        totals["mild"] += mi


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    d = Path(args[0]) if args else Path(__file__).parent
    bases = sorted({Path(str(p)[:-4]) for p in d.glob("c24_*.txt")})
    errs, warns = [], []
    totals = {
        "label": Counter(),
        "tier": Counter(),
        "cat": Counter(),
        "sentences": 0,
        "words": 0,
        "inq": 0,
        "voice": 0,
        "strong": 0,
        "mild": 0,
    }
    for b in bases:
        before = len(errs)
        check_triple(b, errs, warns, totals)
        if "--totals" in argv:
            print(f"{b.name}: {len(errs) - before} errors")
    for e in errs:
        print("ERROR", e)
    for w in warns:
        print("WARN", w)
    print(f"{len(bases)} articles, {len(errs)} errors, {len(warns)} warnings")
    if "--totals" in argv:
        print("sentences", totals["sentences"], "words", totals["words"])
        print("labels", dict(totals["label"]))
        print("tiers", dict(totals["tier"]))
        print(
            "categories",
            dict(totals["cat"]),
            "in_quote",
            totals["inq"],
            "voice",
            totals["voice"],
            "strong",
            totals["strong"],
            "mild",
            totals["mild"],
        )
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
