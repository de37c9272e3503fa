"""After `pyside6-lupdate`: give a message that moved to another context (a class renamed or split)
the translation its text already has elsewhere in the same file. Run by `make lupdate`."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def carry(path: Path) -> int:
    tree = ET.parse(path)
    known: dict[tuple[str, bool], ET.Element] = {}
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") in (None, "obsolete", "vanished"):
            forms = translation.findall("numerusform")
            if (translation.text or "").strip() or any((f.text or "").strip() for f in forms):
                known.setdefault((message.findtext("source") or "", message.get("numerus") == "yes"), translation)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        source = known.get((message.findtext("source") or "", message.get("numerus") == "yes"))
        if source is None:
            continue
        translation.text = source.text
        for old in list(translation):
            translation.remove(old)
        for form in source.findall("numerusform"):
            ET.SubElement(translation, "numerusform").text = form.text
        del translation.attrib["type"]
        filled += 1
    if filled:
        tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {carry(Path(name))} translation(s) carried to a new context")
