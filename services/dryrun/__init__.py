"""Whole-pipeline dry run: classify → route → respond in one process, on the services' own decision code."""
