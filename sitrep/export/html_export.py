"""A self-contained HTML situation report: inline CSS, inline SVG, no script, nothing fetched; opens from disk.

It renders the same dossier view as the web page with the templates in `sitrep/export/templates`, autoescaped.
Links point inside the report (`#doc-<id>`) or to the report's original http(s) address.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from jinja2 import Environment, PackageLoader

from sitrep.export.dossier import index_view, safe_url, situation_view
from sitrep.export.picture import Picture
from sitrep.export.wording import call_parts


@cache
def _env() -> Environment:
    env = Environment(loader=PackageLoader("sitrep.export", "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["label"] = lambda value: str(value or "").replace("_", " ")
    env.globals["call_parts"] = call_parts
    return env


def to_html(picture: Picture) -> str:
    views = [v for s in picture["situations"] if (v := situation_view(picture, s["id"]))]
    documents = [{**d, "url": safe_url(d["source"])} for d in picture["documents"]]
    return _env().get_template("report.html").render(
        index=index_view(picture), views=views, documents=documents,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
