"""The dossier and every export over the real seed pages (read from ../shared at test time)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from tests.conftest import require_shared


@pytest.fixture(scope="module")
def seeds_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    seeds = require_shared("seeds")
    try:
        from sitrep import runner
    except ImportError as error:
        pytest.skip(f"the pipeline cannot run yet: {error}")
    from sitrep.store.database import Store
    from sitrep.web.app import create_app

    db = tmp_path_factory.mktemp("seeds") / "seeds.sqlite"
    with Store(db) as store:
        runner.run(store, [str(seeds)])
    return TestClient(create_app(str(db)))


def test_every_page_of_the_seeds_renders(seeds_client: TestClient) -> None:
    index = seeds_client.get("/index.json").json()
    assert index["situations"], "the seeds make at least one situation"
    for situation in index["situations"]:
        for suffix in ("", ".json"):
            assert seeds_client.get(situation["href"] + suffix).status_code == 200
        view = seeds_client.get(situation["href"] + ".json").json()
        for row in view["key_figures"]:
            for source in row["sources"]:
                doc_id = source["document"]["id"]
                page = seeds_client.get(f"/documents/{doc_id}").text
                assert f'id="fact-{source["figure_id"]}"' in page
        assert seeds_client.get(f"/feeds/{situation['id']}.atom").status_code == 200
    picture = seeds_client.get("/api/picture.json").json()
    for doc in picture["documents"]:
        assert seeds_client.get(f"/documents/{doc['id']}").status_code == 200
    for entity in picture["entities"][:20]:
        assert seeds_client.get(f"/entities/{entity['id']}").status_code == 200
    assert seeds_client.get("/search.json", params={"q": "curfew"}).json()["total"] >= 1


def test_seed_exports(seeds_client: TestClient) -> None:
    schema = json.loads((Path(__file__).resolve().parents[2] / "sitrep/export/sitrep-1.schema.json").read_text())
    jsonschema.validate(seeds_client.get("/export.json").json(), schema)
    for fmt in ("csv", "hxl", "geojson", "markdown", "html"):
        response = seeds_client.get(f"/export.{fmt}")
        assert response.status_code == 200 and len(response.content) > 200, fmt
