#!/usr/bin/env python3
"""Builds assets/corpus/sources.json from the source texts in assets/sources/.

Owns the cleaning rules of the built-in sources: which lines of each text are navigation,
counters, contact details, headlines, teasers or subheadings (kept in `raw`, dropped from
`paragraphs`). Every other non-blank line is one paragraph, kept word for word (only leading and
trailing white space, including no-break spaces, is trimmed), NFC-normalised.

The rules are explicit per source rather than heuristic: a reviewer can read exactly what was
dropped (`--report`), and a change to a text that the rules do not expect fails loudly (the
expected paragraph count, and every dropped line must match a rule).

A one-off: it made the `sources` of the built-in corpus once, and is kept as the record of
those cleaning rules until `entente import` takes over its job. The JSON is the source of
truth: running it without an option overwrites assets/corpus/sources.json, losing any edit
made there since, so prefer `--check` and `--report`.

Usage:
    python3 tools/build_sources.py            # write assets/corpus/sources.json, then lay it
                                              # out with `cargo run -- fmt` (the canonical layout)
    python3 tools/build_sources.py --check    # exit 1 if the file's data is not what the rules give
    python3 tools/build_sources.py --report   # print what each rule dropped
"""

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "assets" / "sources"
OUT = ROOT / "assets" / "corpus" / "sources.json"

CORPUS_TITLE = "EU–Republic of Korea cyber and digital dialogues"

# Lines that are site furniture wherever they appear: skip links of a Korean site ("menu
# shortcuts", "skip to content", "skip to main menu", "open the search box"), a language switch,
# the section menu, the hit counter's label and the back-to-top link.
FURNITURE = {
    "바로가기 메뉴",
    "본문 바로가기",
    "주메뉴 바로가기",
    "검색창 열기",
    "KOR",
    "Press Releases",
    "Go to Top",
}

# Labels whose value sits on the next line: both lines are dropped ("Date" / "2019-07-01",
# "hit" / "1013").
LABELLED = {"Date", "hit"}

SOURCES = [
    {
        "id": "eu-7th-cyber-dialogue",
        "label": "EU 2025",
        "file": "eu-7th-cyber-dialogue.txt",
        "title": "EU and Republic of Korea hold 7th Cyber Dialogue in Seoul",
        "kind": "press-release",
        "side": "eu",
        "notes": [
            "An EU account of the 7th meeting: it uses the EU's name, \"Cyber Dialogue\", "
            "puts the EU first, and says \"The EU will host the next EU-Republic of Korea "
            "Cyber Dialogue in Brussels\" (¶6). The text names neither its publisher nor its "
            "publication date.",
            "The headline appears twice at the top of the text, with a teaser between the two "
            "copies; both are left out of the cleaned paragraphs. The teaser reads: \"During "
            "the dialogue, the EU and the Republic of Korea exchanged on cyber policy "
            "developments and discussed the cyber threat landscape and respective frameworks "
            "to prevent, deter and respond to cyber threats.\"",
            "The subheadings (Key discussion points, Multilateral cooperation, Countering "
            "malicious cyber activities, Cyber capacity development, Future engagement) are "
            "kept in the raw text only.",
        ],
        "teaser": "During the dialogue, the EU and the Republic of Korea exchanged on cyber "
        "policy developments and discussed the cyber threat landscape and respective "
        "frameworks to prevent, deter and respond to cyber threats.",
        "subheadings": [
            "Key discussion points",
            "Multilateral cooperation",
            "Countering malicious cyber activities",
            "Cyber capacity development",
            "Future engagement",
        ],
        "paragraphs": 6,
    },
    {
        "id": "rok-7th-cyber-policy-consultation",
        "label": "ROK 2025",
        "file": "rok-7th-cyber-policy-consultation.txt",
        # The text has no headline: the title is made of the words of its ¶1.
        "title": "7th Republic of Korea–European Union Cyber Policy Consultation",
        "kind": "press-release",
        "side": "rok",
        "notes": [
            "The text carries no headline; the title is taken from the words of ¶1.",
            "A ROK account of the 7th meeting: it names the meeting the \"Republic of "
            "Korea–European Union Cyber Policy Consultation\", puts the ROK first throughout, "
            "and its chair, of the Ministry of Foreign Affairs, first (¶1). The text names "
            "neither its publisher nor its publication date; it gives the meeting's date as \"Tuesday, May 20\" "
            "without a year.",
            "Its paragraphs are numbered 1–9 in the text itself; the cleaned paragraph indices "
            "are the same numbers.",
        ],
        "paragraphs": 9,
    },
    {
        "id": "eu-6th-cyber-dialogue",
        "label": "EU 2020",
        "file": "eu-6th-cyber-dialogue.txt",
        "title": "6th annual European Union – Republic of Korea Cyber Dialogue",
        "kind": "press-release",
        "side": "eu",
        "notes": [
            "An EU press release: it closes with the contacts of a Spokesperson and a Press "
            "Officer for Foreign Affairs and Security Policy, with Brussels (+32) telephone "
            "numbers, and says \"The European Union will host the next EU-Republic of Korea "
            "Cyber Dialogue in Brussels in 2021\" (¶5). The contacts are kept in the raw text "
            "only. The text names neither its publisher nor its publication date.",
            "It gives the meeting's date as \"November 24\" without a year.",
        ],
        "contacts": [
            "Nabila Massrali",
            "Spokesperson for Foreign Affairs and Security Policy",
            "Xavier Cifre Quatresols",
            "Press Officer for Foreign Affairs and Security Policy",
        ],
        "paragraphs": 5,
    },
    {
        "id": "rok-5th-cyber-policy-consultation",
        "label": "ROK 2019",
        "file": "rok-5th-cyber-policy-consultation.txt",
        "title": "5th ROK-EU Cyber Policy Consultation and 2nd Meeting of ROK-EU Specialised "
        "Working Group on Counter-Terrorism Take Place",
        "kind": "press-release",
        "side": "rok",
        "published": {
            "value": "2019-07-01",
            "precision": "day",
            "provenance": "stated",
            "how": "Stated on the page's own \"Date 2019-07-01\" line, which is kept in the raw "
            "text but is not a cleaned paragraph; the citation is the report that line dates.",
            "cite": [{"source": "rok-5th-cyber-policy-consultation", "paragraph": 1}],
        },
        "notes": [
            "Unofficial translation: the text ends \"* unofficial translation\" (¶8).",
            "A ROK account: it appears under a \"Press Releases\" menu of a Korean-language "
            "site (the Korean skip-link menus, the KOR language switch, a hit counter) and "
            "opens \"The Ministry of Foreign Affairs held the 5th Republic of Korea "
            "(ROK)-European Union (EU) Cyber Policy Consultation\" (¶1). That suggests, but "
            "the text does not state, that the Ministry published it, so no publisher is "
            "recorded.",
            "Sub-points marked \"°\" are paragraphs of their own (¶2, ¶4, ¶6); the numbered "
            "paragraphs 1–4 of the text are ¶1, ¶3, ¶5 and ¶7.",
        ],
        "paragraphs": 8,
    },
    {
        "id": "news-2nd-digital-partnership-council",
        "label": "News 2024",
        "file": "news-2nd-digital-partnership-council.txt",
        "title": "EU and South Korea strengthen digital cooperation",
        "kind": "news-item",
        "notes": [
            "A third-party news item, not an account by either party: it reports both sides in "
            "the third person and ends with a \"Why does this matter?\" section (the subheading "
            "is kept in the raw text only). The text names neither its publisher nor its publication date.",
            "Its standfirst (¶1) is kept as a paragraph: it is not repeated elsewhere.",
            "It gives the Council's date as \"26 March\" without a year.",
        ],
        "subheadings": ["Why does this matter?"],
        "paragraphs": 7,
    },
]

PHONE = re.compile(r"^\+\d[\d ()]+$")


def clean(spec, raw):
    """Returns (paragraphs, dropped) where dropped lists (rule, line) pairs."""
    paragraphs = []
    dropped = []
    skip_next = None
    for line in raw.split("\n"):
        text = line.strip()
        if skip_next is not None:
            dropped.append((f"value of {skip_next!r}", text))
            skip_next = None
            continue
        if not text:
            if line:
                dropped.append(("white space only", repr(line)))
            continue
        if text in FURNITURE:
            dropped.append(("site furniture", text))
        elif text in LABELLED:
            dropped.append(("counter label", text))
            skip_next = text
        elif text == spec["title"]:
            dropped.append(("headline (in title)", text))
        elif text == spec.get("teaser"):
            dropped.append(("teaser (in notes)", text))
        elif text in spec.get("subheadings", []):
            dropped.append(("subheading", text))
        elif text in spec.get("contacts", []) or PHONE.match(text):
            dropped.append(("press contact", text))
        else:
            paragraphs.append(unicodedata.normalize("NFC", text))
    if len(paragraphs) != spec["paragraphs"]:
        sys.exit(
            f"{spec['id']}: expected {spec['paragraphs']} paragraphs, got {len(paragraphs)}:\n"
            + "\n".join(f"  {i}. {p[:70]}" for i, p in enumerate(paragraphs, 1))
        )
    return paragraphs, dropped


def build():
    sources = []
    report = []
    for spec in SOURCES:
        raw = (TEXTS / spec["file"]).read_bytes().decode("utf-8")
        paragraphs, dropped = clean(spec, raw)
        report.append((spec["id"], dropped, paragraphs))
        record = {"id": spec["id"], "label": spec["label"], "title": spec["title"]}
        if "publisher" in spec:
            record["publisher"] = spec["publisher"]
        record["language"] = "en"
        record["kind"] = spec["kind"]
        if "published" in spec:
            record["published"] = spec["published"]
        if "side" in spec:
            record["side"] = spec["side"]
        record["notes"] = spec["notes"]
        record["raw"] = raw
        record["paragraphs"] = paragraphs
        sources.append(record)
    corpus = {"format": "entente-corpus/1", "title": CORPUS_TITLE, "sources": sources}
    return corpus, report


def main():
    corpus, report = build()
    if "--report" in sys.argv:
        for sid, dropped, paragraphs in report:
            print(f"== {sid}")
            for rule, line in dropped:
                print(f"  dropped [{rule}]: {line[:80]}")
            for i, p in enumerate(paragraphs, 1):
                print(f"  ¶{i}: {p[:80]}")
        return
    if "--check" in sys.argv:
        # The data only: the layout is `entente fmt --check`'s to verify.
        if json.loads(OUT.read_text(encoding="utf-8")) != corpus:
            sys.exit(f"{OUT} differs from what the rules give")
        print(f"{OUT.name} holds what the rules give")
        return
    OUT.write_text(json.dumps(corpus, ensure_ascii=False) + "\n", encoding="utf-8")
    subprocess.run(["cargo", "run", "--quiet", "--", "fmt", str(OUT)], cwd=ROOT, check=True)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
