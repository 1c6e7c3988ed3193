"""RGAA 8.2: the code of every audited page is valid, checked by the W3C's Nu Html Checker (npm `vnu-jar`)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import ServiceFactory
from tests.public_pages import pages

pytestmark = pytest.mark.django_db

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def validate(paths: list[Path]) -> list[str]:
    """The Nu Html Checker's errors for these files, as « file line: message »."""
    assert shutil.which("java"), "Java manque pour le validateur HTML : « apt-get install default-jre-headless »"
    assert VNU.exists(), "Le validateur HTML manque : « npm ci » (make test le fait)"
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).name} {m.get('lastLine', '?')}: {m['message']}" for m in messages]


def test_every_audited_page_is_valid_html(client, tmp_path):
    place = ServiceFactory(place__nom="Espace Numérique", place__courriels=["contact@exemple.fr"]).place
    files = []
    for name, path in pages(place).items():
        files.append(tmp_path / f"{len(files)}-{name.replace(' ', '-')}.html")
        files[-1].write_bytes(client.get(path).content)
    control = tmp_path / "control.html"  # the checker must find this file's error, or it checks nothing
    control.write_text('<!doctype html><html lang="fr"><head><title>x</title></head><body><p><div>x</p></body></html>')
    errors = validate([control, *files])
    assert errors and all(e.startswith("control.html") for e in errors), errors
