"""The group stage on fictional reports: copies, retellings, stories, situations, order independence."""

from __future__ import annotations

import random
from itertools import combinations

from sitrep.group import DocFeatures, Link, blocking_keys, components, features, link, lsh_bands
from sitrep.models import Annotations, Article
from sitrep.text import split_paragraphs

BASE = """Floods in Veloria: the river Sarn broke its banks overnight

Heavy rain swelled the river Sarn on Tuesday and water broke through the levee north of Port Anselm shortly
after midnight, flooding the lower town.

The Veloria Civil Protection Agency said 37 people had died and 412 were injured, while 9,600 residents had
been moved to schools and sports halls in the upper town.

"We have never seen the Sarn rise so fast. Our teams are working through the night to reach the villages
downstream," said agency director Mirela Castano at a briefing in the capital, Dravos.

Governor Tomas Elbrand declared a state of emergency in the Sarn valley until 28 March and asked the national
army for boats and helicopters.

Aid groups warned that drinking water in the lower town was contaminated and that the risk of disease would
rise in the coming days unless pumps were restored."""

RETOLD = """Veloria: dozens dead as Sarn floods Port Anselm

The Sarn river burst through a dyke above Port Anselm in the night to Wednesday, submerging the low-lying
districts of the town after days of torrential rain.

According to the civil protection service of Veloria, 37 persons lost their lives and 412 suffered injuries;
9,600 inhabitants were evacuated to school buildings and gyms.

"Never have we seen the Sarn rising this quickly. Our teams work all night long to get to the villages
downstream," director Mirela Castano told journalists in Dravos.

Governor Tomas Elbrand proclaimed an emergency in the valley lasting until 28 March and requested army boats."""

OTHER_FLOOD = """Floods in Veloria: storm hits the northern coast

A storm surge flooded the fishing harbour of Keldmouth on the northern coast of Veloria on Friday, damaging
hundreds of boats and the market hall.

Harbour master Ivo Renkel said 14 fishermen were missing and the coast guard had rescued 63 people from the
water. Three warehouses collapsed.

"The wall simply gave way," Renkel said. Engineers from the ports authority will inspect the breakwater.

Residents of Keldmouth criticised the delay in warnings from the weather office in Dravos."""


FOLLOW_UP = """Veloria floods: pumps restored in Port Anselm

Two days after the Sarn broke through the levee, engineers restored the pumps of the lower town of Port Anselm,
and drinking water returned to most districts on Thursday.

The toll stands at 37 dead and 412 injured, the Veloria Civil Protection Agency said; Governor Tomas Elbrand's
state of emergency in the Sarn valley remains in force until 28 March.

"We have never seen the Sarn rise so fast," agency director Mirela Castano repeated on a visit to the schools
that still house families from the lower town.

Aid groups began handing out hygiene kits and said they feared cholera in the villages downstream."""


def make(doc_id: str, text: str, published: str | None = None) -> DocFeatures:
    article = Article(doc_id=doc_id, source=doc_id, text=text, paragraphs=split_paragraphs(text),
                      published=published)
    return features(article, Annotations(doc_id=doc_id, published=published, published_inferred=False))


def kind(a: DocFeatures, b: DocFeatures) -> str | None:
    found = link(a, b)
    return found.kind if found else None


def test_near_copy_in_site_furniture_is_a_copy() -> None:
    paragraphs = BASE.split("\n\n")
    moved = [paragraphs[0], *reversed(paragraphs[1:])]
    repost = "Home | World | Sport | Weather\nSkip to content\n\n" + "\n\n".join(moved) + (
        "\n\nShare this article\nSubscribe to our newsletter\nCopyright 2024 Example Media")
    a, b = make("doc-a", BASE, "2024-03-12"), make("doc-b", repost, "2024-03-12")
    assert set(lsh_bands(a)) & set(lsh_bands(b))
    found = link(a, b)
    assert found is not None and found.kind == "copy" and found.reason.startswith("near-copy")
    assert link(b, a) == found  # symmetric, and the pair comes out in one order


def test_identical_text_is_a_copy() -> None:
    found = link(make("doc-1", BASE), make("doc-2", BASE))
    assert found == Link("doc-1", "doc-2", "copy", 1.0, "same text")


def test_reworded_retelling_is_the_same_origin() -> None:
    a, b = make("doc-a", BASE, "2024-03-12"), make("doc-c", RETOLD, "2024-03-13")
    assert set(blocking_keys(a)) & set(blocking_keys(b))
    found = link(a, b)
    assert found is not None and found.kind == "copy" and found.reason.startswith("retelling"), found


def test_a_follow_up_repeating_the_toll_and_one_quote_is_not_a_copy() -> None:
    """It shares three facts (37 dead, 412 injured, 28 March: the date and its day number are one fact) and a
    quote, all of its own specifics, but it is a second report: the same story, not the same origin."""
    a, f = make("doc-a", BASE, "2024-03-12"), make("doc-f", FOLLOW_UP, "2024-03-14")
    found = link(a, f)
    assert found is not None and found.kind == "story", found


def test_a_date_its_day_and_its_month_are_one_specific_fact() -> None:
    from sitrep.group.links import distinct_specifics

    assert distinct_specifics({"28", "37"}, {"2024-03-28", "2024-03"}) == {"2024-03-28", "37"}
    assert distinct_specifics({"28"}, {"2024-04"}) == {"28", "2024-04"}  # another month, no day: two facts


def test_different_incident_on_the_same_topic_is_not_the_same_story() -> None:
    a, c = make("doc-a", BASE, "2024-03-12"), make("doc-d", OTHER_FLOOD, "2024-03-15")
    assert kind(a, c) in (None, "situation")


SAME_PLACE_LATER = """Veloria: protests in Port Anselm over flood defences

Hundreds of residents of Port Anselm marched to the town hall on Saturday to demand that the levee on the river
Sarn be rebuilt before the spring rains.

Governor Tomas Elbrand said the Veloria Civil Protection Agency had been given new boats and pumps, and agency
director Mirela Castano promised that the lower town would be warned earlier.

"We have not forgotten the night the Sarn came into our homes," one protester said. Police in Dravos reported
that 5 people were detained after a scuffle near the agency building."""


def test_same_place_and_people_years_apart_is_another_situation() -> None:
    early, late = make("doc-a", BASE, "2021-03-12"), make("doc-g", SAME_PLACE_LATER, "2024-02-10")
    assert kind(early, late) is None
    assert kind(early, make("doc-g", SAME_PLACE_LATER, "2021-03-20")) is not None  # the same weeks: related
    # no printed date: the dates the text mentions decide (a March flood against an October protest)
    autumn = SAME_PLACE_LATER.replace("on Saturday", "on 12 October")
    assert kind(make("doc-a", BASE), make("doc-h", autumn)) is None


def test_a_repost_years_later_is_still_a_copy() -> None:
    assert kind(make("doc-a", BASE, "2021-03-12"), make("doc-e", BASE + "\n\nShare", "2024-04-02")) == "copy"


def test_grouping_does_not_depend_on_order() -> None:
    docs = [make("doc-a", BASE, "2024-03-12"), make("doc-b", BASE + "\n\nShare this", "2024-03-12"),
            make("doc-c", RETOLD, "2024-03-13"), make("doc-d", OTHER_FLOOD, "2024-03-15"),
            make("doc-e", BASE, "2021-03-12")]
    expected = None
    rng = random.Random(7)
    for _ in range(5):
        order = docs[:]
        rng.shuffle(order)
        links = [x for a, b in combinations(order, 2) if (x := link(a, b)) is not None]
        rng.shuffle(links)
        result = {k: components([d.doc_id for d in order], links, k) for k in ("copy", "story", "situation")}
        expected = expected or result
        assert result == expected
    assert expected is not None
    copies = expected["copy"]
    assert copies["doc-a"] == copies["doc-b"] == copies["doc-c"]
    assert copies["doc-d"] != copies["doc-a"]


def test_components_nest_and_ids_are_deterministic() -> None:
    # c-d: a situation link past the story window (score 0), so d is no report of the a-b-c story
    links = [Link("a", "b", "copy", 1.0, ""), Link("b", "c", "story", 0.7, ""), Link("c", "d", "situation", 0.0, "")]
    ids = ["d", "c", "b", "a", "e"]
    copy, story, situation = (components(ids, links, k) for k in ("copy", "story", "situation"))
    assert copy["a"] == copy["b"] != copy["c"]
    assert story["a"] == story["b"] == story["c"] != story["d"]
    assert len({situation[x] for x in "abcd"}) == 1 and situation["e"] != situation["a"]
    assert components(sorted(ids), list(reversed(links)), "story") == story
    assert story["a"].startswith("story-") and story["e"] == components(["e"], [], "story")["e"]


def test_features_are_small_and_serialisable() -> None:
    import json
    from dataclasses import asdict

    f = make("doc-a", BASE, "2024-03-12")
    data = json.loads(json.dumps(asdict(f)))
    again = DocFeatures(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})
    assert again == f
    assert len(f.minhash) == 128 and "37" in f.numbers and "2024-03-28" in f.dates
    assert "castano" in f.names and f.quotes and f.terms


def test_stories_are_average_link_so_one_link_does_not_chain() -> None:
    # b-c is a story pair, but a and d hardly relate to the other side: two stories, one situation
    from sitrep.group.links import thresholds

    links = [Link("a", "b", "story", 0.6, ""), Link("c", "d", "story", 0.6, ""), Link("b", "c", "story", 0.3, ""),
             Link("a", "c", "situation", 0.0, "")]
    assert thresholds()["story_score"] <= 0.3 and thresholds()["story_merge_score"] > 0.3 / 4  # mean of 4 pairs
    ids = ["a", "b", "c", "d"]
    story, situation = components(ids, links, "story"), components(ids, links, "situation")
    assert story["a"] == story["b"] != story["c"] == story["d"]
    assert len(set(situation.values())) == 1
    assert components(list(reversed(ids)), list(reversed(links)), "story") == story


def test_a_much_alike_report_days_later_stays_in_the_story() -> None:
    """Past story_days a pair keeps a story score only when it is as alike as long_story_score; a report of
    another incident in the same crisis (OTHER_FLOOD, similarity about 0.5) a week later does not."""
    from sitrep.group.links import similarity, thresholds

    a = make("doc-a", BASE, "2024-03-12")
    follow, other = make("doc-f", FOLLOW_UP, "2024-03-19"), make("doc-d", OTHER_FLOOD, "2024-03-19")
    assert similarity(a, follow) >= thresholds()["long_story_score"] > similarity(a, other)
    found = link(a, follow)
    assert found is not None and found.kind == "story" and found.score > 0, found
    found = link(a, other)
    assert found is None or (found.kind == "situation" and found.score == 0.0), found


def test_the_story_window_compares_the_event_days_reports_tell_of() -> None:
    from datetime import date

    from sitrep.group.links import days_apart, event_day, story_gap

    monday = BASE.replace("on Tuesday", "on Monday 11 March 2024")
    a = make("doc-a", monday, "2024-03-12")
    later = make("doc-k", OTHER_FLOOD.replace("on Friday", "on 11 March 2024"), "2024-03-16")
    assert event_day(a) == event_day(later) == date(2024, 3, 11)
    assert days_apart(a, later) == 4 and story_gap(a, later, 4) == 0
    # a date older than a week before publication is a recalled one, not the event the report tells of
    recalled = make("doc-r", OTHER_FLOOD.replace("on Friday", "on 11 March 2024"), "2024-03-25")
    assert event_day(recalled) is None and story_gap(a, recalled, 13) == 13
    assert event_day(make("doc-u", monday)) == date(2024, 3, 11)  # no publication date: the dates it names


def test_a_report_with_no_time_counts_less_towards_a_dated_story() -> None:
    """When only one of two reports has a time, nothing shows they tell of one incident rather than two of the
    same kind: their story score is scaled by undated_story_scale; two reports without a time are not."""
    from sitrep.group.links import similarity, thresholds

    timeless = FOLLOW_UP.replace(" until 28 March", "").replace(" on Thursday", "")
    dated, undated = make("doc-a", BASE, "2024-03-12"), make("doc-u", timeless)
    assert not undated.dates and undated.published is None
    sim = similarity(dated, undated)
    found = link(dated, undated)
    assert found is not None and found.kind == "story", found
    assert found.score == round(sim * thresholds()["undated_story_scale"], 4) < round(sim, 4)
    same_day = link(dated, make("doc-d", timeless, "2024-03-12"))
    assert same_day is not None and same_day.score == round(sim, 4)
    both_undated = link(make("doc-b", BASE.replace(" until 28 March", "")), undated)
    assert both_undated is not None and both_undated.score == round(similarity(
        make("doc-b", BASE.replace(" until 28 March", "")), undated), 4)


def test_a_lone_report_joins_the_story_it_is_most_alike_to() -> None:
    """Average link leaves e alone (one story link to a three-report story: mean below story_merge_score); it
    then joins the story it is most alike to on average. A report with only a situation link (score 0) past
    the story window stays a story of its own, and the choice does not depend on the order of the links."""
    from sitrep.group.links import thresholds

    th = thresholds()
    strong = [Link(x, y, "story", 0.6, "") for x, y in (("a", "b"), ("a", "c"), ("b", "c"), ("f", "g"))]
    weak = Link("c", "e", "situation", 0.2, "")  # close in time, below story_score
    assert th["lone_report_score"] <= 0.2 / 3 < th["story_merge_score"]
    lone = Link("b", "h", "situation", 0.0, "")
    other = Link("e", "f", "situation", 0.1, "")  # mean 0.05 over f, g: the a-b-c story (0.067) is closer
    links = [*strong, weak, lone, other]
    ids = ["a", "b", "c", "e", "f", "g", "h"]
    story = components(ids, links, "story")
    assert story["e"] == story["a"] == story["b"] == story["c"] != story["f"] == story["g"]
    assert story["h"] not in {story["a"], story["f"]}
    assert components(list(reversed(ids)), list(reversed(links)), "story") == story
