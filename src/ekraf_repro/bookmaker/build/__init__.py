"""Editions and outputs: each edition staged and built with Jupyter Book, the PDFs, EPUBs, the deposit archive and
the variant books."""
