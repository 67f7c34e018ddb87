"""Formats the demo's progress line parts from the JSON on stdin (used by demo-steps.sh): fleet | scheduler | rollout."""
import json
import sys


def fleet(d):
    s = d.get("stats") or {}
    return (f"fleet {d['state']}: rings assigned {s.get('ringsAssigned', 0)}, devices reached {s.get('policyReached', 0)}, "
            f"358/360 {s.get('ready358', 0)}/{s.get('notReady360', 0)}, 300/301 {s.get('registered300', 0)}/{s.get('failed301', 0)}")


def scheduler(d):
    return f" | Entra Connect cycles {d['cycleCount']} (skipped {d['skippedCycles']}), keys exported {d['keysExported']}"


def rollout(d):
    return f" | rollout {d['state']}, ring {(d.get('currentRing') or 0) + 1}/{len(d['rings'])}"


try:
    print({"fleet": fleet, "scheduler": scheduler, "rollout": rollout}[sys.argv[1]](json.load(sys.stdin)), end="")
except (ValueError, KeyError, TypeError):
    print(f" | {sys.argv[1]} unreadable", end="")
