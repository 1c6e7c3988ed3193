"""Issue 7, item 13: JSON files are read as a stream, whatever their size."""

import json
import tracemalloc

import pytest

from datahub.importers.files import UnreadableFile, read_rows
from tests.datahub.conftest import DI_SERVICES_PAGE, NATIONAL


def _big_file(tmp_path, copies: int, wrap: bool = False):
    """The real national extract repeated (new ids): about 15 MB for 20,000 records."""
    rows = json.loads(NATIONAL.read_text(encoding="utf-8"))
    path = tmp_path / "big.json"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('{"total": 1, "items": [' if wrap else "[")
        for n in range(copies):
            for i, row in enumerate(rows):
                handle.write(("," if n or i else "") + json.dumps({**row, "id": f"{row['id']}-{n}"}))
        handle.write("]}" if wrap else "]")
    return path, copies * len(rows)


@pytest.mark.parametrize("wrap", [False, True])
def test_json_is_read_as_a_stream_with_bounded_memory(tmp_path, wrap):
    path, count = _big_file(tmp_path, 560, wrap)
    assert path.stat().st_size > 10_000_000
    tracemalloc.start()
    seen = sum(1 for _ in read_rows(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert seen == count
    assert peak < 3_000_000  # reading it whole would hold the text and every record: over 50 MB


def test_api_pages_and_lists_give_the_same_records(tmp_path):
    page = json.loads(DI_SERVICES_PAGE.read_text(encoding="utf-8"))
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps(page["items"]), encoding="utf-8")
    assert list(read_rows(DI_SERVICES_PAGE)) == list(read_rows(listed))
    assert isinstance(next(read_rows(NATIONAL))[1]["latitude"], float)


@pytest.mark.parametrize(
    "content, message",
    [
        (b'[{"id": "1", "nom": "Espace', "JSON illisible"),
        (b'{"total": 0}', "JSON sans liste"),
        (b"", "JSON illisible"),
    ],
)
def test_broken_json_is_a_french_message(tmp_path, content, message):
    path = tmp_path / "lieux.json"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message):
        list(read_rows(path))
