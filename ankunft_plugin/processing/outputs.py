"""THE one output writer of the Ankunft algorithms.

Every output an algorithm writes goes through one ``OutputSession`` (the base class opens it around
``processAlgorithm``; algorithms keep calling ``self.parameterAsSink`` / ``parameterAsOutputLayer`` /
``parameterAsFileOutput`` as usual):

- **Files are written under a temporary name** (a hidden folder ``.ankunft-…`` next to the destination,
  same file name, so a GeoPackage's layer keeps its name) and moved into place only when the algorithm
  succeeds; on failure or cancel the temporary folder is removed, so nothing that looks like a result is
  left. Memory layers need no such care (Processing drops them with the failed run).
- **A failed write** (folder missing or read-only, disk full, a file in the way) ends in a
  ``QgsProcessingException`` that names the output, the path and the reason, never in a traceback.
- **Confidentiality is one rule applied here** (``core.confidentiality.blank_row``) to every feature of
  every vector output: fields that carry counts of people are blanked where ``0 < n < threshold``, and
  fields derived from them (rates, shares) in the same row. Which fields carry people: the algorithm's
  ``PEOPLE`` declaration (output key → field names or patterns), ``DERIVED`` (output key → {field or
  pattern: (count fields…)}; ``"@PARAM"`` stands for the input field chosen in parameter ``PARAM``), every input field chosen in one of its ``PEOPLE_PARAMS`` (copied population fields
  are blanked wherever they appear), and anything declared at run time with ``self.declare_people``.
  The threshold is the algorithm's ``SUPPRESS_BELOW`` parameter if it has one, else 3.
- **Finishers**: ``FINISHERS`` is a list of callables ``fn(alg, key, path, context, feedback)`` run for every
  vector file output after it is closed and before it is moved into place (``path`` is the temporary file),
  e.g. to store the layer's default style and metadata inside the GeoPackage. A finisher that fails only
  warns. ``OutputSession.add_finisher(key, fn)`` does the same for one output of one run.
"""

from __future__ import annotations

import fnmatch
import gc
import os
import shutil
import tempfile
import traceback
import weakref

from qgis.core import (
    QgsFeatureSink,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.confidentiality import DEFAULT_THRESHOLD, blank_row

# fn(alg, key, path, context, feedback) for every vector file output, before it is moved into place.
FINISHERS: list = []


def plain_file_path(destination) -> str | None:
    """The destination as a plain file path, or None for memory layers, database URIs and
    ``file.gpkg|layername=…`` / ``ogr:`` destinations (written in place)."""
    if not isinstance(destination, str) or not destination:
        return None
    low = destination.lower()
    if low.startswith(("memory:", "ogr:", "postgres", "postgis:", "spatialite:", "mssql:", "oracle:", "hana:", "dbname=")):
        return None
    if "|" in destination or "://" in destination:
        return None
    return destination


def _folder_problem(folder: str) -> str:
    """Why a folder cannot be used: a file of that name on the way, or nothing to say."""
    part = os.path.abspath(folder)
    while part and part != os.path.dirname(part):
        if os.path.exists(part) and not os.path.isdir(part):
            return QCoreApplication.translate("AnkunftOutputs", "'{path}' is a file, not a folder").format(path=part)
        part = os.path.dirname(part)
    return ""


class GuardedSink(QgsFeatureSink):
    """A feature sink that applies the confidentiality rule to every feature and turns a failed
    write into a message naming the output and the reason."""

    def __init__(self, sink, fields, counts, derived, threshold, label: str, path: str):
        super().__init__()
        self._sink = sink
        self._fields = fields
        self._counts = sorted(counts)
        self._derived = derived
        self._threshold = threshold
        self._label = label
        self._path = path
        self.blanked: dict[str, int] = {}  # shared with the session: the sink may be deleted early (``del sink``)

    def _guard(self, feature) -> None:
        if not self._counts:
            return
        values, blanked = blank_row(feature.attributes(), self._counts, self._derived, self._threshold)
        if blanked:
            feature.setAttributes(values)
            for i in blanked:
                name = self._fields.at(i).name()
                self.blanked[name] = self.blanked.get(name, 0) + 1

    def addFeature(self, feature, flags=QgsFeatureSink.Flags()):  # noqa: N802,B008 (QGIS API)
        return self.addFeatures([feature], flags)

    def addFeatures(self, features, flags=QgsFeatureSink.Flags()):  # noqa: N802,B008 (QGIS API)
        if not isinstance(features, list):
            features = list(features)
        for f in features:
            self._guard(f)
        ok = self._sink.addFeatures(features, flags)
        if isinstance(ok, tuple):
            ok = ok[0]
        if not ok:
            raise QgsProcessingException(
                QCoreApplication.translate("AnkunftOutputs", "The output '{output}' could not be written to '{path}': {reason}").format(
                    output=self._label, path=self._path, reason=self._sink.lastError() or QCoreApplication.translate("AnkunftOutputs", "unknown error")
                )
            )
        return True

    def flushBuffer(self):  # noqa: N802
        return self._sink.flushBuffer()

    def lastError(self):  # noqa: N802
        return self._sink.lastError()

    def release(self) -> None:
        self._sink = None


class _FileOutput:
    """One file output: the final path, its temporary folder and path."""

    def __init__(self, key: str, label: str, final: str, vector: bool):
        self.key = key
        self.label = label
        self.final = os.path.abspath(final)
        self.vector = vector
        folder = os.path.dirname(self.final) or "."
        try:
            os.makedirs(folder, exist_ok=True)
            self.tmpdir = tempfile.mkdtemp(prefix=".ankunft-", dir=folder)
        except OSError as err:
            raise QgsProcessingException(
                QCoreApplication.translate("AnkunftOutputs", "The output '{output}' cannot be written to '{path}': {reason}. Choose a folder you may write to.").format(
                    output=label, path=final, reason=_folder_problem(folder) or err.strerror or str(err)
                )
            ) from None
        self.tmp = os.path.join(self.tmpdir, os.path.basename(self.final))

    def map_text(self, text: str) -> str:
        return text.replace(self.tmpdir + os.sep, os.path.dirname(self.final) + os.sep)

    def commit(self) -> None:
        names = sorted(os.listdir(self.tmpdir))
        if not names:
            self.discard()
            return
        dest = os.path.dirname(self.final)
        stem = os.path.splitext(os.path.basename(self.final))[0]
        if self.final.lower().endswith(".shp"):  # old side files of the same name would not fit the new .shp
            for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".qmd", ".sbn", ".sbx"):
                old = os.path.join(dest, stem + ext)
                if os.path.exists(old) and not os.path.exists(os.path.join(self.tmpdir, stem + ext)):
                    os.remove(old)
        for name in names:
            os.replace(os.path.join(self.tmpdir, name), os.path.join(dest, name))
        self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.tmpdir, ignore_errors=True)


class OutputSession:
    """The outputs of one run of one algorithm (see the module docstring)."""

    def __init__(self, alg, parameters, context, feedback):
        self.alg = alg
        self.parameters = parameters
        self.context = context
        self.feedback = feedback
        self.files: list[_FileOutput] = []
        self.sinks: list = []  # weak references to the GuardedSinks
        self.reports: list = []  # (output label, {field: number of blanked values})
        self.declared: dict[str, tuple[set, dict]] = {}
        self.finishers: dict[str, list] = {}
        self.dest_ids: dict[str, str] = {}

    # -- declarations ----------------------------------------------------------------------------
    def declare(self, key: str, counts=(), derived: dict | None = None) -> None:
        names, deriv = self.declared.setdefault(key, (set(), {}))
        names.update(counts)
        for k, v in (derived or {}).items():
            deriv[k] = tuple(deriv.get(k, ())) + tuple(v)

    def add_finisher(self, key: str, fn) -> None:
        self.finishers.setdefault(key, []).append(fn)

    def threshold(self) -> float:
        alg, name = self.alg, "SUPPRESS_BELOW"
        if alg.parameterDefinition(name) is None:
            return float(DEFAULT_THRESHOLD)
        try:
            value = alg.parameterAsDouble(self.parameters, name, self.context)
        except Exception:  # a bad value is reported by the parameter check
            return float(DEFAULT_THRESHOLD)
        return float(value)

    def _people_param_fields(self) -> set:
        names = set()
        for pname in getattr(self.alg, "PEOPLE_PARAMS", ()):
            if self.alg.parameterDefinition(pname) is None:
                continue
            value = self.alg.parameterAsString(self.parameters, pname, self.context)
            if value:
                names.add(value)
        return names

    def _param_field(self, pname: str) -> str:
        """The input field chosen in parameter ``pname`` ("" when none)."""
        if self.alg.parameterDefinition(pname) is None:
            return ""
        return self.alg.parameterAsString(self.parameters, pname, self.context) or ""

    def _rule_for(self, key: str, fields):
        names = fields.names()
        patterns = set(getattr(self.alg, "PEOPLE", {}).get(key, ())) | set(self.declared.get(key, (set(), {}))[0])
        patterns |= self._people_param_fields()
        counts = {i for i, n in enumerate(names) if any(fnmatch.fnmatchcase(n, p) for p in patterns)}
        derived_spec = dict(getattr(self.alg, "DERIVED", {}).get(key, {}))
        for k, v in self.declared.get(key, (set(), {}))[1].items():
            derived_spec[k] = tuple(derived_spec.get(k, ())) + tuple(v)
        derived = {}
        for dname, raw in derived_spec.items():
            sources = [self._param_field(s[1:]) if s.startswith("@") else s for s in raw]
            sources = [s for s in sources if s]
            src_idx = tuple(i for i, n in enumerate(names) if any(fnmatch.fnmatchcase(n, s) for s in sources))
            for i, n in enumerate(names):
                if fnmatch.fnmatchcase(n, dname) and src_idx:
                    derived[i] = src_idx
        return counts, derived

    def _label(self, key: str) -> str:
        definition = self.alg.parameterDefinition(key)
        return definition.description() if definition is not None else key

    # -- outputs ---------------------------------------------------------------------------------
    def _file_for(self, key: str, final: str, vector: bool) -> _FileOutput:
        out = _FileOutput(key, self._label(key), final, vector)
        self.files.append(out)
        return out

    def sink(self, parameters, key, context, fields, geometry_type, crs, *args):
        """``parameterAsSink`` through the writer: (GuardedSink, destination id)."""
        from qgis.core import QgsProcessingAlgorithm

        value = parameters.get(key)
        if value is None:
            return None, ""
        final = QgsProcessingAlgorithm.parameterAsOutputLayer(self.alg, parameters, key, context)
        path = plain_file_path(final)
        params = parameters
        file_out = None
        if path:
            file_out = self._file_for(key, path, vector=True)
            definition = QgsProcessingOutputLayerDefinition(value) if isinstance(value, QgsProcessingOutputLayerDefinition) else QgsProcessingOutputLayerDefinition()
            definition.sink.setStaticValue(file_out.tmp)
            params = dict(parameters)
            params[key] = definition
        try:
            result = QgsProcessingAlgorithm.parameterAsSink(self.alg, params, key, context, fields, geometry_type, crs, *args)
        except QgsProcessingException as err:
            raise QgsProcessingException(
                QCoreApplication.translate("AnkunftOutputs", "The output '{output}' could not be created at '{path}': {reason}").format(output=self._label(key), path=final, reason=str(err))
            ) from None
        sink, dest_id = result[0], result[1]
        if sink is None:
            return None, dest_id
        counts, derived = self._rule_for(key, fields)
        guarded = GuardedSink(sink, fields, counts, derived, self.threshold(), self._label(key), final)
        # only a weak reference: ``del sink`` in the algorithm must close the file, as with a plain sink
        self.sinks.append(weakref.ref(guarded))
        self.reports.append((guarded._label, guarded.blanked))
        self.dest_ids[key] = dest_id
        return guarded, dest_id

    def output_path(self, key: str, final: str, vector: bool = False) -> str:
        """A temporary path for a file output the algorithm writes itself (raster, PDF, GeoPackage)."""
        path = plain_file_path(final)
        if not path:
            return final
        return self._file_for(key, path, vector=vector).tmp

    # -- end of the run --------------------------------------------------------------------------
    def _release_sinks(self) -> None:
        for ref in self.sinks:
            s = ref()
            if s is not None:
                s.release()
        self.sinks = []
        gc.collect()  # the wrapped sinks close their files now

    def _map(self, value):
        if isinstance(value, str):
            for f in self.files:
                value = f.map_text(value)
            return value
        if isinstance(value, list):
            return [self._map(v) for v in value]
        return value

    def commit(self, results: dict | None) -> dict:
        self._release_sinks()
        for label, blanked in self.reports:
            if blanked:
                self.feedback.pushInfo(
                    QCoreApplication.translate("AnkunftOutputs", "Confidentiality ({output}): values of people below {t:g} blanked: {fields}.").format(
                        output=label, t=self.threshold(), fields=", ".join("{} ({})".format(k, v) for k, v in sorted(blanked.items()))
                    )
                )
        for f in self.files:
            if f.vector and os.path.exists(f.tmp):
                for fn in list(FINISHERS) + self.finishers.get(f.key, []):
                    try:
                        fn(self.alg, f.key, f.tmp, self.context, self.feedback)
                    except Exception as err:  # a style or metadata is not worth a failed run
                        self.feedback.pushWarning(QCoreApplication.translate("AnkunftOutputs", "Could not finish the output '{output}': {error}").format(output=f.label, error=str(err)))
        for f in self.files:
            try:
                f.commit()
            except OSError as err:
                self.rollback()
                raise QgsProcessingException(
                    QCoreApplication.translate("AnkunftOutputs", "The output '{output}' could not be moved into place at '{path}': {reason}").format(
                        output=f.label, path=f.final, reason=err.strerror or str(err)
                    )
                ) from None
        results = {k: self._map(v) for k, v in (results or {}).items()}
        self._map_layers_to_load()
        self._repoint_project_layers()
        self._repoint_attributes()
        return results

    def _map_layers_to_load(self) -> None:
        if not self.files:
            return
        layers = self.context.layersToLoadOnCompletion()
        if not layers:
            return
        mapped = {self._map(k): v for k, v in layers.items()}
        if set(mapped) != set(layers):
            self.context.setLayersToLoadOnCompletion(mapped)

    def _repoint_attributes(self) -> None:
        """Paths the algorithm kept on itself for ``postProcessAlgorithm`` (``self._dest_id``) now name the final file."""
        if not self.files:
            return
        for name, value in list(vars(self.alg).items()):
            if name.startswith("_ankunft") or not isinstance(value, (str, list)):
                continue
            mapped = self._map(value)
            if mapped != value:
                setattr(self.alg, name, mapped)

    def _repoint_project_layers(self) -> None:
        """Layers the algorithm added to the project from a temporary file now read the final one."""
        project = self.context.project() if self.files else None
        if project is None:
            return
        for layer in project.mapLayers().values():
            source = layer.source()
            mapped = self._map(source)
            if mapped != source:
                layer.setDataSource(mapped, layer.name(), layer.providerType())

    def rollback(self, error: BaseException | None = None) -> None:
        if error is not None and error.__traceback__ is not None:
            traceback.clear_frames(error.__traceback__)  # frames hold the open sinks
        self._release_sinks()
        for f in self.files:
            f.discard()
        self.files = []


def unexpected_error_message(alg, err: BaseException) -> str:
    """The message for an exception that is not a ``QgsProcessingException``: what happened, in one line."""
    if isinstance(err, OSError):
        return QCoreApplication.translate("AnkunftOutputs", "{alg}: a file could not be read or written ({path}): {reason}").format(
            alg=alg.displayName(), path=err.filename or "", reason=(_folder_problem(str(err.filename)) if err.filename else "") or err.strerror or str(err)
        )
    return QCoreApplication.translate("AnkunftOutputs", "{alg} stopped on an unexpected error ({kind}: {error}). This is a bug in Ankunft: please report it with the log.").format(
        alg=alg.displayName(), kind=type(err).__name__, error=str(err)
    )



def model_outputs_before(model, parameters, context) -> dict:
    """The file outputs of a model run: path -> (mtime or None when it does not exist yet)."""
    out = {}
    for definition in model.destinationParameterDefinitions():
        value = parameters.get(definition.name())
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink.staticValue()
        path = plain_file_path(value) if isinstance(value, str) else None
        if path and path != "TEMPORARY_OUTPUT":
            out[path] = os.stat(path).st_mtime_ns if os.path.exists(path) else None
    return out


def remove_model_outputs(before: dict) -> list:
    """Remove the outputs a failed model run wrote (new or changed since ``before``)."""
    removed = []
    for path, mtime in before.items():
        if os.path.exists(path) and (mtime is None or os.stat(path).st_mtime_ns != mtime):
            try:
                os.remove(path)
                removed.append(path)
            except OSError:
                pass
    return removed
