"""The person's data stay in the referral: not in the open data downloads, the API, nor the public pages."""

from opendata import catalog
from referrals.domain import workflow
from tests.factories_referrals import send
from tests.referrals.conftest import deliver

PERSONAL = ("Josiane", "Martin", "12 34 56", "12345678", "josiane.martin", "CAF à finir")


def test_no_export_nor_api_answer_carries_the_persons_data(client, db):
    referral = send()
    workflow.accept(referral)
    deliver()
    place = referral.place
    paths = [f"/donnees-ouvertes/{d.slug}" for d in catalog.DOWNLOADS]
    paths += ["/api/v1/lieux", f"/api/v1/lieux/{place.pk}"]
    paths += ["/api/v1/services", f"/api/v1/services/{referral.service_id}"]
    paths += [place.get_absolute_url(), f"/lieux/{place.pk}/fiche/"]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        assert not [bit for bit in PERSONAL if bit in text], path
