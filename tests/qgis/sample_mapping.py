"""The bundled sample's field mapping as the demo fills it in: scripts/demo.py's PANEL_FIELDS/PANEL_UNITS through
core/workflow.classify_params (the one description of step 1's mapping into the classification)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

import demo  # noqa: E402

from ankunft_plugin.core.workflow import classify_params  # noqa: E402


def sample_fields(id_field: str = "id", social: bool = True) -> dict:
    """ID_FIELD, POPULATION_FIELD and the indicator fields and units of the sample (without social: as the
    shipped model, which has no social-status input)."""
    fields = {k: v for k, v in demo.PANEL_FIELDS.items() if social or k != "social"}
    return classify_params(fields, demo.PANEL_UNITS, id_field)
