"""The territory's inclusion roadmap (data/feuille_de_route_2024_2027.toml) as public commitments.

Loading is idempotent, keyed by `code`: descriptive fields follow the file; state and progress are set only
when an action is first created (afterwards they change through public updates, never by a reload)."""

import tomllib
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from civic.models import Commitment

FILE = Path(__file__).resolve().parent.parent / "data" / "feuille_de_route_2024_2027.toml"
KIND = Commitment.Kind.ROADMAP


def read(path: Path = FILE) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _upsert(entry: dict, parent, position: int, defaults: dict) -> tuple[Commitment, bool]:
    fields = {
        "title": entry["title"], "description": entry.get("description", ""),
        "origin": entry.get("origin", defaults.get("origin", "")), "kind": KIND, "parent": parent,
        "starts_on": entry.get("starts_on", defaults.get("starts_on")),
        "due_on": entry.get("due_on", defaults.get("due_on")),
        "weight": entry.get("weight", 1), "position": position,
    }  # fmt: skip
    item = Commitment.objects.filter(code=entry["code"]).first()
    if item is None:
        status = entry.get("status", Commitment.Status.PLANNED)
        progress = 100 if status == Commitment.Status.DONE else entry.get("progress", 0)
        slug = slugify(entry["code"])[:80]
        return Commitment.objects.create(
            code=entry["code"], slug=slug, status=status, progress=progress, **fields
        ), True
    changed = [name for name, value in fields.items() if getattr(item, name) != value]
    for name in changed:
        setattr(item, name, fields[name])
    if changed:
        item.save(update_fields=changed)
    return item, False


@transaction.atomic
def load(path: Path = FILE) -> dict[str, int]:
    from civic.domain.commitments import rolled_up

    data = read(path)
    counts = {"créés": 0, "déjà là": 0}
    head = data["roadmap"]
    root, created = _upsert(head, None, 0, {})
    counts["créés" if created else "déjà là"] += 1
    inherited = {"starts_on": head.get("starts_on"), "due_on": head.get("due_on"), "origin": head["origin"]}
    axes = []
    for i, axis in enumerate(data["axes"], start=1):
        node, created = _upsert(axis, root, i, inherited)
        counts["créés" if created else "déjà là"] += 1
        for j, action in enumerate(axis.get("actions", []), start=1):
            _, created = _upsert(action, node, j, {})
            counts["créés" if created else "déjà là"] += 1
        axes.append(node)
    for node in [*axes, root]:  # roll up the fresh state: leaves first
        value = rolled_up(node)
        if value is not None and value != node.progress:
            node.progress = value
            node.save(update_fields=["progress"])
    return counts
