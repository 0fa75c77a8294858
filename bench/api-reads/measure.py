#!/usr/bin/env python3
"""Times API reads against a running Stepwise, one after another, in the same run so their ratio is fair.

    python3 bench/api-reads/measure.py http://127.0.0.1:5093 TOKEN /api/schools/990001/metrics /api/enquiries/2 ...

Each path is read 3 times to warm, then 15 times; prints median and max in milliseconds, and each path's median as
a ratio of the first path's (the reference)."""
import statistics
import sys
import time
import urllib.request

base, token, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
warm, runs = 3, 15
results = []
for path in paths:
    def read():
        request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
        start = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
            status = response.status
        return (time.perf_counter() - start) * 1000, status
    for _ in range(warm):
        read()
    times = []
    for _ in range(runs):
        ms, status = read()
        if status != 200:
            sys.exit(f"{path}: HTTP {status}")
        times.append(ms)
    results.append((path, statistics.median(times), max(times)))
reference = results[0][1]
print("| read | median | max | ratio to the first |")
print("|---|---:|---:|---:|")
for path, median, top in results:
    print(f"| `{path}` | {median:.0f} ms | {top:.0f} ms | {median / reference:.2f} |")
