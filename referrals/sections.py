"""The place page's section for professionals (`directory/sections.py`): « Adresser une personne » for each of
the place's services that may receive a referral. Nothing for anonymous visitors (their page is cached) nor for
people who may not refer."""

from referrals.domain import eligibility


def context(request, place):
    if not eligibility.may_refer(request.user):
        return None
    return {"place": place, "services": eligibility.eligible_services(place)}
