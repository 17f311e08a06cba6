#!/usr/bin/env python3
"""Call trees of a JFR recording's CPU samples under one method: where a flow's server CPU goes.

Record the server during a harness run (docs/performance.md, "Profiling a scenario"), then:

    jfr print --events jdk.ExecutionSample --stack-depth 600 keycloak.jfr > samples.txt
    python3 jfr_tree.py samples.txt RegistrationAuthenticator.action --depth 7 --min 12
    python3 jfr_tree.py samples.txt AuthorizationEndpoint.buildGet --with fr.ordre   # only stacks through our code
    python3 jfr_tree.py samples.txt AuthorizationEndpoint.buildGet --without fr.ordre

The same for what a flow allocates (the garbage its collections pay for), in kB, from the allocation samples:

    jfr print --events jdk.ObjectAllocationSample --stack-depth 600 keycloak.jfr > allocations.txt
    python3 jfr_tree.py allocations.txt RegistrationAuthenticator.action

Counts are inclusive (a method's samples include its callees'); JDK frames and lambdas are hidden so that the
tree shows Keycloak's and our calls. Record with -XX:FlightRecorderOptions:stackdepth=512: JFR's default of 64
frames cuts a Keycloak request's stacks before the resource method, and their samples then match no root.
"""
import argparse
import re
from collections import Counter

HIDDEN = ("java.", "jdk.", "sun.", "org.jboss.threads", "io.quarkus.arc", "org.keycloak.tracing")
SHORT = (("org.keycloak.", "o.k."), ("fr.ordre.comptexpert.", "ORDRE."))


UNITS = {"bytes": 1 / 1000, "kB": 1, "MB": 1000, "GB": 1000 * 1000}


def stacks(path):
    """Each sample's frames, outermost first, as 'class.method', with its weight: 1 for a CPU sample, the kB an
    allocation sample stands for."""
    text = open(path, encoding="utf-8").read()
    allocations = "jdk.ObjectAllocationSample {" in text
    for event in text.split("jdk.ObjectAllocationSample {" if allocations else "jdk.ExecutionSample")[1:]:
        match = re.search(r"stackTrace = \[(.*?)\n\s*\]", event, re.S)
        if match:
            frames = [
                re.sub(r"\s+line:.*", "", line.strip()).split("(")[0]
                for line in match.group(1).split("\n")
                if line.strip() and not line.strip().startswith("...")
            ]
            weight = 1
            if allocations:
                size = re.search(r"weight = ([\d.,]+) (bytes|kB|MB|GB)", event)
                weight = float(size.group(1).replace(",", "")) * UNITS[size.group(2)] if size else 0
            yield frames[::-1], weight


def tree(samples, root, depth, must, must_not):
    counts = Counter()
    total = 0
    for frames, weight in samples:
        joined = " ".join(frames)
        if (must and must not in joined) or (must_not and must_not in joined):
            continue
        start = next((i for i, f in enumerate(frames) if root in f), None)
        if start is None:
            continue
        total += weight
        path = []
        for f in frames[start:]:
            if f.startswith(HIDDEN) or "ClientProxy" in f or "lambda$" in f or (path and path[-1] == f):
                continue
            path.append(f)
        for i in range(1, min(depth, len(path)) + 1):
            counts[tuple(path[:i])] += weight
    return round(total), Counter({k: round(v) for k, v in counts.items()})


def show(counts, minimum):
    def children(prefix):
        return sorted(
            (k for k in counts if len(k) == len(prefix) + 1 and k[: len(prefix)] == prefix and counts[k] >= minimum),
            key=lambda k: -counts[k],
        )

    def walk(prefix):
        for key in children(prefix):
            name = key[-1]
            for long, short in SHORT:
                name = name.replace(long, short)
            print("  " * (len(key) - 1) + f"{counts[key]} {name}")
            walk(key)

    walk(())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples", help="output of jfr print --events jdk.ExecutionSample (or jdk.ObjectAllocationSample)")
    parser.add_argument("root", help="a method (or part of its name) the tree starts at")
    parser.add_argument("--depth", type=int, default=7)
    parser.add_argument("--min", type=int, default=10, help="hide calls with fewer samples (kB for allocations)")
    parser.add_argument("--with", dest="must", help="only stacks with a frame containing this")
    parser.add_argument("--without", dest="must_not", help="only stacks without a frame containing this")
    args = parser.parse_args()
    total, counts = tree(stacks(args.samples), args.root, args.depth, args.must, args.must_not)
    print(total)
    show(counts, args.min)


if __name__ == "__main__":
    main()
