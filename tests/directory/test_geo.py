import pytest

from directory.domain import geo


def test_distance_massy_les_ulis():
    # Town halls of Massy and Les Ulis: 5.37 km north-south and 7.54 km east-west, so about 9.25 km.
    assert geo.distance_km(48.73052, 2.272041, 48.682205, 2.169389) == pytest.approx(9.25, abs=0.02)


def test_distance_zero_and_symmetry():
    assert geo.distance_km(48.7, 2.2, 48.7, 2.2) == 0
    assert geo.distance_km(48.7, 2.2, 43.3, 5.4) == pytest.approx(geo.distance_km(43.3, 5.4, 48.7, 2.2))


def test_bounding_box_contains_the_circle():
    min_lat, max_lat, min_lon, max_lon = geo.bounding_box(48.73, 2.27, 10)
    assert geo.distance_km(48.73, 2.27, max_lat, 2.27) == pytest.approx(10, rel=0.01)
    assert geo.distance_km(48.73, 2.27, 48.73, max_lon) == pytest.approx(10, rel=0.01)
    assert min_lat < 48.73 < max_lat and min_lon < 2.27 < max_lon


def test_planar_order_matches_haversine_order():
    centre = (48.73, 2.27)
    points = [(48.80, 2.27), (48.73, 2.37), (48.66, 2.20), (48.75, 2.40), (48.90, 2.10)]
    scale = geo.lon_scale(centre[0])
    planar = sorted(points, key=lambda p: (p[0] - centre[0]) ** 2 + scale * (p[1] - centre[1]) ** 2)
    exact = sorted(points, key=lambda p: geo.distance_km(*centre, *p))
    assert planar == exact


@pytest.mark.parametrize(("km", "label"), [(0.01, "50 m"), (0.43, "450 m"), (1.26, "1,3 km"), (12.4, "12 km")])
def test_format_distance(km, label):
    assert geo.format_distance(km) == label
