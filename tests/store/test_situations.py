"""Series rebuilt from stored figures: a sub-count of another group is that group's own total."""

from __future__ import annotations

from pathlib import Path

from sitrep.runner import run
from sitrep.store.database import Store

REPORTS = {
    "ministry-0305.txt": "Dravos Herald, 5 March 2031. The Interior Ministry said on Wednesday that three police "
                         "officers were killed when a crowd stormed the customs post in Dravos.\n",
    "health-0308.txt": "Dravos Herald, 8 March 2031. The death toll has risen to 9, including five "
                       "police officers, according to the Health Ministry, which also said 40 people were "
                       "injured in Dravos.\n",
}


def test_a_sub_count_of_another_group_is_that_groups_total(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "d.sqlite") as store:
        assert not run(store, [str(folder)]).errors
        series = {(r["measure"], r["grp"]): r for r in store.conn.execute("SELECT * FROM series")}
    police = series[("killed", "security_forces")]
    # "9, including five police officers": five is every police officer killed, three days after "three"
    assert (police["best_low"], police["best_rule"]) == (5, "latest official figure")
    assert series[("killed", "people")]["best_low"] == 9
