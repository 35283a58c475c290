NOTE_KINDS = {
    "context": "Context",
    "fact-check": "Fact check",
    "missing-context": "Missing context",
    "loaded-language": "Loaded language",
    "correction": "Correction",
}
ARTICLE_TYPES = {
    "news-report": "News report",
    "opinion": "Opinion",
    "analysis": "Analysis",
    "editorial": "Editorial",
    "interview": "Interview",
    "explainer": "Explainer",
    "press-release": "Press release",
}
RATINGS = {
    "accurate": "Accurate",
    "mostly-accurate": "Mostly accurate",
    "mixed": "Mixed",
    "misleading": "Misleading",
    "inaccurate": "Inaccurate",
    "unverifiable": "Unverifiable",
}
RATING_MEANINGS = {
    "accurate": "The claim matches the record.",
    "mostly-accurate": "The claim is correct in substance but has a minor error or lacks a detail.",
    "mixed": "The claim contains both accurate and inaccurate elements.",
    "misleading": "The claim contains accurate elements but leaves a false overall impression.",
    "inaccurate": "The claim is contradicted by the record.",
    "unverifiable": "The available evidence can neither confirm nor refute the claim.",
    "not-rated": "The note explains what the record shows without a rating on the scale.",
}
"""What each rating means: shown beside every rating; docs/methodology.md has the same table."""
NOTE_RATINGS = {**RATINGS, "not-rated": "Not rated"}
"""A fact-check note's finding: the claims' scale, or `not-rated` when the note gives none."""
ASSESSMENTS = {
    "matches": "Matches the record",
    "partly": "Partly matches the record",
    "contradicts": "Contradicts the record",
    "unverifiable": "Cannot be checked against the record",
}
"""One article's statement in a comparison, measured against the record (not the claim's rating)."""
OUTLET_TYPES = {
    "news-site": "News site",
    "opinion-site": "Opinion site",
    "newspaper": "Newspaper",
    "broadcaster": "Broadcaster",
    "wire-service": "Wire service",
    "magazine": "Magazine",
    "blog": "Blog",
}
STATUSES = {"published": "Published", "draft": "Draft"}
