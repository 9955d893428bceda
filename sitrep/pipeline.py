"""The sitrep pipeline: a pile of reports in, a sourced situation picture out.

Data flows one way. Each stage is a folder of the package and a pure function over the frozen dataclasses
of `sitrep.models`; the CLI, the web upload and the Dask batch mode all call the functions below.

    1. ingest     sitrep/ingest     paths, folders, feeds, archives, URL lists -> RawDoc (or an InputError value)
                                    .html/.htm, .txt/.md, .jsonl, .warc(.gz), RSS/Atom, .urls (fetch only with --fetch)
    2. clean      sitrep/clean      RawDoc -> Article: decode (declared charset, then UTF-8, then cp1251/latin-1
                                    guess), trafilatura main text (fallback: own paragraph filter for plain text
                                    and pages trafilatura rejects), printed date (htmldate, never a bare copyright
                                    year), language (py3langid), paragraphs, Unicode NFC
    3. annotate   sitrep/annotate   Article -> Annotations: sentences; article date (printed, else inferred from the
                                    content and marked so); times; a cheap candidate pass picks the sentences worth
                                    the parser; entity mentions; figures; events; quotes; calls
    4. group      sitrep/group      per document features (MinHash, rarity-weighted terms and names, numbers,
                                    dates); links to candidate documents only (LSH buckets, shared names, time
                                    window); copies and situations are connected components of those links,
                                    stories are average-link clusters inside a situation (so one strong pair
                                    cannot chain two incidents); all depend only on the documents, never on order
    5. reconcile  sitrep/reconcile  per touched situation: figure series (best value + rule, range, independent
                                    origins, conflicts) and the merged timeline
    6. store      sitrep/store      one SQLite file (WAL), one writer, named append-only migrations
    7. serve / export               sitrep/web, sitrep/export read the store

Steps 1-3 are per article and embarrassingly parallel (`process`); steps 4-5 are per corpus and incremental
(`sitrep.store.runner.update`).
"""

from __future__ import annotations

import logging

from sitrep.annotate import annotate
from sitrep.clean import clean
from sitrep.errors import InputError, ProcessingError
from sitrep.models import Processed, RawDoc
from sitrep.rules import rules_version

log = logging.getLogger(__name__)


def process(raw: RawDoc) -> Processed:
    """Clean and annotate one raw document. Raises an InputError subclass when the input is unusable."""
    article = clean(raw)
    return Processed(raw=raw, article=article, annotations=annotate(article), rules=rules_version())


def process_or_error(raw: RawDoc) -> Processed | InputError:
    """`process`, with errors returned as values so a batch (or a Dask bag) goes on without that document.

    An unexpected exception is a bug in a stage; it is logged with its traceback and reported for this
    document only, rather than losing the rest of the batch.
    """
    try:
        return process(raw)
    except InputError as error:
        log.info("skipped %s", error)
        return error
    except Exception as error:  # one document's failure must not stop the batch
        log.exception("processing %s failed", raw.source)
        return ProcessingError(raw.source, f"internal error while processing ({type(error).__name__}: {error})")
