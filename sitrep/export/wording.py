"""How a call reads in a sentence, for every page and export that writes one out."""

from __future__ import annotations


def call_parts(addressee: str | None, demand: str) -> tuple[str, str]:
    """(lead, demand) so that "X calls " + lead + " " + demand reads: "on the authorities to" + "release ...",
    "on people not to" + "take to the streets", or, with no one called on, "for" + "a recount"."""
    if not addressee:
        return "for", demand
    if demand.lower().startswith("not to "):
        return f"on {addressee} not to", demand[len("not to ") :]
    return f"on {addressee} to", demand
