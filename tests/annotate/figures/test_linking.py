"""Measure and victim group: several figures in a sentence, sub-counts, described victims, not-figures."""

from __future__ import annotations

from tests.annotate.figures.helpers import figures, found, one


def test_several_figures_in_one_sentence() -> None:
    result = figures("According to the Velorian Interior Ministry, 12 law enforcement officers were killed and 317 "
                     "police and members of the National Guard were injured.")
    assert [(f.measure, f.group, f.low) for f in result] == [
        ("killed", "security_forces", 12), ("injured", "security_forces", 317)]
    assert result[1].group_text == "police and members of the National Guard"


def test_elliptical_count_takes_the_previous_group() -> None:
    result = figures("Nine police officers were killed and more than 300 were injured during the unrest.")
    assert [(f.measure, f.group, f.low, f.high) for f in result] == [
        ("killed", "security_forces", 9, 9), ("injured", "security_forces", 300, None)]


def test_active_verb_takes_its_object() -> None:
    figure = one("A police spokesman in Port Salen said security forces had killed dozens of protesters.")
    assert (figure.measure, figure.group, figure.group_text) == ("killed", "protesters", "protesters")


def test_noun_measure() -> None:
    figure = one("Monitors reported at least 800 arrests of peaceful protesters in Veloria.")
    assert (figure.measure, figure.group, figure.low) == ("detained", "protesters", 800)


def test_sub_count_in_intensive_care() -> None:
    items = found("According to the Ministry of Health, 210 people were hospitalized, 35 people are in intensive care.")
    assert [(i.figure.measure, i.figure.low, i.term) for i in items] == [
        ("hospitalized", 210, None), ("hospitalized", 35, "sub")]


def test_described_victims() -> None:
    figure = one("An 18-year-old man was shot and killed in Port Salen on Friday.")
    assert (figure.measure, figure.low, figure.group) == ("killed", 1, "people")
    result = figures("Four teens were shot, one fatally, outside a school in Veloria.")
    assert sorted((f.measure, f.low) for f in result) == [("injured", 3), ("killed", 1)]
    assert one("Police said she died in hospital.").measure == "killed"


def test_shot_without_outcome_is_kept_apart() -> None:
    items = found("A 20-year-old woman was shot while walking home.")
    assert [(i.figure.measure, i.term) for i in items] == [("injured", "shot")]


def test_participants_and_displacement_terms() -> None:
    assert one("Tens of thousands of people joined the protests in Veloria.").measure == "participants"
    items = found("About 2,000 people were evacuated after the floods.")
    assert [(i.figure.measure, i.term) for i in items] == [("displaced", "Evacuated")]
    items = found("At least 60 homes were destroyed across three districts.")
    assert [(i.figure.group, i.term) for i in items] == [("housing", "Destroyed Housing")]


def test_negated_and_safe_are_not_figures() -> None:
    assert figures("The troopers inside the vehicle were not injured.") == []
    assert figures("All 25 international employees of the mission are safe.") == []
    assert figures("No one was killed in the blast.") == []


def test_group_defaults_to_people() -> None:
    figure = one("Dozens have reportedly been killed in Veloria.")
    assert (figure.group, figure.measure) == ("people", "killed")


def test_one_count_of_two_groups_is_a_count_of_people() -> None:
    figure = one("Several dozen soldiers and demonstrators were killed in the fighting, police said.")
    assert figure.group == "people"
    assert figure.group_text == "soldiers and demonstrators"
    same = one("Nine police officers and members of the National Guard were injured.")
    assert same.group == "security_forces"


def test_a_count_in_a_condition_is_not_a_report() -> None:
    assert figures('"If four policemen died, show us four names," the opposition leader said.') == []
    assert figures("Unless 30 people were detained, the curfew holds.") == []
    assert len(figures("Police said 4 people died in Port Salen, if the hospital is right about the cause.")) == 1
