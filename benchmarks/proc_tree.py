"""Run a command and measure its wall time and the peak proportional set size (PSS) of its whole
process tree (Linux /proc; shared pages counted once across the tree, unlike resident sizes)."""

from __future__ import annotations

import os
import subprocess
import threading
import time


def _children() -> dict:
    kids: dict[int, list] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/{}/stat".format(name), "rb") as fh:
                stat = fh.read().decode("ascii", "replace")
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(name))
    return kids


def tree_pss_kb(root: int) -> int:
    kids = _children()
    todo, total = [root], 0
    while todo:
        pid = todo.pop()
        todo.extend(kids.get(pid, []))
        try:
            with open("/proc/{}/smaps_rollup".format(pid)) as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def _children_cpu() -> float:
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_measured(cmd, env=None, timeout=None, interval=0.2) -> dict:
    """{'seconds', 'cpu_s', 'peak_pss_mb', 'returncode', 'timed_out', 'stdout', 'stderr'}; ``cpu_s``: CPU time
    (user + system) of the process and its waited-for children – far less sensitive to the machine's
    load than the wall time (run one command at a time from this process)."""
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def watch():
        while not done.is_set():
            peak[0] = max(peak[0], tree_pss_kb(proc.pid))
            done.wait(interval)

    th = threading.Thread(target=watch, daemon=True)
    th.start()
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.kill()
        out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    th.join()
    return {"seconds": round(seconds, 2), "cpu_s": round(_children_cpu() - cpu0, 2), "peak_pss_mb": round(peak[0] / 1024.0, 1),
            "returncode": proc.returncode,
            "timed_out": timed_out, "stdout": out, "stderr": err}
