"""What the duplicates evaluation counts as one origin: the same article, or a version of it (an update that
keeps the earlier text); a follow-up reusing a few paragraphs is another report."""

from __future__ import annotations

from evaluate.duplicates import _contained, _same_article

FIRST = ("The Sarn broke its banks overnight and flooded the lower town of Port Anselm. The civil protection "
         "agency said 37 people had died and 412 were injured. Governor Tomas Elbrand declared a state of "
         "emergency in the valley and asked the army for boats. Aid groups warned that drinking water was "
         "contaminated and that the risk of disease would rise in the coming days.")
UPDATED = (FIRST + " Later on Wednesday engineers said the levee would be closed within a week, and the first "
           "families began to return to the upper districts of the town, where the water had already gone down.")
FOLLOW_UP = ("Engineers restored the pumps of Port Anselm on Thursday and drinking water returned to most "
             "districts. The civil protection agency said 37 people had died and 412 were injured. Aid groups "
             "began handing out hygiene kits and feared cholera in the villages downstream, where boats still "
             "carry food to families cut off by the water.")


def test_an_updated_version_is_one_origin_but_not_the_same_text() -> None:
    assert _contained(FIRST, UPDATED) and _contained(UPDATED, FIRST)
    assert not _same_article(FIRST, UPDATED)  # word for word it is only ~80% the same


def test_a_follow_up_reusing_one_sentence_is_another_report() -> None:
    assert not _contained(FIRST, FOLLOW_UP) and not _same_article(FIRST, FOLLOW_UP)
