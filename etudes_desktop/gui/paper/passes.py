"""The two keying passes between the keying panel and the services: the first keying of a batch
(number, notice decision, fields) and the blind second keying of picked forms (number, fields).
No widgets here; the panel shows what these return."""

from __future__ import annotations

from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.gui.paper.flow import KeyingFlow
from etudes_desktop.storage.paper import PaperNotice, PaperService, check_number
from etudes_desktop.storage.paper_verify import DoubleEntry

NOTICE_CODES = {"1": PaperNotice.AGREES, "2": PaperNotice.OBJECTS, "0": PaperNotice.NOT_TICKED}


class FirstPass:
    """The batch's operator keys its forms one after the other."""

    needs_notice = True

    def __init__(self, paper: PaperService, batch_id: str, package: StudyPackage) -> None:
        self.paper, self.batch_id, self.package = paper, batch_id, package
        self.form: Any = None
        self.flow: KeyingFlow | None = None

    def proposed_number(self) -> str:
        return self.paper.proposed_number(self.batch_id)

    def unfinished(self) -> Any:
        """A form of the batch left during its keying (resumed first)."""
        return next((f for f in self.paper.forms(self.batch_id) if f.state == "keying"), None)

    def check_number(self, text: str) -> str:
        number = check_number(text)
        if self.paper.number_taken(self.package.id, number):
            raise EtudesError(f"Le questionnaire n° {number} a déjà été saisi pour cette étude : vérifiez le numéro.")
        return number

    @staticmethod
    def check_notice(code: str) -> str:
        """The notice code as keyed, if it is one (EtudesError else)."""
        if code.strip() not in NOTICE_CODES:
            raise EtudesError("Mention : 1 si la personne accepte, 2 si elle s'oppose, 0 si aucune case n'est cochée.")
        return code.strip()

    def begin(self, number: str, notice_code: str) -> KeyingFlow | None:
        """The form opened with its notice decision; its fields to key (None: nothing to key)."""
        notice = NOTICE_CODES[self.check_notice(notice_code)]
        self.form = self.paper.open_form(self.batch_id, number, notice, self.package)
        return self._flow() if notice is PaperNotice.AGREES else None

    def resume(self, form: Any) -> KeyingFlow:
        self.form = form
        return self._flow()

    def _flow(self) -> KeyingFlow:
        form_id = self.form.id
        self.flow = KeyingFlow(self._questionnaire(), self.paper.first_values(form_id),
                               lambda key, value: self.paper.save_first(form_id, key, value))
        return self.flow

    def finish(self) -> Any:
        self.form = self.paper.finish_first(self.form.id, self._questionnaire())
        return self.form

    def _questionnaire(self) -> Any:
        if self.package.questionnaire is None:
            raise EtudesError("cette étude n'a pas de questionnaire")
        return self.package.questionnaire


class SecondPass:
    """Another operator keys again, blind, the forms picked for verification."""

    needs_notice = False

    def __init__(self, double: DoubleEntry, package: StudyPackage, verifier: str) -> None:
        self.double, self.package, self.verifier = double, package, verifier
        self.form: Any = None
        self.flow: KeyingFlow | None = None

    def waiting(self) -> list[Any]:
        return self.double.to_verify(self.package.id, self.verifier)

    def proposed_number(self) -> str:
        waiting = self.waiting()
        return waiting[0].number if waiting else ""

    def unfinished(self) -> Any:
        return next((f for f in self.waiting() if f.state == "verifying"), None)

    def check_number(self, text: str) -> str:
        number = check_number(text)
        form = self.double.find(self.package.id, number)
        if form is None:
            raise EtudesError(f"Aucun questionnaire n° {number} n'a été saisi dans cette étude.")
        self.double.start(form.id, self.verifier)  # refuses a form not picked, or one's own keying
        self.form = self.double.paper.form(form.id)
        return number

    def begin(self, number: str, notice_code: str = "") -> KeyingFlow | None:
        return self.resume(self.form)

    def resume(self, form: Any) -> KeyingFlow:
        self.form = form
        form_id = form.id
        self.flow = KeyingFlow(self.package.questionnaire, self.double.second_values(form_id),  # type: ignore[arg-type]
                               lambda key, value: self.double.save_second(form_id, key, value))
        return self.flow

    def finish(self) -> Any:
        self.form = self.double.finish_second(self.form.id, self.package.questionnaire)  # type: ignore[arg-type]
        return self.form
