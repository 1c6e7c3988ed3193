"""Factories for citizens' requests (participation); positions default to Massy."""

import factory
from django.utils import timezone

from participation.models import Category, Commission, Request, ResponsibleService, Support, Update
from territory.models import Commune

LIBRARY = (48.7309, 2.2713)  # Médiathèque, Massy


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResponsibleService
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Service {n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["code"]

    code = "ordinateur-public"
    name = "Un ordinateur public en panne"
    group = "Numérique"
    service = factory.SubFactory(ServiceFactory, name="Équipe inclusion numérique")


class RequestFactory(factory.django.DjangoModelFactory):
    """A public request (received), by an anonymous author."""

    class Meta:
        model = Request
        skip_postgeneration_save = True

    category = factory.SubFactory(CategoryFactory)
    commune = factory.LazyFunction(lambda: Commune.objects.get(code_insee="91377"))
    address = "Médiathèque Jules Verne"
    latitude, longitude = LIBRARY
    description = "L’ordinateur en libre accès ne démarre plus."
    email = factory.Sequence(lambda n: f"auteur{n}@exemple.fr")
    anonymous = True
    status = Request.Status.RECEIVED
    received_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def received_update(obj, create, extracted, **kwargs):
        if create and obj.is_public:
            Update.objects.create(request=obj, status=Request.Status.RECEIVED, note="Demande reçue.", by_service=False)


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    request = factory.SubFactory(RequestFactory)
    email = factory.Sequence(lambda n: f"soutien{n}@exemple.fr")
    confirmed_at = factory.LazyFunction(timezone.now)


class CommissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commission
        skip_postgeneration_save = True

    name = "Commission de quartier de Massy"
    slug = factory.Sequence(lambda n: f"massy-{n}")

    @factory.post_generation
    def communes(obj, create, extracted, **kwargs):
        if create:
            obj.communes.add(*(extracted or [Commune.objects.get(code_insee="91377")]))
