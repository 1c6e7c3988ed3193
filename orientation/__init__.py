"""/orienter/: the situation sheet, exclusion-risk rules, matching, uncovered needs, the printable fiche."""
