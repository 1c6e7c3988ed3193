"""/droits/: the rights pre-check (OpenFisca-France in its own process); nothing personal stored by default."""
