import pytest

from accounts.models import Membership, Structure, User
from tests.factories import PlaceFactory, ServiceFactory


@pytest.fixture
def people(db):
    """Every role the structure space and the review page must tell apart."""
    validated = Structure.objects.create(name="Association Lien", validated=True)
    new = Structure.objects.create(name="Jeune association")
    other = Structure.objects.create(name="CCAS voisin", kind=Structure.Kind.CCAS, validated=True)

    def person(name, **extra):
        return User.objects.create_user(f"{name}@exemple.fr", "mot-de-passe-2026", full_name=name.title(), **extra)

    out = {
        "outsider": person("outsider"),
        "other_member": person("other"),
        "member": person("member"),
        "structure_admin": person("admin"),
        "newcomer": person("newcomer"),
        "moderator": person("moderator", role=User.Role.MODERATOR),
        "coordinator": person("coordinator", role=User.Role.COORDINATOR, is_staff=True),
    }
    Membership.objects.create(user=out["other_member"], structure=other, role=Membership.Role.ADMIN)
    Membership.objects.create(user=out["member"], structure=validated)
    Membership.objects.create(user=out["structure_admin"], structure=validated, role=Membership.Role.ADMIN)
    Membership.objects.create(user=out["newcomer"], structure=new, role=Membership.Role.ADMIN)
    out["place"] = PlaceFactory(structure=validated, nom="Médiathèque de Massy")
    out["service"] = ServiceFactory(place=out["place"])
    out["new_place"] = PlaceFactory(structure=new, nom="Maison des jeunes")
    out["other_place"] = PlaceFactory(structure=other, nom="CCAS de Palaiseau")
    return out
