"""Shared base class of all Ankunft Processing algorithms."""

from __future__ import annotations

import functools
import traceback
from typing import ClassVar

from qgis.core import (
    Qgis,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..__about__ import ICON_PATH, __homepage__
from ..i18n import ui_lang
from .help import help_text
from .outputs import OutputSession, unexpected_error_message
from .validation import check_inputs, missing_field_message, missing_file_message

OUTPUT_LANGUAGE = "OUTPUT_LANGUAGE"
OUTPUT_LANGUAGES = ("", "de", "en")  # enum index -> language ("" = the language QGIS runs in)


def _decimals_needed(*values, lowest: int = 2, highest: int = 6) -> int:
    """Decimals that show every given value exactly (at least ``lowest``)."""
    need = lowest
    for v in values:
        if not isinstance(v, (int, float)) or abs(v) > 1e12:
            continue
        for d in range(highest + 1):
            if abs(round(v, d) - v) < 1e-9:
                need = max(need, d)
                break
        else:
            need = highest
    return need


class AnkunftAlgorithm(QgsProcessingAlgorithm):
    """Base: ``tr()`` with the class name as context, ``createInstance``, help from files.

    Subclasses set ``ALG_ID`` (lowercase id, never translated) and ``GROUP_ID`` and implement
    ``displayName``/``group`` with literal ``self.tr("…")`` strings so pylupdate finds them.
    """

    ALG_ID = ""
    GROUP_ID = "analysis"
    # Confidentiality (see processing/outputs.py): output key -> field names/patterns carrying counts of
    # people; output key -> {derived field: (count fields it is computed from)}; parameters whose chosen
    # input field is a count of people wherever it is copied into an output.
    PEOPLE: ClassVar[dict] = {}
    DERIVED: ClassVar[dict] = {}
    PEOPLE_PARAMS: tuple = ()
    # Input validation (processing/validation.py): more fields that count people (never negative), and
    # layer parameters whose CRS does not matter (no check of CRS against coordinates).
    NONNEGATIVE_PARAMS: tuple = ()
    SIGNED_PARAMS: tuple = ()  # people fields that may hold net figures (growth): not refused when negative
    CRS_FREE_PARAMS: tuple = ()

    def __init_subclass__(cls, **kwargs):
        """Every ``processAlgorithm`` runs inside one output session (``processing/outputs.py``)."""
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("processAlgorithm")
        if own is not None and not getattr(own, "_ankunft_wrapped", False):
            cls.processAlgorithm = _with_outputs(own)

    def tr(self, string: str) -> str:
        return QCoreApplication.translate(type(self).__name__, string)

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    def name(self) -> str:
        return self.ALG_ID

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def group(self) -> str:
        groups = {
            "analysis": QCoreApplication.translate("AnkunftAlgorithm", "Analysis"),
            "accessibility": QCoreApplication.translate("AnkunftAlgorithm", "Walking accessibility"),
            "planning": QCoreApplication.translate("AnkunftAlgorithm", "Planning"),
            "maps": QCoreApplication.translate("AnkunftAlgorithm", "Maps"),
            "tools": QCoreApplication.translate("AnkunftAlgorithm", "Tools"),
        }
        return groups.get(self.GROUP_ID, self.GROUP_ID)

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def shortHelpString(self) -> str:  # noqa: N802
        return help_text(self.ALG_ID)

    def helpUrl(self) -> str:  # noqa: N802
        return "{}#{}".format(__homepage__, self.ALG_ID)

    def canExecute(self):  # noqa: N802 (QGIS API)
        """False, with what to install, when numpy/scipy/shapely/GDAL is missing or too old."""
        from ..dependencies import problems, short_message

        found = problems()
        return (False, short_message(found)) if found else (True, "")

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Our own message (with a hint) where QGIS would say only 'Incorrect parameter value for X'."""
        message = missing_file_message(self, parameters) or missing_field_message(self, parameters, context)
        if message:
            return False, message
        return super().checkParameterValues(parameters, context)

    # -- outputs: every sink and file output goes through the one writer ------------------------
    def parameterAsSink(self, parameters, name, context, fields, geometryType=None, crs=None, *args):  # noqa: N802,N803
        session = getattr(self, "_ankunft_outputs", None)
        if geometryType is None:

            geometryType = Qgis.WkbType.NoGeometry  # noqa: N806
        if crs is None:
            from qgis.core import QgsCoordinateReferenceSystem

            crs = QgsCoordinateReferenceSystem()
        if session is None:
            return super().parameterAsSink(parameters, name, context, fields, geometryType, crs, *args)
        return session.sink(parameters, name, context, fields, geometryType, crs, *args)

    def required_sink(self, parameters, name, context, fields, geometry_type=None, crs=None):
        """``parameterAsSink`` (through the one writer), or QGIS's own 'invalid sink' error: (sink, id)."""
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, geometry_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, dest_id

    def required_source(self, parameters, name, context):
        """``parameterAsSource``, or QGIS's own 'invalid source' error."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def parameterAsOutputLayer(self, parameters, name, context):  # noqa: N802
        final = super().parameterAsOutputLayer(parameters, name, context)
        session = getattr(self, "_ankunft_outputs", None)
        if session is None or not final or parameters.get(name) is None:
            return final
        return session.output_path(name, final)

    def parameterAsFileOutput(self, parameters, name, context):  # noqa: N802
        final = super().parameterAsFileOutput(parameters, name, context)
        session = getattr(self, "_ankunft_outputs", None)
        if session is None or not final or parameters.get(name) is None:
            return final
        return session.output_path(name, final, vector=final.lower().endswith(".gpkg"))

    def declare_people(self, key: str, counts=(), derived: dict | None = None) -> None:
        """Declare at run time which fields of output ``key`` carry counts of people (names or
        patterns) and which are derived from them; call it before ``parameterAsSink``."""
        session = getattr(self, "_ankunft_outputs", None)
        if session is not None:
            session.declare(key, counts, derived)

    @property
    def outputs(self) -> OutputSession | None:
        """The output session of the running ``processAlgorithm`` (None outside a run)."""
        return getattr(self, "_ankunft_outputs", None)

    # -- helpers for subclasses ---------------------------------------------------------------
    def check_cancel(self, feedback) -> None:
        """Stop the run when the user cancelled (call it in every long loop)."""
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(QCoreApplication.translate("AnkunftAlgorithm", "Cancelled."))

    def ui_lang(self) -> str:
        """The QGIS UI language as ``de``/``en`` (for labels taken from ``core/vocabulary``)."""
        return ui_lang()

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Remember the run's parameters: they go into the outputs' metadata."""
        self._ankunft_parameters = dict(parameters or {})
        return super().prepareAlgorithm(parameters, context, feedback)

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """Store style and metadata in file outputs the output writer has not finished (no effect when
        it has: ``processing/outputs.FINISHERS`` runs ``styles.style_finisher`` before the move)."""
        from .styles import finish_pending

        finish_pending(self, context, feedback)
        return {}

    def style_output(self, context, dest_id, apply, name: str) -> None:
        """Style output ``dest_id`` on load and in its file, with aliases in the output language and
        metadata of this run (``processing/styles.py``)."""
        from .styles import layer_metadata, style_on_load

        lang = getattr(self, "_ankunft_lang", None) or ui_lang()
        metadata = layer_metadata(self, getattr(self, "_ankunft_parameters", {}), context, name, lang)
        style_on_load(context, dest_id, apply, name, lang=lang, metadata=metadata, owner=self)

    # -- the language of the output values (one parameter for all algorithms) ---------------------
    def add_language_parameter(self) -> None:
        """The shared advanced parameter ``OUTPUT_LANGUAGE``: the language of the values written into
        the result layers (labels, reasons, legends, field aliases, layer metadata)."""
        self.add(
            QgsProcessingParameterEnum(
                OUTPUT_LANGUAGE,
                QCoreApplication.translate("AnkunftAlgorithm", "Language of the result layers"),
                options=[QCoreApplication.translate("AnkunftAlgorithm", "Language of QGIS"), "Deutsch", "English"],
                defaultValue=0,
            ),
            QCoreApplication.translate("AnkunftAlgorithm", "Language of the labels written into the result layers (class names, reasons, missing categories, legends, field aliases, layer metadata). By default the language QGIS runs in, also when the algorithm runs in a model or with qgis_process; choose German or English to fix it."),
            advanced=True,
        )

    def out_lang(self) -> str:
        """The output language of the running algorithm (after ``output_lang``), else the QGIS language."""
        return getattr(self, "_ankunft_lang", None) or ui_lang()

    def output_lang(self, parameters, context) -> str:
        """``de`` or ``en``: the ``OUTPUT_LANGUAGE`` chosen, else the language QGIS runs in."""
        lang = ""
        if self.parameterDefinition(OUTPUT_LANGUAGE) is not None and parameters.get(OUTPUT_LANGUAGE) is not None:
            index = self.parameterAsEnum(parameters, OUTPUT_LANGUAGE, context)
            lang = OUTPUT_LANGUAGES[index] if 0 <= index < len(OUTPUT_LANGUAGES) else ""
        lang = lang or ui_lang()
        self._ankunft_lang = lang
        return lang

    def add(self, param, help_string: str, advanced: bool = False):
        """Add a parameter with its help text (every parameter has one) and the advanced flag.
        Decimal numbers show as many decimals as their default and minimum need (at least 2), not
        the widget's six ("300,000000")."""
        param.setHelp(help_string)
        if isinstance(param, QgsProcessingParameterNumber) and param.dataType() == Qgis.ProcessingNumberParameterType.Double:
            meta = param.metadata() or {}
            wrapper = dict(meta.get("widget_wrapper") or {})
            if "decimals" not in wrapper:
                wrapper["decimals"] = _decimals_needed(param.defaultValue(), param.minimum())
                meta["widget_wrapper"] = wrapper
                param.setMetadata(meta)
        if advanced:
            param.setFlags(param.flags() | Qgis.ProcessingParameterFlag.Advanced)
        self.addParameter(param)
        return param


def _with_outputs(process):
    """Wrap a ``processAlgorithm``: open the output session, move the outputs into place on success,
    remove them on failure, and turn any exception into a ``QgsProcessingException`` (no traceback)."""

    @functools.wraps(process)
    def run(self, parameters, context, feedback):
        outer = getattr(self, "_ankunft_outputs", None)
        session = OutputSession(self, parameters, context, feedback)
        self._ankunft_outputs = session
        try:
            check_inputs(self, parameters, context, feedback)
            results = process(self, parameters, context, feedback)
            return session.commit(results)
        except QgsProcessingException as err:
            session.rollback(err)
            raise
        except Exception as err:
            session.rollback(err)
            if feedback is not None:
                feedback.pushDebugInfo("".join(traceback.format_exception(type(err), err, err.__traceback__)))
            raise QgsProcessingException(unexpected_error_message(self, err)) from None
        finally:
            self._ankunft_outputs = outer

    run._ankunft_wrapped = True
    return run
