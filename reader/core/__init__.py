"""The reader's core: articles, analysis, notes and export. Never imports Textual."""
