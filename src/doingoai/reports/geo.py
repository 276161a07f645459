"""The world map for the dashboard: world-atlas TopoJSON converted to GeoJSON once,
with ISO 3166 alpha-2 codes as feature names (the partners' country codes)."""

from __future__ import annotations

import json
from functools import lru_cache

import pycountry
from django.conf import settings

TOPOJSON = settings.PACKAGE_DIR / "static" / "vendor" / "countries-110m.json"


def _numeric_to_alpha2() -> dict[str, str]:
    return {c.numeric: c.alpha_2 for c in pycountry.countries}


def _decode_arcs(topo: dict) -> list[list[list[float]]]:
    transform = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append([round(x * sx + tx, 4), round(y * sy + ty, 4)])
        else:
            points = [list(p) for p in arc]
        arcs.append(points)
    return arcs


def _ring(arcs, indexes) -> list[list[float]]:
    ring: list[list[float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(points if not ring else points[1:])
    # a ring crossing the antimeridian (Russia, Fiji) would draw a line across a flat
    # map: keep it on the side where most of its points are
    if any(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:], strict=False)):
        east = sum(1 for x, _y in ring if x > 0) >= len(ring) / 2
        ring = [
            [x + 360 if east and x < 0 else x - 360 if not east and x > 0 else x, y]
            for x, y in ring
        ]
    return ring


def topo_to_geo(topo: dict, name: str = "countries") -> dict:
    arcs = _decode_arcs(topo)
    codes = _numeric_to_alpha2()
    features = []
    for geom in topo["objects"][name]["geometries"]:
        kind = geom.get("type")
        if kind == "Polygon":
            coords = [_ring(arcs, r) for r in geom["arcs"]]
        elif kind == "MultiPolygon":
            coords = [[_ring(arcs, r) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        code = codes.get(str(geom.get("id", "")).zfill(3), "")
        if code == "AQ":  # Antarctica takes a fifth of the map and holds no partner
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": code or geom.get("properties", {}).get("name", ""),
                    "label": geom.get("properties", {}).get("name", ""),
                },
                "geometry": {"type": kind, "coordinates": coords},
            }
        )
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def world_geojson_bytes() -> bytes:
    with open(TOPOJSON, encoding="utf-8") as fh:
        topo = json.load(fh)
    return json.dumps(topo_to_geo(topo), separators=(",", ":")).encode()
