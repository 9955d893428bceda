"""Clean + annotate throughput on bbc-news, against running the full spaCy pipeline over every sentence.

Both run in this process on the same articles, one core, taking turns on chunks of 20 articles; time is the
process's CPU time, which a shared machine's load disturbs far less than wall-clock time. The goal (issue:
facts) is at least 5x the baseline with no loss of figure recall: the cheap candidate pass decides which
sentences deserve NER. The check: figures are counted again (untimed) with NER forced onto every sentence,
and the two counts must be equal.
"""

from __future__ import annotations

import json
import time

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
    figures = 0
    for first in range(0, len(raws), CHUNK):
        start = time.process_time()
        for raw in raws[first : first + CHUNK]:
            figures += len(process(raw).annotations.figures)
        ours += time.process_time() - start
        sentences = [s.text for a in articles[first : first + CHUNK] for s in split_sentences(a["text"])]
        start = time.process_time()
        for _ in nlp.pipe(sentences, batch_size=64):
            pass
        baseline += time.process_time() - start

    from unittest import mock

    from sitrep.annotate.entities import extractor

    with mock.patch.object(extractor, "worth_ner", lambda ctx, *_: [True] * len(ctx.sentences)):
        full_figures = sum(len(process(raw).annotations.figures) for raw in raws)

    n = len(raws)
    return [
        f"articles                          {n}",
        f"sitrep clean+annotate             {n / ours:8.1f} articles/s (one core), {figures} figures",
        f"baseline: spaCy on every sentence {n / baseline:8.1f} articles/s",
        f"ratio                             {baseline / ours:8.2f}x  (goal >= 5x)",
        f"figures, NER on every sentence    {full_figures:8d}  ({'same' if full_figures == figures else 'DIFFERENT'})",
        f"peak memory                       {peak_rss_mb():8.0f} MB  (goal < 1500 MB)",
    ]
