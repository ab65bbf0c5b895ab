"""All PRDs of a site together: the catalogue, cross-document checks, index rows, export, portfolio."""
