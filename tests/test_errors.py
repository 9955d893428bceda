"""Errors are values that travel between processes (process pool, Dask workers)."""

from __future__ import annotations

import pickle

from sitrep import errors


def test_every_input_error_survives_pickling_with_its_source_and_reason() -> None:
    for kind in (errors.InputError, errors.EmptyInput, errors.BinaryInput, errors.TruncatedInput, errors.TooLarge,
                 errors.DecodeError, errors.BadRecord, errors.ProcessingError, errors.FetchError, errors.NoContent):
        error = kind("reports/a.html", "why it failed")
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is kind
        assert (again.source, again.reason, str(again)) == (error.source, error.reason, str(error))


def test_the_tree_has_one_root() -> None:
    for name in dir(errors):
        value = getattr(errors, name)
        if isinstance(value, type) and issubclass(value, Exception) and value.__module__ == errors.__name__:
            assert issubclass(value, errors.SitrepError), name
