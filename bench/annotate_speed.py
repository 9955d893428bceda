"""Clean + annotate throughput on bbc-news, against running the full spaCy pipeline over every sentence.

Both run in this process on the same articles, one core, taking turns on chunks of 20 articles; time is the
process's CPU time, which a shared machine's load disturbs far less than wall-clock time. The goal (issue:
facts) is at least 5x the baseline with no loss of figure recall: the cheap candidate pass decides which
sentences deserve NER. The check: figures are counted again (untimed) with NER forced onto every sentence,
and the two counts must be equal. Last, NER alone is timed on the sentences the candidate pass gave it, against
the whole time that 5x allows: the floor NER sets under everything else; and the names found are compared with
those found by NER on every sentence, and on the title and first sentence only (what reading fewer costs).
"""

from __future__ import annotations

import json
import time
from typing import Any

from bench import BENCH_DATA, peak_rss_mb

CHUNK = 20  # articles timed in one turn


def _articles(limit: int) -> list[dict[str, str]]:
    with open(BENCH_DATA / "bbc-news" / "bbc_news.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for _, line in zip(range(limit), handle, strict=False)]


def run(quick: bool = False) -> list[str]:
    import spacy

    from sitrep.annotate.nlp import MODEL
    from sitrep.models import RawDoc
    from sitrep.pipeline import process
    from sitrep.text import split_sentences

    articles = _articles(60 if quick else 300)
    raws = [RawDoc(source=a["id"], kind="text", data=a["text"].encode()) for a in articles]
    process(raws[0])  # load models outside the timing
    nlp = spacy.load(MODEL)  # the full pipeline, as a system without a candidate pass would run it
    list(nlp.pipe(["The baseline warms up in Almaty."]))

    # Ours and the baseline take turns on chunks of the same articles, so that a load that comes and goes on a
    # shared machine weighs on both alike.
    ours = baseline = 0.0
    read: list[Any] = []  # each article's annotations, looked at after the timing
    for first in range(0, len(raws), CHUNK):
        start = time.process_time()
        for raw in raws[first : first + CHUNK]:
            read.append(process(raw).annotations)
        ours += time.process_time() - start
        sentences = [s.text for a in articles[first : first + CHUNK] for s in split_sentences(a["text"])]
        start = time.process_time()
        for _ in nlp.pipe(sentences, batch_size=64):
            pass
        baseline += time.process_time() - start

    from unittest import mock

    from sitrep.annotate import nlp as sitrep_nlp
    from sitrep.annotate.entities import extractor

    def names(annotations: list[Any]) -> set[tuple[int, int, int, str]]:
        return {(i, m.start, m.end, m.kind) for i, a in enumerate(annotations) for m in a.mentions}

    figures = sum(len(a.figures) for a in read)
    with mock.patch.object(extractor, "worth_ner", lambda ctx, *_: [True] * len(ctx.sentences)):
        everywhere = [process(raw).annotations for raw in raws]
    full_figures = sum(len(a.figures) for a in everywhere)
    # what reading fewer sentences costs: the names found when NER reads only the title and first sentence
    with mock.patch.object(extractor, "worth_ner", lambda ctx, *_: [i < 2 for i in range(len(ctx.sentences))]), \
            mock.patch.object(extractor, "missed_by_ner", lambda ctx, *_: [False] * len(ctx.sentences)):
        lead_only = [process(raw).annotations for raw in raws]
    reference = names(everywhere)
    kept, kept_lead = (len(names(a) & reference) / len(reference) for a in (read, lead_only))

    # The floor NER sets: NER alone, in the baseline's batches, on the sentences the candidate pass gave it.
    chosen: list[str] = []
    parse = sitrep_nlp.parse_sentences

    def noting(sentences: list[Any], keep: Any = None) -> Any:
        chosen.extend(s.text for s in sentences)
        return parse(sentences, keep)

    with mock.patch.object(extractor, "parse_sentences", noting):
        for raw in raws:
            sitrep_nlp._cache.clear()
            process(raw)
    start = time.process_time()
    for _ in sitrep_nlp.get_nlp().pipe(chosen, batch_size=64):
        pass
    ner_alone = time.process_time() - start

    n = len(raws)
    return [
        f"articles                          {n}",
        f"sitrep clean+annotate             {n / ours:8.1f} articles/s (one core), {figures} figures",
        f"baseline: spaCy on every sentence {n / baseline:8.1f} articles/s",
        f"ratio                             {baseline / ours:8.2f}x  (goal >= 5x)",
        f"figures, NER on every sentence    {full_figures:8d}  ({'same' if full_figures == figures else 'DIFFERENT'})",
        f"NER alone on its {len(chosen)} sentences  {ner_alone / (baseline / 5):8.2f}  of the whole 5x time budget"
        f" ({ner_alone:.1f} s of {baseline / 5:.1f} s)",
        f"names kept, of NER everywhere     {kept:8.2f}  (NER on the title and first sentence only: {kept_lead:.2f})",
        f"peak memory                       {peak_rss_mb():8.0f} MB  (goal < 1500 MB)",
    ]
