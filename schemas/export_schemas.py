"""Write the JSON Schema of the study package: `python schemas/export_schemas.py` (output committed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from etudes_desktop.core.study import package_json_schema  # noqa: E402

TARGET = HERE / "study-package.schema.json"


def render() -> str:
    return json.dumps(package_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(TARGET)
