"""Leave-one-source-out cross-validation (`benchmarks/minutes_cv.py`) on a tiny subset."""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.minutes_cv import RULES_ONLY, cross_validate, load, main, source_of
from bot.parsing.minutes.learned import Model, train

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "minutes"
SMALL = (  # three sources, one of them with two documents
    "23_da_lindved_lokalraad_2007-08-27",
    "31_da_lindved_lokalraad_2007-08-09",
    "24_da_dragoer_aeldreraad_2017-02-28",
    "70_en_blackstar_coop_board_2014-11-16",
)


def _subset(tmp_path: Path) -> Path:
    for stem in SMALL:
        for path in CORPUS.glob(f"{stem}.*"):
            shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_sources_group_a_repository_or_a_web_host() -> None:
    assert source_of({"source": "https://github.com/Owner/Repo/blob/abc/x.md"}) == "owner/repo"
    assert source_of({"source": "http://www.lindved.info/27.08.2007.html"}) == "lindved.info"


def test_every_source_is_left_out_once_and_scored_by_the_scorer(tmp_path: Path) -> None:
    docs = load(_subset(tmp_path))
    assert sorted({d.source for d in docs}) == [
        "aeldreraadetdragoer.dk",
        "blackstar.coop",
        "lindved.info",
    ]
    rules, combos, by_source = cross_validate(docs)
    assert len(rules.files) == 4 and len(by_source["lindved.info"]) == 2
    assert 0 < rules.decision_f1 <= 1
    # the no-op model is the rules alone, file for file
    assert combos[(RULES_ONLY.add_above, RULES_ONLY.drop_below)].decision_f1 == rules.decision_f1


def test_training_is_deterministic_and_learns_a_cue() -> None:
    examples = [(["bias", "w:godkend"], True), (["bias", "w:drøft"], False)] * 5
    first, second = train(examples), train(examples)
    assert first == second
    model = Model(first)
    assert model.probability(["bias", "w:godkend"]) > model.probability(["bias", "w:drøft"])


def test_the_command_prints_the_pooled_figures(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([str(_subset(tmp_path)), "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert "leave-one-source-out over 3 sources, 4 documents" in out
    assert "rules alone" in out
