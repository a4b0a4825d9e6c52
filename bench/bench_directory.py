"""Directory benchmark: import a generated 100,000-service HSDS dataset, then time searches.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/enlace_x python bench/bench_directory.py

Steps: generate the dataset (bench/gen_hsds.py, fixed seed) unless --data names one; import it in
one transaction and time it; import it again unchanged (the re-import path); then run ~1,000 random
(need, ZIP) searches through `search_services` and, as a baseline, the same question asked by one
hand-written indexed SQL statement (bounding box on the location index, ORDER BY the haversine
expression, LIMIT), and print p50/p95/p99 of both and their ratio. The baseline answers less
(no opening hours, languages, service areas, phones or un-geocoded locations), so the ratio is the
price of those. Everything happens in its own PostgreSQL schema (bench_directory), dropped and
created again at the start, so the database's own directory is never touched.

Wall-clock times depend on what else the machine runs, so the CPU seconds spent by this process
and by its PostgreSQL backend (read from /proc when the server is local) are printed as well,
with the load average.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gen_hsds import generate
from config import database_url
from directory.geo import bounding_box, zip5, zip_info
from directory.hsds.importer import import_directory
from directory.needs import load_needs
from directory.search.services import DEFAULT_RADIUS_MILES, search_services
from models.base import Base
from models.directory import DIRECTORY_TABLES, Address

SCHEMA = "bench_directory"

BASELINE = sa.text("""
SELECT s.id, s.name, o.name, l.latitude, l.longitude,
       2 * 3958.8 * asin(sqrt(power(sin(radians(l.latitude - :lat) / 2), 2)
           + cos(radians(:lat)) * cos(radians(l.latitude))
             * power(sin(radians(l.longitude - :lon) / 2), 2))) AS miles
FROM location l
JOIN service_at_location sal ON sal.location_id = l.id
JOIN service s ON s.id = sal.service_id
JOIN organization o ON o.id = s.organization_id
JOIN service_need n ON n.service_id = s.id AND n.need = :need
WHERE l.latitude BETWEEN :min_lat AND :max_lat AND l.longitude BETWEEN :min_lon AND :max_lon
  AND (s.status IS NULL OR s.status = 'active')
ORDER BY miles
LIMIT 3
""")


def main() -> None:
    parser = argparse.ArgumentParser(description="Directory import and search benchmark.")
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, help="an already generated dataset folder")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL")
    if not url or not url.startswith(("postgres://", "postgresql")):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (the benchmark is for PostgreSQL).")
    engine = _bench_schema(database_url(url, "instance"))
    if args.data is not None:
        run(engine, args.data, args.queries, args.seed)
        return
    with tempfile.TemporaryDirectory(prefix="hsds-bench-") as tmp:
        started = time.perf_counter()
        counts = generate(Path(tmp), args.services, args.seed)
        print(f"Generated {counts['services']:,} services ({time.perf_counter() - started:.1f} s)")
        run(engine, Path(tmp), args.queries, args.seed)


def run(engine: sa.Engine, data: Path, n_queries: int, seed: int) -> None:
    for label in ("Import", "Re-import (unchanged)"):
        with Session(engine) as session:
            cpu = _cpu(session)
            started = time.perf_counter()
            report = import_directory(session, data)
            session.commit()
            elapsed = time.perf_counter() - started
            client, server = (after - before for after, before in zip(_cpu(session), cpu, strict=True))
        rows = sum(c.taken for c in report.tables.values())
        print(f"{label}: {elapsed:.1f} s for {rows:,} rows, {report.skipped:,} rows skipped "
              f"(CPU: Python {client:.1f} s + PostgreSQL {server:.1f} s; {_load()})")
    with engine.connect() as connection:  # fresh statistics for the baseline's tables too
        connection.exec_driver_sql("ANALYZE")
        connection.commit()

    with Session(engine) as session:
        queries = _queries(session, n_queries, seed)
        at = datetime(2025, 1, 8, 15, 0, tzinfo=timezone.utc)  # a Wednesday, 10:00 in New York
        ours, empty, our_cpu = _time(session, queries, lambda need, z: search_services(
            session, need=need, zip_code=z, open_at=at))
        base, _, base_cpu = _time(session, queries, lambda need, z: _baseline(session, need, z))
    print(f"Search over {len(queries):,} random (need, ZIP) queries, {empty} with no result "
          f"({_load()}):")
    for name, values, cpu in (("search_services", ours, our_cpu), ("baseline SQL", base, base_cpu)):
        print(f"  {name:16} p50 {_p(values, 50):6.2f} ms  p95 {_p(values, 95):6.2f} ms  "
              f"p99 {_p(values, 99):6.2f} ms  (mean CPU: Python {cpu[0]:.2f} ms + "
              f"PostgreSQL {cpu[1]:.2f} ms)")
    print("  ratio            " + "  ".join(
        f"p{q} {_p(ours, q) / _p(base, q):4.1f}x" for q in (50, 95, 99)))


def _bench_schema(url: str) -> sa.Engine:
    """An engine whose connections work in a fresh bench_directory schema holding the directory tables."""
    engine = sa.create_engine(url, connect_args={"options": f"-csearch_path={SCHEMA}"})
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        connection.exec_driver_sql(f"CREATE SCHEMA {SCHEMA}")
    Base.metadata.create_all(engine, tables=list(DIRECTORY_TABLES))
    return engine


def _queries(session: Session, n: int, seed: int) -> list[tuple[str, str]]:
    """(need, ZIP) pairs: ZIPs where the directory has places, needs from the mapping."""
    zips = sorted({z for (p,) in session.execute(sa.select(Address.postal_code)) if (z := zip5(p))})
    needs = sorted(load_needs())
    rng = random.Random(seed)
    return [(rng.choice(needs), rng.choice(zips)) for _ in range(n)]


def _baseline(session: Session, need: str, zip_code: str):
    place = zip_info(zip_code)
    min_lat, max_lat, min_lon, max_lon = bounding_box(place.lat, place.lon, DEFAULT_RADIUS_MILES)
    return session.execute(BASELINE, {
        "lat": place.lat, "lon": place.lon, "need": need, "min_lat": min_lat, "max_lat": max_lat,
        "min_lon": min_lon, "max_lon": max_lon,
    }).all()


def _time(session, queries, run) -> tuple[list[float], int, tuple[float, float]]:
    """Wall times in ms, how many found nothing, mean CPU ms per query (Python, PostgreSQL)."""
    for need, z in queries[:50]:  # warm caches and statement compilation
        run(need, z)
    timings, empty = [], 0
    cpu = _cpu(session)
    for need, z in queries:
        started = time.perf_counter()
        found = run(need, z)
        timings.append((time.perf_counter() - started) * 1000)
        empty += not found
    spent = [(after - before) * 1000 / len(queries)
             for after, before in zip(_cpu(session), cpu, strict=True)]
    return timings, empty, (spent[0], spent[1])


def _cpu(session: Session) -> tuple[float, float]:
    """CPU seconds of this process and of its PostgreSQL backend (NaN when /proc cannot show it)."""
    pid = session.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        server = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        server = float("nan")
    return time.process_time(), server


def _load() -> str:
    return "load average {:.1f}".format(os.getloadavg()[0])


def _p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


if __name__ == "__main__":
    main()
