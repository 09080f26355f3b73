"""The texts of the shipped models (``resources/models/*.model3``), translatable.

A ``.model3`` file holds one language. The shipped models keep English there; ``ShippedModel``
(``processing/provider.py``) shows every parameter name, parameter help, step and output name through
``tr()`` with the context ``AnkunftModel``, so the model speaks German in a German QGIS. The strings are
listed here with ``QT_TRANSLATE_NOOP`` so that ``make translations`` (pylupdate5) finds them;
``tests/unit/test_model.py`` fails when a text of a shipped model is missing here.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AnkunftModel"

TEXTS = (
    # ankunft:fullanalysis – inputs, in the order the model shows them
    QT_TRANSLATE_NOOP("AnkunftModel", "Areas with statistics (whole city)"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Blocks or planning areas of the whole city with population and indicators."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Area id field"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Area id."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Population field"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Inhabitants per area."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Arrivals field"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Arrivals field (see Classify arrival quarters)."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Arrivals field: unit"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Unit of the field."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Turnover field"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Turnover field (see Classify arrival quarters)."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Turnover field: unit"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Diversity field"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Diversity field (see Classify arrival quarters)."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Diversity field: unit"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Districts (one map page each; the areas within them are analysed)"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Districts to map, one page each; the areas that lie within one of them are analysed (walking network, infrastructure, siting)."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Streets and paths (OSM)"),
    QT_TRANSLATE_NOOP("AnkunftModel", "The walking network source, e.g. an OSM extract."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Buildings"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Buildings: population is placed on them."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Social infrastructure (one or more layers)"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Facilities; categories from OSM tags or the layer names."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Existing docking points"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Existing docking points."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Walking minutes"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Walking limit for infrastructure and siting."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Candidate sites"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Candidate sites for new docking points."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Number of new docking points"),
    QT_TRANSLATE_NOOP("AnkunftModel", "How many new sites to suggest."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Map title"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Title of the strategy map."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Water (map background)"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Water for the map background."),
    # steps and outputs
    QT_TRANSLATE_NOOP("AnkunftModel", "Walking catchments"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Classify arrival quarters"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Classified quarters"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Areas in the districts"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Social infrastructure overlay"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Infrastructure per quarter"),
    QT_TRANSLATE_NOOP("AnkunftModel", "District strategy map"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Map pages with key figures"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Strategy map (PDF)"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Prepare walking network"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Suggest docking points"),
    QT_TRANSLATE_NOOP("AnkunftModel", "Suggested docking points"),
    # help of the outputs (the steps' own output help)
    QT_TRANSLATE_NOOP("AnkunftModel", "One polygon per page (the atlas coverage) with the key figures as numbers (kf_…) and as printed text (t_…)."),
    QT_TRANSLATE_NOOP("AnkunftModel", "Polygons with point_id, minutes, reach_m (network length reached), area_m2, population, snap_status and snap_dist_m."),
    QT_TRANSLATE_NOOP("AnkunftModel", "The areas with aq_class, aq_label, aq_score, rate_… and z_… per indicator, aq_reason, aq_flag (new_build, duplicate_id), aq_growth (with a start population) and the robustness fields."),
    QT_TRANSLATE_NOOP("AnkunftModel", "The areas with n_…, p1k_… and min_… per category, eco_score, eco_missing, lang_match, priority and dist_method."),
    QT_TRANSLATE_NOOP("AnkunftModel", "The chosen candidates with their attributes and rank, added_weight (people newly reached), cum_coverage_pct (share of all people reached with the existing sites and ranks 1…rank) and visibility."),
    QT_TRANSLATE_NOOP("AnkunftModel", "The multi-page PDF, one page per district."),
    # the model's description (English part of ALG_DESC)
    QT_TRANSLATE_NOOP("AnkunftModel", "The whole Ankunft analysis in one model: classify the areas, prepare the walking network, social infrastructure overlay and walking catchments in the districts, suggest new docking points, and the district strategy map (PDF). Open it in the model designer to change steps or defaults."),
)


# ankunft:fullanalysis inputs in the order of the work (not alphabetical): the areas and their statistics,
# where to look, the walking network and the buildings, the offers, the siting, the map.
FULLANALYSIS_ORDER = (
    "AREAS",
    "ID_FIELD",
    "POPULATION_FIELD",
    "ARRIVALS_FIELD",
    "ARRIVALS_UNIT",
    "TURNOVER_FIELD",
    "TURNOVER_UNIT",
    "DIVERSITY_FIELD",
    "DIVERSITY_UNIT",
    "DISTRICTS",
    "ROADS",
    "BUILDINGS",
    "FACILITIES",
    "DOCKING_POINTS",
    "MINUTES",
    "CANDIDATES",
    "COUNT",
    "TITLE",
    "WATER",
)


def parameter_order(names) -> list[str]:
    """The model's input names in ``FULLANALYSIS_ORDER``; inputs not listed there follow in their order."""
    names = list(names)
    return [n for n in FULLANALYSIS_ORDER if n in names] + [n for n in names if n not in FULLANALYSIS_ORDER]


def tr(text: str) -> str:
    """A model text in the QGIS language (unchanged when there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text) if text else text
