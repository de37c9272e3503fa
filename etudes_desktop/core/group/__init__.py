"""Focus groups (the register's collection « au sein d'un groupe »), the pure part.

A group session gathers several participants around a moderator: the notice is delivered to
the group, each participant decides (accepts or objects), pseudonyms P1..Pn are given at the
door and used everywhere afterwards, the moderator's notes are timestamped and tagged by theme
and pseudonym, group questions are counted by a show of hands. No Qt, no SQL.
"""
