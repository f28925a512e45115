"""Search over the published guide: articles, glossary terms and authors.

Following a search from the URL: urls.py -> views.py (the results page, suggestions) ->
results.py (`find`, `ArticleSearch`, highlighting) -> query.py (what the reader typed) and
lexicon.py (glossary names, "did you mean", suggestions) -> backends/ (one per database:
sqlite.py for FTS5, postgres.py for stored vectors). models.py holds the searches that found
nothing. The index is kept by database triggers on both backends, so every write is followed.
Search sits above articles, glossary and authors; nothing below imports it.
"""
