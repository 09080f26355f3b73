"""Social infrastructure overlay and the arrival "ecosystem" (recommendations 2, 3 and 5).

numpy/scipy/shapely only, no QGIS import. The QGIS shell (``processing/infrastructure_overlay.py``)
reads the layers, this module does the method:

1. **Category scheme** (``load_scheme``): the built-in ``resources/categories/scheme.json`` or a
   user's JSON (a whole scheme) or CSV (extra rules, put before the built-in ones). Each facility
   gets one category key by, in this order,
   a category-field value (``value_rules``, category keys and labels), OpenStreetMap tags
   (``tag_rules``: amenity, social_facility, office, healthcare, shop, religion, …; the first
   matching rule wins), the layer name (``layer_rules``, e.g. the Berlin POI files
   ``berlin-points-of-interest-libraries-details``), and the facility name (``name_rules``: only
   where a tag or layer rule says ``refine_by_name`` — e.g. the generic Berlin ``offices`` layer,
   in which "Jobcenter Mitte" is *work* — or where nothing else matched). Whatever stays unknown is
   ``other`` and reported with the token that could not be matched.
2. **Representative points** (``representative_points``): where the residents are assumed to
   live. With buildings: every building's point on surface, weighted by its footprint share of the
   area (the area's population spread over its buildings by footprint area); else a regular grid
   inside the area (residents evenly spread); else, or for tiny areas, one point on the surface
   (``core/demand.place``, shared with the siting and the walking catchments).
3. **Ecosystem** (``analyse``): per area and category the count of facilities inside, per 1,000
   inhabitants, and the walking minutes to the nearest facility, measured from the representative
   points: the population-weighted **median** over the area's points (with one point per area:
   that point's minutes) — the time within which half of the residents reach the nearest
   facility. A category is *reachable* when that median is within ``max_minutes``.
   ``eco_score`` = share of the scored categories reachable; ``eco_missing`` = the others;
   ``lang_match`` = share of the residents' languages offered by a facility within ``max_minutes``;
   ``priority`` = arrival quarters (``aq_class`` established/emerging) with a low ``eco_score``.
   Per facility: population (and arrivals, and residents of arrival quarters) within its walking
   catchment. Counts of people below the confidentiality threshold are blanked (NaN).

Distances come from two callables so the method is independent of the engine:
``nearest(src_xy, dst_xy) -> (metres (n_dst,), which src (n_dst,))`` and
``distances(src_xy, dst_xy, limit) -> csr (n_src, n_dst)`` with entries <= limit only (a zero is
stored as a tiny positive number). ``StraightLine`` gives both on straight lines; the walking
network's ``WalkGraph.nearest``/``WalkGraph.distances`` (``core/network.py``) have the same form.
"""

from __future__ import annotations

# The overlay is split by topic; this module keeps the old names (``from ..core import infrastructure as infra``).
from .categories import (  # noqa: F401
    BUILTIN_SCHEME,
    OSM_TAG_KEYS,
    OTHER,
    Category,
    Rule,
    Scheme,
    SchemeError,
    load_scheme,
    parse_other_tags,
    scheme_from_dict,
)
from .distances import RepPoints, StraightLine, assign_points, representative_points, weighted_median  # noqa: F401
from .ecosystem import AQ_CLASSES, PRIORITY_CODES, OverlayInputs, OverlayResult, analyse  # noqa: F401
from .languages import NATIONALITY_LANGUAGE, needed_languages, parse_languages  # noqa: F401
from .network import DEFAULT_SPEED_KMH, metres_to_minutes, minutes_to_metres  # noqa: F401
