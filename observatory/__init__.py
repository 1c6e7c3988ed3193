"""/observatoire/ and /enquete/: the survey, weighting, indicators; reads the others, writes only itself."""
