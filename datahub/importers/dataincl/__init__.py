"""data·inclusion v1 structures and services (and the v0 files still found), validated with
the `data-inclusion-schema` package."""

from datahub.importers.dataincl import services as Services
from datahub.importers.dataincl import structures as Structures

STRUCTURES_FORMAT = Structures.FORMAT
SERVICES_FORMAT = Services.FORMAT

__all__ = ["SERVICES_FORMAT", "STRUCTURES_FORMAT", "Services", "Structures"]
