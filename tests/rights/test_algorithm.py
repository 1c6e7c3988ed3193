from core import algorithms


def test_the_simulator_is_in_the_register_with_the_model_versions():
    declaration = algorithms.declaration("droits")
    assert declaration.rules_version == "OpenFisca-France 176.1.8, OpenFisca-Core 44.7.1"
    assert "jamais une décision" in declaration.part_in_outcome
    assert any(r.code == "deja-percu" for r in declaration.rules)
    assert "Allocation de rentrée scolaire (ARS)" in declaration.parameters[0].value
