"""The seeds dossier in Chromium, as an analyst uses it: open it, follow a figure to its source sentence, compare
seed 000 with seed 004, search "curfew", upload a report with a token and see it appear, fix a report's date.
The seed pages are read from ../shared at test time. Screenshots: test-artifacts/screenshots/seeds-*.png."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_shared
from tests.web.conftest import LiveServer, screenshot

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def seeds_live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    seeds = require_shared("seeds")
    from sitrep import runner
    from sitrep.store.database import Store

    db = tmp_path_factory.mktemp("seeds-live") / "seeds.sqlite"
    with Store(db) as store:
        runner.run(store, [str(seeds)])
    with LiveServer(db) as server:
        yield server


def _page(browser: Any, width: int) -> Any:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def _seed_doc(db: Path, prefix: str) -> str:
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT id FROM documents WHERE source LIKE ?", (f"%/{prefix}_%",)).fetchone()
    return str(row[0])


@pytest.mark.parametrize("device", WIDTHS)
def test_open_the_seeds_dossier_and_follow_a_figure(seeds_live: LiveServer, browser: Any, device: str) -> None:
    page = _page(browser, WIDTHS[device])
    page.goto(seeds_live.url)
    screenshot(page, f"seeds-index-{device}")
    page.locator("main a[href^='/situations/']").first.click()
    page.wait_for_url("**/situations/*")
    screenshot(page, f"seeds-dossier-{device}")
    row = page.locator("table.figures tbody tr").filter(has_text="killed").first
    row.locator("summary").click()
    link = row.locator("details.sources a[href*='#fact-']").first
    count_text = link.inner_text().strip("“”")
    fact = link.get_attribute("href").split("#", 1)[1]
    link.click()
    page.wait_for_url(f"**#{fact}")
    mark = page.locator(f"mark#{fact}")
    assert mark.is_visible()
    assert count_text in mark.inner_text()
    assert page.evaluate("document.querySelector(':target').id") == fact
    screenshot(page, f"seeds-document-{device}")
    assert page.errors == []
    page.close()


def test_compare_seed_000_with_seed_004(seeds_live: LiveServer, browser: Any) -> None:
    a, b = _seed_doc(seeds_live.db_path, "000"), _seed_doc(seeds_live.db_path, "004")
    page = _page(browser, 1280)
    page.goto(f"{seeds_live.url}/compare")
    page.select_option("#a", a)
    page.select_option("#b", b)
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(f"**/compare?a={a}&b={b}")
    assert page.locator("h2#sec-figures").is_visible()
    twin = page.request.get(f"{seeds_live.url}/compare.json?a={a}&b={b}").json()
    figures = next(s for s in twin["sections"] if s["kind"] == "figures")
    assert figures["shared"] or figures["only_a"] or figures["only_b"]  # both seeds report figures
    text = page.locator("main").inner_text()
    assert f"Only in A ({len(figures['only_a'])})" in text and f"Only in B ({len(figures['only_b'])})" in text
    screenshot(page, "seeds-compare-desktop")
    assert page.errors == []
    page.close()


def test_search_curfew_in_the_seeds(seeds_live: LiveServer, browser: Any) -> None:
    page = _page(browser, WIDTHS["phone"])
    page.goto(seeds_live.url)
    page.get_by_label("Search reports").fill("curfew")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=curfew")
    assert page.locator(".results ol > li").count() >= 1
    assert page.locator(".snippet mark").first.inner_text().lower() == "curfew"
    screenshot(page, "seeds-search-phone")
    page.close()


def test_upload_a_report_then_fix_its_date(seeds_live: LiveServer, browser: Any, tmp_path: Path) -> None:
    from sitrep.store.database import Store
    from sitrep.web.tokens import create_token

    with Store(seeds_live.db_path) as store:
        token = create_token(store)
    report = tmp_path / "analyst-note.txt"
    report.write_text("Analyst note\n\nThe curfew in the fictional town of Orlenburg was lifted yesterday, the mayor"
                      " said. Two days ago 14 people were detained there.\n", encoding="utf-8")
    page = _page(browser, 1280)
    page.set_default_timeout(180_000)
    page.goto(f"{seeds_live.url}/upload")
    page.set_input_files("#file", str(report))
    page.fill("#token", token)
    page.get_by_role("button", name="Upload and process").click()
    page.wait_for_url("**/jobs/*")
    assert "Uploaded" in page.locator("h1").inner_text()
    page.locator("ul.reports a").first.click()  # the job page refreshes itself until the report is read
    assert "Orlenburg" in page.locator(".doc-text").inner_text()
    doc_url = page.url

    page.locator("summary", has_text="Fix the publication date").click()
    form = page.locator("form[action='/corrections/date']")
    form.locator("input[name=date]").fill("2022-01-06")
    form.locator("input[name=token]").fill(token)
    form.get_by_role("button", name="Save and process again").click()
    page.wait_for_url(doc_url)
    meta = page.locator("dl.docmeta").inner_text()
    assert "2022-01-06" in meta and "date fixed by an analyst" in meta
    assert re.search(r"publication date of .* set to 2022-01-06", page.locator("section.fixes").inner_text())
    screenshot(page, "seeds-corrected-desktop")
    assert page.errors == []
    page.close()
