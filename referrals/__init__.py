"""Referrals of a person to a service: consent, signed links for the structure, statuses, timers, retention."""
