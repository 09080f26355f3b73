"""Building the strategy-map print layout: print styles of the map layers and the atlas layout.

Used by ``ankunft:strategymap`` on the main thread. Positions are given for A3 landscape (420 × 297 mm)
and scaled for A4 (same aspect ratio), so one design serves both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsBasicNumericFormat,
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsInvertedPolygonRenderer,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLegendStyle,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProperty,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsTableCell,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..core import vocabulary
from ..core.vocabulary import OKABE_ITO
from .texts import CLASS_ORDER, text

A3 = (420.0, 297.0)
A4 = (297.0, 210.0)
MM = Qgis.LayoutUnit.Millimeters

CLASS_COLORS = {t.key: (t.colour, t.brush) for t in vocabulary.CLASSES}  # one source: core/vocabulary
# Okabe-Ito without black (docking points) and bluish green; shapes change after the colours (core/vocabulary)
FACILITY_COLORS = list(vocabulary.CATEGORY_PALETTE)
FACILITY_SHAPES = list(vocabulary.CATEGORY_SHAPES)
HIDDEN_CATEGORIES = ("other", "unknown")  # not drawn: they are no offer of the ecosystem


def category_labels(lang: str) -> dict[str, str]:
    """Category key (and field code) → label of the built-in scheme in the map language ({} when there is none)."""
    out = {}
    for t in vocabulary.category_terms():
        out[t.key] = t.label(lang)
    for code, key in vocabulary.category_fields().items():
        out.setdefault(code, out.get(key, key))
    return out


# A font family that exists on this system (and on most others): QGIS's default QFont() is not enough,
# headless (offscreen) it is "DejaVu LGC Sans", which the desktop then reports missing at every project open.
# Never a downloadable web font such as "Open Sans" (offline: "font installation failed" at every open).
FONT_PREFERENCES = ("DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI")
_FONT_FAMILY: list = []


def font_family() -> str:
    """The first of FONT_PREFERENCES installed here, else the family Qt actually uses for its default font."""
    if not _FONT_FAMILY:
        from qgis.PyQt.QtGui import QFontDatabase, QFontInfo

        installed = set(QFontDatabase().families())
        chosen = next((f for f in FONT_PREFERENCES if f in installed), None) or QFontInfo(QFont()).family()
        _FONT_FAMILY.append(chosen)
    return _FONT_FAMILY[0]


def text_format(size: float, bold: bool = False, color: str = "#222222") -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont(font_family())
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(Qgis.RenderUnit.Points)
    fmt.setColor(QColor(color))
    return fmt


# -- print styles of the map layers ------------------------------------------------------------------
def style_quarters(layer, lang: str, class_field: str, name_field: str | None) -> None:
    categories = []
    for key in CLASS_ORDER:
        color, brush = CLASS_COLORS[key]
        symbol = QgsFillSymbol.createSimple({"color": color, "style": brush, "outline_color": "#6E6E6E", "outline_width": "0.2"})
        if key in vocabulary.ARRIVAL_CLASS_KEYS:
            symbol.setOpacity(0.72)
        categories.append(QgsRendererCategory(key, symbol, text(lang, key)))
    layer.setRenderer(QgsCategorizedSymbolRenderer(class_field, categories))
    if name_field:
        settings = QgsPalLayerSettings()
        settings.fieldName = name_field
        fmt = text_format(7.0, color="#303030")
        buf = QgsTextBufferSettings()
        buf.setEnabled(True)
        buf.setSize(0.8)
        buf.setColor(QColor(255, 255, 255, 220))
        fmt.setBuffer(buf)
        settings.setFormat(fmt)
        settings.placement = Qgis.LabelPlacement.Horizontal
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


def style_catchments(layer, lang: str, minutes_field: str | None) -> None:
    if minutes_field:
        values = sorted({round(float(v)) for v in layer.uniqueValues(layer.fields().lookupField(minutes_field)) if _is_number(v)})
    else:
        values = []
    if not values:
        symbol = QgsFillSymbol.createSimple({"color": "0,158,115,50", "outline_color": "#009E73", "outline_width": "0.4"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        return
    # sequential ColorBrewer YlGn (colour-blind safe, no class colour): darkest = shortest walk; each band
    # filled and outlined in its own step, so 10 and 15 minutes differ by colour, not only by dash pattern
    colours = vocabulary.band_colours(len(values))
    categories = []
    for i, v in enumerate(values):
        c = QColor(colours[i])
        symbol = QgsFillSymbol.createSimple(
            {
                "color": "{},{},{},{}".format(c.red(), c.green(), c.blue(), 70),
                "style": "solid",
                "outline_color": c.darker(115).name(),
                "outline_width": "0.5" if i == 0 else "0.35",
                "outline_style": "solid",
            }
        )
        categories.append(QgsRendererCategory(v, symbol, text(lang, "minutes").format(v)))
    renderer = QgsCategorizedSymbolRenderer('round("{}")'.format(minutes_field), categories)
    layer.setRenderer(renderer)
    # larger bands first, the 5-minute band on top
    order = QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause('"{}"'.format(minutes_field), False)])
    renderer.setOrderBy(order)
    renderer.setOrderByEnabled(True)


def style_plain_areas(layer) -> None:
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "#F4F4F4", "outline_color": "#6E6E6E", "outline_width": "0.2"})))


def style_not_measurable(layer, lang: str, fids) -> None:
    """The areas where coverage cannot be measured (no network data): grey cross-hatching, one legend entry."""
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#7A7A7A", "outline_width": "0.3", "outline_style": "dash"})
    for angle in (45, 135):
        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(angle)
        hatch.setDistance(1.6)
        hatch.setLineWidth(0.25)
        hatch.setColor(QColor("#8A8A8A"))
        symbol.insertSymbolLayer(0, hatch)
    root = QgsRuleBasedRenderer.Rule(None)
    ids = ",".join(str(int(f)) for f in fids) or "-1"
    root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "$id IN ({})".format(ids), text(lang, "not_measurable_item")))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def style_points(layer, shape: str, color: str, size: float, outline: str = "#FFFFFF") -> None:
    symbol = QgsMarkerSymbol.createSimple({"name": shape, "color": color, "size": str(size), "outline_color": outline, "outline_width": "0.35"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def style_docking(layer, lang: str) -> None:
    style_points(layer, "circle", "#000000", 3.0)


def style_suggested(layer, lang: str, rank_field: str | None) -> None:
    style_points(layer, "star", OKABE_ITO["vermillion"], 6.0, outline="#000000")
    if rank_field:
        settings = QgsPalLayerSettings()
        settings.fieldName = rank_field
        fmt = text_format(8.5, bold=True, color="#000000")
        buf = QgsTextBufferSettings()
        buf.setEnabled(True)
        buf.setSize(1.0)
        buf.setColor(QColor("#FFFFFF"))
        fmt.setBuffer(buf)
        settings.setFormat(fmt)
        settings.dist = 1.2
        settings.placement = Qgis.LabelPlacement.OrderedPositionsAroundPoint
        settings.priority = 10
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


def style_facilities(layer, lang: str, category_field: str | None) -> None:
    if not category_field:
        style_points(layer, "circle", OKABE_ITO["reddish_purple"], 1.8)
        return
    labels = category_labels(lang)
    idx = layer.fields().lookupField(category_field)
    values = sorted({str(v) for v in layer.uniqueValues(idx) if v is not None and str(v) not in ("", "NULL", *HIDDEN_CATEGORIES)})
    values = [v for v in values if v != "transit"] + (["transit"] if "transit" in values else [])
    categories = []
    for i, v in enumerate(values):
        if v == "transit":
            symbol = QgsMarkerSymbol.createSimple({"name": "square", "color": "#8C8C8C", "size": "1.3", "outline_color": "#FFFFFF", "outline_width": "0.1"})
            categories.append(QgsRendererCategory(v, symbol, labels.get(v, v)))
            continue
        symbol = QgsMarkerSymbol.createSimple(
            {
                "name": FACILITY_SHAPES[(i // len(FACILITY_COLORS)) % len(FACILITY_SHAPES)],
                "color": FACILITY_COLORS[i % len(FACILITY_COLORS)],
                "size": "1.9",
                "outline_color": "#333333",
                "outline_width": "0.15",
            }
        )
        categories.append(QgsRendererCategory(v, symbol, labels.get(v, v.replace("_", " ").capitalize())))
    layer.setRenderer(QgsCategorizedSymbolRenderer(category_field, categories))


def style_priority(layer, lang: str) -> None:
    """Areas of the infrastructure overlay: only arrival quarters with gaps (priority 'first'), hatched."""
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": OKABE_ITO["vermillion"], "outline_width": "0.7"})
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(2.2)
    hatch.setLineWidth(0.3)
    hatch.setColor(QColor(OKABE_ITO["vermillion"]))
    symbol.insertSymbolLayer(0, hatch)
    root = QgsRuleBasedRenderer.Rule(None)
    rule = QgsRuleBasedRenderer.Rule(symbol, 0, 0, "\"priority\" = 'first'", text(lang, "priority_item"))
    root.appendChild(rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))


def style_streets(layer, highway_field: str | None) -> None:
    minor = QgsLineSymbol.createSimple({"color": "#A8A8A8", "width": "0.18", "capstyle": "round"})
    if not highway_field:
        layer.setRenderer(QgsSingleSymbolRenderer(minor))
        return
    major = QgsLineSymbol.createSimple({"color": "#8C8C8C", "width": "0.55", "capstyle": "round"})
    path = QgsLineSymbol.createSimple({"color": "#C4C4C4", "width": "0.12", "line_style": "dot"})
    root = QgsRuleBasedRenderer.Rule(None)
    f = '"{}"'.format(highway_field)
    root.appendChild(
        QgsRuleBasedRenderer.Rule(major, 0, 0, "{} IN ('primary','secondary','tertiary','trunk','primary_link','secondary_link','tertiary_link')".format(f), "major")
    )
    root.appendChild(QgsRuleBasedRenderer.Rule(path, 0, 0, "{} IN ('footway','path','cycleway','steps','track','bridleway')".format(f), "path"))
    root.appendChild(QgsRuleBasedRenderer.Rule(minor, 0, 0, "ELSE", "other"))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def style_water(layer) -> None:
    if layer.geometryType() == Qgis.GeometryType.Line:
        layer.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#9CC9E6", "width": "0.8"})))
    else:
        layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "#CFE6F5", "outline_color": "#9CC9E6", "outline_width": "0.2"})))


def style_pages(layer, name_field: str) -> None:
    """The coverage layer: the current page's district outlined strongly, the others lightly dashed."""
    root = QgsRuleBasedRenderer.Rule(None)
    current = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#1A1A1A", "outline_width": "1.0"})
    other = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#555555", "outline_width": "0.3", "outline_style": "dash"})
    root.appendChild(QgsRuleBasedRenderer.Rule(current, 0, 0, "@atlas_featureid IS NULL OR $id = @atlas_featureid", "current"))
    root.appendChild(QgsRuleBasedRenderer.Rule(other, 0, 0, "ELSE", "other"))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def style_page_mask(layer) -> None:
    """Everything outside the current atlas page veiled in white, so the page's district stands out."""
    veil = QgsFillSymbol.createSimple({"color": "255,255,255,150", "style": "solid", "outline_style": "no"})
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(veil, 0, 0, "@atlas_featureid IS NOT NULL AND $id = @atlas_featureid", "current"))
    layer.setRenderer(QgsInvertedPolygonRenderer(QgsRuleBasedRenderer(root)))


def _is_number(v) -> bool:
    try:
        float(v)
    except (TypeError, ValueError):
        return False
    return True


# -- the layout -------------------------------------------------------------------------------------
@dataclass
class LayoutSpec:
    name: str
    title: str
    lang: str
    paper: tuple[float, float]
    crs: object
    coverage: object  # the coverage (pages) layer, with name and kf_* fields
    name_field: str
    sort_field: str | None
    map_layers: list  # top to bottom
    legend_layers: list  # top to bottom
    attribution: str
    date_text: str
    version: str
    minutes: int
    threshold: float
    coverage_note: str = ""
    units_km: bool = False
    table_fields: list = field(default_factory=list)  # [(label, field name)]
    sites: bool = False  # list the suggested sites (field t_sites of the coverage layer)


def _place(item, x, y, w, h, s):
    item.attemptMove(QgsLayoutPoint(x * s, y * s, MM))
    item.attemptResize(QgsLayoutSize(w * s, h * s, MM))


def _label(layout, content: str, size: float, s: float, bold=False, color="#222222"):
    label = QgsLayoutItemLabel(layout)
    label.setText(content)
    label.setTextFormat(text_format(max(5.5, size * s ** 0.5 if s < 1 else size), bold=bold, color=color))
    label.setMarginX(0)
    label.setMarginY(0)
    layout.addLayoutItem(label)
    return label


def north_arrow_path() -> str:
    for base in QgsApplication.svgPaths():
        p = Path(base) / "arrows" / "NorthArrow_02.svg"
        if p.exists():
            return str(p)
    return ""


ATLAS_PREVIEW_PROPERTY = "ankunft/atlas_preview"  # read by the plugin when the layout designer opens


def page_value(spec: LayoutSpec, field_name: str) -> str:
    """An expression for a field of the current atlas page; with the atlas preview off (QGIS opens every
    layout so, @atlas_featureid is NULL then) the first page's value, never the bare expression or NULL."""
    first = "get_feature(@atlas_layerid, '{}', 1)".format(spec.sort_field) if spec.sort_field else "get_feature_by_id(@atlas_layerid, 1)"
    return "if(@atlas_featureid IS NULL, attribute({first}, '{f}'), attribute(@atlas_feature, '{f}'))".format(first=first, f=field_name)


def build_layout(project, spec: LayoutSpec) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(spec.name)
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(spec.paper[0], spec.paper[1], MM))
    s = spec.paper[0] / A3[0]
    fs = 1.0 if s >= 1 else 0.82  # fonts shrink less than the page

    _add_titles(layout, spec, s, fs)
    mp, map_w = _add_map(project, layout, spec, s)
    _set_atlas(layout, spec, mp)
    # right column
    x0 = 10 + map_w + 6
    w0 = 410 - x0
    _add_legend(layout, spec, mp, s, fs, (x0, w0))
    _add_key_figures(layout, spec, s, fs, (x0, w0))
    if spec.sites:
        _add_sites(layout, spec, s, fs, (x0, w0))
    _add_north_arrow(layout, mp, s, x0)
    _add_scale_bar(layout, spec, mp, s, fs, x0)
    _add_provenance(layout, spec, s, fs, (x0, w0))
    return layout


def _add_titles(layout, spec: LayoutSpec, s: float, fs: float) -> None:
    """Title and subtitle (creation date and version; the data reference dates are in the right column)."""
    title = _label(layout, "{} – [% {} %]".format(spec.title.replace("[%", "[ %"), page_value(spec, spec.name_field)), 20 * fs, 1.0, bold=True)
    title.setId("title")
    _place(title, 10, 7, 400, 11, s)
    sub = _label(layout, spec.date_text, 9 * fs, 1.0, color="#555555")
    sub.setId("subtitle")
    _place(sub, 10, 18.5, 290, 5, s)


def _add_map(project, layout, spec: LayoutSpec, s: float) -> tuple[QgsLayoutItemMap, int]:
    """The map, zoomed to the coverage layer; returns it and its width (unscaled mm)."""
    mp = QgsLayoutItemMap(layout)
    mp.setId("map")
    mp.setCrs(spec.crs)
    mp.setLayers(spec.map_layers)
    mp.setKeepLayerSet(True)
    mp.setFrameEnabled(True)
    mp.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    layout.addLayoutItem(mp)
    # A4: fonts shrink less than the page, so the right column takes a larger share of the width
    map_w = 262 if s >= 1 else 238
    _place(mp, 10, 25, map_w, 262, s)
    extent = spec.coverage.extent()
    if spec.coverage.crs() != spec.crs:
        from qgis.core import QgsCoordinateTransform

        extent = QgsCoordinateTransform(spec.coverage.crs(), spec.crs, project.transformContext()).transformBoundingBox(extent)
    mp.zoomToExtent(extent)
    return mp, map_w


def _set_atlas(layout, spec: LayoutSpec, mp) -> None:
    """One page per feature of the coverage layer, the map driven by it."""
    atlas = layout.atlas()
    atlas.setCoverageLayer(spec.coverage)
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setPageNameExpression('"{}"'.format(spec.name_field))
    atlas.setFilenameExpression("'{}_' || lpad(to_string(@atlas_featurenumber), 2, '0')".format("strategiekarte" if spec.lang == "de" else "strategy_map"))
    if spec.sort_field:
        atlas.setSortFeatures(True)
        atlas.setSortExpression('"{}"'.format(spec.sort_field))
        atlas.setSortAscending(True)
    mp.setAtlasDriven(True)
    mp.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    mp.setAtlasMargin(0.06)
    layout.setCustomProperty(ATLAS_PREVIEW_PROPERTY, True)


def _add_legend(layout, spec: LayoutSpec, mp, s: float, fs: float, column: tuple[float, float]) -> None:
    """The legend at the top of the right column (column = its x and width, unscaled mm)."""
    x0, w0 = column
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle(text(spec.lang, "legend"))
    legend.setLinkedMap(mp)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.clear()
    for layer in spec.legend_layers:
        root.addLayer(layer)
    legend.setLegendFilterByMapEnabled(True)
    legend.setLegendFilterOutAtlas(True)
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setEqualColumnWidth(False)
    legend.setColumnSpace(2.5 * s)
    legend.setSymbolWidth(6 * max(s, 0.8))
    legend.setSymbolHeight(3.4 * max(s, 0.8))
    legend.setWrapString("")
    legend.rstyle(QgsLegendStyle.Style.Title).setTextFormat(text_format(11 * fs, bold=True))
    legend.rstyle(QgsLegendStyle.Style.Group).setTextFormat(text_format(8.5 * fs, bold=True))
    legend.rstyle(QgsLegendStyle.Style.Subgroup).setTextFormat(text_format(8.5 * fs, bold=True))
    legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setTextFormat(text_format(7.5 * fs))
    legend.rstyle(QgsLegendStyle.Style.Symbol).setTextFormat(text_format(7.5 * fs))  # every style names our font
    row_gap, group_gap = (1.0, 2.2) if s >= 1 else (0.6, 1.5)  # A4: tighter rows, the legend has less room
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, row_gap)
    legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setMargin(QgsLegendStyle.Side.Top, row_gap)
    legend.rstyle(QgsLegendStyle.Style.Group).setMargin(QgsLegendStyle.Side.Top, group_gap)
    legend.rstyle(QgsLegendStyle.Style.Subgroup).setMargin(QgsLegendStyle.Side.Top, group_gap)
    legend.setResizeToContents(False)
    legend.setFrameEnabled(False)
    layout.addLayoutItem(legend)
    _place(legend, x0, 25, w0, 92, s)


def _add_key_figures(layout, spec: LayoutSpec, s: float, fs: float, column: tuple[float, float]) -> None:
    """The key figures: title, a table of the page's values (spec.table_fields) and the note under it."""
    x0, w0 = column
    kf_title = _label(layout, text(spec.lang, "kf_title"), 11 * fs, 1.0, bold=True)
    kf_title.setId("keyfigures_title")
    _place(kf_title, x0, 118, w0, 6, s)
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    rows = []
    for label, fname in spec.table_fields:
        rows.append([QgsTableCell(label), QgsTableCell(QgsProperty.fromExpression(page_value(spec, fname)))])
    table.setTableContents(rows)
    table.setIncludeTableHeader(False)
    table.setContentTextFormat(text_format(7.5 * fs))
    table.setHeaderTextFormat(text_format(7.5 * fs, bold=True))  # not shown, but stored: no stray font
    table.setCellMargin(0.9 * max(s, 0.8))
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#9A9A9A"))
    table.setShowGrid(True)
    table.setHorizontalGrid(True)
    table.setVerticalGrid(False)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setColumnWidths([44 * max(s, 0.8), (w0 - 48) * s])
    frame = QgsLayoutFrame(layout, table)
    frame.setId("keyfigures")
    _place(frame, x0, 124, w0, 70, s)
    table.addFrame(frame)
    notes = [text(spec.lang, "suppressed_note").format(int(spec.threshold)), spec.coverage_note, "[% {} %]".format(page_value(spec, "t_totals"))]
    note = _label(layout, "\n".join(t for t in notes if t), 6.5 * fs, 1.0, color="#444444")
    note.setId("keyfigures_note")
    _place(note, x0, 195, w0, 19, s)


def _add_sites(layout, spec: LayoutSpec, s: float, fs: float, column: tuple[float, float]) -> None:
    """The suggested sites of the page, listed by name (field t_sites of the coverage layer)."""
    x0, w0 = column
    sites_title = _label(layout, text(spec.lang, "sites_title"), 8.5 * fs, 1.0, bold=True)
    sites_title.setId("sites_title")
    _place(sites_title, x0, 215, w0, 5, s)
    sites = _label(layout, "[% {} %]".format(page_value(spec, "t_sites")), 7.5 * fs, 1.0)
    sites.setId("sites")
    _place(sites, x0, 220.5, w0, 20, s)


def _add_north_arrow(layout, mp, s: float, x0: float) -> None:
    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    path = north_arrow_path()
    if path:
        arrow.setPicturePath(path)
    arrow.setLinkedMap(mp)
    arrow.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    layout.addLayoutItem(arrow)
    _place(arrow, x0, 242, 7, 10, s)


def _add_scale_bar(layout, spec: LayoutSpec, mp, s: float, fs: float, x0: float) -> None:
    """A scale bar in m or km (spec.units_km), numbers with the language's separators."""
    bar = QgsLayoutItemScaleBar(layout)
    bar.setId("scalebar")
    bar.setStyle("Single Box")
    bar.setLinkedMap(mp)
    if spec.units_km:
        bar.setUnits(Qgis.DistanceUnit.Kilometers)
        bar.setUnitLabel("km")
        bar.setMapUnitsPerScaleBarUnit(1000.0)
    else:
        bar.setUnits(Qgis.DistanceUnit.Meters)
        bar.setUnitLabel("m")
        bar.setMapUnitsPerScaleBarUnit(1.0)
    bar.setNumberOfSegments(2)
    bar.setNumberOfSegmentsLeft(0)
    bar.setSegmentSizeMode(Qgis.ScaleBarSegmentSizeMode.FitWidth)
    bar.setMinimumBarWidth(40 * s)
    bar.setMaximumBarWidth(70 * s)
    bar.setHeight(2.2 * s)
    bar.setTextFormat(text_format(7 * fs))
    bar.setNumericFormat(_scale_bar_numbers(spec))
    bar.setAlignment(Qgis.ScaleBarAlignment.Left)
    layout.addLayoutItem(bar)
    _place(bar, x0 + 12, 244, 80, 9, s)


def _scale_bar_numbers(spec: LayoutSpec) -> QgsBasicNumericFormat:
    number_format = QgsBasicNumericFormat()
    number_format.setShowThousandsSeparator(True)
    if spec.lang == "de":
        number_format.setThousandsSeparator(".")
        number_format.setDecimalSeparator(",")
    number_format.setNumberDecimalPlaces(1 if spec.units_km else 0)
    return number_format


def _add_provenance(layout, spec: LayoutSpec, s: float, fs: float, column: tuple[float, float]) -> None:
    """Provenance (data reference dates, issuing office, sources) and the page number."""
    x0, w0 = column
    att = _label(layout, spec.attribution, 6.5 * fs, 1.0, color="#333333")
    att.setId("attribution")
    _place(att, x0, 255, w0, 26, s)
    page_label = _label(layout, text(spec.lang, "page_of"), 7 * fs, 1.0, color="#555555")
    page_label.setId("page_number")
    _place(page_label, x0, 282, w0, 5, s)


def enable_atlas_preview(designer) -> bool:
    """Switch on the atlas preview of a layout designer showing one of our layouts (QGIS itself does not
    store the preview state: it opens every layout with the preview off, the title as a bare expression)."""
    layout = designer.masterLayout()
    if layout is None or not hasattr(layout, "atlas"):  # designer.layout() is a plain QgsLayout in PyQGIS
        plain = designer.layout()
        project = plain.project() if plain is not None else None
        layout = project.layoutManager().layoutByName(plain.name()) if project is not None else None
    if layout is None or not hasattr(layout, "atlas") or not layout.customProperty(ATLAS_PREVIEW_PROPERTY, False):
        return False
    if not layout.atlas().enabled():
        return False
    designer.setAtlasPreviewEnabled(True)
    return True


def export_pdf(layout, path: str, dpi: float = 200.0, feedback=None) -> tuple[bool, str]:
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.appendGeoreference = True
    settings.simplifyGeometries = True
    # real text (searchable, checkable), not outlines
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), path, settings, feedback)
    if result == QgsLayoutExporter.ExportResult.Canceled:
        return False, "canceled"
    return result == QgsLayoutExporter.ExportResult.Success, error


def export_png(layout, folder: str, dpi: float = 150.0, feedback=None) -> tuple[bool, str, list[str]]:
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    before = set(Path(folder).glob("*.png"))
    result, error = QgsLayoutExporter.exportToImage(layout.atlas(), str(Path(folder) / "page.png"), "png", settings, feedback)
    if result == QgsLayoutExporter.ExportResult.Canceled:
        return False, "canceled", []
    after = sorted(set(Path(folder).glob("*.png")) - before)
    return result == QgsLayoutExporter.ExportResult.Success, error, [str(p) for p in after]


__all__ = [
    "A3",
    "A4",
    "LayoutSpec",
    "build_layout",
    "category_labels",
    "enable_atlas_preview",
    "export_pdf",
    "export_png",
    "style_catchments",
    "style_docking",
    "style_facilities",
    "style_not_measurable",
    "style_page_mask",
    "style_pages",
    "style_plain_areas",
    "style_priority",
    "style_quarters",
    "style_streets",
    "style_suggested",
    "style_water",
]
