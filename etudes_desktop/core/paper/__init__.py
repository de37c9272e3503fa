"""Paper questionnaires keyed back: choice codes, which forms are keyed twice, who erred."""
