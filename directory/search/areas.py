"""Service areas: which clients a service says it serves.

HSDS 3.1 describes an area by `extent` (GeoJSON, TopoJSON, KML or text, per `extent_type`); HSDS 1.1
only by free text. We understand two forms: a list of ZIP codes in text, and GeoJSON polygons.
An area we cannot read (a sentence such as "all residents of MyCity", KML, TopoJSON) restricts
nothing: a service is only left out when every area we could read excludes the client.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from directory.geo import zip_info

_ZIP = re.compile(r"(?<![\d-])(\d{5})(?![\d])")
_GEOMETRY_KEYS = ("Polygon", "MultiPolygon")

Ring = list[tuple[float, float]]  # (lon, lat) pairs, as GeoJSON orders them
Polygon = list[Ring]  # outer ring, then holes


@dataclass(frozen=True)
class Area:
    zips: frozenset[str]
    polygons: tuple[Polygon, ...]

    @property
    def understood(self) -> bool:
        return bool(self.zips or self.polygons)

    def contains(self, lat: float | None, lon: float | None, zip_code: str | None) -> bool:
        if zip_code and zip_code in self.zips:
            return True
        if lat is None or lon is None:
            return False
        return any(_in_polygon(lon, lat, polygon) for polygon in self.polygons)


def read_area(extent_type: str | None, extent: str | None, name: str | None = None) -> Area:
    kind = (extent_type or "").strip().lower()
    if kind == "geojson":
        return Area(frozenset(), tuple(_polygons(extent)))
    if kind in ("", "text"):
        source = extent if (extent or "").strip() else name
        return Area(area_zips(source), ())
    return Area(frozenset(), ())


def area_zips(text: str | None) -> frozenset[str]:
    """The real US ZIP codes written in a text ('Serves 02139, 02140 and 02141')."""
    return frozenset(z for z in _ZIP.findall(text or "") if zip_info(z) is not None)


def _polygons(extent: str | None) -> Iterator[Polygon]:
    try:
        node = json.loads(extent or "")
    except ValueError:
        return
    yield from _walk(node)


def _walk(node) -> Iterator[Polygon]:
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if kind == "FeatureCollection":
        for feature in node.get("features") or ():
            yield from _walk(feature)
    elif kind == "Feature":
        yield from _walk(node.get("geometry"))
    elif kind == "GeometryCollection":
        for geometry in node.get("geometries") or ():
            yield from _walk(geometry)
    elif kind in _GEOMETRY_KEYS:
        coords = node.get("coordinates") or []
        for polygon in coords if kind == "MultiPolygon" else [coords]:
            try:
                yield [[(float(p[0]), float(p[1])) for p in ring] for ring in polygon]
            except (TypeError, ValueError, IndexError):
                continue


def _in_polygon(x: float, y: float, polygon: Polygon) -> bool:
    if not polygon or not _in_ring(x, y, polygon[0]):
        return False
    return not any(_in_ring(x, y, hole) for hole in polygon[1:])


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside
