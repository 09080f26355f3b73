"""Functional core of Ankunft: all method and math on numpy/scipy/shapely arrays.

Nothing in this package imports QGIS or Qt (a unit test checks it), so it is testable in
milliseconds and usable from a notebook or a batch script.
"""
