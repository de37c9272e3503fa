"""A study's questionnaire as a paper form (PDF), for collection on paper.

Page 1 carries the register's notice word for word, the respondent's decision boxes and the
form number; then every question, numbered 1..N in order (notes, calculations and metadata
carry no number), with its answer boxes: choices with their codes, one box per digit, lines to
write on. Relevance becomes skip instructions in words ("Si « Non » à la question 4, passez à
la question 7"); a rule that cannot be said in words is printed as written, with question
numbers in place of ${names}: nothing is dropped. Pure: no Qt, no SQL, bytes out.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from etudes_desktop.core.printing.paper_answers import WIDTH as _WIDTH
from etudes_desktop.core.printing.paper_answers import AnswerBoxes, Styles
from etudes_desktop.core.printing.paper_boxes import DigitBoxes, TickBox, footer_canvas
from etudes_desktop.core.printing.paper_words import Wording, number_text
from etudes_desktop.core.questionnaire import INPUT_TYPES, Item, ItemType, Questionnaire
from etudes_desktop.core.study import StudyPackage

FORM_NUMBER_LABEL = "N° du questionnaire"
FORM_NUMBER_DIGITS = 6
AGREES, OBJECTS = "J'accepte de répondre", "Je m'oppose"
UNSEEN = frozenset({ItemType.CALCULATE, ItemType.METADATA})
DEFAULT_REPEAT_COPIES = 3
MAX_REPEAT_COPIES = 30


def number_questions(questionnaire: Questionnaire) -> dict[str, int]:
    """Question numbers 1..N in questionnaire order; notes, calculations and metadata have none."""
    numbers: dict[str, int] = {}
    for item in questionnaire.walk():
        if item.type in INPUT_TYPES:
            numbers[item.name] = len(numbers) + 1
    return numbers


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


class _Builder:
    """Lays out one package's form; one instance per PDF."""

    def __init__(self, package: StudyPackage, lang: str) -> None:
        self.package = package
        self.form = package.questionnaire
        self.lang = lang
        self.numbers = number_questions(self.form)
        self.words = Wording(self.form, self.numbers, lang)
        self.styles = Styles()
        self.answers = AnswerBoxes(self.form, self.words, self.styles, lang)
        self._flat = list(self.form.walk())
        self._position = {item.name: index for index, item in enumerate(self._flat)}
        self._size = {item.name: sum(1 for _ in item.walk()) for item in self._flat}
        self._repeats: dict[str, tuple[str, ...]] = {}  # item -> the repeats it sits in
        self._index_repeats(self.form.items, ())

    def _index_repeats(self, items: list[Item], inside: tuple[str, ...]) -> None:
        for item in items:
            self._repeats[item.name] = inside
            self._index_repeats(item.children, inside + ((item.name,) if item.type is ItemType.REPEAT else ()))

    # -- page 1 ------------------------------------------------------------------------------
    def front_page(self) -> list[Flowable]:
        s = self.styles
        package = self.package
        story: list[Flowable] = [
            Paragraph(_text(package.title), s.title),
            Paragraph(_text(f"Questionnaire papier — étude {package.id}, version {package.version}"), s.body),
            Spacer(1, 3 * mm),
        ]
        number = Table([[Paragraph(f"<b>{FORM_NUMBER_LABEL}</b>", s.body), DigitBoxes([FORM_NUMBER_DIGITS])]],
                       colWidths=[45 * mm, None], hAlign="LEFT")
        number.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [number, Paragraph("Information des personnes, à lire avant de répondre :", s.h2)]
        notice = package.notice.text(self.lang or "fr")
        box = Table([[[Paragraph(_text(part.strip()), s.notice) for part in notice.split("\n\n") if part.strip()]]],
                    colWidths=[_WIDTH])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#2F5597")),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                                 ("TOPPADDING", (0, 0), (-1, -1), 2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm)]))
        story.append(box)
        story.append(Paragraph("Votre décision (cochez une case) :", s.h2))
        decision = Table([[TickBox(6 * mm), Paragraph(f"<b>{AGREES}</b>", s.body),
                           TickBox(6 * mm), Paragraph(f"<b>{OBJECTS}</b>", s.body)]],
                         colWidths=[9 * mm, 62 * mm, 9 * mm, 62 * mm], hAlign="LEFT")
        decision.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [decision, Paragraph(
            "Si vous vous opposez, ne remplissez rien d'autre : aucune de vos réponses n'est recueillie, seul est "
            "noté ce qui évite de vous solliciter à nouveau.", s.body)]
        story += [Paragraph("Comment remplir ce questionnaire", s.h2), Paragraph(
            "Cochez la case de votre réponse (une seule, sauf mention « plusieurs réponses possibles »). "
            "Écrivez un chiffre par case. Une astérisque (*) signale une réponse obligatoire. Les consignes "
            "« Si …, passez à la question … » indiquent les questions à sauter.", s.body)]
        return story

    # -- the questions -----------------------------------------------------------------------
    def questions(self, items: list[Item]) -> Iterator[Flowable]:
        """The items of one container, a skip instruction before each run sharing one relevance."""
        index = 0
        while index < len(items):
            item = items[index]
            rule = (item.relevant or "").strip()
            end = index + 1
            if rule:
                while end < len(items) and (items[end].relevant or "").strip() == rule:
                    end += 1
                if any(i.type not in UNSEEN for i in items[index:end]):
                    yield self._instruction(items[index:end], rule, self._skipped_with(items, index, end, rule))
            for member in items[index:end]:
                yield from self._item(member)
            index = end

    def _item(self, item: Item) -> Iterator[Flowable]:
        if item.type in UNSEEN:
            return
        if item.type is ItemType.GROUP:
            label = self.form.text(item.label, self.lang)
            if label:
                yield Paragraph(_text(self.words.piped(label)), self.styles.section)
            yield from self.questions(item.children)
        elif item.type is ItemType.REPEAT:
            yield from self._repeat(item)
        elif item.type is ItemType.NOTE:
            yield Paragraph(_text(self.words.piped(self.form.text(item.label, self.lang) or "")), self.styles.note)
        else:
            yield from self._question(item)

    def _repeat(self, item: Item) -> Iterator[Flowable]:
        label = self.form.text(item.label, self.lang) or item.name
        count_rule = self._fixed_count(item.repeat_count or "")
        try:
            copies = int(float(count_rule))
        except ValueError:
            copies = 0
        fixed = copies >= 1 and float(count_rule).is_integer()
        copies = min(copies, MAX_REPEAT_COPIES) if fixed else DEFAULT_REPEAT_COPIES
        for copy in range(1, copies + 1):
            yield Paragraph(_text(f"{self.words.piped(label)} — exemplaire {copy} / {copies}"), self.styles.section)
            if copy == 1 and not fixed:
                how_many = (f"autant de fois que l'indique {self.words.with_numbers(count_rule)}" if count_rule
                            else "une fois par personne ou élément concerné")
                yield Paragraph(_text(f"Remplissez ce bloc {how_many}. {copies} exemplaires sont imprimés ; "
                                      "au-delà, ajoutez une feuille portant le même numéro de questionnaire."),
                                self.styles.instruction)
            yield from self.questions(item.children)

    def _fixed_count(self, rule: str) -> str:
        """A count written as a number; the importer turns « 2 » into a calculation ${x_count} = 2."""
        rule = rule.strip()
        if rule.startswith("${") and rule.endswith("}"):
            target = self.form.item_index().get(rule[2:-1])
            if target is not None and target.type is ItemType.CALCULATE and target.calculation:
                calculation = target.calculation.strip()
                if calculation.replace(".", "", 1).isdigit():
                    return calculation
        return rule

    def _question(self, item: Item) -> list[Flowable]:
        s = self.styles
        number = self.numbers[item.name]
        always, sometimes = self.words.required(item)
        label = _text(self.words.piped(self.form.text(item.label, self.lang) or item.name))
        mark = " <b>*</b>" if always else ""
        head = Table([[Paragraph(f"<b>{number}.</b>", s.number), Paragraph(label + mark, s.label)]],
                     colWidths=[14 * mm, _WIDTH - 14 * mm])
        head.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#E4EAF4")),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), 0.8, colors.black)]))
        parts: list[Flowable] = [head]
        hint = self.form.text(item.hint, self.lang)
        if hint:
            parts.append(Paragraph(_text(self.words.piped(hint)), s.hint))
        rules = []
        if sometimes:
            rules.append(f"Obligatoire si : {sometimes}.")
        constraint = self.words.constraint(item)
        if constraint:
            rules.append(f"Réponse attendue : {constraint.rstrip(' .')}.")
        parts += [Paragraph(_text(rule), s.rule) for rule in rules]
        parts += self.answers.for_item(item, self.package.special_answers, hint)
        parts.append(Spacer(1, 4 * mm))
        if len(self.form.choices_for(item)) > 24:  # a long list may run onto the next page
            head.keepWithNext = True
            return parts
        return [KeepTogether(parts)]

    def _skipped_with(self, items: list[Item], start: int, end: int, rule: str) -> Item:
        """The last item skipped along with the run items[start:end]: the following siblings with the
        same relevance, or whose relevance reads only skipped questions and fails when they are
        unanswered (« Précisez » after a skipped « Autre »)."""
        skipped = {i.name for item in items[start:end] for i in item.walk()}
        last = end - 1
        for index in range(end, len(items)):
            follower = items[index]
            own = (follower.relevant or "").strip()
            if own != rule and not (own and self.words.fails_without(own, skipped)):
                if follower.type in UNSEEN:
                    continue
                break
            skipped.update(i.name for i in follower.walk())
            last = index
        return items[last]

    def _instruction(self, run: list[Item], rule: str, last: Item) -> Flowable:
        numbered = [self.numbers[i.name] for item in run for i in item.walk() if i.name in self.numbers]
        skip = self.words.condition(rule, negated=True)
        if skip:
            text = f"Si {skip}, passez {self._target(last)}."
        elif len(set(numbered)) > 1:
            text = f"Poser les questions {min(numbered)} à {max(numbered)} si : {self.words.with_numbers(rule)}"
        elif numbered:
            text = f"Poser cette question si : {self.words.with_numbers(rule)}"
        else:
            text = f"Lire ce texte si : {self.words.with_numbers(rule)}"
        paragraph = Paragraph(_text(text), self.styles.instruction)
        paragraph.keepWithNext = True
        return paragraph

    def _target(self, last: Item) -> str:
        """Where to go when the run ending with `last` is skipped."""
        after = self._position[last.name] + self._size[last.name]
        inside = self._repeats.get(last.name, ())
        for item in self._flat[after:]:
            if item.name in self.numbers:
                if inside and inside[-1] not in self._repeats.get(item.name, ()):
                    return (f"à l'exemplaire suivant du bloc (après le dernier : question {self.numbers[item.name]})")
                return f"à la question {self.numbers[item.name]}"
        if inside:
            return "à l'exemplaire suivant du bloc (après le dernier : fin du questionnaire)"
        return "à la fin du questionnaire"


def _glued(flowables: list[Flowable]) -> list[Flowable]:
    """Headings and instructions kept on the page of the question that follows them (ReportLab's
    keepWithNext does not reach into a KeepTogether, so they join it)."""
    out: list[Flowable] = []
    pending: list[Flowable] = []
    for flowable in flowables:
        if flowable.getKeepWithNext():
            pending.append(flowable)
            continue
        if pending and isinstance(flowable, KeepTogether):
            flowable = KeepTogether(pending + list(flowable._content))
        else:
            out += pending
        pending = []
        out.append(flowable)
    return out + pending


def render_paper_form(package: StudyPackage, lang: str = "fr") -> bytes:
    """The questionnaire of `package` as a PDF paper form, labels in `lang` (else the default)."""
    builder = _Builder(package, lang)
    out = io.BytesIO()
    title = f"Questionnaire papier — {package.title}"
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=title, author="Études terrain", creator="Études terrain",
                            subject=f"étude {package.id}, version {package.version}", lang=lang or "fr")
    story = builder.front_page() + _glued(list(builder.questions(builder.form.items)))
    footer = f"Étude {package.id} — version {package.version}"
    header = f"{FORM_NUMBER_LABEL} : ______________"
    doc.build(story, canvasmaker=footer_canvas(footer, header))
    return out.getvalue()


__all__ = ["AGREES", "FORM_NUMBER_LABEL", "OBJECTS", "number_questions", "number_text", "render_paper_form"]
