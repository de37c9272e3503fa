"""The phone scheduler's rules (CATI): dispositions, calling rules, territories, plans, rates.

Pure functions and data: storage.calls reads the vault and applies them.
"""
