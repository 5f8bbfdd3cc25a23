"""The five seed reports as trackers in their councils' own layouts, and what each prints.

One module per seed (``s000`` … ``s004``), and ``s001_actions`` for Charnwood's
delivery-plan actions. Each has ``write(path)``, which builds the
council's tracker with openpyxl from the seed's own figures (values stored the way Excel
stores typed values: 90.2% as 0.902 with ``0.0%``), and these records, which hold only
what the report prints, never what kpixl computes:

- ``PRINTED``: per indicator (its Ref, or a short key where the report has none) a dict of
  the printed text: ``values`` (period -> text), ``second_line`` (period -> the line printed
  under a value, such as "92 out of 99"), ``target``, ``tolerance``, ``polarity``, ``ytd``,
  ``arrow_printed`` (the glyph as extracted) and ``arrow`` (decoded; ``arrow_by_figures``
  where the figures say otherwise), ``stated`` (what the text says of the rating: a RAG
  word, "within tolerance", "above target") and ``source``, a few words quoted from the
  line it comes from. ``read_as`` holds the reading written to the tracker where the
  extracted text is garbled (the printed text stays in the record).
- ``COUNTS``: the count boxes and shares the report prints.
- ``COUNCIL_WIDE``: kpixl.toml text that the report's own words justify for the whole
  council, and nothing else.
- ``SEED_ERRORS``: where the report's own arithmetic or wording disagrees with itself,
  each with the sum that shows it.
- ``NOTES``: per indicator, what the text says that matters for rating it (cumulative,
  snapshot, reported quarterly, implied polarity, garbled text and the reading chosen).

Seed 002 prints no actuals and 003's appendix is not in its text: their figures are
``INVENTED`` (002) or partly invented (003's ``SUMMARY``), and say so. A later test can
build a tracker, run kpixl on it and compare with ``PRINTED``.
"""
