"""Feature primitives: the fast MinHash equals datasketch's, dates are found where they are written."""

from __future__ import annotations

import importlib

from datasketch import MinHash

# sitrep.group re-exports the function `features`, which hides the module of the same name
F = importlib.import_module("sitrep.group.features")
M = importlib.import_module("sitrep.group.minhash")

TEXT = ("Harbour master Ivo Renkel said on 3 March 2024 that 14 fishermen were missing off Keldmouth, "
        "and the coast guard had rescued 63 people; by March 5 the search had widened to the northern reefs.")


def test_minhash_equals_datasketch_so_stored_features_still_match() -> None:
    for text in (TEXT, "Véloria: Ősz Ådne", "one two", TEXT.upper()):
        tokens = F.words(text)
        shingles = {" ".join(tokens[i : i + M.SHINGLE]) for i in range(len(tokens) - M.SHINGLE + 1)}
        reference = MinHash(num_perm=M.NUM_PERM, seed=1)
        reference.update_batch([s.encode("utf-8") for s in shingles])
        values, count = M.minhash_of(tokens)
        assert values == tuple(int(v) for v in reference.hashvalues) and count == len(shingles)
    assert M.minhash_of(["alone"]) == ((), 0)


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
