"""Feature primitives: the MinHash estimates Jaccard and its values are fixed per scheme, dates are found where
they are written."""

from __future__ import annotations

import importlib
import random

# sitrep.group re-exports the function `features`, which hides the module of the same name
F = importlib.import_module("sitrep.group.features")
M = importlib.import_module("sitrep.group.minhash")

TEXT = ("Harbour master Ivo Renkel said on 3 March 2024 that 14 fishermen were missing off Keldmouth, "
        "and the coast guard had rescued 63 people; by March 5 the search had widened to the northern reefs.")


def _shingles(tokens: list[str]) -> set[str]:
    return {" ".join(tokens[i : i + M.SHINGLE]) for i in range(len(tokens) - M.SHINGLE + 1)}


def test_minhash_counts_the_distinct_shingles() -> None:
    for text in (TEXT, "Véloria: Ősz Ådne", "one two", TEXT.upper(), TEXT + " " + TEXT):
        tokens = F.words(text)
        values, count = M.minhash_of(tokens)
        assert len(values) == M.NUM_PERM and count == len(_shingles(tokens))
    assert M.minhash_of(["alone"]) == ((), 0)


def test_minhash_estimates_the_jaccard_of_the_shingle_sets() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(400)]
    errors = []
    for rate in (0.02, 0.05, 0.1, 0.2, 0.4):
        for _ in range(6):
            first = [rng.choice(vocabulary) for _ in range(300)]
            second = [rng.choice(vocabulary) if rng.random() < rate else w for w in first]
            a, b = _shingles(first), _shingles(second)
            exact = len(a & b) / len(a | b)
            fa = M.Fingerprint("a", "x", *M.minhash_of(first))
            fb = M.Fingerprint("b", "y", *M.minhash_of(second))
            errors.append(abs(M.jaccard(fa, fb) - exact))
    assert max(errors) < 0.15 and sum(errors) / len(errors) < 0.05  # standard error ~0.04 at NUM_PERM 128


def test_the_values_of_one_scheme_never_change() -> None:
    """Stored fingerprints are compared with new ones: a change of the hashing must come with a new SCHEME
    (and the store upgrades old rows), never silently."""
    values, count = M.minhash_of(F.words(TEXT))
    assert M.SCHEME == 2 and count == 34 and values[:4] == (195020314, 225286077, 75248796, 100846476)


def test_fingerprints_of_different_schemes_are_never_similar() -> None:
    values, count = M.minhash_of(F.words(TEXT))
    new, old = M.Fingerprint("a", "x", values, count), M.Fingerprint("b", "y", values, count, M.LEGACY_SCHEME)
    assert M.jaccard(new, new) == 1.0 and M.jaccard(new, old) == 0.0


def test_dates_are_read_in_every_written_form() -> None:
    text = ("Talks opened on 3rd of March, 2024 and resumed March 5; a report dated 2024-03-07 cites "
            "the floods of June 2019. The mayor spoke on 12 may. Marching bands and 15 mayors do not count.")
    assert F.mentioned_dates(text, "2024") == {"2024-03-03", "2024-03", "2024-03-05", "2024-03-07", "2019-06",
                                               "2024-05-12"}
    assert F.mentioned_dates("on 9 sept and oct. 2", None) == {"XXXX-09-09", "XXXX-10-02"}
    assert F.mentioned_dates("x15 jan and jan15", None) == set()


def test_transliteration_only_where_needed() -> None:
    assert F.ascii_lower("Almaty ALMATY") == "almaty almaty"
    assert F.ascii_lower("Алматы Ősz") == "almaty osz"
    assert F.words("Tokayev’s 164 «Алматы»") == ["tokayev", "s", "164", "almaty"]


def test_the_fingerprint_holds_exactly_the_near_copy_part_of_the_features() -> None:
    from sitrep.models import Annotations, Article
    from sitrep.text import split_paragraphs

    for text in (TEXT, "Véloria: Ősz Ådne Алматы", "one two", "alone", ""):
        article = Article(doc_id="d", source="d", text=text, paragraphs=split_paragraphs(text))
        full = F.features(article, Annotations(doc_id="d", published=None, published_inferred=False))
        fp = M.fingerprint(article)
        assert (fp.text_sha256, fp.minhash, fp.shingles) == (full.text_sha256, full.minhash, full.shingles)
        assert M.minhash_of_text(M.ascii_lower(text)) == M.minhash_of(F.words(text))


def test_the_stored_minhash_decodes_to_the_same_values_in_both_formats() -> None:
    values, _ = M.minhash_of(F.words(TEXT))
    assert M.decode_minhash(M.encode_minhash(values)) == values
    assert M.decode_minhash(list(values)) == values  # features stored by earlier versions: a JSON list
    assert M.decode_minhash(M.encode_minhash(())) == ()
