#!/usr/bin/env python3
"""Times commands side by side, interleaved, for bench/run.sh.

  measure.py REPEAT OUT_DIR NAME COMMAND [NAME COMMAND ...]

Runs each COMMAND (a shell-quoted string) REPEAT times, one of each in turn, so a change
in the machine's load falls on all of them alike; NAME's standard output goes to
OUT_DIR/NAME.out. Prints one line per command: NAME, then the median wall time and the
median CPU time (user + system) in seconds, the largest peak RSS in KiB and the last exit
code. Each command runs under `/usr/bin/time -v`, whose "Maximum resident set size" is
its peak RSS (a process forked
from this script would count the script's own memory as well); the CPU time is what wait4
gives for /usr/bin/time and the command together (time's own share is under a millisecond).
"""

import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(command, out_dir, name):
    rss_path = os.path.join(out_dir, name + ".time")
    with open(os.path.join(out_dir, name + ".out"), "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-v", "-o", rss_path, *command], stdout=out)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    with open(rss_path) as report:
        peak_kb = next(int(line.split(":")[1]) for line in report
                       if line.strip().startswith("Maximum resident set size (kbytes)"))
    return wall, usage.ru_utime + usage.ru_stime, peak_kb, os.waitstatus_to_exitcode(status)


def main(repeat, out_dir, pairs):
    commands = [(pairs[i], shlex.split(pairs[i + 1])) for i in range(0, len(pairs), 2)]
    runs = {name: [] for name, _ in commands}
    for _ in range(repeat):
        for name, command in commands:
            runs[name].append(run_once(command, out_dir, name))
    for name, _ in commands:
        walls, cpus, rss, codes = zip(*runs[name])
        print(f"{name} {statistics.median(walls):.3f} {statistics.median(cpus):.3f} {max(rss)} {codes[-1]}")


if __name__ == "__main__":
    if len(sys.argv) < 5 or len(sys.argv) % 2 == 0:
        sys.exit(__doc__)
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3:])
