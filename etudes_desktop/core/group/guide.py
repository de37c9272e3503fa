"""The discussion guide of a study's focus groups: its themes and the questions asked by a show
of hands. Written in the XLSForm's settings sheet (`group_themes`: themes separated by « ; »,
`group_questions`: names of single or multiple choice questions) or in the study package."""

from __future__ import annotations

from pydantic import BaseModel, Field, field_validator

MAX_THEMES = 40
GENERAL_THEME = "Général"


class GroupGuide(BaseModel):
    themes: list[str] = Field(default_factory=list, max_length=MAX_THEMES,
                              description="themes a moderator's note is tagged with (in discussion order)")
    questions: list[str] = Field(default_factory=list, max_length=100,
                                 description="select_one / select_multiple questions asked to the group by a show of hands")

    @field_validator("themes")
    @classmethod
    def _clean_themes(cls, value: list[str]) -> list[str]:
        out: list[str] = []
        for theme in value:
            text = " ".join(theme.split())
            if not text:
                continue
            if len(text) > 80:
                raise ValueError(f"group_themes : le thème « {text[:40]}… » dépasse 80 caractères")
            out.append(text)
        return list(dict.fromkeys(out))

    def note_themes(self) -> list[str]:
        """The themes offered for a note: the guide's, or one general theme when it has none."""
        return self.themes or [GENERAL_THEME]


def parse_themes(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def parse_questions(text: str) -> list[str]:
    return [part for part in text.replace(",", " ").replace(";", " ").split() if part]
