from territory.timezones import timezone_for_insee


def test_overseas_communes_have_their_own_time_zone():
    assert timezone_for_insee("97411") == "Indian/Reunion"
    assert timezone_for_insee("98818") == "Pacific/Noumea"
    assert timezone_for_insee("97502") == "America/Miquelon"
    assert timezone_for_insee("91377") == "Europe/Paris"
    assert timezone_for_insee("2A004") == "Europe/Paris"
    assert timezone_for_insee("") == "Europe/Paris"
