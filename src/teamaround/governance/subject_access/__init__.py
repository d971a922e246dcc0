"""Subject access: everything held about a person, found by following every table that
refers to them (and to their families, and to those records in turn), with third parties
marked for redaction. `collect` finds, `render` writes the PDF and the JSON."""
