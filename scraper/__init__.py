"""Network and HTML: fetch politely and safely, extract, discover related coverage, match stories.

Never imports `db` or spaCy. Hands plain dataclasses (see `scraper.models`) to the conductor.
"""
