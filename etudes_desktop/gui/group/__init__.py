"""The moderator's screens of a focus group: the door, the notice, the decisions, notes, shows of
hands, each participant's questionnaire, the close. Every write goes through storage.groups."""
