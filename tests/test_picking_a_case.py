"""Picking a case (issue 19): each shipped scenario says its field of practice, level and a
time estimate, and the start page filters by field of practice."""

from __future__ import annotations

import pytest

from casework.scenarios import load_catalogue
from casework.ui.landing import LandingApp, about


def test_every_shipped_scenario_says_its_field_level_and_time(catalogue):
    for scenario in catalogue.scenarios.values():
        assert scenario.practice_area, scenario.id
        assert scenario.level in ("introductory", "intermediate", "advanced"), scenario.id
        assert scenario.minutes and 60 <= scenario.minutes <= 480, scenario.id


@pytest.mark.parametrize(
    ("minutes", "said"),
    [
        (45, "about 45 minutes"),
        (60, "about 1 hour"),
        (90, "about 1½ hours"),
        (210, "about 3½ hours"),
    ],
)
def test_the_time_is_said_in_words(minutes, said):
    assert about(minutes) == said


def test_the_start_page_lists_each_case_and_filters_by_field_of_practice(store):
    app = LandingApp(store=store)
    assert (
        "<b>A family facing eviction</b>: Housing and homelessness · Intermediate · about 3½ hours"
        in (app.library.value)
    )
    assert app.area.label == "All fields of practice"
    app.picker.value = "older-adult-self-neglect"
    app.area.value = "Housing and homelessness"
    assert "A family facing eviction" in app.library.value
    assert "An older adult living alone" not in app.library.value
    # the open case stays open while the list is filtered
    assert app.picker.value == "older-adult-self-neglect"
    assert [label for label, _id in app.picker.options] == [
        "Choose a scenario…",
        "A family facing eviction",
        "An older adult living alone",
    ]
    app.area.value = None
    assert len(app.picker.options) == 1 + len(load_catalogue().scenarios)
