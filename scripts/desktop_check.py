"""Open the demo project in QGIS desktop and report what a planner would see (run inside QGIS).

    xvfb-run -a -s "-screen 0 1600x1000x24" qgis --nologo --code scripts/desktop_check.py demo-output/ankunft_demo.qgz

(with the plugin installed: ``make install`` and enabled). Writes ``desktop_check.json`` next to the project and
quits: message-bar entries after the project was opened (font warnings …), the canvas extent, whether the layout
designer opens with the atlas preview on and what its title says, and what the Ankunftsquartiere panel restored.
"""

import json
import traceback
from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

out: dict = {}


def bar() -> list:
    items = []
    for w in iface.messageBar().items():
        try:
            items.append("{} {}".format(w.title(), w.text()).strip())
        except Exception as err:  # noqa: BLE001
            items.append(str(err))
    return items


def finish() -> None:
    target = Path(QgsProject.instance().fileName() or ".").with_name("desktop_check.json")
    target.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    QTimer.singleShot(500, QgsApplication.instance().quit)


def opened() -> None:
    try:
        out["message_bar"] = bar()
        e = iface.mapCanvas().extent()
        out["canvas_extent"] = [round(v) for v in (e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum())]
        out["canvas_crs"] = iface.mapCanvas().mapSettings().destinationCrs().authid()
        layout = QgsProject.instance().layoutManager().printLayouts()[0]
        designer = iface.openLayoutDesigner(layout)
        QTimer.singleShot(3000, lambda: designer_open(designer))
    except Exception:  # noqa: BLE001
        out["error"] = traceback.format_exc()
        finish()


def designer_open(designer) -> None:
    try:
        out["atlas_preview"] = designer.atlasPreviewEnabled()
        out["title"] = designer.layout().itemById("title").currentText()
        designer.close()
        plugin = plugins.get("ankunft_plugin")
        if plugin is not None:
            plugin.show_panel()
            dock = plugin.dock
            out["panel_input"] = dock.layer().name() if dock.layer() is not None else None
            out["panel_steps_done"] = dict(dock.done)
    except Exception:  # noqa: BLE001
        out["error"] = traceback.format_exc()
    finish()


QTimer.singleShot(6000, opened)
