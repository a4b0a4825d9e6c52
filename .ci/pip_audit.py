"""pip-audit over the installed dependencies, saying plainly what it could not audit.

A known vulnerability fails the run. A package pip-audit could not look up (PyPI's
vulnerability API unreachable, or it does not know that version) does not: it is listed,
and the run says in so many words that those packages were NOT audited. An advisory
service we cannot reach must not block every change, but it must never pass for "clean".
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile


def main() -> int:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        run = subprocess.run(
            [sys.executable, "-m", "pip_audit", "--skip-editable", "--progress-spinner", "off", "--format", "json",
             "--output", report.name], capture_output=True, text=True, check=False)
        try:
            with open(report.name, encoding="utf-8") as f:
                deps = json.load(f)["dependencies"]
        except (OSError, ValueError, KeyError):
            print("pip-audit: NOT AUDITED - it could not run or reach its vulnerability service:")
            print((run.stderr or run.stdout).strip()[-2000:])
            return 0
    vulnerable = [d for d in deps if d.get("vulns")]
    skipped = [d for d in deps if "skip_reason" in d]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            print(f"pip-audit: {dep['name']} {dep['version']}: {vuln['id']} (fixed in: {fixes})")
    audited = len(deps) - len(skipped)
    if skipped:
        print(f"pip-audit: NOT AUDITED: {len(skipped)} of {len(deps)} packages could not be looked up "
              "(PyPI's vulnerability API did not know them or did not answer); they are not known to be safe:")
        print("  " + ", ".join(sorted(d["name"] for d in skipped)))
    print(f"pip-audit: {audited} packages audited, {len(vulnerable)} with known vulnerabilities")
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
