"""The national vocabularies Ancrage speaks, and the mappings between their versions.

No models here: plain data and pure functions, importable from anywhere.
"""
