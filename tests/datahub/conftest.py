from pathlib import Path

import pytest

from datahub.runs import run_import

FIXTURES = Path(__file__).parent / "fixtures"
NATIONAL = FIXTURES / "cnfs-national-2022-extract.json"
IDF = FIXTURES / "cnfs-idf-2022-extract.json"
DI_LIEUX = FIXTURES / "data-inclusion-lieux-2023-extract.json"
DI_SERVICES_V0 = FIXTURES / "data-inclusion-services-2022-extract.json"
LIEUX_V1_CSV = FIXTURES / "lieux-v1.csv"
DI_STRUCTURES_JSON = FIXTURES / "di-structures-v1.json"
DI_STRUCTURES_CSV = FIXTURES / "di-structures-v1.csv"
DI_SERVICES_PAGE = FIXTURES / "di-services-v1-page.json"
TABLEUR_CSV = FIXTURES / "tableur-essonne.csv"
FRANCE_SERVICES_CSV = FIXTURES / "france-services-2024-08-01-extract.csv"
CNFS_FRANCE_SERVICES = FIXTURES / "cnfs-france-services-extract.json"


@pytest.fixture
def imported():
    """Import a fixture file and check the run succeeded."""

    def _import(path, source_format="lieux", **kwargs):
        run = run_import(path, source_format, **kwargs)
        assert run.status == run.Status.SUCCESS, run.error
        return run

    return _import
