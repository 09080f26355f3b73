"""Step 1: the areas layer, which field holds what (field mapping) and the preview with its checks."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsFieldProxyModel,
    QgsProcessingParameterField,
    QgsVectorLayer,
)
from qgis.gui import (
    QgsFieldComboBox,
)
from qgis.PyQt.QtWidgets import QComboBox, QLabel, QTableWidgetItem

from ..core import fieldmatch
from ..core.numbers import COUNT, RATE, read_column
from ..processing.number_reading import reading_text
from .common import CHECK_MAX_FEATURES, DEFAULT_ROLES, PREVIEW_ROWS, ROLE_PARAMS, STEPS, html, tooltip


class DataPageMixin:
    def _classify_param(self, name: str):
        alg = self.algorithm(STEPS[1].alg_id)
        return alg.parameterDefinition(name) if alg is not None else None

    def roles(self) -> tuple[str, ...]:
        """The roles to map: those the classification algorithm has parameters for."""
        alg = self.algorithm(STEPS[1].alg_id)
        if alg is None:
            return DEFAULT_ROLES
        return tuple(r for r, (p, _u) in ROLE_PARAMS.items() if alg.parameterDefinition(p) is not None)

    def _build_mapping_rows(self) -> None:
        grid = self.ui.mappingGrid
        for combo, unit, hint in self.role_widgets.values():
            for widget in (combo, unit, hint):
                if widget is not None:
                    grid.removeWidget(widget)
                    widget.deleteLater()
        for i in reversed(range(grid.count())):
            item = grid.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.ui.mappingHeaderField:
                grid.removeWidget(widget)
                widget.deleteLater()
        self.role_widgets = {}
        # each role on two rows (its name, then field and unit): the field names get the width
        self.ui.mappingHeaderField.setVisible(False)
        grid.addWidget(self.ui.mappingHeaderField, 0, 0)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 0)
        layer = self.layer()
        for row, role in enumerate(self.roles(), start=1):
            label = QLabel(self.role_label(role))
            label.setWordWrap(True)
            combo = QgsFieldComboBox()
            combo.setObjectName("field_" + role)
            combo.setAllowEmptyFieldName(True)
            param = self._classify_param(ROLE_PARAMS[role][0])
            if isinstance(param, QgsProcessingParameterField) and param.dataType() == Qgis.ProcessingFieldParameterDataType.Numeric:
                combo.setFilters(QgsFieldProxyModel.Filter.Numeric)
            if param is not None:
                combo.setToolTip(tooltip(param.help() or param.description()))
                optional = bool(param.flags() & Qgis.ProcessingParameterFlag.Optional)
                if not optional:
                    label.setText(label.text() + " *")
            combo.setLayer(layer)
            unit = None
            if ROLE_PARAMS[role][1]:
                unit = QComboBox()
                unit.setObjectName("unit_" + role)
                unit.addItems(self.unit_labels())  # codes 0 count, 1 percent, 2 per 1000 (as the algorithm)
                unit_param = self._classify_param(ROLE_PARAMS[role][1])
                if unit_param is not None:
                    unit.setToolTip(tooltip(unit_param.help() or unit_param.description()))
                unit.currentIndexChanged.connect(self._on_mapping_changed)
            hint = QLabel("")
            hint.setObjectName("hint_" + role)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            grid.addWidget(label, 2 * row - 1, 0, 1, 3)
            grid.addWidget(combo, 2 * row, 0)
            if unit is not None:
                unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                unit.setMinimumContentsLength(6)
                grid.addWidget(unit, 2 * row, 1)
            grid.addWidget(hint, 2 * row, 2)
            combo.fieldChanged.connect(self._on_mapping_changed)
            self.role_widgets[role] = (combo, unit, hint)
            setattr(self, "_label_" + role, label)

    def layer(self) -> QgsVectorLayer | None:
        layer = self.ui.layerCombo.currentLayer()
        return layer if isinstance(layer, QgsVectorLayer) and layer.isValid() else None

    def set_layer(self, layer) -> None:
        """Choose the areas layer (the planner's or a restored choice: kept when layers come in)."""
        self._areas_fixed = layer is not None
        self.ui.layerCombo.setLayer(layer)

    def mapping(self) -> dict:
        """{"layer": id, "id": field, "fields": {role: field}, "units": {role: code}}."""
        layer = self.layer()
        return {
            "layer": layer.id() if layer is not None else "",
            "id": self.ui.idFieldCombo.currentField(),
            "fields": {role: combo.currentField() for role, (combo, _u, _h) in self.role_widgets.items()},
            "units": {role: unit.currentIndex() for role, (_c, unit, _h) in self.role_widgets.items() if unit is not None},
        }

    def set_mapping(self, mapping: dict) -> None:
        self.ui.idFieldCombo.setField(mapping.get("id", "") or "")
        for role, (combo, unit, _hint) in self.role_widgets.items():
            combo.setField((mapping.get("fields") or {}).get(role, "") or "")
            code = (mapping.get("units") or {}).get(role)
            if unit is not None and code is not None and 0 <= int(code) < unit.count():
                unit.setCurrentIndex(int(code))

    def _on_layer_changed(self, layer) -> None:
        self.ui.idFieldCombo.setLayer(self.layer())
        for combo, _unit, _hint in self.role_widgets.values():
            combo.setLayer(self.layer())
        if not self._restoring:
            self.propose_fields()
        self._on_mapping_changed()

    def propose_fields(self) -> None:
        """Pre-select the fields by their names (fieldmatch) and guess the units from names and values."""
        layer = self.layer()
        self.matches = {}
        for _combo, _unit, hint in self.role_widgets.values():
            hint.setText("")
        if layer is None:
            return
        fields = layer.fields()
        names = [f.name() for f in fields]
        types = {f.name(): ("numeric" if f.isNumeric() else "text") for f in fields}
        samples: dict[str, list] = {name: [] for name in names}
        request = QgsFeatureRequest().setFlags(Qgis.FeatureRequestFlag.NoGeometry).setLimit(50)
        for feature in layer.getFeatures(request):
            for name in names:
                samples[name].append(feature[name])
        strict = any(combo.filters() == QgsFieldProxyModel.Filter.Numeric for combo, _u, _h in self.role_widgets.values())
        roles = ("id", *self.role_widgets)
        matches = fieldmatch.propose(names, types=types, roles=roles, samples=samples, strict=strict)
        self.matches = matches
        blocked = self._restoring
        self._restoring = True
        try:
            id_match = matches.get("id")
            self.ui.idFieldCombo.setField(id_match.field if id_match else "")
            for role, (combo, unit, hint) in self.role_widgets.items():
                match = matches.get(role)
                combo.setField(match.field if match else "")
                if match is not None:
                    hint.setText("✓")
                    hint.setToolTip(self.tr("Proposed from the field name (match {} %)").format(round(match.score * 100)))
                    if unit is not None:
                        unit.setCurrentIndex(match.unit)
        finally:
            self._restoring = blocked
        self._on_mapping_changed()

    def _on_mapping_changed(self, *_args) -> None:
        self.refresh_preview()
        self.save_settings()
        self.update_states()

    def _step_value(self, key: str, name: str, default):
        page = self.pages.get(key)
        value = page.value(name, None) if page is not None else None
        try:
            return float(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    def refresh_preview(self) -> None:
        """Preview of the first areas with the computed rates, and the warnings before a run."""
        ui = self.ui
        table = ui.previewTable
        table.clear()
        table.setRowCount(0)
        table.setColumnCount(0)
        layer = self.layer()
        self.check = None
        if layer is None:
            ui.warningsLabel.setText(self.tr("Choose or load a polygon layer with the areas."))
            return
        numeric_note = self._numeric_note(layer)
        mapping = self.mapping()
        fields = mapping["fields"]
        pop_field = fields.get("population") or ""
        indicators = [r for r in self.role_widgets if r != "population" and fields.get(r)]
        columns = self._preview_columns(mapping, indicators)
        data = _read_columns(layer, [c[1] for c in columns])
        if data is None:
            ui.warningsLabel.setText(self.tr("A chosen field is not in the layer any more; choose the fields again."))
            return
        readings = self._fill_preview(columns, data, mapping, indicators)

        lines = [numeric_note] if numeric_note else []
        lines += [("✓ " if not r.refused else "") + reading_text(r) for r in readings]
        if not pop_field:
            lines.append(self.tr("Choose the population field: rates are computed with it."))
        else:
            lines += self._check_lines(data, mapping, indicators, numeric_note)
        ui.warningsLabel.setText(
            "<br>".join("<span style='color:{}'>{}</span>".format("#006040" if ln.startswith("✓") else "#A04000", html(ln)) for ln in lines)
        )

    def _numeric_note(self, layer) -> str:
        """A note when the layer has no numeric field at all (the statistics may be text, or in another table)."""
        if not any(f.isNumeric() for f in layer.fields()):
            return self.tr("The layer has no numeric fields. Statistics stored as text are read where possible (German number format too); placeholders such as '.', '-' or 'x' never become numbers. Join the statistics to the areas first if they are in a separate table.")
        return ""

    def _preview_columns(self, mapping: dict, indicators: list[str]) -> list[tuple[str, str, str | None]]:
        """(title, field, role) of the preview's columns: the id, the population (role None: shown as they
        are) and each indicator (its role: shown as value → rate per 1000)."""
        fields = mapping["fields"]
        pop_field = fields.get("population") or ""
        columns = []
        if mapping["id"]:
            columns.append((self.tr("Id"), mapping["id"], None))
        if pop_field:
            columns.append((self.role_label("population"), pop_field, None))
        for role in indicators:
            columns.append((self.tr("{} (per 1000)").format(self.role_label(role)), fields[role], role))
        return columns

    def _fill_preview(self, columns: list, data: dict[str, list], mapping: dict, indicators: list[str]) -> list:
        """The first rows of the columns in the preview table; returns how each number column was read
        (the whole column, as the algorithms read it)."""
        table = self.ui.previewTable
        fields = mapping["fields"]
        units = mapping["units"]
        pop_field = fields.get("population") or ""
        population = data.get(pop_field, [])
        rates = {}
        for role in indicators:
            rates[role] = fieldmatch.to_per_1000(data[fields[role]], units.get(role, 0), population if pop_field else None)
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels([c[0] for c in columns])
        n = min(PREVIEW_ROWS, len(next(iter(data.values()), [])))
        table.setRowCount(n)
        readings = []
        for col, (_title, name, role) in enumerate(columns):
            raw = None
            if role is not None or name == pop_field:
                kind = COUNT if role is None or units.get(role, 0) == 0 else RATE
                raw, _problems, reading = read_column(data[name], role=kind, name=name)
                readings.append(reading)
            for row in range(n):
                value = data[name][row]
                text = _plain_text(value) if role is None else _rate_text(value, raw[row], rates[role][row])
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        return readings

    def _check_lines(self, data: dict[str, list], mapping: dict, indicators: list[str], numeric_note: str) -> list[str]:
        """The checks of the inputs before a run, as lines (the population field is chosen); sets self.check."""
        fields = mapping["fields"]
        units = mapping["units"]
        population = data.get(fields.get("population") or "", [])
        lines = []
        min_population = self._step_value("classify", "MIN_POPULATION", 300.0)
        suppress_below = self._step_value("classify", "SUPPRESS_BELOW", 3.0)
        check = fieldmatch.check_inputs(
            population, {r: (data[fields[r]], units.get(r, 0)) for r in indicators}, min_population, suppress_below
        )
        self.check = check
        if check.population_missing:
            lines.append(self.tr("Areas without a population value (empty or a placeholder): {n} of {total}; they get the class 'insufficient data'.").format(n=check.population_missing, total=check.rows))
        if check.small_population:
            lines.append(self.tr("Areas with fewer than {min} inhabitants: {n} of {total}; their rates are unreliable, they get 'insufficient data'.").format(n=check.small_population, total=check.rows, min="{:g}".format(min_population)))
        lines += self._indicator_lines(check, indicators, suppress_below)
        if not check.has_warnings() and not numeric_note:
            lines.append(self.tr("✓ {n} areas, no gaps found.").format(n=check.rows))
        return lines

    def _indicator_lines(self, check, indicators: list[str], suppress_below: float) -> list[str]:
        """Per indicator: suppressed or missing values, small counts, negative values, implausible rates."""
        lines = []
        for role in indicators:
            name = self.role_label(role)
            if check.placeholders.get(role):
                lines.append(self.tr("{field} – suppressed or missing values ('.', '-', 'x', empty): {n}; they never count as 0.").format(field=name, n=check.placeholders[role]))
            if check.small_counts.get(role):
                lines.append(self.tr("{field} – counts below {t}: {n}; left empty in the results (statistical confidentiality).").format(field=name, n=check.small_counts[role], t="{:g}".format(suppress_below)))
            if check.negative.get(role):
                lines.append(self.tr("{field} – negative values (net figures such as population growth): {n}; they rank low.").format(field=name, n=check.negative[role]))
            if check.implausible.get(role):
                lines.append(self.tr("{field} – rates above 1000 per 1000 inhabitants: {n}; check the unit.").format(field=name, n=check.implausible[role]))
        return lines

    def data_ready(self) -> bool:
        mapping = self.mapping()
        fields = mapping["fields"]
        if not mapping["layer"] or not fields.get("population"):
            return False
        return any(fields.get(r) for r in self.role_widgets if r not in ("population", "social"))


def _read_columns(layer, names: list[str]) -> dict[str, list] | None:
    """The values of these fields of the first CHECK_MAX_FEATURES features (no geometry); None when a
    field is not in the layer any more."""
    lookup = {name: layer.fields().lookupField(name) for name in set(names)}
    if any(index < 0 for index in lookup.values()):
        return None
    request = QgsFeatureRequest().setFlags(Qgis.FeatureRequestFlag.NoGeometry)
    request.setSubsetOfAttributes(list(lookup.values()))
    request.setLimit(CHECK_MAX_FEATURES)
    data: dict[str, list] = {name: [] for name in lookup}
    for feature in layer.getFeatures(request):
        for name, index in lookup.items():
            data[name].append(feature.attribute(index))
    return data


def _plain_text(value) -> str:
    """An id or population cell: the value as it is, empty for NULL."""
    return "" if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)


def _rate_text(value, number: float, rate: float) -> str:
    """An indicator cell: the number as read (else the value as it is) → the rate per 1000 (– when none)."""
    raw_text = "{:g}".format(number) if number == number else str(value)
    rate_text = "{:.1f}".format(rate) if rate == rate else "–"
    return "{} → {}".format(raw_text, rate_text)
