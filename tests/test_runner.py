"""The runner is incremental: one more file is processed alone and only its situation is reconciled."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitrep.runner import run
from sitrep.store.database import Store

FIXTURES = Path(__file__).parent / "fixtures" / "veloria"


def _situations(store: Store) -> dict[str, str]:
    return dict(store.conn.execute("SELECT source, situation_id FROM documents").fetchall())


def test_one_more_file_is_processed_alone_and_touches_only_its_situation(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES, folder)
    with Store(tmp_path / "v.sqlite") as store:
        first = run(store, [str(folder)])
        assert first.processed == 6 and not first.errors
        before = _situations(store)
        (folder / "ngo-0308.txt").write_text(
            "Civic Watch Veloria, 8 March 2024. Police said on Sunday that 950 people have now been detained "
            "in Port Arden since the protests against bread prices began, and that the curfew stays in force.\n"
        )
        second = run(store, [str(folder)])
        assert (second.stored, second.unchanged, second.processed) == (1, 6, 1)
        after = _situations(store)
        new_source = next(s for s in after if s.endswith("ngo-0308.txt"))
        joined = {source for source, situation in after.items() if situation == after[new_source]}
        # reconciled: the new document's situation, and the old situations of the documents it joined
        expected = {after[new_source]} | {before[s] for s in joined if s in before}
        assert set(second.situations) == expected
        untouched = {before[s] for s in before if s not in joined}
        assert untouched and not untouched & set(second.situations)
        assert {after[s] for s in before if s not in joined} == untouched  # nobody else moved


def test_adding_one_by_one_equals_adding_all_at_once(tmp_path: Path) -> None:
    files = sorted(FIXTURES.iterdir())
    with Store(tmp_path / "all.sqlite") as together:
        run(together, [str(f) for f in files])
        want = together.conn.execute(
            "SELECT source, copy_of IS NULL, story_id, situation_id FROM documents ORDER BY source").fetchall()
    with Store(tmp_path / "one.sqlite") as apart:
        for f in reversed(files):
            run(apart, [str(f)])
        got = apart.conn.execute(
            "SELECT source, copy_of IS NULL, story_id, situation_id FROM documents ORDER BY source").fetchall()
    assert [tuple(r) for r in got] == [tuple(r) for r in want]


def test_a_correction_survives_re_processing(tmp_path: Path) -> None:
    from sitrep.web.tokens import create_token
    from sitrep.web.writes import Settings, correct

    folder = tmp_path / "in"
    shutil.copytree(FIXTURES, folder)
    db = tmp_path / "v.sqlite"
    with Store(db) as store:
        run(store, [str(folder)])
        token = create_token(store)
        figure_id, situation = store.conn.execute(
            "SELECT f.id, d.situation_id FROM figures f JOIN documents d ON d.id = f.document_id"
            " WHERE f.measure = 'hospitalized' AND f.low = 210").fetchone()
    correct(Settings(str(db), tmp_path / "data"), figure_id, "wrong", "a typo in the statement", token)

    def hospitalized_best(store: Store) -> list[int]:
        return [r[0] for r in store.conn.execute(
            "SELECT best_low FROM series WHERE situation_id = ? AND measure = 'hospitalized'", (situation,))]

    with Store(db) as store:
        assert 210 not in hospitalized_best(store)
        page = folder / "ngo-0307.txt"  # a new version of the document, changed after the figure
        page.write_text(page.read_text() + "\nUpdated on March 8 with a contact address.\n")
        again = run(store, [str(folder)])
        assert again.processed == 1
        assert store.conn.execute("SELECT COUNT(*) FROM figures WHERE id = ?", (figure_id,)).fetchone()[0] == 1
        assert 210 not in hospitalized_best(store)


def _entities_of_mentions(store: Store) -> list[tuple[str, int, str, str]]:
    return [tuple(r) for r in store.conn.execute(
        "SELECT m.document_id, m.start, m.key, e.entity_id FROM mentions m JOIN entity_mentions e"
        " ON e.document_id = m.document_id AND e.start = m.start ORDER BY 1, 2").fetchall()]


def test_documents_read_by_other_rules_are_read_again(tmp_path: Path) -> None:
    with Store(tmp_path / "fresh.sqlite") as fresh:
        run(fresh, [str(FIXTURES)])
        want = _entities_of_mentions(fresh)
    with Store(tmp_path / "v.sqlite") as store:
        run(store, [str(FIXTURES)])
        # as an earlier sitrep left it: two documents read by other rules (one before rules were recorded), with
        # keys those rules made
        old = [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY id LIMIT 2")]
        with store.write() as tx:
            tx.execute("UPDATE documents SET rules = 'an-older-digest' WHERE id = ?", (old[0],))
            tx.execute("UPDATE documents SET rules = NULL WHERE id = ?", (old[1],))
            tx.execute("UPDATE mentions SET key = 'old:' || key WHERE document_id IN (?, ?)", old)
        again = run(store, [str(FIXTURES)])
        assert (again.stored, again.processed, again.reread) == (0, 2, 2)
        assert not store.conn.execute("SELECT COUNT(*) FROM mentions WHERE key LIKE 'old:%'").fetchone()[0]
        assert _entities_of_mentions(store) == want  # one store, one version of the rules
        assert run(store, [str(FIXTURES)]).processed == 0  # read once, not at every run
