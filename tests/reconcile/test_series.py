"""Series reconciliation on a fictional crisis in the Republic of Veloria."""

from __future__ import annotations

from sitrep.reconcile import FigureFact, reconcile_series
from sitrep.reconcile.series import is_official, same_source, source_key


def fig(id_: str, low: int, high: int | None, *, doc: str | None = None, date: str | None = "2031-03-04",
        source: str | None = "the Interior Ministry", measure: str = "killed", group: str = "security_forces",
        approximate: bool = False, text: str | None = None) -> FigureFact:
    return FigureFact(
        id=id_, document_id=doc or f"doc-{id_}", measure=measure, group=group, low=low, high=high,
        approximate=approximate, count_text=text or str(low), date=date, source_text=source,
        origin_doc=doc or f"doc-{id_}",
    )


def test_translation_variants_of_one_ministry_are_one_source() -> None:
    assert same_source("the Ministry of Internal Affairs of Veloria", "The Ministry of the Interior")
    assert same_source("Velorian Interior Ministry", "the Ministry of Internal Affairs")
    assert not same_source("the Ministry of Health", "the Interior Ministry")
    assert source_key(None) == frozenset()


def test_restatements_of_one_statement_are_one_origin() -> None:
    figures = [
        fig("a", 9, 9, source="the Ministry of Internal Affairs of Veloria"),
        fig("b", 9, 9, source="The Ministry of the Interior"),
        fig("c", 9, 9, source="Velorian Interior Ministry", date="2031-03-05"),
    ]
    [series] = reconcile_series("sit", figures)
    assert series.independent_origins == 1
    assert (series.best_low, series.best_high) == (9, 9)
    assert not series.conflict


def test_copies_count_once_even_without_attribution() -> None:
    figures = [fig("a", 40, 40, doc="d1", source=None), fig("b", 40, 40, doc="d2", source=None)]
    figures[1] = FigureFact(**{**figures[1].__dict__, "origin_doc": "d1"})
    [series] = reconcile_series("sit", figures)
    assert series.independent_origins == 1


def test_growth_is_not_a_conflict_and_latest_official_wins() -> None:
    figures = [
        fig("early", 300, None, date="2031-03-04", source="officials", measure="detained", group="people",
            text="more than 300"),
        fig("late", 900, None, date="2031-03-07", source="the authorities", measure="detained", group="people",
            text="more than 900"),
    ]
    [series] = reconcile_series("sit", figures)
    assert not series.conflict
    assert series.best_low == 900 and series.best_high is None
    assert series.best_rule.startswith("latest official figure")
    assert "grew" in series.note


def test_open_bound_is_narrowed_by_a_compatible_exact_figure() -> None:
    figures = [
        fig("exact", 212, 212, date="2031-03-04"),
        fig("bound", 200, None, date="2031-03-05", text="more than 200"),
    ]
    [series] = reconcile_series("sit", figures)
    assert (series.best_low, series.best_high) == (212, 212)
    assert not series.conflict
    assert "narrowed" in series.best_rule


def test_same_day_incompatible_values_from_two_origins_conflict() -> None:
    figures = [
        fig("ministry", 4, 4, source="the Interior Ministry"),
        fig("opposition", 11, 11, source="the opposition Freedom Bloc"),
    ]
    [series] = reconcile_series("sit", figures)
    assert series.conflict
    assert series.independent_origins == 2
    assert "same day" in series.note


def test_a_source_lowering_its_own_cumulative_count_is_a_conflict() -> None:
    figures = [fig("a", 30, 30, date="2031-03-04"), fig("b", 20, 20, date="2031-03-09")]
    [series] = reconcile_series("sit", figures)
    assert series.conflict
    assert "only grows" in series.note


def test_a_lower_count_from_another_source_or_place_is_not_a_conflict() -> None:
    other_source = [fig("a", 30, 30, date="2031-03-04"), fig("b", 20, 20, date="2031-03-09", source="a hospital")]
    assert not reconcile_series("sit", other_source)[0].conflict
    a, b = fig("a", 4, 4), fig("b", 11, 11, source="the opposition Freedom Bloc")
    elsewhere = [FigureFact(**{**a.__dict__, "place_id": "osh"}), FigureFact(**{**b.__dict__, "place_id": "naryn"})]
    assert not reconcile_series("sit", elsewhere)[0].conflict


def test_people_in_hospital_may_fall() -> None:
    figures = [fig("a", 86, 86, date="2031-03-07", measure="hospitalized", group="people"),
               fig("b", 61, 61, date="2031-03-10", measure="hospitalized", group="people")]
    assert not reconcile_series("sit", figures)[0].conflict


def test_vague_only_series_is_read_conservatively() -> None:
    [series] = reconcile_series("sit", [fig("v", 12, None, approximate=True, source="activists", text="dozens")])
    assert series.best_low == 12 and series.best_high is None
    assert "conservatively" in series.best_rule
    assert series.best_rule.startswith("latest reported figure")


def test_series_are_keyed_by_measure_and_group() -> None:
    figures = [fig("a", 3, 3), fig("b", 5, 5, measure="injured"), fig("c", 7, 7, group="civilians")]
    keys = {(s.measure, s.group) for s in reconcile_series("sit", figures)}
    assert keys == {("killed", "security_forces"), ("injured", "security_forces"), ("killed", "civilians")}


def test_a_local_count_below_the_national_one_is_part_of_it() -> None:
    national, local = fig("n", 11, 11, source="the opposition Freedom Bloc"), fig("l", 4, 4)
    local = FigureFact(**{**local.__dict__, "place_id": "osh"})
    assert not reconcile_series("sit", [national, local])[0].conflict
    bigger = FigureFact(**{**fig("b", 15, 15).__dict__, "place_id": "osh"})
    assert reconcile_series("sit", [national, bigger])[0].conflict


def test_a_sub_count_is_part_of_its_total_not_a_rival() -> None:
    total = fig("t", 13, 13, date="2031-03-10", measure="killed", group="people")
    part = FigureFact(**{**fig("p", 4, 4, date="2031-03-10", measure="killed", group="people").__dict__,
                         "sub": True})
    [series] = reconcile_series("sit", [total, part])
    assert not series.conflict
    assert series.best_low == 13


def test_long_conflict_notes_are_summarised() -> None:
    figures = [fig(str(i), 10 + i, 10 + i, source=f"witness group {chr(97 + i)}") for i in range(5)]
    [series] = reconcile_series("sit", figures)
    assert series.conflict and series.note.endswith("more)")


def test_a_regional_department_is_not_its_ministry() -> None:
    figures = [fig("a", 30, 30, date="2031-03-04", source="the Ministry of Health"),
               fig("b", 2, 2, date="2031-03-06", source="the regional health department")]
    assert not reconcile_series("sit", figures)[0].conflict
    revised = [fig("a", 30, 30, date="2031-03-04", source="the Ministry of Health"),
               fig("b", 20, 20, date="2031-03-06", source="the Health Ministry")]
    assert reconcile_series("sit", revised)[0].conflict


def test_a_figure_marked_wrong_is_listed_but_not_used() -> None:
    good, bad = fig("good", 9, 9), fig("bad", 90, 90, date="2031-03-05")
    bad = FigureFact(**{**bad.__dict__, "wrong": True})
    [series] = reconcile_series("sit", [good, bad])
    assert series.figure_ids == ("good", "bad")
    assert (series.best_low, series.range_high, series.independent_origins) == (9, 9, 1)
    assert reconcile_series("sit", [bad]) == []


def test_a_count_of_a_place_in_words_or_of_a_local_body_is_local() -> None:
    """A place the entities stage did not resolve ("in Port Arden" as written), or a source that is a local body
    ("the regional health department"), makes a count local: below the count of the whole it is part of it."""
    national = fig("n", 7, None, source="the Ministry of Health", text="at least seven")
    written = FigureFact(**{**fig("w", 2, 2, source="their relatives").__dict__, "place_text": "Port Arden"})
    regional = fig("r", 2, 2, source="The regional health department")
    for local in (written, regional):
        assert not reconcile_series("sit", [national, local])[0].conflict, local
    above = fig("a", 9, 9, source="the district hospital")
    exact = fig("e", 9, 9, source="the Interior Ministry")
    assert reconcile_series("sit", [fig("x", 7, 7, source="the Ministry of Health"), above])[0].conflict
    assert reconcile_series("sit", [fig("x", 7, 7, source="the Ministry of Health"), exact])[0].conflict
    assert not reconcile_series("sit", [regional, above])[0].conflict  # two local bodies: two places


def test_unnamed_sources_inside_a_state_body_are_not_its_official_figure() -> None:
    assert is_official("the Dravos city police department")
    assert not is_official("our sources in the Dravos city police department")
    assert not is_official("a source close to the Interior Ministry")
    ministry = fig("m", 4, 4, source="the Interior Ministry")
    leak = fig("l", 11, 11, source="our sources in the Dravos city police department")
    [series] = reconcile_series("sit", [ministry, leak])
    assert series.conflict  # the same day, two origins: shown as a disagreement
    assert (series.best_low, series.best_rule) == (4, "latest official figure")


def test_the_best_value_counts_the_whole_situation_not_one_city() -> None:
    whole = [fig("a", 200, None, date="2031-03-05", source="the Interior Ministry", measure="detained",
                 group="people", text="more than 200"),
             fig("b", 900, None, date="2031-03-08", source="the Interior Ministry", measure="detained",
                 group="people", text="more than 900")]
    city = FigureFact(**{**fig("c", 318, 318, date="2031-03-09", source="the city police chief",
                                measure="detained", group="people").__dict__, "place_id": "dravos"})
    [series] = reconcile_series("sit", [*whole, city])
    assert (series.best_low, series.best_high) == (900, None)
    assert series.note == "grew from 'more than 200' (2031-03-05) to 'more than 900' (2031-03-08)"


def test_of_one_days_cumulative_counts_the_larger_is_the_total() -> None:
    figures = [fig("a", 5, None, date="2031-03-07", source=None, measure="detained", group="journalists",
                   text="at least five"),
               fig("b", 2, 2, date="2031-03-07", source=None, measure="detained", group="journalists",
                   text="two")]
    [series] = reconcile_series("sit", figures)
    assert (series.best_low, series.best_high) == (5, None)
