"""Reads the JSON on stdin for demo-steps.sh: progress line parts (fleet | scheduler | rollout) or the newest draft rollout id."""
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


def halted(d):
    """The halt reason when the rollout is halted (else nothing)."""
    if d.get("state") != "halted":
        return ""
    ring = d["rings"][d.get("currentRing") or 0]
    reasons = (ring.get("verdict") or {}).get("reasons") or []
    return f"{ring['name']}: {d.get('haltReason') or '; '.join(reasons) or 'halted'}"


def newest_draft(d):
    items = d if isinstance(d, list) else next((v for v in d.values() if isinstance(v, list)), [])
    drafts = [r for r in items if r.get("state") == "draft"]
    return max(drafts, key=lambda r: r.get("createdAt") or "")["id"] if drafts else ""


try:
    print({"fleet": fleet, "scheduler": scheduler, "rollout": rollout, "newest-draft": newest_draft, "halted": halted}[sys.argv[1]](json.load(sys.stdin)), end="")
except (ValueError, KeyError, TypeError):
    print(f" | {sys.argv[1]} unreadable", end="")
