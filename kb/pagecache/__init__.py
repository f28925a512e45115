"""Whole public pages served from Django's cache, fresh after every change (see middleware.py)."""
