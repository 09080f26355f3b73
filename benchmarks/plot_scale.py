"""docs/performance_scale.png from benchmarks/results/scale.json: time and peak memory against network
size, log-log, ours (first and repeated run, 300 and 3,000 points) and the peer. The time panel shows
CPU time (user + system of the process tree) when the results have it – on a loaded machine it is far
steadier than wall time – else wall time. Drawn with Qt (QPainter, shipped with QGIS): no plotting
library needed.

    python benchmarks/plot_scale.py [results.json] [out.png] [--wall]
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent

SERIES = (  # key, points, label, colour (Okabe-Ito), dotted
    ("ours_first", 300, "Ankunft, first run, 300 points", "#0072B2", False),
    ("ours_repeat", 300, "Ankunft, repeated run (graph from disk), 300 points", "#56B4E9", False),
    ("ours_first", 3000, "Ankunft, first run, 3,000 points", "#009E73", True),
    ("ours_repeat", 3000, "Ankunft, repeated run, 3,000 points", "#8FD9C0", True),
    ("peer", 300, "native:serviceareafromlayer, 300 points", "#D55E00", False),
)


def _grid(p, pt, x_lo, x_hi, y_lo, y_hi):
    from qgis.PyQt.QtCore import QRectF, Qt
    from qgis.PyQt.QtGui import QColor, QPen

    light, black = QPen(QColor("#DDDDDD"), 1), QPen(QColor("black"), 1)
    for e in range(math.floor(math.log10(y_lo)), int(math.log10(y_hi)) + 1):
        for m in (1, 2, 5):
            y = m * 10 ** e
            if y_lo <= y <= y_hi:
                a, b = pt(x_lo, y), pt(x_hi, y)
                p.setPen(light)
                p.drawLine(a, b)
                p.setPen(black)
                p.drawText(QRectF(a.x() - 80, a.y() - 10, 72, 20), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), "{:g}".format(y))
    for x in (5e4, 1e5, 2e5, 5e5, 1e6, 2e6):
        a, b = pt(x, y_lo), pt(x, y_hi)
        p.setPen(light)
        p.drawLine(a, b)
        p.setPen(black)
        p.drawText(QRectF(a.x() - 40, a.y() + 4, 80, 20), int(Qt.AlignmentFlag.AlignHCenter), "{:,.0f}k".format(x / 1000).replace(",", " "))


def _series(p, pt, rows, key, points, kind, colour, dotted):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor, QPen

    pts = [(r["edges"], r["{}_{}".format(key, kind)], bool(r.get("peer_extrapolated")) and key == "peer")
           for r in rows if r.get("{}_{}".format(key, kind)) and r["points"] == points]
    pen = QPen(QColor(colour), 2.5)
    for (x0, y0, e0), (x1, y1, e1) in zip(pts[:-1], pts[1:]):
        pen.setStyle(Qt.PenStyle.DashLine if (e0 or e1) else Qt.PenStyle.DotLine if dotted else Qt.PenStyle.SolidLine)
        p.setPen(pen)
        p.drawLine(pt(x0, y0), pt(x1, y1))
    for x, y, e in pts:
        p.setPen(QPen(QColor(colour), 2))
        p.setBrush(QColor("white") if e else QColor(colour))
        p.drawEllipse(pt(x, y), 5, 5)


def _panel(p, rows, i, title, kind, x_lo=3e4, x_hi=2e6):
    from qgis.PyQt.QtCore import QPointF, QRectF, Qt
    from qgis.PyQt.QtGui import QColor, QPen

    left, top, pw, ph = 90 + i * 700, 50, 560, 440
    vals = [r["{}_{}".format(key, kind)] for key, _n, _l, _c, _d in SERIES for r in rows if r.get("{}_{}".format(key, kind))]
    steps = [m * 10 ** e for e in range(-1, 6) for m in (1, 2, 5)]
    y_lo = max(s for s in steps if s <= min(vals))
    y_hi = min(s for s in steps if s >= max(vals) * (2.5 if i == 0 else 1.0))  # room for the legend

    def pt(x, y):
        fx = (math.log10(x) - math.log10(x_lo)) / (math.log10(x_hi) - math.log10(x_lo))
        fy = (math.log10(y) - math.log10(y_lo)) / (math.log10(y_hi) - math.log10(y_lo))
        return QPointF(left + fx * pw, top + ph - fy * ph)

    _grid(p, pt, x_lo, x_hi, y_lo, y_hi)
    p.setPen(QPen(QColor("black"), 1.5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(left, top, pw, ph))
    p.drawText(QRectF(left, 10, pw, 30), int(Qt.AlignmentFlag.AlignHCenter), title)
    p.drawText(QRectF(left, top + ph + 26, pw, 24), int(Qt.AlignmentFlag.AlignHCenter), "network edges (log)")
    for j, (key, points, label, colour, dotted) in enumerate(SERIES):
        _series(p, pt, rows, key, points, kind, colour, dotted)
        if i == 0:
            yy = top + 12 + 22 * j
            pen = QPen(QColor(colour), 3)
            pen.setStyle(Qt.PenStyle.DotLine if dotted else Qt.PenStyle.SolidLine)
            p.setPen(pen)
            p.drawLine(QPointF(left + 12, yy), QPointF(left + 40, yy))
            p.setPen(QPen(QColor("black"), 1))
            p.drawText(QPointF(left + 48, yy + 5), label)
    if i == 0:
        p.setPen(QPen(QColor("black"), 1))
        p.drawText(QPointF(left + 12, top + 12 + 22 * len(SERIES) + 4), "open markers, dashed: peer extrapolated (linear in edges)")


def main(src: Path, dst: Path, wall: bool = False) -> Path:
    from qgis.PyQt.QtCore import QRectF, Qt
    from qgis.PyQt.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

    _app = QGuiApplication.instance() or QGuiApplication([])
    result = json.loads(src.read_text(encoding="utf-8"))
    rows = result["rows"]
    w, h = 1400, 620
    img = QImage(w, h, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(QFont("DejaVu Sans", 11))
    cpu = not wall and any(r.get("ours_first_cpu_s") for r in rows)
    time_panel = ("CPU time (s), whole qgis_process run", "cpu_s") if cpu else ("time (s), whole qgis_process run", "s")
    panels = (time_panel, ("peak memory (MB, PSS of the process tree)", "pss_mb"))
    for i, (title, kind) in enumerate(panels):
        _panel(p, rows, i, title, kind)
    p.setPen(QPen(QColor("#555555"), 1))
    p.drawText(QRectF(20, h - 40, w - 40, 30), int(Qt.AlignmentFlag.AlignLeft),
               "Square street lattice (50 m blocks); ours: 3 bands with polygons, peer: lines, one 15-min band. {}".format(result.get("plot_note", "")))
    p.end()
    dst.parent.mkdir(parents=True, exist_ok=True)
    img.save(str(dst))
    return dst


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--wall"]
    src = Path(args[0]) if args else HERE / "results" / "scale.json"
    dst = Path(args[1]) if len(args) > 1 else HERE.parent / "docs" / "performance_scale.png"
    print(main(src, dst, wall="--wall" in sys.argv))
