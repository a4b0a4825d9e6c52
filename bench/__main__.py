"""`make bench`: every benchmark in turn, on PostgreSQL and Redis (DATABASE_URL / REDIS_URL, or the
local defaults). Each prints its figures next to a baseline measured in the same run."""

from __future__ import annotations

import os
import subprocess
import sys

BENCHES = [
    ("webhook and screening conversations", ["bench.bench_webhook"]),
    ("directory import and search", ["bench.bench_directory"]),
    ("check-in fan-out", ["bench.bench_checkins", os.environ.get("BENCH_CHECKINS", "100000")]),
    ("reports", ["bench.bench_reports"]),
    ("FHIR referrals sent in", ["bench.bench_fhir"]),
    ("CHW inbox: queue, a 500-message conversation, a translation backlog", ["bench.bench_inbox"]),
    ("sustained load with faults (private PostgreSQL and Redis)", ["bench.bench_load"]),
]


def main() -> int:
    os.environ.setdefault("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/enlace_bench")
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/10")
    failed = 0
    for title, args in BENCHES:
        print(f"\n===== {title} =====", flush=True)
        failed += subprocess.run([sys.executable, "-m", *args]).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
