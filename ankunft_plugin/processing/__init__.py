"""The QGIS shell around the core: a Processing provider with one module per algorithm."""
