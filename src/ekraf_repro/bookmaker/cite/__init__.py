"""Citations: CSL items and their APA text, the download formats, the bibliography and citation styles."""
