"""Serialising published places and services into the open formats (lieux, data·inclusion, GeoJSON, CSV).

Plain functions, shared by the open-data downloads and the public API.
"""
