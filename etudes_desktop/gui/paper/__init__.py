"""Keying paper questionnaires: batches, heads-down entry of codes, double entry, reconciliation."""
