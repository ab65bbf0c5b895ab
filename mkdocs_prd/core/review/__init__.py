"""Change review: what a revision does to the site's PRDs (``mkdocs-prd review``) and PRD history."""
