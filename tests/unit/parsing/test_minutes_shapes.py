"""The reader on small minutes of the shapes the corpus holds: one mechanism each,
as a table of (text, what must be read)."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.parsing.minutes import Minutes, parse_minutes

TODAY = date(2026, 11, 23)


def _read(text: str) -> Minutes:
    return parse_minutes(text, today=TODAY)


def _decisions(text: str) -> list[str]:
    return [d.text for d in _read(text).decisions]


def _owners(text: str) -> list[list[str]]:
    return [a.owners for a in _read(text).actions]


MARKDOWN = """# Board meeting 2024-03-05

## Attendees
- Ann, Bo

## 1. Budget
The board agreed to raise the reserve.

## 2. Website
Vote on a new host.

- Vote: 3 in favor, 0 opposed, 0 abstained
- Resolution: Vote passed

## Action items
- Ann: Send the budget to members
- Bo: Ask two hosts for offers
"""

HTML = b"""<html><body><h1>Minutes 12 May 2025</h1>
<table><tr><th>Topic</th><th>Notes</th><th>Actions</th></tr>
<tr><td>Budget</td><td><p>We discussed the budget at length and looked at every line.</p>
<p>The group agreed to keep the reserve.</p></td><td><p>Duncan will update the sheet.</p></td></tr>
<tr><td>Website</td><td><p>The motion to move the site was passed unanimously.</p></td>
<td></td></tr>
</table></body></html>"""


def test_markdown_headings_are_the_items_and_outcomes_join_their_motion() -> None:
    minutes = _read(MARKDOWN)
    assert [(i.number, i.title) for i in minutes.items] == [("1", "Budget"), ("2", "Website")]
    assert [d.text for d in minutes.decisions] == [
        "The board agreed to raise the reserve.",
        "Vote on a new host. Vote: 3 in favor, 0 opposed, 0 abstained Resolution: Vote passed",
    ]
    assert [(a.owners, a.task) for a in minutes.actions] == [
        (["Ann"], "Send the budget to members"),
        (["Bo"], "Ask two hosts for offers"),
    ]
    assert minutes.meeting_date == date(2024, 3, 5)


def test_an_html_agenda_table_reads_one_item_per_row() -> None:
    from bot.documents.read import extract_text

    minutes = _read(extract_text(HTML, "minutes.html"))
    assert [i.title for i in minutes.items] == ["Budget", "Website"]
    assert [d.text for d in minutes.decisions] == [
        "The group agreed to keep the reserve.",
        "The motion to move the site was passed unanimously.",
    ]
    assert [a.owners for a in minutes.actions] == [["Duncan"]]
    assert minutes.meeting_date == date(2025, 5, 12)


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        ("1. Minutes\nMoved by Nick and seconded by Paul\nPassed without dissent.\n", 1),
        (
            "Election results:\n- Niall elected unopposed\n- Ann and Bo elected to other positions",
            1,
        ),
        ("Resolution: Not Applicable.\n", 0),
        ("The item was tabled until March.\n", 1),
        ("Minutes on July 15 to be approved asynchronously.\n", 0),
        (
            "Referat\n\nKommunalbestyrelsen har godkendt forslaget.\n"
            "Rådet tog det til efterretning.",
            1,
        ),
        ("Dirigent: Ole blev foreslået og valgt.\n", 1),
        ("12:01:02 <renato> agreed to apply this change later\n", 0),
        ("Consent Agenda: KM moves to adopt; SB seconds. Motion carries 7-0-1.\n", 1),
        (
            "Officers: KM nominated President. Elected 8-0-1. "
            "CH nominated Secretary. Elected 8-0-1.\n",
            2,
        ),
        (
            "Commissioner Meier made a motion to approve the agenda. Commissioner Fanning "
            "seconded the motion. All voted “AYE”. The motion is approved.\n",
            1,
        ),
        ("Kenley moved to accept the report, Scott seconded, vote passed 8-0-0.\n", 1),
        ("Unanimous consent on minutes from the last meeting.\n", 1),
    ],
    ids=[
        "motion-and-result",
        "elections",
        "not-applicable",
        "tabled",
        "to-be-approved",
        "another-body",
        "valgt",
        "chat-agreement-is-personal",
        "moves-seconds-carries",
        "nominated-elected-each-its-own",
        "tally-joins-its-result",
        "vote-passed-inside-a-sentence",
        "unanimous-consent-names-its-matter",
    ],
)
def test_decision_cues(text: str, decisions: int) -> None:
    assert len(_decisions(text)) == decisions, _decisions(text)


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("Mark to add notes\n", [["Mark"]]),
        ("Access to the archive was discussed.\n", []),
        ("Assign to pnkfelix\n", [["pnkfelix"]]),
        ("Der undersøges hvad det koster. Action Jesper.\n", [["Jesper"]]),
        ("Bodil og Christian korrigerer medlemslisten.\n", [["Bodil", "Christian"]]),
        ("Datamodellen standardiserer formater.\n", []),
        ("NO og MN sætter sig sammen og gennemgår tilbudene.\n", [["NO", "MN"]]),
        ("På mødet 3/9 orienterer Preben Dahl om projektet.\n", [["Preben Dahl"]]),
        ("18:03 < jamesob> nice (I've gotta PR to your link)\n", [["jamesob"]]),
        ("mnot: that's helpful; I will make a PR\n", [["mnot"]]),
        ("Niko: could reference match bindings\n", []),
        ("#action jamesob to write the vaults section\n", [["jamesob"]]),
        ("[ACTION] Ann: send the budget\n", [["Ann"]]),
        ("Action item: update the wiki (Bo)\n", [["Bo"]]),
        ("Handling: Jens sender referatet\n", [["Jens"]]),
        ("Værdibokse sættes op. Kirstine bestiller.\n", [["Kirstine"]]),
        ("Ulla Kjærsgaard arbejder videre med planlægning.\n", [["Ulla Kjærsgaard"]]),
        ("Kvartalsrapport blev gennemgået af Else Marie Birk.\n", []),
        ("AlanBell to do a doodle picking dates\n", [["AlanBell"]]),
    ],
    ids=[
        "x-to-verb",
        "not-a-name",
        "assign-to",
        "trailing-action",
        "danish-present",
        "danish-thing-is-no-owner",
        "initials",
        "verb-second",
        "irc-self-assigned",
        "speaker-i-will",
        "speaker-opinion",
        "hash-action",
        "bracket-action",
        "owner-in-parentheses",
        "handling",
        "name-ending-in-ine",
        "arbejder-videre-med",
        "reviewed-by-is-no-task",
        "camel-case-nick",
    ],
)
def test_owner_conventions(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "held", "nxt"),
    [
        (
            "Referat 03-01-2024\n\nNæste møde: 7.2.2024 kl. 10-12\n",
            date(2024, 1, 3),
            (date(2024, 2, 7), time(10), time(12)),
        ),
        ("Referat 03.08.26\n\nIntet.\n", date(2026, 8, 3), None),
        (
            "Minutes of the board, Thursday, 2016-11-03\n\nThe next board meeting (9 days).\n",
            date(2016, 11, 3),
            (date(2016, 11, 12), None, None),
        ),
        (
            "# Cabal Minutes 2024-07-02\n\n### Next Cabal Meeting: September 3, 2024\n"
            "### Next Community Meeting: August 6, 2024\n",
            date(2024, 7, 2),
            (date(2024, 9, 3), None, None),
        ),
        (
            "Referat 7/12 2009\n\n13. Næste møde:\n\n• 18/1 2009 kl. 17:00\n",
            date(2009, 12, 7),
            (date(2010, 1, 18), time(17), None),
        ),
        (
            "Title: Board Meeting 2014-01-23\nDate: 2010-12-03 10:20\n\n"
            "Meeting held on Jan 23, 2014.\n",
            date(2014, 1, 23),
            None,
        ),
    ],
    ids=[
        "dashed",
        "dotted-short-year",
        "relative-days",
        "this-body-only",
        "year-slip",
        "held-on-beats-date-field",
    ],
)
def test_dates_as_minutes_write_them(
    text: str, held: date, nxt: tuple[date, time | None, time | None] | None
) -> None:
    minutes = _read(text)
    assert minutes.meeting_date == held
    got = minutes.next_meeting
    assert (got and (got.date, got.start, got.end)) == nxt


def test_a_meeting_date_is_never_invented() -> None:
    minutes = _read("Referat fra bestyrelsesmødet 18/3\n\n1. Budget\nBudgettet blev godkendt.\n")
    assert minutes.meeting_date is None
    assert minutes.meeting_date_guess == date(2026, 3, 18)
    assert {"meeting_date_unknown", "meeting_date_year_guessed"} <= set(minutes.warnings)


def test_a_text_with_only_a_meeting_date_is_not_refused() -> None:
    minutes = _read("Referat af mødet 4. marts 2014\n\nVi snakkede om vejret.\n")
    assert minutes.meeting_date == date(2014, 3, 4) and not minutes.empty


def test_bare_item_numbers_on_their_own_line() -> None:
    text = (
        "Referat fra Ældrerådet 4. marts 2025\n\n1\nGodkendelse af dagsorden\n\nBeslutninger\n"
        "Dagsordenen blev godkendt.\n\n2\nBudget 2026\n\nBeslutninger\n"
        "Budgettet blev godkendt med bemærkninger.\n"
    )
    minutes = _read(text)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Budget 2026"),
    ]
    assert [(d.item, d.text) for d in minutes.decisions] == [
        ("1", "Dagsordenen blev godkendt."),
        ("2", "Budgettet blev godkendt med bemærkninger."),
    ]


def test_page_numbers_of_a_pdf_are_not_items() -> None:
    minutes = _read("Referat 4. marts 2025\n\nIntet nyt.\n1\n\fSide to\nMere tekst.\n2\n\f")
    assert minutes.items == []


def test_fixed_width_board_minutes() -> None:
    text = """\
                  MINUTES OF THE BOARD OF DIRECTORS
                          091110

1.  APPROVAL OF MINUTES
    Motion to approve the minutes of October 12. Moved by Jones,
    seconded by Lee. Carried unanimously.

2.  NEXT MEETING
    The next board meeting will be held on December 14, 2010 at 7 pm.
"""
    minutes = _read(text)
    assert minutes.meeting_date == date(2010, 11, 9)  # DDMMYY in the header, not "held on"
    assert [d.text for d in minutes.decisions] == [
        "Motion to approve the minutes of October 12. Moved by Jones, seconded by Lee. "
        "Carried unanimously."
    ]
    assert minutes.next_meeting is not None
    assert (minutes.next_meeting.date, minutes.next_meeting.start) == (date(2010, 12, 14), time(19))


def test_markdown_notes_with_an_agenda_list_inline_outcomes_and_a_task_list() -> None:
    text = """# Infra WG — 2024-04-02

## Agenda

1. Release plan
2. CI costs

## Release plan

- Discussion about the 2.0 timeline.
- **Decision:** ship 2.0 on May 1.
- Carol raised concerns about docs.

## CI costs

- We agreed to move nightly jobs to the cheaper runners.
- Outcome: budget capped at $500/month.

## Action items

- [ ] @alice: draft the release notes
- [ ] Bob — ask finance about the cap

Next meeting: 2024-04-16 15:00 UTC
"""
    minutes = _read(text)
    assert [i.title for i in minutes.items] == ["Release plan", "CI costs"]
    assert [(d.item, d.text) for d in minutes.decisions] == [
        ("1", "Decision: ship 2.0 on May 1."),
        ("2", "We agreed to move nightly jobs to the cheaper runners."),
        ("2", "Outcome: budget capped at $500/month."),
    ]
    assert [a.owners for a in minutes.actions] == [["alice"], ["Bob"]]
    assert minutes.next_meeting is not None
    assert (minutes.next_meeting.date, minutes.next_meeting.start) == (date(2024, 4, 16), time(15))


def test_a_short_outcome_takes_the_sentence_naming_its_matter() -> None:
    text = "Referat\n\n1. Økonomi\n\nGodkendelse af kollektplan 2023. Godkendt.\n"
    assert _decisions(text) == ["Godkendelse af kollektplan 2023. Godkendt."]


def test_numbering_inside_a_case_field_is_not_the_agenda() -> None:
    text = (
        "Referat\nUdvalget onsdag den 6. marts 2024\n\nSagsfremstilling\n\nOrientering.\n\n"
        "Beslutning\n\nTil efterretning.\n\nSagsfremstilling\n\nFire fokusområder:\n\n"
        "1. Ungeområdet.\n2. Sygedagpengeområdet.\n"
    )
    minutes = parse_minutes(text, today=date(2024, 3, 6))
    assert minutes.items == []
    assert [d.text for d in minutes.decisions] == ["Til efterretning."]


@pytest.mark.parametrize(
    ("text", "held"),
    [
        pytest.param(
            "From: Neil <n@example.org>\nDate: Fri, 13 Dec 2019 at 17:40\nSubject: minutes\n"
            "To: JC <j@example.org>\n\nHere are the minutes.\n\nAdoption of Agenda: agreed.\n",
            None,
            id="a mail header's date is when it was sent",
        ),
        pytest.param(
            "Fra: Lone\nSendt: 3. marts 2024\nTil: Bestyrelsen\nEmne: Referat\n\n"
            "Referat af bestyrelsesmøde 1. marts 2024\n\nBudgettet blev godkendt.\n",
            date(2024, 3, 1),
            id="the body's date, not the mail's",
        ),
        pytest.param(
            "Dato: 1. marts 2024\nSted: Klubhuset\n\nBudgettet blev godkendt.\n",
            date(2024, 3, 1),
            id="a Dato: line outside a mail header is the meeting's",
        ),
    ],
)
def test_the_date_of_an_e_mail_header_is_not_the_meeting_date(text: str, held: date | None) -> None:
    assert _read(text).meeting_date == held


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        pytest.param(
            "1. Valg\nFritz Rasmussen indtræder i rådet i stedet for Stina.\n", [], id="indtræder"
        ),
        pytest.param("1. Valg\nMerete Lønborg træder til i arbejdet.\n", [], id="træder til"),
        pytest.param("1. Board\nAnn Lee steps down as treasurer.\n", [], id="steps down"),
        pytest.param(
            "1. Borgermøde\nOle deltager.\n", [["Ole"]], id="attending for the body is a task"
        ),
    ],
)
def test_a_role_change_is_not_a_task(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


def _tasks(text: str) -> list[tuple[list[str], str]]:
    return [(a.owners, a.task) for a in _read(text).actions]


@pytest.mark.parametrize(
    ("text", "tasks"),
    [
        pytest.param(
            "## Action Items\n\n| Item | Owner | Status |\n|---|---|---|\n"
            "| Obtain EIN | Eric Moberg | In progress |\n| Recruit Treasurer | Board | Open |\n",
            [(["Eric Moberg"], "Obtain EIN"), (["Board"], "Recruit Treasurer")],
            id="Item/Owner/Status",
        ),
        pytest.param(
            "## 1. Opfølgning\n\n| Emne | Frist | Ansvarlig |\n|---|---|---|\n"
            "| Bestille telt | 1/5 | Jens |\n",
            [(["Jens"], "Bestille telt")],
            id="Emne/Frist/Ansvarlig: the date is not the task",
        ),
        pytest.param(
            "| Name | Role | Status |\n|---|---|---|\n| Ann | Chair | Present |\n",
            [],
            id="no owner column: no actions",
        ),
    ],
)
def test_a_table_with_an_owner_column_gives_that_owner_its_rows(
    text: str, tasks: list[tuple[list[str], str]]
) -> None:
    assert _tasks(text) == tasks


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        pytest.param("1. Costs\nEric Moberg committed to paying the fees.\n", [["Eric Moberg"]]),
        pytest.param("1. Website\nAnn offered to update the page.\n", [["Ann"]]),
        pytest.param("1. Telt\nJens lovede at bestille teltet.\n", [["Jens"]]),
        pytest.param("1. Telt\nKirsten påtog sig at skrive til kommunen.\n", [["Kirsten"]]),
    ],
)
def test_a_promise_is_a_task(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "tasks"),
    [
        pytest.param(
            "## Action Items\n\n***Erik***\n* Get the site up\n* Write the roadmap\n\n"
            "***Nick***\n* Open an issue\n",
            [
                (["Erik"], "Get the site up"),
                (["Erik"], "Write the roadmap"),
                (["Nick"], "Open an issue"),
            ],
            id="bold names",
        ),
        pytest.param(
            "## Action Items\n\n***Erik***\n> ***Continuation***\n> * an old task\n* a new task\n",
            [(["Erik"], "a new task")],
            id="a quoted carried-over block is not this meeting's",
        ),
        pytest.param(
            "## Opfølgning\n\nJens:\n- bestiller telt\n\nVidereført\n- gammel opgave\n",
            [(["Jens"], "bestiller telt")],
            id="Danish, Name: on its own line",
        ),
        pytest.param(
            "## Minutes\n\nErik\n* talked about the roadmap\n", [], id="not under an action heading"
        ),
    ],
)
def test_a_name_heading_owns_the_tasks_listed_under_it(
    text: str, tasks: list[tuple[list[str], str]]
) -> None:
    assert _tasks(text) == tasks


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "AGM 26 Nov 2023\n\nResolution 1: To adopt the annual report.\n\n"
            "This Resolution was unanimously adopted.\n\n"
            "Resolution 2: To accept the nominees:\n\nAnn Lee\nBo Berg\n\n"
            "This Resolution was unanimously adopted.\n",
            [
                "Resolution 1: To adopt the annual report. "
                "This Resolution was unanimously adopted.",
                "Resolution 2: To accept the nominees: Ann Lee Bo Berg "
                "This Resolution was unanimously adopted.",
            ],
            id="English AGM",
        ),
        pytest.param(
            "Generalforsamling 1. marts 2024\n\nForslag 1: Kontingentet hæves til 200 kr.\n\n"
            "Forslaget blev enstemmigt vedtaget.\n",
            ["Forslag 1: Kontingentet hæves til 200 kr. Forslaget blev enstemmigt vedtaget."],
            id="Danish general assembly",
        ),
    ],
)
def test_a_numbered_resolution_is_joined_to_its_result(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Generalforsamling 1. marts 2024\n\nDerefter var der valg af dirigent og det blev "
            "Maja Thomsen.\n\nVi sang en sang.\n",
            ["Derefter var der valg af dirigent og det blev Maja Thomsen."],
            id="valg af X blev Navn",
        ),
        pytest.param(
            "Generalforsamling 1. marts 2024\n\nPå valg var 2 medlemmer. Ellen Hald og\n\n"
            "Karen Berg. Der var genvalg til alle.\n",
            ["På valg var 2 medlemmer. Ellen Hald og Karen Berg. Der var genvalg til alle."],
            id="genvalg joined to who was up for election",
        ),
        pytest.param(
            "AGM 1 March 2024\n\nTwo trustees were up for re-election. Both were re-elected.\n",
            ["Two trustees were up for re-election. Both were re-elected."],
            id="re-elected joined to who was up",
        ),
        pytest.param(
            "Generalforsamling 1. marts 2024\n\nKontingentet forblev uændret.\n\n"
            "Under eventuelt blev det bestemt, at overskuddet gives til klovnene.\n",
            [
                "Kontingentet forblev uændret.",
                "Under eventuelt blev det bestemt, at overskuddet gives til klovnene.",
            ],
            id="uændret, bestemt",
        ),
        pytest.param(
            "AGM 1 March 2024\n\nThe election of a chair was Ann Lee. It was proposed to move.\n",
            ["The election of a chair was Ann Lee."],
            id="election of X was Name (a capital, not any word)",
        ),
    ],
)
def test_a_general_assembly_told_as_prose(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Referat 9. november 2009\n\n1. Kommentarer: ingen.\n\n2. Regnskab: godkendt.\n\n"
            "3. Evt.\n- Generalforsamlingen er fastsat til den 21. februar 2010\n",
            ["Regnskab: godkendt.", "Generalforsamlingen er fastsat til den 21. februar 2010"],
            id="Danish",
        ),
        pytest.param(
            "Minutes 9 November 2009\n\n1. Accounts: approved.\n\n2. AOB\n"
            "The AGM was set for 21 February 2010.\n",
            ["Accounts: approved.", "The AGM was set for 21 February 2010."],
            id="English",
        ),
    ],
)
def test_an_item_title_with_its_outcome_after_a_colon_and_a_date_set(
    text: str, decisions: list[str]
) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Referat 14. august 2012\n\n7. Orientering\n\nDer bevilges honorar til solisten. "
            "Der købes gave til domprovsten.\nDer arbejdes på en valgliste.\n\n"
            "8. Møder\n\nFrekvens af møder fastsættes til 4 møder per år.\n",
            [
                "Der bevilges honorar til solisten.",
                "Der købes gave til domprovsten.",
                "Frekvens af møder fastsættes til 4 møder per år.",
            ],
            id="Danish: a grant, a purchase, a rule set; ongoing work is none",
        ),
        pytest.param(
            "Minutes 14 August 2012\n\n7. Music\n\nA fee is granted to the soloist. "
            "Work is going on to find a choir.\n",
            ["A fee is granted to the soloist."],
            id="English",
        ),
        pytest.param(
            "Referat 14. august 2012\n\n7. Gaver\n\nDer skal måske købes en gave.\n",
            [],
            id="a modal makes it a wish",
        ),
    ],
)
def test_a_grant_or_purchase_in_the_present_passive_is_a_decision(
    text: str, decisions: list[str]
) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "nxt"),
    [
        pytest.param(
            "Referat 9. november 2009\n\n6. Ny mødedato: 19. januar 2010 kl. 19.00 – 21.00\n",
            (date(2010, 1, 19), time(19), time(21)),
            id="Ny mødedato",
        ),
        pytest.param(
            "Referat 12. december 2023\n\n5) Evt.\n\nNæste møde mandag d. 19. februar kl. 19.\n",
            (date(2024, 2, 19), time(19), None),
            id="no year: the first such day after this meeting",
        ),
        pytest.param(
            "Minutes 20 February 2018\n\nNext monthly Board meeting:  April 18, 2018 at 1:00 PM.\n",
            (date(2018, 4, 18), time(13), None),
            id="two words between next and meeting",
        ),
        pytest.param(
            "# Meeting 2020-04-07\n\n## Date of next meeting\n\n2020-04-14 15:00UTC (16:00BST).\n",
            (date(2020, 4, 14), time(15), None),
            id="heading 'Date of next meeting', the date below",
        ),
        pytest.param(
            "Referat 1. marts 2024\n\nDato for næste møde\n\n3. april 2024 kl. 17\n",
            (date(2024, 4, 3), time(17), None),
            id="heading 'Dato for næste møde'",
        ),
        pytest.param(
            "Net Meeting 24 February 2013\n\nNext Meeting\n------------\n\n"
            "24 March 2013, 1300 CET.\n",
            (date(2013, 3, 24), time(13), None),
            id="four-digit time with its zone",
        ),
        pytest.param(
            "Bestyrelsesmøde den 19.04.2016\n\nNæste møde afholdes primo juni.\n",
            None,
            id="a vague period names no day",
        ),
        pytest.param(
            "AGM 26 November 2023\n\nDate of next meeting – to be decided after the end of next "
            "Year (31st August)\n",
            None,
            id="not yet set",
        ),
        pytest.param(
            "Referat 1. marts 2024\n\nNæste møde aftales senere, tidligst 3. april.\n",
            None,
            id="ikke fastsat",
        ),
    ],
)
def test_the_next_meeting_as_minutes_write_it(
    text: str, nxt: tuple[date, time | None, time | None] | None
) -> None:
    got = _read(text).next_meeting
    assert (got and (got.date, got.start, got.end)) == nxt


@pytest.mark.parametrize(
    ("text", "held"),
    [
        pytest.param(
            '# PlasmaPy "Project" Meeting | Wednesday 2021 February 17 at 12:00 PT\n\n## Agenda\n',
            date(2021, 2, 17),
            id="weekday, year, month, day",
        ),
        pytest.param("Referat\n\nDato: 2021 feb. 17\n", date(2021, 2, 17), id="Danish label"),
        pytest.param("Minutes\n\nRoom 2021, March 3 people came.\n", None, id="a comma: no date"),
    ],
)
def test_a_date_written_year_first(text: str, held: date | None) -> None:
    assert _read(text).meeting_date == held


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Referat 8. november 2018\n\n1. Arrangementer\n\n– sommerfesten bevares,\n\n"
            "3. Frugtordning\n\n– Anne Mette fortsætter som kasserer.\n",
            ["sommerfesten bevares,", "Anne Mette fortsætter som kasserer."],
            id="Danish: kept, a role kept",
        ),
        pytest.param(
            "Referat 25. februar 2008\n\n4. Sankt Hans\n\nVi ansøger om teltleje. "
            "Der bliver forsøgsvis sat bokse op.\n",
            ["Vi ansøger om teltleje.", "Der bliver forsøgsvis sat bokse op."],
            id="Danish: an application, an adverb before the participle",
        ),
        pytest.param(
            "Minutes 8 November 2018\n\n1. Officers\n\nAnn continues as treasurer. "
            "We apply for a grant from the city.\n",
            ["Ann continues as treasurer.", "We apply for a grant from the city."],
            id="English",
        ),
        pytest.param(
            "Minutes 20 February 2018\n\n2. Security. The Board voted to reset the access system "
            "annually. This applies to codes and fobs. Details will follow.\n",
            [
                "The Board voted to reset the access system annually. "
                "This applies to codes and fobs."
            ],
            id="what the decision covers is joined to it",
        ),
        pytest.param(
            "Referat 20. februar 2018\n\n2. Sikkerhed\n\nDet blev besluttet at skifte koderne "
            "hvert år. Dette gælder også garagen. Vi talte om rengøring.\n",
            ["Det blev besluttet at skifte koderne hvert år. Dette gælder også garagen."],
            id="Danish: Dette gælder",
        ),
    ],
)
def test_outcomes_without_a_decision_word(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        pytest.param(
            "Minutes 15 December 2016\n\n1. Tasks\n\n"
            "\t46. ACT-OWIS-TC-2016-58:Action: PR - Share the proposal by end of January.\n"
            "\t47. ACT-12: NM to send the links to the list.\n",
            [["PR"], ["NM"]],
            id="coded actions with initials",
        ),
        pytest.param(
            "Referat 15. december 2016\n\n1. Opgaver\n\nHP-3: JK sender budgettet ud.\n",
            [["JK"]],
            id="Danish",
        ),
        pytest.param(
            "Minutes 15 December 2021\n\n1. Status\n\nCOVID-19: we met online again.\n",
            [],
            id="a code that is no action's",
        ),
    ],
)
def test_a_coded_action_names_its_owner(text: str, owners: list[list[str]]) -> None:
    assert sorted(_owners(text)) == sorted(owners)


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Referat 3. marts 2024\n\n1. Dagsorden\n\n2. Regnskab 2023 – godkendt\n\n3. Evt.\n",
            ["Regnskab 2023 – godkendt"],
            id="after a dash in the title",
        ),
        pytest.param(
            "Minutes 3 March 2024\n\n1. Agenda\n\n2. Budget 2025 (approved)\n\n3. AOB\n",
            ["Budget 2025 (approved)"],
            id="in parentheses in the title",
        ),
        pytest.param(
            "Referat 8. november 2018\n\n1. Arrangementer\n\n"
            "– Forældrekaffe hver anden måned. (Vedtaget.)\n\n2. Evt.\n",
            ["Forældrekaffe hver anden måned. (Vedtaget.)"],
            id="in parentheses after the matter",
        ),
        pytest.param(
            "Minutes 3 March 2024\n\n1. Agenda\n\n2. Budget 2025\n\nApproved.\n\n3. AOB\n",
            ["Budget 2025: Approved."],
            id="alone first in its item: the item's title",
        ),
        pytest.param(
            "Referat 3. marts 2024\n\n1. Dagsorden\n\n2. Budget 2025\n\n"
            "Kassereren gennemgik budgettet.\n\nGodkendt.\n\n3. Evt.\n",
            ["Kassereren gennemgik budgettet. Godkendt."],
            id="alone after a paragraph: that paragraph",
        ),
    ],
)
def test_an_outcome_in_parentheses_after_a_dash_or_alone_takes_its_matter(
    text: str, decisions: list[str]
) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Referat 6. marts 2024\n\n1. Orientering\n\nBeslutning\n\n"
            "Formanden orienterede om et virksomhedsbesøg.\n\nTil efterretning.\n",
            ["Til efterretning."],
            id="Danish: the report goes, the outcome stays",
        ),
        pytest.param(
            "Minutes 6 March 2024\n\n1. Updates\n\nDecision\n\nThe chair reported on the visit."
            "\n\nNoted and approved.\n",
            ["Noted and approved."],
            id="English",
        ),
        pytest.param(
            "Referat 6. marts 2024\n\n1. Orientering\n\nBeslutning\n\n"
            "Formanden orienterede om et virksomhedsbesøg.\n",
            ["Formanden orienterede om et virksomhedsbesøg."],
            id="alone it is what the heading holds",
        ),
    ],
)
def test_a_report_under_a_decision_heading_with_an_outcome(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Referat 22. november 2018\n\n1.Godkendelse af dagsorden: Godkendt\n\n"
            "2. Meddelelser: Intet\n",
            ["Godkendelse af dagsorden: Godkendt"],
            id="Danish, no full stop",
        ),
        pytest.param(
            "Referat 22. november 2018\n\n1. Dagsorden\n\n"
            "2. Økonomi: Regnskab pr. 21. november 2018Taget til efterretning. Restancer. "
            "Meget få. Taget til efterretning\n",
            [
                "Økonomi: Regnskab pr. 21. november 2018Taget til efterretning.",
                "Meget få. Taget til efterretning",
            ],
            id="glued to the text before it",
        ),
        pytest.param(
            "Minutes 22 November 2018\n\n1. Agenda: approved\n\n2. Treasurer's report: noted\n",
            ["Agenda: approved", "Treasurer's report: noted"],
            id="English",
        ),
    ],
)
def test_an_outcome_after_the_colon_of_an_item_title(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Referat 19. august 2020\n\n1. Generalforsamling\n\nPå grund af Corona er det ikke "
            "muligt at holde den. På baggrund af det, har en enig bestyrelse valgt at aflyse "
            "generalforsamlingen 2020.\n",
            [
                "På baggrund af det, har en enig bestyrelse valgt at aflyse "
                "generalforsamlingen 2020."
            ],
            id="Danish: a unanimous board",
        ),
        pytest.param(
            "Referat 19. august 2020\n\n1. Vejfest\n\nVi er enige om at holde vejfest i juni.\n",
            ["Vi er enige om at holde vejfest i juni."],
            id="Danish: we agree",
        ),
        pytest.param(
            "# Dev meeting 17 September 2024\n\n# Notes\n\n* Krishna: suggests we match a language"
            "\n  - We agree it's good\n  - Aapeli: only fluent is implemented\n",
            ["We agree it's good"],
            id="English: we agree",
        ),
        pytest.param(
            "Minutes 3 March 2024\n\n1. Tools\n\nThere was consensus to move the chat to Zulip.\n",
            ["There was consensus to move the chat to Zulip."],
            id="English: consensus",
        ),
    ],
)
def test_a_consensus_is_a_decision(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Referat 11/11-2015\n\n1. Udlejning af telt\n\nTeltet har været udlejet til en "
            "person uden for foreningen.\nDet er fremover kun beboere, der kan leje teltet.\n",
            ["Det er fremover kun beboere, der kan leje teltet."],
            id="Danish: a rule told in the present",
        ),
        pytest.param(
            "Referat 16. august 2012\n\n1. Kontor\n\nMht. musik prøver de fremover at bruge "
            "radioen.\nFremover vil referent altid være den der sidst holdt møde.\n",
            [],
            id="Danish: an attempt or a future is no rule",
        ),
        pytest.param(
            "Minutes 11 November 2015\n\n1. Tent\n\nFrom now on the tent is only for residents.\n"
            "We will only do maintenance changes to it from now on.\n",
            ["From now on the tent is only for residents."],
            id="English",
        ),
    ],
)
def test_a_standing_rule_from_now_on_is_a_decision(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "items"),
    [
        pytest.param(
            "Bestyrelsesmøde 19. august 2020\n\nDagsorden\n\n  1. Generalforsamlingen\n"
            "  2. Regnskab 2019\n  3. Andet\n\nReferat\n\nTil stede: Morten\n\n"
            "1. Valg af referent\n\nAnne valgt\n\n2. Generalforsamling\n\nDen aflyses.\n\n"
            "3. Regnskab 2019\n\nGodkendt.\n\n4. Andet\n\nIntet.\n",
            ["Valg af referent", "Generalforsamling", "Regnskab 2019", "Andet"],
            id="the numbering starts again under 'Referat'",
        ),
        pytest.param(
            "Minutes 19 August 2020\n\nAgenda\n1. Budget\n2. AOB\n\nMinutes\n\n"
            "1. Election of a minute-taker\nAnn was elected.\n2. Budget\nApproved.\n3. AOB\n",
            ["Election of a minute-taker", "Budget", "AOB"],
            id="English: under 'Minutes'",
        ),
        pytest.param(
            "Referat 19. august 2020\n\n1. Valg af referent\n\nAnne valgt\n\n2. Generalforsamling"
            "\n\n  • De, som er på valg, bliver til næste generalforsamling.3. Regnskab 2019\n\n"
            "Regnskabet for 2019 er godkendt uden anmærkninger .4. Andet\n\nIntet.\n",
            ["Valg af referent", "Generalforsamling", "Regnskab 2019", "Andet"],
            id="headings glued to the line before",
        ),
        pytest.param(
            "Referat 28. februar 2013\n\nDagsorden pkt. 1\nUG blev valgt som dirigent.\n\n"
            "Dagsorden pkt. 2\nForslaget gik til afstemning.\n\nDagsorden pkt. 3\n"
            "Forslaget blev vedtaget med 28 stemmer for.\n",
            ["", "", ""],
            id="'Dagsorden pkt. N' without titles",
        ),
        pytest.param(
            "Referat fra den 25. marts 2019 kl. 19.00-21.00.\n\nReferat\n\n19.00-19.15 - Drøftelse"
            "\n\n19.15-19.45 - Drøftelse\n\nSe bilag.\n\n20.15-20.30 - Drøftelse/Beslutning\n\n"
            "Bilag blev gennemgået.\n\n20.40-20.50\n\nAULA\n",
            ["Drøftelse", "Drøftelse", "Drøftelse/Beslutning", ""],
            id="time slots whose titles were lost",
        ),
    ],
)
def test_items_from_the_documents_own_structure(text: str, items: list[str]) -> None:
    assert [i.title for i in _read(text).items] == items


def test_a_time_range_alone_is_no_agenda() -> None:
    text = "Referat 25. marts 2019\n\n10.00-12.00\n\nBestyrelsen drøftede budgettet.\n\n9.00-9.30\n"
    assert _read(text).items == []


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "# Notes of 16 April 2019\n\n#### POLL: WASI subgroup chair\n\n"
            "Dan Gohman as WASI subgroup chair?\n\n| SF | F | N | A | SA |\n"
            "| - | - | - | - | - |\n| 21 | 2 | 0 | 0 | 0 |\n\n#### POLL: Other\n\nText.\n",
            [
                "Dan Gohman as WASI subgroup chair? | SF | F | N | A | SA | "
                "| - | - | - | - | - | | 21 | 2 | 0 | 0 | 0 |"
            ],
            id="W3C poll",
        ),
        pytest.param(
            "Referat 3. marts 2024\n\n1. Vedtægter\n\nSkal §4 ændres?\n\n"
            "| For | Imod | Undlod |\n| --- | --- | --- |\n| 12 | 3 | 1 |\n",
            ["Skal §4 ændres? | For | Imod | Undlod | | --- | --- | --- | | 12 | 3 | 1 |"],
            id="Danish",
        ),
        pytest.param(
            "Minutes 3 March 2024\n\n1. Rules\n\nChange rule 4?\n\n"
            "| For | Against |\n| --- | --- |\n| 3 | 9 |\n",
            [],
            id="a majority against decides nothing",
        ),
        pytest.param(
            "Minutes 3 March 2024\n\n1. Budget\n\n| Item | For |\n| --- | --- |\n| 3 | 9 |\n",
            [],
            id="other columns: no poll",
        ),
    ],
)
def test_a_poll_table_with_a_majority_for(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Referat fra den 25. marts 2019 kl. 19.00-21.00.\n"
            "Møderække: 22/8 - 27/9 - 30/10 - 26/11 - 12/12 - 24/1 - 26/2 - 25/3 - 30/4 - 23/5\n"
            "\n1. Budget\n\nGodkendt.\n",
            date(2019, 4, 30),
            id="Danish, a school year without years",
        ),
        pytest.param(
            "Minutes 12 December 2018\n\nMeeting dates: 22/8, 27/9, 12/12, 24/1, 26/2\n\n"
            "1. Budget\n\nApproved.\n",
            date(2019, 1, 24),
            id="English, into the next year",
        ),
        pytest.param(
            "Referat 1. marts 2019\n\nMøderække: 22/8 - 27/9 - 30/4\n\n1. Budget\n",
            None,
            id="this meeting not in the list: not its series",
        ),
        pytest.param(
            "Referat 25. marts 2019\n\nMøderække: 25/3 - 30/4\n\nNæste møde: 2. maj 2019 kl. 19\n",
            date(2019, 5, 2),
            id="a next meeting written wins",
        ),
        pytest.param(
            "Møderække: 22/8 - 27/9 - 25/3 - 30/4\n\n1. Budget\n",
            None,
            id="no meeting date: none invented",
        ),
    ],
)
def test_the_next_meeting_from_a_meeting_series(text: str, expected: date | None) -> None:
    meeting = _read(text).next_meeting
    assert (meeting.date if meeting else None) == expected


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        pytest.param(
            "Referat 6/1 2011\n\n1. Arkiv\n\nDet besluttedes at oprette et Dropbox system. "
            "Morten Hindsholm er ansvarlig for at oprette en Dropbox konto.\n",
            [["Morten Hindsholm"]],
            id="Danish: X er ansvarlig for",
        ),
        pytest.param(
            "Minutes 6 January 2011\n\n1. Hall\n\nAnn Lee is responsible for booking the hall.\n",
            [["Ann Lee"]],
            id="English: X is responsible for",
        ),
        pytest.param(
            "# Notes 16 April 2019\n\n## Licences\n\nBS: We should ask.\n\n"
            "AI[BS]: talk to eric about licenses\n",
            [["BS"]],
            id="an action marker with its owner in brackets",
        ),
    ],
)
def test_an_owner_as_responsible_or_in_brackets(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Referat 25. marts 2019\n\n1. Fællesmøde\n\nResultatet af vores fællesmøde "
            "fremlægges til godkendelse.\n\n2. Budget\n\nResultat: godkendt.\n",
            ["Budget: Resultat: godkendt."],
            id="Danish",
        ),
        pytest.param(
            "Minutes 25 March 2019\n\n1. Survey\n\nResults of the survey were shown.\n\n"
            "2. Budget\n\nOutcome: approved.\n",
            ["Budget: Outcome: approved."],
            id="English",
        ),
    ],
)
def test_an_outcome_label_is_a_whole_word(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Referat 19. august 2020\n\nMødet holdes hos Jacob, Birkholmvej\n\n1. Regnskab\n\n"
            "Møder afholdes på skift hos medlemmerne.\n\nRegnskabet for 2019 er godkendt.\n",
            ["Regnskabet for 2019 er godkendt."],
            id="Danish",
        ),
        pytest.param(
            "Minutes 19 August 2020\n\nThe meeting is held at Jacob's house.\n\n1. Accounts\n\n"
            "The accounts were approved.\n",
            ["The accounts were approved."],
            id="English",
        ),
    ],
)
def test_where_this_meeting_is_held_is_no_decision(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Referat 27. august 2007\n\n1. Borgermøde\n\n"
            "Borgermødet bliver mandag d. 17/9 kl. 19.30 i sognegården.\n\n"
            "2. Næste møde\n\nNæste møde bliver mandag d. 24/9.\n",
            ["Borgermødet bliver mandag d. 17/9 kl. 19.30 i sognegården."],
            id="Danish; the next meeting is a date, not a decision",
        ),
        pytest.param(
            "Minutes 27 August 2007\n\n1. Open day\n\n"
            "The open day will be on Saturday 15 September.\n",
            ["The open day will be on Saturday 15 September."],
            id="English",
        ),
    ],
)
def test_a_day_set_for_an_event_is_a_decision(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        pytest.param(
            "# Notes 16 April 2019\n\n## Chat\n\n"
            "TS: Happy to make a case for Discord for next meeting -- it works.\n",
            [["TS"]],
            id="a speaker volunteering without a subject",
        ),
        pytest.param(
            "# Notes 16 April 2019\n\n## Chair\n\n"
            "SBC: I'm happy to step up to co-chair if we think that's necessary.\n",
            [],
            id="I'm happy to … if: an offer, not read as a task",
        ),
    ],
)
def test_a_speaker_who_is_happy_to(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "items"),
    [
        pytest.param(
            "Referat 12. december 2023\n\n1) Ingen bemærkninger.\n\n2) Strøm. Der holdes øje.\n\n"
            "3) Stormøde. Gik godt.\n",
            ["1", "2", "3"],
            id="'N)' numbering",
        ),
        pytest.param(
            "Referat 26. april 2010\n\nAd. 1\nVagtværn drøftet.\n\nAd. 2\nVedtægter.\n",
            ["1", "2"],
            id="'Ad. N' with a full stop",
        ),
        pytest.param(
            "Minutes 5 July 2007\n\n1) Budget\nApproved.\n2) Website\nTo do.\n",
            ["1", "2"],
            id="English",
        ),
    ],
)
def test_items_numbered_with_a_parenthesis_or_ad(text: str, items: list[str]) -> None:
    assert [i.number for i in _read(text).items] == items


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        pytest.param(
            "Bestyrelsesmøde den 19.04.2016\n\nPunkt 1: Konstituering\nFormand: Morten Bay Dahl "
            "(nr. 22)\nKasserer: Mogens Rubech Jacobsen (nr. 10)\n\nPunkt 2: Grønne områder\n"
            "Græsset slås.\n",
            ["Formand: Morten Bay Dahl (nr. 22) Kasserer: Mogens Rubech Jacobsen (nr. 10)"],
            id="Danish",
        ),
        pytest.param(
            "Minutes 19 April 2016\n\n1. Officers\n- Chair: Ann Lee\n- Treasurer: Bo Berg\n\n"
            "2. AOB\nNone.\n",
            ["Chair: Ann Lee Treasurer: Bo Berg"],
            id="English",
        ),
        pytest.param(
            "Minutes 19 April 2016\n\n1. Attendance\nChair: Ann Lee\nTreasurer: Bo Berg\n",
            [],
            id="role lines under another title are attendance",
        ),
    ],
)
def test_a_board_constituting_itself(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # A PDF that gives one word a line: "decisions" ends a sentence, it heads nothing.
        (
            "Retro\n\n- Only\nuse\nteam\nchannels,\nnot\nbig\ndecisions\n-\nBusy\nas\nalways\n"
            "-\nJesse\nHaug\n-\nBigger\ndev\nteam?\n",
            [],
        ),
        ("Punkt 1\nVi\ntager\ningen\nbeslutning\n-\nKaffe\n-\nKage\n", []),
        # A heading on its own line still heads the entries under it, in either case.
        ("1. Budget\n\nBeslutning:\nBudgettet er godkendt.\n", ["Budgettet er godkendt."]),
        ("1. Budget\nThe budget was read.\ndecision\nThe budget stands.\n", ["The budget stands."]),
    ],
)
def test_a_decision_word_inside_a_sentence_is_no_heading(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # Under a decision heading: a lone bullet, a question or a name fragment is no entry.
        (
            "1. Budget\n\nBeslutning:\n\n-\n\nHvem betaler?\n\nJesse\n\nBudgettet er godkendt.\n",
            ["Budgettet er godkendt."],
        ),
        (
            "1. Budget\n\nDecision:\n\n)\n\nShould we?\n\nHaug (\n\nThe budget stands.\n",
            ["The budget stands."],
        ),
        # A single word that itself settles the matter stays one.
        ("1. Budget\n\nBeslutning:\n\nGodkendt.\n", ["Godkendt."]),
        ("1. Budget\n\nDecision:\n\nApproved\n", ["Approved"]),
    ],
)
def test_an_entry_under_a_decision_heading_needs_real_words(
    text: str, decisions: list[str]
) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        # A PDF drawing each word on its own: the words of one line are a line again.
        (
            ["Retro 29 Jan 2024", "", "- Only use team channels, not big decisions"]
            + ["- Busy as always", "- Bigger dev team?", "- Matt will ask Osgood about this"] * 5,
            ["Retro 29 Jan 2024", "", "- Only use team channels, not big decisions"],
        ),
        (
            ["Referat 3. marts 2026", "", "1. Budget", "Budgettet blev godkendt af alle."] * 6,
            ["Referat 3. marts 2026", "", "1. Budget", "Budgettet blev godkendt af alle."],
        ),
    ],
)
def test_a_pdf_of_one_word_a_line_is_read_by_its_lines(lines: list[str], read: list[str]) -> None:
    from bot.documents.read import extract_text
    from tests.fakes.documents import pdf

    text = extract_text(pdf(lines, word_by_word=True), "retro.pdf")
    assert text.split("\n")[: len(read)] == read  # an empty line where the page leaves a gap
    drawn_whole = extract_text(pdf(lines), "retro.pdf")
    assert [ln for ln in text.split("\n") if ln] == [ln for ln in drawn_whole.split("\n") if ln]
    minutes = _read(text)
    assert not [d.text for d in minutes.decisions if len(d.text.split()) < 3]


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # An agreement label, a decision that nothing changes, a need waived, a rename.
        (
            "## Discussion\n* Agreement: we don't need a formal process\n",
            ["Agreement: we don't need a formal process"],
        ),
        ("## Fees\n\nDiscussed fees and decided no change was required\n", None),
        ("## Releases\n\n* No need for a fixed release cadence for now.\n", None),
        ('## Projects\n\n* Renamed CF Containerization to "Project Quarks"\n', None),
        ("## Projekter\n\n* Enighed: vi behøver ingen fast proces\n", None),
        ("## Udgivelser\n\nIngen behov for en fast udgivelsesrytme indtil videre.\n", None),
        ("## Projekter\n\nProjektet blev omdøbt til Quarks.\n", None),
        # Not decisions: a need stated, a rename asked for, a plan to decide.
        ("## Releases\n\nWe need a fixed release cadence.\n", []),
        ("## Projects\n\nShould it be renamed to Quarks?\n", []),
        ("## Udgivelser\n\nDer er behov for en fast udgivelsesrytme.\n", []),
    ],
)
def test_an_agreement_a_decision_against_a_need_waived_or_a_rename(
    text: str, decisions: list[str] | None
) -> None:
    expected = [text.split("\n\n")[-1].strip("* \n")] if decisions is None else decisions
    assert _decisions(text) == expected


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # A comma between the owner and a Danish present-tense verb.
        ("1. Hjemmeside\n\nTobias, opdaterer facebook.\n", [["Tobias"]]),
        ("1. Folder\n\nTrine og Jette, laver en folder.\n", [["Trine", "Jette"]]),
        ("1. Hjemmeside\n\nSteen opdaterer hjemmesiden.\n", [["Steen"]]),
        # Not an owner: a comma list of things, a definite noun.
        ("1. Status\n\nBudgettet, er godkendt.\n", []),
    ],
)
def test_a_comma_between_owner_and_verb(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # A task told in the present with its owner before it.
        (
            "## Projects\n\n* Chris Clark reaches out to Vlad about the repositories\n",
            [["Chris Clark"]],
        ),
        ("## Testing\n\n- QA Team sets up\n", [["QA Team"]]),
        ("## Budget\n\nAnn follows up with the bank.\n", [["Ann"]]),
        # Not tasks: a state, a common word as subject.
        ("## Team\n\nJesse is super busy with other stuff.\n", []),
        ("## Notes\n\nThe team sets up nothing yet.\n", []),
    ],
)
def test_a_task_told_in_the_present(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # A list broken by the text under each item, as a web page renders it: every "1.".
        pytest.param(
            "Referat 5. maj 2014\n\n  1. Godkendelse af dagsorden\n\nGodkendt\n\n  1. Præstens pkt."
            "\n\nOrientering.\n\n  1. Kasserer: budget\n\nBudget godkendt.\n\n  1. Evt.\n\n-\n",
            ["1", "2", "3", "4"],
            id="Danish, every item '1.'",
        ),
        pytest.param(
            "Referat:\n\n  1. Velkomst\n  2. Valg af ordstyrer\n\nOrdstyrer: Kristian Mortensen\n\n"
            "  1. Valg af stemmetællere\n\nCarina og Vita\n\n  1. Beretning\n\nGodkendt.\n\n"
            "  1. Evt.\n\nIntet.\n",
            ["1", "2", "3", "4", "5"],
            id="after a list of two, each further item '1.'",
        ),
        pytest.param(
            "Minutes 5 May 2014\n\n1. Agenda\n\nApproved.\n\n1. Budget\n\nApproved.\n\n"
            "1. AOB\n\nNone.\n",
            ["1", "2", "3"],
            id="English",
        ),
        # Not a broken list: an inner list that goes on to "2.".
        pytest.param(
            "Referat 8. oktober 2024\n\n1. Kirkens liv\nIntet.\n2. Regnskab\nGennemgået.\n"
            "3. Behandling af:\n1. Revisionspåtegning.\n2. Revisionsprotokollat.\n"
            "1. Taget til efterretning.\n2. Underskrevet.\n4. Eventuelt\nIntet.\n",
            ["1", "2", "3", "4"],
            id="an inner list numbered 1, 2 twice stays inside its item",
        ),
        # "ad.1." under the numbered agenda: the minutes of each agenda item in turn.
        pytest.param(
            "Bestyrelsesmøde den 12.4.2012\n\nDagsorden\n1. Siden sidst\n2. Organisation\n\n"
            "ad.1.\nReferat fra sidste møde godkendt.\n\nad.2.\nPunktet blev flyttet.\n",
            ["1", "2"],
            id="'ad.1.' restarts the agenda's items",
        ),
    ],
)
def test_items_of_a_broken_list_and_ad_blocks(text: str, items: list[str]) -> None:
    assert [i.number for i in _read(text).items] == items


def test_ad_blocks_keep_the_agendas_titles_and_read_their_outcomes() -> None:
    minutes = _read(
        "Bestyrelsesmøde den 12.4.2012\n\nDagsorden\n1. Siden sidst, godkendelse af referat\n"
        "2. Organisation\n\nad.1.\nReferat fra sidste møde godkendt.\n\nad.2.\nIntet nyt.\n"
    )
    assert [i.title for i in minutes.items] == [
        "Siden sidst, godkendelse af referat",
        "Organisation",
    ]
    assert [(d.item, d.text) for d in minutes.decisions] == [
        ("1", "Referat fra sidste møde godkendt.")
    ]


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # Outcomes told without "besluttet" / "decided": a document signed, something fixed,
        # a majority for, an acceptance, an allocation, a meeting called.
        ("1. Regnskab\n\nRevisionsprotokollatet blev underskrevet.\n", None),
        ("1. Aktiviteter\n\nÅrets aktivitetsudbud blev diskuteret og fastlagt.\n", None),
        ("1. Eventuelt\n\nEt flertal sagde ja til en koncert den 18. december.\n", None),
        ("1. Udlån\n\nAccept af udlån af Latinskolen til fortælleteatret.\n", None),
        ("1. Dykpumpe\n\nDer afsættes 6.000-10.000 kr i budgettet til projektet.\n", None),
        ("1. Valg\n\nDer indkaldes til ekstraordinær generalforsamling i april.\n", None),
        ("1. Accounts\n\nThe audit report was signed.\n", None),
        ("1. Activities\n\nThe year's programme was discussed and finalised.\n", None),
        ("1. AOB\n\nA majority voted for a concert on 18 December.\n", None),
        ("1. Hall\n\nAcceptance of the loan of the hall to the theatre.\n", None),
        ("1. Timesheets\n\nThe group has allocated 500 hours for the project.\n", None),
        ("1. Elections\n\nAn extraordinary general meeting is convened for April.\n", None),
        # Not decisions: a wish with a modal, another's agreement, an adjective.
        ("1. Økonomi\n\nDer kan afsættes penge senere.\n", []),
        ("1. Reserves\n\nSome money could be allocated to the hall.\n", []),
        ("1. Møder\n\nDe fastlagte møder ligger om torsdagen.\n", []),
        ("1. Rules\n\nThe chair may act with the support of the majority.\n", []),
    ],
)
def test_outcomes_told_without_a_decision_word(text: str, decisions: list[str] | None) -> None:
    expected = [text.split("\n\n")[-1].strip()] if decisions is None else decisions
    assert _decisions(text) == expected


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # The result of an item where the meeting elects: a line naming who holds the role,
        # a sentence with the rest of its paragraph.
        pytest.param(
            "Referat\n\n1. Valg af ordstyrer\n\nOrdstyrer: Kristian Mortensen\n\n"
            "2. Valg af to stemmetællere\n\nStemmetællere: Carina og Vita\n\n"
            "3. Valg af revisor\n\nCarina fortsætter som revisor. Flemming fortsat suppleant.\n",
            [
                "Ordstyrer: Kristian Mortensen",
                "Stemmetællere: Carina og Vita",
                "Carina fortsætter som revisor. Flemming fortsat suppleant.",
            ],
            id="Danish",
        ),
        pytest.param(
            "Minutes\n\n1. Election of chair\n\nChair: Ann Lee\n\n2. Election of auditor\n\n"
            "Bo continues as treasurer. Eve auditor.\n",
            ["Chair: Ann Lee", "Bo continues as treasurer. Eve auditor."],
            id="English",
        ),
        # Not results: role lines under another title are attendance; a name alone says
        # nothing settled.
        pytest.param(
            "Referat\n\n1. Fremmøde\n\nOrdstyrer: Kristian Mortensen\n\n2. Valg af referent\n\n"
            "Lars\n",
            [],
            id="attendance and a name alone",
        ),
        pytest.param(
            "Referat\n\n1. Valg til bestyrelsen\n\nKandidater: Jens Hansen og Bo Berg\n\n"
            "2. Election of officers\n\nNominations: Ann Lee, Bo Berg\n",
            [],
            id="who stands is not who was elected",
        ),
    ],
)
def test_the_result_of_an_election_item(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # A motion read already, its seconding and result after it: one decision.
        pytest.param(
            "1. President's report\n\nChris moved to have the report accepted.\n"
            "Rod seconded. Carried Unanimous\n\n2. AOB\n\nNone.\n",
            ["Chris moved to have the report accepted. Rod seconded. Carried Unanimous"],
            id="English, seconded and carried after the motion",
        ),
        pytest.param(
            "1. Beretning\n\nLise foreslog at beretningen godkendes.\nOle sekunderede. "
            "Vedtaget enstemmigt\n\n2. Evt.\n\nIntet.\n",
            ["Lise foreslog at beretningen godkendes. Ole sekunderede. Vedtaget enstemmigt"],
            id="Danish",
        ),
        # No full stop between the seconding and the result; the nominee over it in an
        # election item.
        pytest.param(
            "1. Election of officers\n\nSecretary Rene Bartosh\n\n"
            "Chris O'Halloran moved Rod Aldridge seconded Carried unanimous\n\n2. AOB\n\nNone.\n",
            [
                "Secretary Rene Bartosh Chris O'Halloran moved Rod Aldridge seconded "
                "Carried unanimous"
            ],
            id="English election",
        ),
        pytest.param(
            "1. Valg af formand\n\nFormand Jens Hansen\n\nLise foreslog Ole sekunderede "
            "Vedtaget enstemmigt\n\n2. Evt.\n\nIntet.\n",
            ["Formand Jens Hansen Lise foreslog Ole sekunderede Vedtaget enstemmigt"],
            id="Danish election",
        ),
        # A result after another matter's seconding is not joined to a decision that was no
        # motion.
        pytest.param(
            "1. Report\n\nThe report was accepted.\nRod seconded the idea of a party. "
            "Carried Unanimous\n\n2. AOB\n\nNone.\n",
            ["The report was accepted.", "Rod seconded the idea of a party. Carried Unanimous"],
            id="not joined to a decision that was no motion",
        ),
    ],
)
def test_a_motion_seconded_and_carried(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # An item whose title asks the question: its first short paragraph is the answer.
        pytest.param(
            "## Agenda\n\n1. How are we going to communicate?\n"
            "   - Slack for async communication, public and private channels\n"
            "   - Other options discussed\n2. Where do we keep records?\n"
            "   - GitHub repo for public meeting notes\n",
            [
                "Slack for async communication, public and private channels",
                "GitHub repo for public meeting notes",
            ],
            id="English",
        ),
        pytest.param(
            "Referat 6. januar 2025\n\n1. Hvor holder vi sommerfesten?\n\nI forsamlingshuset.\n\n"
            "2. Evt.\n\nIntet.\n",
            ["I forsamlingshuset."],
            id="Danish",
        ),
        # Not answers: an address, a speaker's turn, a decision found already, a question.
        pytest.param(
            "1. Can we land WASI libc?\n\nhttps://github.com/WebAssembly/pull/11\n\n"
            "2. Should we meet weekly?\n\nDG: It depends on the chairs.\n\n"
            "3. Klagesag til Statsforvaltningen?\n\nUdskudt til næste møde.\n\n"
            "4. New IDE?\n\nWhich one?\n",
            ["Udskudt til næste møde."],
            id="not answers",
        ),
        pytest.param(
            "1. Any other business?\n\nNo other business was raised.\n\n2. Eventuelt?\n\nIntet.\n\n"
            "3. Hvad skete der siden sidst?\n\nFormanden fortalte om sommerfesten.\n",
            [],
            id="nothing said, a report",
        ),
    ],
)
def test_the_answer_to_an_item_that_asks(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # A decision in a bullet takes the short rest of its bullet: what was settled.
        pytest.param(
            "## Discussion\n\n* No need for a release cadence for now. Releasing on demand is "
            "good enough\n",
            ["No need for a release cadence for now. Releasing on demand is good enough"],
            id="English",
        ),
        pytest.param(
            "## Drøftelse\n\n- Budgettet blev godkendt. Kassereren er tilfreds\n",
            ["Budgettet blev godkendt. Kassereren er tilfreds"],
            id="Danish",
        ),
        # Two decisions in one bullet stay two; prose outside a bullet keeps its sentence.
        pytest.param(
            "## Board\n\n- The budget was approved. The fee was adopted.\n",
            ["The budget was approved.", "The fee was adopted."],
            id="two decisions in one bullet",
        ),
        pytest.param(
            "## Board\n\nThe budget was approved. The treasurer is pleased.\n",
            ["The budget was approved."],
            id="prose, not a bullet",
        ),
    ],
)
def test_a_decision_takes_the_rest_of_its_bullet(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # "X to <verb>" with a common task verb; a common word opening a line owns nothing.
        ("## Client\n\n- Clayton to assess whether another meeting is needed.\n", [["Clayton"]]),
        ("## Github\n\n- Try to add collaborators instead of contributors\n", []),
        ("## Client requirements\n\n> Nothing to document in this meeting\n", []),
        ("1. Økonomi\n\nIngenting ændrer sig i år.\n", []),
        ("## TechSprint\n\nThese will take time.\n", []),
        ("## K\n\nThat will be used in semantics later.\n", []),
        ("1. Økonomi\n\nJens ændrer budgettet.\n", [["Jens"]]),
    ],
)
def test_common_words_own_no_task(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # The owner opens a line that is a sentence of its own, under a line left open.
        (
            "1. Tilsyn\n\nKommunen har sendt rapport om dykpumpe i brønden\n"
            "Iver Nielsen følger op med forsøg med dykpumpe.\n",
            [["Iver Nielsen"]],
        ),
        (
            "1. Inspection\n\nThe council sent a report on the pump in the well\n"
            "Ann will follow up with a test of the pump.\n",
            [["Ann"]],
        ),
        # Not: a line the sentence goes on into, a line that does not end its sentence.
        ("1. PR\n\nKonkurrencen skal være færdig i februar, og\nbagefter laver Abby PR.\n", []),
        ("1. Tilsyn\n\nRapport om pumpen i brønden\nIver Nielsen følger op med\nforsøg\n", []),
    ],
)
def test_an_owner_opening_a_line_inside_an_open_sentence(
    text: str, owners: list[list[str]]
) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # The board as "vi" doing something now, inside an item.
        ("1. Nødforbindelse\n\nVi indhenter pris på nyt hus.\n", None),
        ("1. Regulativ\n\nVi vil tilpasse vores vedtægter til fællesregulativet.\n", None),
        # Not: a state, a hope, thanks, a site's banner before the items, English plans.
        ("1. Økonomi\n\nVi mangler en fordelingsnøgle.\n", []),
        ("1. Generalforsamling\n\nVi satser på en generalforsamling inden sommer.\n", []),
        ("1. Tak\n\nVi vil gerne takke Mikkel for maden.\n", []),
        (
            "Vi opdaterer vores hjemmeside.\n\nReferat\n\n1. Velkomst\n\nIntet.\n\n"
            "2. Evt.\n\nIntet.\n",
            [],
        ),
        ("1. Budget\n\nWe will raise this as a topic at the next meeting.\n", []),
    ],
)
def test_the_board_as_we(text: str, decisions: list[str] | None) -> None:
    expected = [text.split("\n\n")[-1].strip()] if decisions is None else decisions
    assert _decisions(text) == expected


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # A decision told in the present, the body first.
        (
            "Referat af menighedsrådsmøde\n\n1. Budget\n\n"
            "Menighedsrådet godkender budgettet for 2025.\n",
            None,
        ),
        ("1. Kollekt\n\nMR tilslutter sig at udvalget laver en folder.\n", None),
        ("1. Budget\n\nThe Council approves the budget for 2025.\n", None),
        ("1. Lessons\n\nSCF adopts and abides by a shared proposal.\n", None),
        # Not: a proposal that the body approve, a question.
        ("1. Budget\n\nFormanden foreslår, at bestyrelsen godkender budgettet.\n", []),
        ("1. Budget\n\nThe chair proposes that the board approves the budget.\n", []),
        ("1. Budget\n\nGodkender vi budgettet?\n", []),
        ("1. Budget\n\nHvis Jens godkender budgettet, sendes det ud.\n", []),
        ("1. Budget\n\nIf Ann approves the budget it goes out.\n", []),
    ],
)
def test_a_decision_told_in_the_present(text: str, decisions: list[str] | None) -> None:
    expected = [text.split("\n\n")[-1].strip()] if decisions is None else decisions
    assert _decisions(text) == expected


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # A title that names the matter is a heading, full stop and "godkendte" or not.
        (
            "Referat\n\n1. Orientering om ligning og godkendte anlægsarbejder i 2025.\n"
            "Gennemgået.\n",
            [],
        ),
        ("Minutes\n\n1. Report on the approved works for 2025.\nReviewed.\n", []),
        # A title that is the minutes' sentence still says its outcome.
        ("Referat\n\n1. Dagsorden og referat godkendt.\n", ["Dagsorden og referat godkendt."]),
        ("Referat\n\n1. Orientering om regnskab: godkendt.\n", None),
    ],
)
def test_a_title_naming_the_matter_is_no_outcome(text: str, decisions: list[str] | None) -> None:
    found = _decisions(text)
    assert found == decisions if decisions is not None else len(found) == 1


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # A role kept or sought is no task (the role kept is a decision).
        ("1. Valg af revisor\n\nCarina fortsætter som revisor.\n", []),
        ("1. Valg\n\nHans Weber kandiderer.\n", []),
        ("1. Elections\n\nAnn continues as treasurer.\n", []),
        ("1. Elections\n\nBo stands for re-election.\n", []),
        ("1. Bestyrelsen\n\nMette træder derfor ind i bestyrelsen.\n", []),
        ("1. Board\n\nAnn therefore steps down as chair.\n", []),
        # A noun in -er before the verb: "Skitse planer kommer …" names no owner.
        ("1. Nødforbindelse\n\nSkitse planer kommer inden jul til godkendelse.\n", []),
        # Still a task.
        ("1. Hjemmeside\n\nSteen opdaterer hjemmesiden.\n", [["Steen"]]),
        # "står" is a state, "står for" a task: "Mette og Bo står for grillen."
        ("1. Sommerfest\n\nMette og Bo står for grillen.\n", [["Mette", "Bo"]]),
        ("1. Sommerfest\n\nSagen står på dagsordenen igen.\n", []),
        # "ser på" is a task, as a verb too short for "X <verb>er"; a parish council's officers
        ("1. Skab\n\nByggeudvalget ser på, om skabet kan hænges op.\n", [["Byggeudvalget"]]),
        ("1. Kontrakt\n\nKordegnen sender kontrakten til Stiftet.\n", [["Kordegnen"]]),
        # "og" before a name and a modal starts the name's own clause and task
        (
            "1. Trænere\n\nDer mangler trænere til U9 piger og Thomas vil høre U18 om hjælp.\n",
            [["Thomas"]],
        ),
        # a speaker in a chat taking a task in the first person
        ("1. Issues\n\nGregg Kellogg: OK, I'll create some issues for this\n", [["Gregg Kellogg"]]),
        # a plural noun in -ninger / -elser / -heder is no verb: a genitive owns nothing
        ("1. Revision\n\nRevisors bemærkninger tages op på FU møde.\n", []),
        ("1. Tur\n\nMedlemmernes oplevelser deles på hjemmesiden.\n", []),
    ],
)
def test_a_role_kept_or_a_noun_owns_no_task(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # Outcome words the two lexicons held for one language only.
        ("1. Kontingent\n\nDet besluttedes at hæve kontingentet.\n", None),
        ("1. Budget\n\nKonklusion: Vi beholder budgettet.\n", None),
        # "Beslutning:" with its outcome inside an item's prose, as English "Decision:"
        # (alone on its line it heads a case field instead)
        ("1. Tag\n\nKassereren orienterede.\n\nBeslutning: Taget males i maj.\n", None),
        ("1. Roof\n\nThe treasurer reported.\n\nDecision: The roof is painted in May.\n", None),
        ("1. Budget\n\nAftalt at beholde budgettet.\n", None),
        ("1. Budget\n\nBudget accepteret.\n", None),
        ("1. Forslag\n\nForslaget faldt.\n", None),
        ("1. Budget\n\nAgreed to keep the budget.\n", None),
        ("1. Proposal\n\nThe proposal fell.\n", None),
        # Not: a wish to agree, a question.
        ("1. Budget\n\nVi skal have aftalt budgettet.\n", []),
        ("1. Budget\n\nBlev budgettet accepteret?\n", []),
    ],
)
def test_outcome_words_in_both_languages(text: str, decisions: list[str] | None) -> None:
    expected = [text.split("\n\n")[-1].strip()] if decisions is None else decisions
    assert _decisions(text) == expected


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # A handle as the owner in a development team's notes.
        ("## Notes\n\n- @alice to update the docs\n", [["alice"]]),
        ("## Notes\n\n- @alice and @bob will update the docs\n", [["alice", "bob"]]),
        ("1. Hjemmeside\n\n@jens opdaterer hjemmesiden.\n", [["jens"]]),
        # An address is no handle.
        ("## Notes\n\nEmail me at a@b.dk to register.\n", []),
    ],
)
def test_a_handle_owns_its_task(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # An outcome label alone over the list it heads: each item a decision, the label none.
        pytest.param(
            "1. Budget\n\nAgreed:\n- keep the budget\n- raise the fees\n\n2. AOB\n\nNone.\n",
            ["keep the budget", "raise the fees"],
            id="English",
        ),
        pytest.param(
            "1. Budget\n\nBesluttet:\n- budgettet fastholdes\n- kontingentet hæves\n\n"
            "2. Evt.\n\nIntet.\n",
            ["budgettet fastholdes", "kontingentet hæves"],
            id="Danish",
        ),
        pytest.param(
            "1. Budget\n\nDecisions made:\n\n1. keep the budget\n2. raise the fees\n\n"
            "Then coffee was served.\n\n2. AOB\n\nNone.\n",
            ["keep the budget", "raise the fees"],
            id="a numbered list after a blank line; prose ends it",
        ),
        # The label with its outcome on the same line stays one decision.
        pytest.param(
            "1. Budget\n\nBesluttet: budgettet fastholdes.\n\n2. Evt.\n\nIntet.\n",
            ["Besluttet: budgettet fastholdes."],
            id="label and outcome on one line",
        ),
    ],
)
def test_an_outcome_label_over_a_list(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        # The owner in brackets after the task, with the owner column's word.
        (
            "1. Budget\n\nBudgettet sendes ud (ansvarlig: Jens).\n",
            [(["Jens"], "Budgettet sendes ud")],
        ),
        (
            "1. Budget\n\nSend the budget to members (owner: Ann Lee)\n",
            [(["Ann Lee"], "Send the budget to members")],
        ),
        # Not an owner: a common word, a decision's note.
        ("1. Budget\n\nThe budget was approved (responsible: the board).\n", []),
    ],
)
def test_an_owner_in_brackets_after_the_task(
    text: str, actions: list[tuple[list[str], str]]
) -> None:
    assert [(a.owners, a.task) for a in _read(text).actions] == actions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # A role taken, the name first.
        ("1. Konstituering\n\nJane er sekretær, står for dagsorden og referat.\n", None),
        ("1. Bestyrelsen\n\nBo Berg bliver ny kasserer.\n", None),
        ("1. Board\n\nJane is secretary, in charge of the agenda and minutes.\n", None),
        ("1. Board\n\nBo becomes the new treasurer.\n", None),
        # Not: the role of someone named as the subject's title, a question.
        ("1. Besøg\n\nFormanden er syg.\n", []),
        ("1. Board\n\nIs Bo the new treasurer?\n", []),
    ],
)
def test_a_role_taken(text: str, decisions: list[str] | None) -> None:
    expected = [text.split("\n\n")[-1].strip()] if decisions is None else decisions
    assert _decisions(text) == expected


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # "Ingen bemærkninger." alone: the item passed without remarks.
        ("1. Godkendelse af referat\n\nIngen bemærkninger.\n", ["Ingen bemærkninger."]),
        # Saying what nobody remarked on is no outcome, nor under a title that ends with a
        # question after other sentences.
        ("1) Ingen bemærkninger til forrige referat.\n\n2) Evt.\n\nIntet.\n", []),
        (
            "5. Eventuelt – næste møde holdes som aftalt. Skal vi have en annonce?\n"
            "Ingen bemærkninger til punktet.\n",
            [],
        ),
    ],
)
def test_no_remarks(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # Two words without a full stop are a heading, not "owner + verb in -er".
        ("1. Evt.\n\nKommende punkter\n", []),
        ("1. Aktiviteter\n\nVirtuelle arrangementer\n", []),
        # Still tasks: a full stop, an object.
        ("1. Målere\n\nSøren chekker.\n", [["Søren"]]),
        ("1. Julefest\n\nLotte bager kage\n", [["Lotte"]]),
    ],
)
def test_a_two_word_heading_owns_no_task(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # A name on the attendance line is a person, though it ends like a definite noun.
        (
            "Referat 25. februar 2008\n\nTilstede: Mike, Claus, Carsten.\n\n1. Tovværk\n\n"
            "Carsten taler med Preben om tovværket.\n",
            [["Carsten"]],
        ),
        (
            "Minutes 12 May 2025\n\nPresent: Ann Lee and Steven\n\n## Repos\n\n"
            "Steven reaches out to Vlad about the repositories.\n",
            [["Steven"]],
        ),
        # Without the attendance line the same word may be a definite noun: no owner.
        ("Referat 25. februar 2008\n\n1. Tovværk\n\nCarsten taler med Preben om tovværket.\n", []),
    ],
)
def test_a_name_on_the_attendance_line_is_a_person(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


def test_the_attendance_line_gives_its_names() -> None:
    from bot.parsing.minutes.attendance import attendees

    assert attendees(["Tilstede: Mike, Claus og Carsten Holm (referent).", "1. Budget"]) == (
        "Mike",
        "Claus",
        "Carsten Holm",
        "CH",  # the initials the minutes may use for him
    )
    # initials as written in brackets, also of who sent apologies; a two-word name's own
    assert attendees(
        ["Til stede: Stig Bojesen (SB), Bo Nissen Knudsen (BNK)", "Afbud: Stoffer (ST)."]
    ) == ("Stig Bojesen", "Bo Nissen Knudsen", "Stoffer", "SB", "BNK", "ST")
    assert attendees(["**Team Members Present**: Aaymen, Clayton", "Present: N/A"]) == (
        "Aaymen",
        "Clayton",
    )


@pytest.mark.parametrize(
    ("text", "owners", "decisions"),
    [
        # A topic and what was said on it after a colon, in the item's title line: read.
        (
            "Referat\n\nTilstede: Mike, Carsten.\n\n1. Sejlerskole: Der er ingen elever, "
            "Carsten sender annonce til Lokalavisen\n\n2. Evt.\n\nIntet.\n",
            [["Carsten"]],
            [],
        ),
        (
            "Minutes\n\n1. Website: the host is slow, Ann will ask two hosts for offers\n\n"
            "2. AOB\n\nNone.\n",
            [["Ann"]],
            [],
        ),
        # Not: a topic with a short note, attendance after a colon.
        ("Referat\n\n1. Økonomi: Regnskab pr. 21. november\n\n2. Evt.\n\nIntet.\n", [], []),
        (
            "Minutes\n\n1. Apologies for absence accepted from: No apologies from councillors\n\n"
            "2. AOB\n\nNone.\n",
            [],
            [],
        ),
    ],
)
def test_what_was_said_after_a_titles_colon(
    text: str, owners: list[list[str]], decisions: list[str]
) -> None:
    assert _owners(text) == owners
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # A promise or an offer in the present, something brought to a meeting.
        ("1. Valg\n\nValgudvalget kommer med et oplæg til næste møde.\n", [["Valgudvalget"]]),
        ("1. Hjemmeside\n\nJens lover at opdatere siden.\n", [["Jens"]]),
        ("1. Hjemmeside\n\nJens tilbyder at opdatere siden.\n", [["Jens"]]),
        ("## Licensing\n\nGuido offers to take this offline with Tim.\n", [["Guido"]]),
        (
            "## Elections\n\nThe Working Group comes back with a proposal in May.\n",
            [["Working Group"]],
        ),
        # Not: someone arriving ("kommer med toget"), a state.
        ("1. Transport\n\nJens kommer med toget.\n", []),
    ],
)
def test_a_promise_or_a_proposal_brought(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # A motion written as fields, one a line: the motion joins its result.
        pytest.param(
            "1. Budget\n\nMotion: To approve the budget.\nMoved: Ann\nSeconded: Bo\n"
            "Result: Carried\n\n2. AOB\n\nNone.\n",
            ["Motion: To approve the budget. Moved: Ann Seconded: Bo Result: Carried"],
            id="English",
        ),
        pytest.param(
            "1. Budget\n\nForslag: At godkende budgettet.\nStillet af: Ann\nSekunderet af: Bo\n"
            "Resultat: Vedtaget\n\n2. Evt.\n\nIntet.\n",
            [
                "Forslag: At godkende budgettet. Stillet af: Ann Sekunderet af: Bo "
                "Resultat: Vedtaget"
            ],
            id="Danish",
        ),
    ],
)
def test_a_motion_written_as_fields(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        # The owner after the task: with the owner column's word after a dash, anywhere.
        (
            "Referat\n\nHandlinger:\n• Budget sendes ud – ansvarlig Jens\n"
            "• Lokale bookes – ansvarlig Lise\n",
            [(["Jens"], "Budget sendes ud"), (["Lise"], "Lokale bookes")],
        ),
        ("Minutes\n\n1. Budget\n\nSend the budget - owner: Ann.\n", [(["Ann"], "Send the budget")]),
        # Under an action heading, a name after a dash or first in brackets.
        (
            "# Minutes\n\n## Budget\n\nDiscussed.\n\n## Action items\n\n"
            "- Send the budget (Ann, by 1 Feb)\n- Book the room - Bo\n",
            [(["Ann"], "Send the budget"), (["Bo"], "Book the room")],
        ),
        # An action list whose lines run together is read once, line by line.
        (
            "Referat\n\n1. Budget\n\nDrøftet.\n\nOpfølgning\nJens – sender budgettet\n"
            "Lise – undersøger priser\n",
            [(["Jens"], "sender budgettet"), (["Lise"], "undersøger priser")],
        ),
    ],
)
def test_an_owner_after_the_task(text: str, actions: list[tuple[list[str], str]]) -> None:
    assert [(a.owners, a.task) for a in _read(text).actions] == actions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # A recommendation followed, support, a grant, agreement in the past, the present
        # passive, a consensus label.
        ("1. Punkt\n\nIndstillingen blev fulgt.\n", None),
        ("1. Punkt\n\nDer var opbakning til forslaget.\n", None),
        ("1. Punkt\n\nRådet tilsluttede sig forslaget.\n", None),
        ("1. Punkt\n\nBestyrelsen bevilgede 5.000 kr. til festen.\n", None),
        ("1. Punkt\n\nMan enedes om at holde festen i juni.\n", None),
        ("1. Punkt\n\nDet besluttes at holde festen i juni.\n", None),
        ("1. Punkt\n\nKonsensus: vi beholder budgettet.\n", None),
        ("1. Item\n\nThe recommendation was followed.\n", None),
        ("1. Item\n\nThe board supported the proposal.\n", None),
        ("1. Item\n\nMembers endorsed the plan.\n", None),
        ("1. Item\n\nThe committee signed off on the plan.\n", None),
        ("1. Item\n\nA fee of 500 was granted to the organist.\n", None),
        ("1. Item\n\nConsensus: keep the budget.\n", None),
        # Not: a wish with a modal, another body's endorsement, "consensus" as a word.
        ("1. Punkt\n\nBudgettet skal godkendes på næste møde.\n", []),
        ("1. Item\n\nThe plan was endorsed by the council.\n", []),
        ("1. Item\n\nConsensus does not mean agreement to accept the feature.\n", []),
    ],
)
def test_more_outcome_words(text: str, decisions: list[str] | None) -> None:
    expected = [text.split("\n\n")[-1].strip()] if decisions is None else decisions
    assert _decisions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The nth weekday of a month; of "the month" it is a rule, no day.
        (
            "Minutes, 2026-11-23\n\nNext meeting: first Tuesday of December\n",
            (date(2026, 12, 1), None),
        ),
        (
            "Referat 23. november 2026\n\nNæste møde: sidste torsdag i december kl. 19\n",
            (date(2026, 12, 31), time(19, 0)),
        ),
        ("Minutes, 2026-11-23\n\nNext meeting: the first Tuesday of the month\n", None),
        # A clock with a dot; a day and month with a dot and no year.
        (
            "Minutes 23 November 2026\n\nNext meeting: Tuesday 8th December at 7.30pm\n",
            (date(2026, 12, 8), time(19, 30)),
        ),
        (
            "Referat 23. november 2026\n\nNæste møde: tirsdag d. 15.12. kl. 19.30\n",
            (date(2026, 12, 15), time(19, 30)),
        ),
        (
            "Referat 23. november 2026\n\nNæste møde: 15.12 kl. 19\n",
            (date(2026, 12, 15), time(19, 0)),
        ),
        # Not a date: an item's number.
        ("Referat 23. november 2026\n\nNæste møde: se punkt 5.3.\n", None),
    ],
)
def test_next_meeting_days_written_otherwise(
    text: str, expected: tuple[date, time | None] | None
) -> None:
    found = _read(text).next_meeting
    assert ((found.date, found.start) if found else None) == expected


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # A header line is not joined to the sentence under it about another meeting.
        (
            "Minutes\n\nPresent: Ann\n\nApologies: Bo\n\n"
            "The minutes of the meeting of 5 February 2025 were approved.\n\nDate: 5 March 2025\n",
            date(2025, 3, 5),
        ),
        # A title broken over two lines is still joined.
        (
            "Referat af bestyrelsesmøde\nden 5. marts 2025\n\n1. Budget\n\nGodkendt.\n",
            date(2025, 3, 5),
        ),
    ],
)
def test_the_meeting_date_not_from_another_meetings_line(text: str, held: date) -> None:
    assert _read(text).meeting_date == held


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # Bold markers are read past: the cue runs across them ("**" is dropped by the
        # cleaning, "__" only where cues are matched).
        (
            "## Special resolutions\n\n**The Members resolved by unanimous special resolution**"
            " to adopt the new articles.\n",
            ["The Members resolved by unanimous special resolution to adopt the new articles."],
        ),
        (
            "## Budget\n\n__Bestyrelsen blev__ enige om at hæve kontingentet.\n",
            ["__Bestyrelsen blev__ enige om at hæve kontingentet."],
        ),
        (
            "## Budget\n\n__The board was in__ agreement to raise the fee.\n",
            ["__The board was in__ agreement to raise the fee."],
        ),
        # The manner between "resolved" and "to".
        (
            "## Fees\n\nThe members resolved by a majority vote to raise the fee.\n",
            ["The members resolved by a majority vote to raise the fee."],
        ),
        # An outcome glued to its item's title by an underscore.
        (
            "1. Godkendelse af dagsorden_Godkendt\n\n2. Økonomi\n",
            ["Godkendelse af dagsorden_Godkendt"],
        ),
        ("1. Approval of the agenda_Approved\n\n2. Finance\n", ["Approval of the agenda_Approved"]),
        # An underscore inside an address or a file name is no gap.
        ("## UK\n\nhttps://example.org/uploads/Final_revised_Agreed_Arrangements.pdf\n", []),
    ],
)
def test_markup_between_the_words_of_a_cue(text: str, decisions: list[str]) -> None:
    assert [d.replace("**", "") for d in _decisions(text)] == decisions


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # Danish puts the subject after the verb behind an opening phrase.
        (
            "1. Vand\n\nEfter en drøftelse blev man enige om, at sende et resumé til lab.\n",
            ["Efter en drøftelse blev man enige om, at sende et resumé til lab."],
        ),
        (
            "1. Blad\n\nDerudover vil vi undersøge muligheden for at skrive i bladet.\n",
            ["Derudover vil vi undersøge muligheden for at skrive i bladet."],
        ),
        ("1. Tak\n\nSå vil vi gerne takke Jens for indsatsen.\n", []),
        # A matter referred to another forum.
        (
            "1. Vedtægter\n\nUdkast til nye vedtægter blev overladt til generalforsamlingens "
            "behandling.\n",
            ["Udkast til nye vedtægter blev overladt til generalforsamlingens behandling."],
        ),
        (
            "1. Rules\n\nThe draft of the new rules was referred to the general meeting.\n",
            ["The draft of the new rules was referred to the general meeting."],
        ),
        # Not decisions: a declined re-election, a fact confirmed, the signature block.
        ("1. Valg\n\nFinn tager ikke imod genvalg.\n", []),
        ("1. Elections\n\nFinn does not stand for re-election.\n", []),
        ("1. Voting\n\nThe Chair confirmed that no proxies had been appointed.\n", []),
        (
            "1. Afstemning\n\nFormanden bekræftede, at alle var godkendt som stemmeberettigede.\n",
            [],
        ),
        ("1. Evt.\n\nIntet.\nSåledes godkendt den / 2016\n", []),
        ("1. AOB\n\nNone.\n\nSigned as a correct record and approved: ________\n", []),
    ],
)
def test_word_order_referrals_and_what_settles_nothing(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # A spaced dash inside a line starts a clause with its own owner.
        (
            "1) Nyt\n- Drøftelse af henvendelse – PM sørger for at kontakte kommunen.\n",
            [["PM"]],
        ),
        ("1. Room\n- Discussed the room for May – Ann will book it.\n", [["Ann"]]),
        # Joint owners before a verb with its particle.
        (
            "1) Fest\n- Trine og Maria handler ind\n- Jakob og Per gør lokalet klar\n",
            [["Trine", "Maria"], ["Jakob", "Per"]],
        ),
        (
            "1. Party\n- Trine and Maria do the shopping\n- Jakob and Per get the room ready\n",
            [["Trine", "Maria"], ["Jakob", "Per"]],
        ),
        # An election accepted or declined, a reminder, is no task.
        ("1. Valg\n\nFrede modtager valget og takker forsamlingen.\n", []),
        ("1. Valg\n\nFinn tager ikke imod genvalg.\n", []),
        ("1. Elections\n\nFrede accepts the election and thanks the meeting.\n", []),
        ("1. Elections\n\nFinn declined re-election.\n", []),
        ("1. Valg\n\nUH minder om vigtigheden af valget.\n", []),
        # A speaker's question or explanation is no task; words that are no names own none.
        ("[2018-03-26 11:05:58] <rehrar> Will it be posted online?\n", []),
        ("[2018-03-26 11:30:20] <bob> to forge this, I need to find a group element.\n", []),
        ("[2018-03-26 11:30:20] <bob> I will make a PR for the docs.\n", [["bob"]]),
        ("1. Notes\n- Just to clarify the point from last week.\n", []),
        ("1. Suggestions\n- Meet to clarify the distribution of work.\n", []),
    ],
)
def test_owners_in_clauses_and_what_is_no_task(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # Elected by proposal and acceptance.
        (
            "1. Valg af dirigent\n\nKassereren bød velkommen og foreslog Niels Falsig som "
            "dirigent; der modtog valget.\n",
            ["Kassereren bød velkommen og foreslog Niels Falsig som dirigent; der modtog valget."],
        ),
        (
            "1. Election of a chair\n\nThe treasurer proposed Ann Lee as chair, who accepted "
            "the election.\n",
            ["The treasurer proposed Ann Lee as chair, who accepted the election."],
        ),
        # A ballot's result with its count; a tie settles nothing.
        (
            "3. Valg af formand\n\nDen 1. afstemning ender med 6 – 6 uafgjort.\n\n"
            "Den 2. afstemning ender 6 – 5, med en blank stemme, til Frede Andersen.\n",
            ["Den 2. afstemning ender 6 – 5, med en blank stemme, til Frede Andersen."],
        ),
        (
            "3. Election of a chair\n\nThe first ballot ended 6-6, a tie.\n\n"
            "The second ballot ended 6-5 for Frede Andersen.\n",
            ["The second ballot ended 6-5 for Frede Andersen."],
        ),
    ],
)
def test_an_election_by_acceptance_and_a_ballots_result(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


def test_a_chat_logs_day_is_the_meeting_date_where_nothing_else_says_it() -> None:
    log = (
        "[2018-03-26 10:58:00] <sarang> good morning everyone, meeting in a few minutes\n"
        "[2018-03-26 11:00:09] <hyc> morning\n"
        "[2018-03-26 11:05:58] <rehrar> Will it be posted online?\n"
        "[2018-03-26 11:30:20] <sarang> thanks all\n"
    )
    assert _read(log).meeting_date == date(2018, 3, 26)
    # a date the minutes state wins; a log of time stamps only says nothing
    assert _read(f"Møde 2. april 2018\n\n{log}").meeting_date == date(2018, 4, 2)
    assert _read("[10:58] <hyc> morning\n[11:00] <bob> hi\n[11:02] <eve> hi\n").meeting_date is None


@pytest.mark.parametrize(
    ("text", "decisions"),
    [
        # The wording a sentence quotes is no outcome of this meeting.
        (
            '## Resolutions\n\n- to insert a new definition that reads: \'"nominated medium" '
            "means a system unanimously agreed by the Directors for Directors' meetings'.\n",
            [],
        ),
        (
            "1. Vedtægter\n\n- at indsætte en ny paragraf, der lyder: „Kontingentet godkendes af "
            "generalforsamlingen hvert år“.\n",
            [],
        ),
        # An outcome outside the quote, or a sentence that is a quote, is read.
        (
            "## Motto\n\nThe board agreed on the motto 'We decide together'.\n",
            ["The board agreed on the motto 'We decide together'."],
        ),
        (
            "1. Motto\n\nBestyrelsen vedtog mottoet „Vi bestemmer sammen“.\n",
            ["Bestyrelsen vedtog mottoet „Vi bestemmer sammen“."],
        ),
    ],
)
def test_a_quoted_wording_is_no_outcome(text: str, decisions: list[str]) -> None:
    assert _decisions(text) == decisions


@pytest.mark.parametrize(
    ("text", "owner", "next_day"),
    [
        (
            "Referat bestyrelsesmøde 8. juni 2016\n\n1) Gennemgang\nGodkendt.\n2) Evt.\n"
            "- MM deltager i mødet i formandsklubben\n"
            "Næste møde i bestyrelsen er onsdag den 17. august 2016\n"
            "Således godkendt\n",
            "MM",
            date(2016, 8, 17),
        ),
        (
            "Board minutes 8 June 2016\n\n1) Review\nApproved.\n2) Any other business\n"
            "- Jane will attend the regional meeting\n"
            "Next meeting of the board is Wednesday 17 August 2016\n",
            "Jane",
            date(2016, 8, 17),
        ),
    ],
    ids=["da", "en"],
)
def test_a_next_meeting_line_ends_the_paragraph_above_it(
    text: str, owner: str, next_day: date
) -> None:
    minutes = _read(text)
    tasks = [(a.owners, a.task) for a in minutes.actions]
    assert tasks and tasks[-1][0] == [owner]
    assert not any(
        "17" in task or "ext meeting" in task or "æste møde" in task for _, task in tasks
    )
    assert minutes.next_meeting is not None and minutes.next_meeting.date == next_day


def test_the_items_where_nothing_was_found() -> None:
    """What the import preview names: a sub-item's outcome counts for its item ("2A" and
    "2.1" under "2"), item 21's not for item 2."""
    from bot.parsing.minutes.model import Minutes, MinutesAction, MinutesDecision, MinutesItem

    minutes = Minutes(
        items=[MinutesItem(str(n), f"Sag {n}") for n in (1, 2, 3, 4, 21)],
        decisions=[MinutesDecision("2A", "Godkendt."), MinutesDecision("21", "Godkendt.")],
        actions=[MinutesAction("3.1", ["Jens"], "ringer"), MinutesAction(None, ["Bo"], "skriver")],
    )
    assert [i.number for i in minutes.items_without_outcome()] == ["1", "4"]


@pytest.mark.parametrize(
    ("text", "decisions", "owners"),
    [
        # An outcome label opens its own paragraph, and its sentence ends with its line:
        # the task on the next line is no part of the decision.
        (
            "1. Tag\nBeslutning: Taget males i maj.\nJens bestiller maleren.\n",
            ["Beslutning: Taget males i maj."],
            [["Jens"]],
        ),
        (
            "1. Tag\nBeslutning: Taget males i maj\nJens bestiller maleren.\n",
            ["Beslutning: Taget males i maj"],
            [["Jens"]],
        ),
        # ... unless the line ends inside the sentence, or a long line is wrapped.
        (
            "1. Budget\nKonklusion: Budgettet fastholdes, og\nkontingentet hæves.\n"
            "Bo sender budgettet ud.\n",
            ["Konklusion: Budgettet fastholdes, og kontingentet hæves."],
            [["Bo"]],
        ),
        (
            "1. Roof\nDecision: The board approved the budget for the new roof and gutters for\n"
            "2027 with the amendments.\nJens will call the roofer.\n",
            [
                "Decision: The board approved the budget for the new roof and gutters for "
                "2027 with the amendments."
            ],
            [["Jens"]],
        ),
    ],
)
def test_an_outcome_label_is_a_paragraph_of_its_own(
    text: str, decisions: list[str], owners: list[list[str]]
) -> None:
    assert _decisions(text) == decisions
    assert _owners(text) == owners


def test_a_chat_log_with_iso_time_stamps_and_tabs() -> None:
    """`[2021-03-29T16:00:00.000Z]<TAB><nick><TAB>text`: the stamp and nick come off the
    line as in other chat logs, so the scribe's "Resolution:" lines are outcomes."""
    text = (
        "[2021-03-29T16:00:00.000Z]\t<kim>\tTopic: Milestones\n"
        "[2021-03-29T16:00:00.000Z]\t<kim>\tResolution: Milestone 1 Approved\n"
        "[2021-03-29T16:01:12+02:00]\t<kim>\tResolution: Agreed to move forward\n"
    )
    assert _decisions(text) == [
        "Resolution: Milestone 1 Approved",
        "Resolution: Agreed to move forward",
    ]
    assert _read(text).meeting_date == date(2021, 3, 29)


@pytest.mark.parametrize(
    "result",
    ["Upon voice vote, the motion carried 3-0.", "On a roll call vote, the motion passed 4-1."],
)
def test_a_motion_and_its_result_told_in_one_paragraph(result: str) -> None:
    """The mover's sentence through the result is the decision, not the result alone nor
    what was said before it."""
    text = (
        "3. Approval of Minutes\nThe Chair said the edits are in order.  Member Hage moved to "
        f"approve the Dec. 14, 2017 meeting minutes.  Member Kattouw seconded.  {result}\n"
    )
    assert _decisions(text) == [
        f"Member Hage moved to approve the Dec. 14, 2017 meeting minutes. Member Kattouw "
        f"seconded. {result}"
    ]


@pytest.mark.parametrize(
    ("sentence", "owners"),
    [
        ("Chair Jerdonek said he would write it up.", [["Chair Jerdonek"]]),
        ("Ann said that she'll ask the venue.", [["Ann"]]),
        ("Jens sagde, at han ville undersøge prisen.", [["Jens"]]),
        # a wish or a state reported is no promise
        ("Ann said she would like a new chair.", []),
        ("Jens sagde, at han ville gerne have kaffe.", []),
    ],
)
def test_a_promise_reported(sentence: str, owners: list[list[str]]) -> None:
    assert _owners(f"1. Item\n\n{sentence}\n") == owners


def test_new_action_items_under_owner_bullets() -> None:
    """ "New Action Items" is an action list; a bullet that is only a name and a colon owns
    the bullets under it, also one that looks like "task - owner"; the list of last
    meeting's items is not read as new tasks."""
    text = (
        "# Notes 2006-02-06\n\n### Action Items from last meeting\n\n* MartinO:\n"
        "    * Contact Greg - open\n\n### New Action Items\n\n* MartinO:\n"
        "    * Ask WR contacts to speed up the process\n    * Launch Actions - Initial Design\n"
        "* DaveD:\n    * Look at ECF code\n"
    )
    actions = [(a.owners, a.task) for a in _read(text).actions]
    assert actions == [
        (["MartinO"], "Ask WR contacts to speed up the process"),
        (["MartinO"], "Launch Actions - Initial Design"),
        (["DaveD"], "Look at ECF code"),
    ]


def test_items_numbered_with_a_bare_number_and_a_space() -> None:
    """ "1 Godkendelse af dagsorden": items where nothing else gave the minutes a structure,
    when at least three lines count 1, 2, 3 in order; a count in the text is no item."""
    text = (
        "Rådsmøde 27.09.2022\n\n1 Godkendelse af dagsorden\nGodkendt\n\n"
        "2 Regnskab\n12 Medlemmer stemte for. Menighedsrådet godkendte regnskabet.\n\n"
        "3 Eventuelt\nIntet.\n"
    )
    minutes = _read(text)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Regnskab"),
        ("3", "Eventuelt"),
    ]
    assert [d.item for d in minutes.decisions][-1] == "2"
    # two such lines are not enough
    assert _read("Referat\n\n1 Budget\nGodkendt.\n\n2 Evt.\nIntet.\n").items == []


@pytest.mark.parametrize(
    ("title", "decided"),
    [
        # "Rådsmøde": a meeting of a council, so "Menighedsrådet" is this one
        ("Rådsmøde 27.09.2022", True),
        ("Referat af ældrerådsmøde", False),  # the parish council is another body there
    ],
)
def test_the_body_of_a_meeting_named_by_its_kind(title: str, decided: bool) -> None:
    text = f"{title}\n\n1. Aftale\n\nMenighedsrådet godkendte aftalen.\n\n2. Evt.\n\nIntet.\n"
    assert (_decisions(text) == ["Menighedsrådet godkendte aftalen."]) is decided


@pytest.mark.parametrize(
    "line",
    [
        "Mødet holdes tirsdag 27.09.2022 kl. 19 på Skjulhøj Allé 23 C.",
        "The meeting is held on Tuesday at 7 pm at the library.",
    ],
)
def test_when_and_where_the_meeting_is_held_is_no_decision(line: str) -> None:
    assert _decisions(f"Referat\n\n{line}\n\n1. Evt.\n\nIntet.\n") == []


FIRSTAGENDA = """UDVALG

Udvalget for Ældre og Sundhed

STARTTIDSPUNKT

04-06-2020 09:00:00

PUNKTER

49. Godkendelse af dagsorden
50. Genåbning af caféer
51. Orienteringer

49. Godkendelse af dagsorden

Indstilling

Administrationen indstiller, at:

  1. dagsorden for mødet bliver godkendt
Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020

Godkendt

50. Genåbning af caféer

Indstilling

Administrationen indstiller, at caféerne genåbner 15. juni.
Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020

Indstillingen blev godkendt.

51. Orienteringer

Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020

Taget til efterretning.
"""


def test_a_committee_s_running_item_numbers_and_its_decision_field_with_body_and_day() -> None:
    """A municipal committee numbers its items in a series over the year (49, 50, 51), and
    its ESDH prints the decision field as "Beslutning i <udvalget> den <dato>": the items are
    read, and the field's text is the decision, not the recommendation over it."""
    minutes = _read(FIRSTAGENDA)
    assert [i.number for i in minutes.items] == ["49", "50", "51"]
    assert [(d.item, d.text) for d in minutes.decisions] == [
        ("49", "Godkendt"),
        ("50", "Indstillingen blev godkendt."),
        ("51", "Taget til efterretning."),
    ]
    assert minutes.meeting_date == date(2020, 6, 4)


@pytest.mark.parametrize(
    "line",
    ["Indstilling af Kasper Hansen til bestyrelsen", "Beslutning i sagen blev udsat"],
)
def test_a_field_word_in_prose_heads_no_field(line: str) -> None:
    from bot.parsing.minutes.outline import section_of

    assert section_of(line) is None


def test_a_motion_as_three_bullets_with_the_mover_in_the_present() -> None:
    text = (
        "### Auditor\n\nVote to Appoint an Auditor\n\n- Steve move motion to have no auditor\n"
        "- Fletcher second\n- Motion carried unanimously\n"
    )
    assert _decisions(text) == [
        "Steve move motion to have no auditor Fletcher second Motion carried unanimously"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a decision of an earlier time, told
        "1. Constitution\n\nLast year we adopted new constitution as required by model rules.\n",
        "1. Vedtægter\n\nSidste år vedtog vi nye vedtægter.\n",
        # a resolution quoted as last week's
        "1. Numbers\n\nThat was last week's resolution: RESOLVED: Numbers are not modified.\n",
        # the minutes signed under the last item
        "1. Eventuelt\n\nIntet.\n\nReferent: Jacob\n\nGodkendt den 7. januar 2019\nAnders Krarup\n",
    ],
)
def test_an_earlier_decision_or_the_signature_is_no_decision(text: str) -> None:
    assert _decisions(text) == []


def test_a_labelled_outcome_in_a_chat_stays_an_outcome() -> None:
    text = "[2021-03-29T16:00:00Z]\t<kim>\tResolution: Agreed to move forward\n"
    assert _decisions(text) == ["Resolution: Agreed to move forward"]


@pytest.mark.parametrize(
    ("title", "body", "decisions"),
    [
        (
            "Dato for generalforsamling",
            "14. april kl. 11.30 i klubhuset.",
            ["14. april kl. 11.30 i klubhuset."],
        ),
        (
            "Date of the AGM",
            "Saturday 14 April at the library.",
            ["Saturday 14 April at the library."],
        ),
        # the next meeting's date is the next meeting, not a decision
        ("Dato for næste bestyrelsesmøde", "19. maj kl. 15.00", []),
        # no date given
        ("Dato for generalforsamling", "Formanden finder en dato.", []),
    ],
)
def test_an_item_asking_for_a_date_is_answered_by_it(
    title: str, body: str, decisions: list[str]
) -> None:
    text = f"Bestyrelsesmøde 3. marts 2016\n\n1. {title}\n    {body}\n\n2. Evt.\n   Intet.\n"
    assert _decisions(text) == decisions


def test_who_took_part_written_into_the_decision_field_is_no_decision() -> None:
    text = (
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt\n"
        "Peter Andersen og Linda Peitersen deltog ikke på mødet.\n"
        "Kenneth Dahl og Morten Juhl deltog som suppleanter.\n\n"
        "2. Referat\n\nBeslutning\n\nGodkendt.\n"
    )
    assert _decisions(text) == ["Godkendt", "Godkendt."]
    assert _owners(text) == []


def test_a_resolved_list_of_owned_bullets_is_a_list_of_tasks() -> None:
    """ "**Resolved**" over bullets that each name their owner ("- Luther: Introduce …"):
    tasks; over bullets that name nobody it is no task list."""
    text = (
        "### 20:30 Finance\n\n- No items received.\n\n**Resolved**\n\n"
        "- Luther: Introduce Soares to Juanita\n- Roland/Valentine: Sort out the survey\n\n"
        "### 20:40 Website\n\n**Resolved**\n\n- Keep the old page for now\n"
    )
    actions = [(a.owners, a.task) for a in _read(text).actions]
    assert actions == [
        (["Luther"], "Introduce Soares to Juanita"),
        (["Roland", "Valentine"], "Sort out the survey"),
    ]


def test_goes_on_with_it_is_a_task() -> None:
    text = (
        "1. Nabohjælp\n\nAnders går videre hermed.\n\n"
        "2. Fest\n\nBjarne og Paul går videre med festen.\n"
    )
    assert _owners(text) == [["Anders"], ["Bjarne", "Paul"]]


PARISH_TABLE = """Minutes of the Annual Meeting held on Wednesday 15thMay 2019, 7pm
Present: Councillors L Maude, J Stedman, K James
1. | All Councillors present signed the Acceptance of Declaration of Office forms. |
2. | Election of Chairman:
It was proposed by Cllr James that Cllr Green be appointed. Cllr Green was elected unopposed. |
3. | Apologies for Absence:
None. |
"""


def test_items_as_numbered_table_rows_and_a_glued_ordinal_date() -> None:
    """A two-column table with the item number in the first cell ("2. | Election of Chairman:"
    over the cell's next lines) gives the items; "15thMay 2019" is the 15th of May."""
    minutes = _read(PARISH_TABLE)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "All Councillors present signed the Acceptance"),
        ("2", "Election of Chairman"),
        ("3", "Apologies for Absence"),
    ]
    assert minutes.meeting_date == date(2019, 5, 15)
    assert minutes.decisions and all(d.item == "2" for d in minutes.decisions)
    assert not any(d.text.endswith("|") for d in minutes.decisions)  # the cell's edge is gone


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # two tasks joined by "and", each with its owner
        (
            "1. RHEL\n\nWe were asked for an estimate. Stuart will speak to John and Martyn will "
            "speak to Stephen.\n",
            [["Stuart"], ["Martyn"]],
        ),
        # a sentence ends after a number that is no date ("(RHEL) 6. Stuart will …")
        (
            "1. RHEL\n\nThe effort needed to maintain RHEL 6. Stuart will ask the team.\n",
            [["Stuart"]],
        ),
        # the subject after the verb: the first word is the object ("Oprykning venter vi med")
        ("1. Oprykning\n\nOprykning venter vi med til sommeropstarten.\n", []),
        # a definite noun in the genitive says whose, not who
        ("1. Buskort\n\nÆldrerådets medlemmer hjælper til med promovering.\n", []),
        # a task told in the progressive ("… would be attending the meeting on 25 June")
        (
            "1. Meetings\n\nCllr. P. Harries would be attending the meeting on 25 June.\n",
            [["Cllr. P. Harries"]],
        ),
        # a title with its full stop before the name ("Cllr. A. Thomas would contact …")
        (
            "1. Trees\n\nIt was agreed that Cllr. A. Thomas would contact a tree surgeon.\n",
            [["Cllr. A. Thomas"]],
        ),
    ],
)
def test_who_owns_a_task_in_a_sentence_with_more_in_it(text: str, owners: list[list[str]]) -> None:
    assert _owners(text) == owners


def test_a_date_with_its_month_stays_one_sentence() -> None:
    from bot.parsing.minutes.text import sentences

    assert sentences("Mødet er den 6. Maj i år. Bo sender dagsorden.") == [
        "Mødet er den 6. Maj i år.",
        "Bo sender dagsorden.",
    ]
    # a councillor's title is no sentence's end
    assert sentences("Proposed by Cllr. K. Davies, seconded by Cllr. D. Jones and agreed.") == [
        "Proposed by Cllr. K. Davies, seconded by Cllr. D. Jones and agreed."
    ]


def test_page_navigation_and_an_election_s_outcome_in_the_title() -> None:
    text = (
        "Generalforsamling\n\n1) Valg af dirigent: Børge Vinther blev valgt.\n\n"
        "2) Valg af referent: Preben Rasmussen blev valgt\n\nTil toppen\n\n"
        "3) Eventuelt\n\nIntet.\n\nBack to top\n"
    )
    assert _decisions(text) == [
        "Valg af dirigent: Børge Vinther blev valgt.",
        "Valg af referent: Preben Rasmussen blev valgt",
    ]
