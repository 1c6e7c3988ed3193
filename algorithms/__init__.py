"""/algorithmes/: the public register, built from the declarations next to each algorithm's code (core.algorithms)."""
