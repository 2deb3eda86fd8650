"""SQLite: schema and migrations, writes, views, CSV export, the Datasette plugin and its config.

Knows the data shapes (`scraper.models`, `annotate.models`), not how they were made.
"""
