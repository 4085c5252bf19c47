"""Reproducible edition of the Bandung - Petaling Jaya creative-economy paper."""
