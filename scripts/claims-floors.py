#!/usr/bin/env python3
"""Runs ../shared/tools/score_claims.py and fails when a figure falls below
its floor: the ratchet .ci/run holds the claims stage to.

Usage: claims-floors.py SHARED BIN name=floor...   (SHARED is ../shared;
noise is a ceiling, as a share of the claims in the sentences)
"""
import re, subprocess, sys


def main():
    shared, binary, *limits = sys.argv[1:]
    out = subprocess.run(
        ["python3", f"{shared}/tools/score_claims.py", "--gold",
         f"{shared}/claims-gold/dev.jsonl", "--bin", binary],
        capture_output=True, text=True,
    ).stdout
    print(out, end="")
    got = {}
    for name in ("coverage", "holder", "measure", "role", "period", "modality"):
        m = re.search(rf"^{name}\s+([0-9.]+)", out, re.M)
        if m:
            got[name] = float(m.group(1))
    m = re.search(r"^noise\s+(\d+) claims .* \(of (\d+) claims", out, re.M)
    if m:
        got["noise"] = int(m.group(1)) / max(int(m.group(2)), 1)
    m = re.search(r"^full-claim accuracy ([0-9.]+)", out, re.M)
    if m:
        got["full"] = float(m.group(1))
    failed = False
    for limit in limits:
        name, value = limit.split("=")
        value = float(value)
        if name not in got:
            print(f"claims-floors: no figure for {name}")
            failed = True
        elif name == "noise" and got[name] > value:
            print(f"claims-floors: noise {got[name]:.3f} above {value}")
            failed = True
        elif name != "noise" and got[name] < value:
            print(f"claims-floors: {name} {got[name]:.2f} below {value}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
