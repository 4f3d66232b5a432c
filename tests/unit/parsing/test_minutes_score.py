"""The scorer (`referat score-minutes`) and the figures it gives on the labelled corpus."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.cli import main
from bot.minutes_score import compare, same_owner, same_text, score_folder
from bot.parsing.minutes import parse_minutes
from bot.parsing.minutes.text import clean
from tests.conftest import CORPUS

# The targets of issue 9 on the whole corpus (README, "Scoring the reader").
TARGETS = {
    "decision_f1": 0.90,
    "owner_recall": 0.85,
    "owner_precision": 0.80,
    "next_meeting_right": 0.90,
    "meeting_date_right": 0.90,
}


def test_corpus_meets_the_targets() -> None:
    score = score_folder(CORPUS)
    assert len(score.files) >= 12
    assert not [f.name for f in score.files if f.error]
    for name, target in TARGETS.items():
        assert getattr(score, name) >= target, (name, getattr(score, name))


# Batches nobody tuned on, kept apart until the whole corpus with them meets the targets
# (README): each was scored once with the reader named, then taught from; the figures after
# that are its floor. A batch's test goes when it joins the corpus.
#   tenth (heldout-2026-11-24f, 12 documents), scored once with 985a3eb: decisions 0.676
#     (63.2 % / 72.7 %), owners 72.7 % / 33.3 %, next meeting 91.7 %, meeting date 91.7 %;
#     taught: 0.716 (70.6 % / 72.7 %), owners 95.2 % / 83.3 %, meeting date 100 %; joined
#     now: decisions F1 0.882
#   eleventh (heldout-2026-11-24g, 14 documents), scored once with 2142116: decisions 0.671
#     (62.7 % / 72.3 %), owners 54.5 % / 40.0 %, next meeting and meeting date 100 %;
#     taught: 0.696 (65.8 % / 73.8 %), owners 71.4 % / 50.0 %; joined now: 0.856
#   twelfth (heldout-2026-11-24h, 11 documents), scored once with 627431c, the reader as the
#     session left it, and not taught from: decisions 0.644 (79.2 % / 54.3 %), owners 50.0 % /
#     40.0 %, next meeting 72.7 %, meeting date 63.6 %
HELD_OUT_FLOORS = {
    "heldout-2026-11-25zf": (
        10,
        {
            "decision_f1": 0.51,
            "decision_recall": 0.48,
            "owner_precision": 0.78,
            "owner_recall": 0.5,
            "next_meeting_right": 1.0,
            "meeting_date_right": 0.9,
        },
    ),
    "heldout-2026-11-25ze": (
        10,
        {
            "decision_f1": 0.63,
            "decision_recall": 0.63,
            "owner_precision": 0.56,
            "owner_recall": 0.5,
            "next_meeting_right": 1.0,
            "meeting_date_right": 0.7,
        },
    ),
    "heldout-2026-11-25zd": (
        10,
        {
            "decision_f1": 0.72,
            "decision_recall": 0.79,
            "owner_precision": 0.6,
            "owner_recall": 0.63,
            "next_meeting_right": 1.0,
            "meeting_date_right": 0.8,
        },
    ),
    "heldout-2026-11-25zc": (
        10,
        {
            "decision_f1": 0.62,
            "decision_recall": 0.75,
            "owner_precision": 0.94,
            "owner_recall": 0.68,
            "next_meeting_right": 0.9,
            "meeting_date_right": 1.0,
        },
    ),
    "heldout-2026-11-25zb": (
        10,
        {
            "decision_f1": 0.5,
            "decision_recall": 0.42,
            "owner_precision": 0.9,
            "owner_recall": 0.61,
            "next_meeting_right": 0.9,
            "meeting_date_right": 0.7,
        },
    ),
    "heldout-2026-11-25za": (
        10,
        {
            "decision_f1": 0.48,
            "decision_recall": 0.43,
            "owner_precision": 0.88,
            "owner_recall": 0.29,
            "next_meeting_right": 1.0,
            "meeting_date_right": 0.9,
        },
    ),
    "heldout-2026-11-25z": (
        10,
        {
            "decision_f1": 0.7,
            "decision_recall": 0.78,
            "owner_precision": 0.91,
            "owner_recall": 0.61,
            "next_meeting_right": 0.7,
            "meeting_date_right": 0.9,
        },
    ),
    "heldout-2026-11-25y": (
        10,
        {
            # 0.57 before "o " sub-items were read as bullets (2026-11-25): "o Dawn
            # motion/Jacq second; motion passed …" now stands apart from the motion above it
            "decision_f1": 0.55,
            "decision_recall": 0.53,
            "owner_precision": 0.6,
            "owner_recall": 0.52,
            "next_meeting_right": 0.8,
            "meeting_date_right": 0.8,
        },
    ),
    "heldout-2026-11-25x": (
        10,
        {
            "decision_f1": 0.75,
            "decision_recall": 0.75,
            "owner_precision": 0.78,
            "owner_recall": 0.78,
            "next_meeting_right": 0.8,
            "meeting_date_right": 0.9,
        },
    ),
    "heldout-2026-11-25w": (
        10,
        {
            "decision_f1": 0.73,
            "decision_recall": 0.73,
            "owner_precision": 0.64,
            "owner_recall": 0.6,
            "next_meeting_right": 0.9,
            "meeting_date_right": 0.8,
        },
    ),
    "heldout-2026-11-25v": (
        12,
        {
            "decision_f1": 0.51,
            "decision_recall": 0.64,
            "owner_precision": 0.68,
            "owner_recall": 0.39,
            "next_meeting_right": 0.83,
            "meeting_date_right": 0.75,
        },
    ),
    "heldout-2026-11-25u": (
        12,
        {
            "decision_f1": 0.66,
            "decision_recall": 0.64,
            "owner_precision": 0.61,
            "owner_recall": 0.44,
            "next_meeting_right": 0.83,
            "meeting_date_right": 0.75,
        },
    ),
    "heldout-2026-11-25t": (
        12,
        {
            "decision_f1": 0.70,
            "decision_recall": 0.80,
            "owner_precision": 0.63,
            "owner_recall": 0.65,
            "next_meeting_right": 0.83,
            "meeting_date_right": 0.83,
        },
    ),
    "heldout-2026-11-24f": (
        12,
        {
            "decision_f1": 0.72,
            "decision_recall": 0.72,
            "owner_precision": 0.95,
            "owner_recall": 0.83,
            "next_meeting_right": 0.91,
            "meeting_date_right": 1.0,
        },
    ),
    "heldout-2026-11-24g": (
        14,
        {
            "decision_f1": 0.73,
            "decision_recall": 0.81,
            "owner_precision": 0.73,
            "owner_recall": 0.56,
            "next_meeting_right": 1.0,
            "meeting_date_right": 1.0,
        },
    ),
    "heldout-2026-11-24h": (
        11,
        {
            "decision_f1": 0.75,
            "decision_recall": 0.68,
            "owner_precision": 0.75,
            "owner_recall": 0.96,
            "next_meeting_right": 1.0,
            "meeting_date_right": 0.72,
        },
    ),
    "heldout-2026-11-24i": (
        12,
        {
            "decision_f1": 0.65,
            "decision_recall": 0.73,
            "owner_precision": 0.8,
            "owner_recall": 0.88,
            "next_meeting_right": 1.0,
            "meeting_date_right": 0.66,
        },
    ),
    "heldout-2026-11-24s": (
        12,
        {
            "decision_f1": 0.59,
            "decision_recall": 0.48,
            "owner_precision": 0.57,
            "owner_recall": 0.36,
            "next_meeting_right": 0.66,
            "meeting_date_right": 0.83,
        },
    ),
    "heldout-2026-11-24r": (
        12,
        {
            "decision_f1": 0.72,
            "decision_recall": 0.79,
            "owner_precision": 0.70,
            "owner_recall": 0.65,
            "next_meeting_right": 0.83,
            "meeting_date_right": 0.91,
        },
    ),
    "heldout-2026-11-24q": (
        12,
        {
            "decision_f1": 0.65,
            "decision_recall": 0.67,
            "owner_precision": 0.75,
            "owner_recall": 0.26,
            "next_meeting_right": 0.83,
            "meeting_date_right": 0.83,
        },
    ),
    "heldout-2026-11-24p": (
        12,
        {
            "decision_f1": 0.62,
            "decision_recall": 0.58,
            "owner_precision": 0.88,
            "owner_recall": 0.68,
            "next_meeting_right": 0.66,
            "meeting_date_right": 0.75,
        },
    ),
    "heldout-2026-11-24o": (
        12,
        {
            "decision_f1": 0.57,
            "decision_recall": 0.46,
            "owner_precision": 0.91,
            "owner_recall": 0.63,
            "next_meeting_right": 0.75,
            "meeting_date_right": 0.66,
        },
    ),
    "heldout-2026-11-24n": (
        12,
        {
            "decision_f1": 0.61,
            "decision_recall": 0.71,
            # 0.89 before "Aktion:" was an action marker (2026-11-25): "Aktion: Peter kommer
            # med et oplæg." is read now and takes the label that "Peter vil undersøge …" matched
            "owner_precision": 0.87,
            "owner_recall": 0.77,
            "next_meeting_right": 0.83,
            "meeting_date_right": 0.91,
        },
    ),
    "heldout-2026-11-24m": (
        12,
        {
            "decision_f1": 0.61,
            "decision_recall": 0.61,
            "owner_precision": 0.79,
            "owner_recall": 0.81,
            "next_meeting_right": 0.75,
            "meeting_date_right": 1.0,
        },
    ),
    "heldout-2026-11-24l": (
        12,
        {
            "decision_f1": 0.76,
            "decision_recall": 0.64,
            "owner_precision": 0.73,
            "owner_recall": 0.45,
            "next_meeting_right": 0.91,
            "meeting_date_right": 0.83,
        },
    ),
    "heldout-2026-11-24k": (
        12,
        {
            "decision_f1": 0.63,
            "decision_recall": 0.62,
            # 0.64 before wrapped lines were read (2026-11-25): "Tristan will bring this up
            # with …" now starts its own paragraph and is read; its label leaves body tasks
            # that repeat the action list out (s07), so it counts as an extra
            "owner_precision": 0.65,
            "owner_recall": 0.72,
            "next_meeting_right": 0.91,
            "meeting_date_right": 0.91,
        },
    ),
    "heldout-2026-11-24j": (
        11,
        {
            "decision_f1": 0.88,
            "decision_recall": 0.84,
            "owner_precision": 0.77,
            "owner_recall": 0.58,
            "next_meeting_right": 0.81,
            "meeting_date_right": 1.0,
        },
    ),
}


@pytest.mark.parametrize("folder", sorted(HELD_OUT_FLOORS))
def test_a_held_out_batch_does_not_get_worse(folder: str) -> None:
    count, floors = HELD_OUT_FLOORS[folder]
    score = score_folder(CORPUS.parent / folder)
    assert len(score.files) == count and not [f.name for f in score.files if f.error]
    for name, floor in floors.items():
        assert getattr(score, name) >= floor, (name, getattr(score, name))


@pytest.mark.parametrize(
    ("label", "found", "same"),
    [
        ("Agenda approved.", "Agenda approved", True),
        ("Vote on X.\n\n-   Vote: 3 in favor\n-   Resolution: Vote passed", "Vote on X.", False),
        ("Godkendt på mødet.", "1.2 Godkendt på mødet", True),
        ("The budget was approved", "The minutes of the last meeting were approved", False),
        ("Moved by Nick and seconded by Paul  \n* Passed", "Moved by Nick, seconded by Paul", True),
        ("Agenda approved.", "Agenda approved. " + "Much more was said here. " * 10, False),
    ],
    ids=["punctuation", "too-little", "containment", "other-text", "markdown-bullets", "too-much"],
)
def test_texts_match_loosely(label: str, found: str, same: bool) -> None:
    assert same_text(label, found) is same


def test_owners_match_by_name_or_first_name() -> None:
    assert same_owner("Agnete/Sofie", ["Agnete/Sofie"])
    assert same_owner("Richard", ["Richard Smith"])
    assert same_owner("Slagelse og Køge", ["Køge"])
    assert not same_owner("Richard", ["Abby"])


def test_a_reading_is_compared_with_its_label() -> None:
    text = "Referat 3. marts 2026\n\n1. Budget\nBudgettet blev godkendt.\nJens sender det ud.\n"
    minutes = parse_minutes(text, today=date(2026, 3, 3))
    label = {
        "meeting_date": "2026-03-03",
        "next_meeting": None,
        "agenda_items": 1,
        "decisions": [{"item": "1", "text": "Budgettet blev godkendt."}],
        "actions": [{"owner": "Jens", "task": "Jens sender det ud.", "due": None}],
    }
    score = compare("x.txt", minutes, label)
    assert (score.decisions_matched, score.decisions_found, score.owners_matched) == (1, 1, 1)
    assert score.next_meeting_right and score.meeting_date_right and score.items_right


def test_the_command_prints_a_table_with_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text("# Referat 3. marts 2026\n\n## 1. Budget\n\nIntet.\n")
    label = {
        "meeting_date": "2026-03-03",
        "next_meeting": None,
        "agenda_items": 1,
        "decisions": [{"item": "1", "text": "Budgettet blev godkendt."}],
        "actions": [],
    }
    (tmp_path / "a.json").write_text(json.dumps(label))
    assert main(["score-minutes", str(tmp_path), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "a.md" in out and "total (1 files)" in out
    assert "missed  decision  Budgettet blev godkendt." in out


def test_the_command_says_when_there_is_nothing_to_score(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score-minutes", str(tmp_path)]) == 1
    assert "no labelled documents" in capsys.readouterr().out


def test_html_is_read_with_its_headings_lists_and_tables() -> None:
    from bot.documents.read import extract_text

    page = (
        b"<html><head><title>x</title><style>p{}</style></head><body>"
        b"<h1>Referat 3. marts 2026</h1><h2>1. Budget</h2><p>Budgettet blev <b>godkendt</b>.</p>"
        b"<ul><li>Jens sender det ud.</li></ul>"
        b"<table><tr><th>Handling</th><th>Ansvarlig</th></tr><tr><td>Sende</td><td>JN</td></tr>"
        b"</table></body></html>"
    )
    text = extract_text(page, "referat.html")
    assert "# Referat 3. marts 2026" in text and "## 1. Budget" in text
    assert "Budgettet blev godkendt." in text and "- Jens sender det ud." in text
    assert "| Handling | Ansvarlig |" in text and "| Sende | JN |" in text
    assert "p{}" not in text


def test_word_headings_and_list_items_keep_their_structure() -> None:
    import io

    from docx import Document

    from bot.documents.read import extract_text

    document = Document()
    document.add_heading("Referat 3. marts 2026", level=1)
    document.add_heading("1. Budget", level=2)
    document.add_paragraph("Budgettet blev godkendt.")
    document.add_paragraph("Jens sender det ud.", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_text(buffer.getvalue(), "referat.docx")
    assert "# Referat 3. marts 2026" in text and "## 1. Budget" in text
    assert "Budgettet blev godkendt." in text and "Jens sender det ud." in text


def test_the_readme_lists_every_corpus_document() -> None:
    from bot.minutes_score import documents
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "referat score-minutes" in readme
    missing = [p.name for p in documents(CORPUS) if f"`{p.name}`" not in readme]
    assert not missing, "add them to README.md (bot.minutes_score.corpus_table)"


def test_a_word_table_of_actions_is_read_as_a_table() -> None:
    import io

    from docx import Document

    from bot.documents.read import extract_text

    document = Document()
    document.add_paragraph("Referat 3. marts 2026")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "Handling",
        (0, 1): "Ansvarlig",
        (1, 0): "Sende budgettet",
        (1, 1): "JN",
    }.items():
        table.cell(row, col).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_text(buffer.getvalue(), "referat.docx")
    assert "| Handling | Ansvarlig |" in text and "| Sende budgettet | JN |" in text
    minutes = parse_minutes(text, today=date(2026, 3, 3))
    assert [(a.owners, a.task) for a in minutes.actions] == [(["JN"], "Sende budgettet")]


def test_documents_come_in_the_order_of_their_numbers(tmp_path: Path) -> None:
    from bot.minutes_score import documents

    for name in ("100_en_c.md", "95_da_b.txt", "07_en_a.md", "notes.md"):
        (tmp_path / name).write_text("x")
        (tmp_path / name).with_suffix(".json").write_text("{}")
    assert [p.name for p in documents(tmp_path)] == [
        "notes.md",
        "07_en_a.md",
        "95_da_b.txt",
        "100_en_c.md",
    ]


def test_every_file_the_importer_reads_is_scored(tmp_path: Path) -> None:
    """A post written as `.markdown` (a Jekyll site's) was left out of the score while the
    importer read it: both now take the same names."""
    from bot.minutes_score import documents

    for name in ("a.markdown", "b.text", "c.xhtml", "d.md", "e.csv"):
        (tmp_path / name).write_text("x")
        (tmp_path / name).with_suffix(".json").write_text("{}")
    assert [p.name for p in documents(tmp_path)] == ["a.markdown", "b.text", "c.xhtml", "d.md"]


def test_old_html_with_items_left_open_reads_each_item() -> None:
    page = (
        "<HTML><BODY><B>4. Elections<BR></B><OL>"
        '<LI TYPE="a">President &#150; Andrew Brown seconded Warren Burt &#150; elected<BR>'
        '<LI TYPE="a">Treasurer &#150; Ian Kaminskyj, seconded Roger Alsop &#150; elected<BR>'
        "</OL><P>5. General business<P>Lindsay Vickery to co-ordinate the concert.</BODY></HTML>"
    )
    lines = [line for line in clean(page).lines if line]
    assert lines[:3] == [
        "4. Elections",
        "1. President – Andrew Brown seconded Warren Burt – elected",
        "2. Treasurer – Ian Kaminskyj, seconded Roger Alsop – elected",
    ]
    assert "5. General business" in lines
