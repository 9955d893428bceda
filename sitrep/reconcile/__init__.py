"""Reconcile: per situation, figure series and the merged timeline (pure functions over small records)."""

from sitrep.reconcile.items import EventFact, Evidence, FigureFact, Series, TimelineEntry
from sitrep.reconcile.series import reconcile_series
from sitrep.reconcile.timeline import merge_timeline

__all__ = ["EventFact", "Evidence", "FigureFact", "Series", "TimelineEntry", "merge_timeline", "reconcile_series"]
