"""The presentation layer: results for people and files (text, CSV, Markdown).

The engine never imports this package (one documented convenience aside:
:meth:`onderwijsregels.evaluate.Evaluation.explain` calls :func:`text.explain`);
the command line, the docs generator and a service render through it, so
every front end shows the same thing. JSON is not here: it comes from the
model itself (:func:`onderwijsregels.convert.unstructure` and ``to_dict()``).

- :mod:`onderwijsregels.present.text`: plain-text tables and the explanation
  of an evaluation;
- :mod:`onderwijsregels.present.csv`: CSV rows for spreadsheets;
- :mod:`onderwijsregels.present.markdown`: the rule reference pages (written by
  :mod:`onderwijsregels.docgen`).
"""
