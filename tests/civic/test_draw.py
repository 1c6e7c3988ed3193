"""The jury draw: reproducible from the published seed and list, stratified (quotas respected)."""

from collections import Counter

import pytest

from civic.domain import draw

AREAS, AGES, SEXES = ["Massy", "Orsay", "Les Ulis"], ["16-29", "30-44", "60-74"], ["F", "M"]


def pool(n=60):
    return [draw.Entry(i + 1, AREAS[i % 3], AGES[(i // 3) % 3], SEXES[(i // 9) % 2]) for i in range(n)]


def test_the_same_seed_and_list_give_the_same_jury_through_the_published_csv():
    entries = pool()
    first = draw.draw(entries, 12, "07 12 23 34 45 / 2 9")
    again = draw.draw(draw.from_csv(draw.to_csv(entries)), 12, "07 12 23 34 45 / 2 9")
    assert first == again and len(set(first)) == 12
    assert draw.draw(entries, 12, "autre graine") != first


def test_quotas_are_proportional_largest_remainders_and_respected():
    entries = pool(60)  # 3 zones of 20; 18 cells of 3 or 4 volunteers
    quotas = draw.quotas(entries, 12, "graine")
    assert sum(quotas.values()) == 12 and all(q <= 1 for q in quotas.values())
    assert {z: sum(q for c, q in quotas.items() if c[0] == z) for z in AREAS} == dict.fromkeys(AREAS, 4)
    cells = Counter(e.cell for e in entries)
    numbers = draw.draw(entries, 12, "graine")
    drawn = Counter(next(e.cell for e in entries if e.number == n) for n in numbers)
    assert drawn == Counter({c: q for c, q in quotas.items() if q}) and all(drawn[c] <= cells[c] for c in drawn)


def test_a_big_stratum_gets_its_share():
    entries = [draw.Entry(i, "Massy", "30-44", "F") for i in range(1, 31)] + [
        draw.Entry(i, "Orsay", "60-74", "M") for i in range(31, 41)
    ]
    numbers = draw.draw(entries, 8, "graine")
    assert sum(1 for n in numbers if n <= 30) == 6


@pytest.mark.parametrize("seats", [1, 7, 13, 40])
def test_any_seed_gives_exactly_the_seats_asked_and_exact_zone_shares(seats):
    entries = pool(40)
    for seed in ("a", "12 17 33", "ééé", "0"):
        numbers = draw.draw(entries, seats, seed)
        assert len(numbers) == len(set(numbers)) == seats
        zones = Counter(entries[n - 1].zone for n in numbers)
        share = {z: seats * sum(1 for e in entries if e.zone == z) / 40 for z in AREAS}
        assert all(int(share[z]) <= zones[z] <= int(share[z]) + 1 for z in AREAS)


def test_an_empty_seed_or_too_many_seats_is_refused():
    with pytest.raises(ValueError):
        draw.draw(pool(5), 3, " ")
    with pytest.raises(ValueError):
        draw.draw(pool(5), 6, "graine")
