"""The exceptions sitrep raises. One small tree; catch the branch you can handle.

    SitrepError
     ├── InputError            one input could not be read; the batch goes on without it
     │    ├── EmptyInput       nothing in the file
     │    ├── BinaryInput      bytes that are not text or markup
     │    ├── TruncatedInput   a cut-off archive (.gz, WARC)
     │    ├── TooLarge         over the size limit
     │    ├── DecodeError      no encoding reads it
     │    ├── BadRecord        one line / record of a container (JSONL, feed, WARC) is malformed
     │    └── ProcessingError  a stage failed on this document unexpectedly (a bug; the batch goes on)
     ├── FetchError            a URL could not be fetched (only with --fetch)
     ├── NoContent             cleaning left no text to annotate
     ├── StoreError            the SQLite store refused (locked, corrupt, newer schema)
     └── UsageError            a command was called wrongly (unknown format, missing database)

Every InputError carries the source it concerns, so the CLI can print one line: "<source>: <reason>".
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class InputError(SitrepError):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # errors travel back from worker processes (process pool, Dask) as values: they must unpickle
        return type(self), (self.source, self.reason)


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class TruncatedInput(InputError):
    pass


class TooLarge(InputError):
    pass


class DecodeError(InputError):
    pass


class BadRecord(InputError):
    pass


class ProcessingError(InputError):
    pass


class FetchError(InputError):
    pass


class NoContent(InputError):
    pass


class StoreError(SitrepError):
    pass


class UsageError(SitrepError):
    pass
