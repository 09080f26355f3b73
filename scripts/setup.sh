#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian bookworm / Ubuntu machine:
#  - QGIS 3.40 LTR from bookworm-backports (Debian) or the distribution (Ubuntu >= 24.10),
#  - Debian's science stack (one GDAL/GEOS/PROJ in the process with QGIS),
#  - Xvfb and poppler-utils for GUI tests and PDF checks,
#  - .venv from /usr/bin/python3 with --system-site-packages and the PyPI test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

APT_PKGS="qgis python3-qgis qgis-providers qgis-plugin-grass- python3-numpy python3-scipy python3-geopandas \
python3-rasterio python3-shapely python3-venv python3-pip xvfb xauth poppler-utils qttools5-dev-tools pyqt5-dev-tools zip unzip"

need_apt=0
for exe in /usr/bin/qgis_process /usr/bin/Xvfb /usr/bin/pdftoppm /usr/bin/lrelease /usr/bin/pylupdate5 /usr/bin/zip /usr/bin/unzip; do
  [ -x "$exe" ] || need_apt=1
done
/usr/bin/python3 -c "import qgis.core, scipy, geopandas, rasterio, shapely" 2>/dev/null || need_apt=1

if [ "$need_apt" = "1" ]; then
  . /etc/os-release
  target=""
  if [ "${ID:-}" = "debian" ] && [ "${VERSION_CODENAME:-}" = "bookworm" ]; then
    if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
      echo "[setup] adding bookworm-backports"
      echo "deb http://deb.debian.org/debian bookworm-backports main" | $SUDO tee /etc/apt/sources.list.d/bookworm-backports.list >/dev/null
    fi
    target="-t bookworm-backports"
  fi
  echo "[setup] apt-get update"
  $SUDO apt-get update -qq
  echo "[setup] installing QGIS 3.40 LTR and the science stack (takes a few minutes the first time)"
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $target $APT_PKGS >/dev/null
fi

qgis_version=$(QT_QPA_PLATFORM=offscreen /usr/bin/python3 -c "from qgis.core import Qgis; print(Qgis.QGIS_VERSION)" 2>/dev/null || true)
echo "[setup] QGIS ${qgis_version:-not importable}"

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import pytest_qgis, ruff, hypothesis, pytest_cov, bandit, detect_secrets" 2>/dev/null; then
  echo "[setup] creating .venv (system site packages) with the PyPI test tools"
  /usr/bin/python3 -m venv --system-site-packages .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
fi
echo "[setup] ready"
