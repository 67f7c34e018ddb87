"""The demo's secret scan: searches logs, the telemetry the services exported, webhook posts and database dumps for the
demo's secrets, in clear and in the encodings a leak would most likely take (base64, URL-encoding).

Secrets come as a JSON object {name: value} on stdin (never on the command line, where ps shows them). Arguments:
  --files PATH...        files or folders to search (folders recursively)
  --dump NAME CMD        a database dump: CMD's standard output is searched, under NAME
  --control PATH NAME    a file that must contain secret NAME: proves the search finds what is there
Prints a table and exits 1 when a secret is found (or the control is not).
"""
import base64
import json
import os
import subprocess
import sys
import urllib.parse


def variants(value):
    raw = value.encode()
    return {raw, base64.b64encode(raw), base64.urlsafe_b64encode(raw).rstrip(b"="), urllib.parse.quote(value, safe="").encode()}


def files_under(paths):
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in os.walk(path):
                yield from (os.path.join(folder, n) for n in sorted(names))
        elif os.path.isfile(path):
            yield path


def count(data, secrets):
    return {name: sum(data.count(v) for v in forms) for name, forms in secrets.items()}


def main(argv):
    secrets = {name: variants(value) for name, value in json.load(sys.stdin).items() if value}
    sources, controls, i = [], [], 0
    while i < len(argv):
        if argv[i] == "--files":
            i += 1
            while i < len(argv) and not argv[i].startswith("--"):
                sources.extend(("file", p) for p in files_under([argv[i]]))
                i += 1
        elif argv[i] == "--dump":
            sources.append(("dump", (argv[i + 1], argv[i + 2])))
            i += 3
        elif argv[i] == "--control":
            controls.append((argv[i + 1], argv[i + 2]))
            i += 3
        else:
            sys.exit(f"unknown argument {argv[i]}")

    rows, found, scanned = [], 0, 0
    for kind, what in sources:
        if kind == "file":
            with open(what, "rb") as f:
                data = f.read()
            label = what
        else:
            label, command = what
            data = subprocess.run(command, shell=True, check=True, capture_output=True).stdout
        hits = count(data, secrets)
        scanned += len(data)
        found += sum(hits.values())
        rows.append((label, len(data), sum(hits.values()), ", ".join(f"{n} ×{c}" for n, c in hits.items() if c)))

    width = max([len(r[0]) for r in rows] + [6])
    print(f"  {'source':<{width}}  {'bytes':>12}  found")
    for label, size, hits, which in rows:
        print(f"  {label:<{width}}  {size:>12,}  {hits}{'  (' + which + ')' if which else ''}")
    print(f"  {len(secrets)} secrets ({', '.join(secrets)}) searched in {len(rows)} sources, {scanned:,} bytes: {found} found")

    control_failed = 0
    for path, name in controls:
        with open(path, "rb") as f:
            ok = count(f.read(), {name: secrets[name]})[name] > 0
        control_failed += not ok
        print(f"  control: {name} {'found' if ok else 'NOT found'} in {path}")
    return 1 if found or control_failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
