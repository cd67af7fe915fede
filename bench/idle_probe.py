#!/usr/bin/env python3
"""Runs newswired as a service and measures it once its first polls are done and it is idle.

    idle_probe.py --pid-file F --out RESULT.json [--sample-seconds 20] [--timeout 900] [--smaps-out FILE] -- newswired ARGS...

The daemon is started with NOTIFY_SOCKET pointing at a datagram socket of ours, so it tells us,
as it would tell systemd, READY=1 and then STATUS= lines ("... N not polled yet" until every feed
was polled once). Once no feed is left unpolled, after a short settling pause, /proc/PID is
sampled every second for --sample-seconds: CPU ticks (utime+stime of the whole process), VmRSS,
context switches of every thread (wake-ups: a busy timer shows as a steady stream of them).
Then, --release-seconds after the first polls (newswired releases its clustering window and the
database caches after a quiet minute), VmRSS is sampled again for 5 s.
Then the daemon gets SIGTERM. The result is one JSON object; --smaps-out also keeps a copy of
/proc/PID/smaps taken at the end of the idle window (which mappings are resident, and how much of
each is file-backed or anonymous).
"""

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)


def status_kib(pid, key):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def context_switches(pid):
    """Context switches (voluntary and not) of each thread, by thread id."""
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as handle:
                counts[task] = sum(int(line.split()[1]) for line in handle
                                   if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")))
        except FileNotFoundError:
            pass
    return counts


def memory(pid):
    with open(f"/proc/{pid}/status") as handle:
        return {line.split(":")[0]: int(line.split()[1]) for line in handle
                if line.startswith(("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"))}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pid-file", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--sample-seconds", type=float, default=20)
    parser.add_argument("--settle-seconds", type=float, default=3)
    parser.add_argument("--release-seconds", type=float, default=66,
                        help="after the first polls, when to measure RSS again: newswired releases its "
                             "clustering window after a quiet minute (0: do not wait)")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--smaps-out", help="copy /proc/PID/smaps here at the end of the idle window")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    directory = tempfile.mkdtemp(prefix="newswire-bench-notify-")
    notify_path = os.path.join(directory, "notify.sock")
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(notify_path)
    notify.settimeout(1.0)
    environment = dict(os.environ, NOTIFY_SOCKET=notify_path)
    started = time.monotonic()
    with open(args.log, "wb") as log:
        daemon = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL)
    with open(args.pid_file, "w") as handle:
        handle.write(str(daemon.pid))
    result = dict(pid=daemon.pid, ready_s=None, first_polls_done_s=None, last_status=None)
    try:
        # Wait for READY=1, then for every feed to have been polled once.
        done = False
        while not done:
            if daemon.poll() is not None:
                raise RuntimeError(f"newswired exited with status {daemon.returncode} before it was idle")
            if time.monotonic() - started > args.timeout:
                raise RuntimeError(f"the first polls did not finish within {args.timeout:.0f} s: "
                                   f"{result['last_status']}")
            try:
                message = notify.recv(65536).decode("utf-8", "replace")
            except socket.timeout:
                continue
            for line in message.splitlines():
                if line == "READY=1" and result["ready_s"] is None:
                    result["ready_s"] = round(time.monotonic() - started, 3)
                elif line.startswith("STATUS="):
                    result["last_status"] = line[len("STATUS="):]
            status = result["last_status"] or ""
            if result["ready_s"] is not None and re.search(r"\d+ ok", status) and "not polled yet" not in status:
                done = True
        polls_done = time.monotonic()
        result["first_polls_done_s"] = round(polls_done - started, 3)
        result["peak_rss_first_poll_kib"] = status_kib(daemon.pid, "VmHWM")
        time.sleep(args.settle_seconds)

        pid = daemon.pid
        ticks0, switches0, t0 = cpu_ticks(pid), context_switches(pid), time.monotonic()
        rss = []
        end = t0 + args.sample_seconds
        while time.monotonic() < end:
            time.sleep(1.0)
            rss.append(status_kib(pid, "VmRSS"))
        ticks1, switches1, t1 = cpu_ticks(pid), context_switches(pid), time.monotonic()
        if args.smaps_out:
            with open(f"/proc/{pid}/smaps") as source, open(args.smaps_out, "w") as target:
                target.write(source.read())
        seconds = t1 - t0
        # Wake-ups of the threads that lived through the whole window (and of those born in it).
        wakeups = sum(count - switches0.get(task, 0) for task, count in switches1.items())
        result.update(
            idle_seconds=round(seconds, 2),
            idle_cpu_percent=round(100.0 * (ticks1 - ticks0) / TICKS / seconds, 3),
            idle_cpu_ticks=ticks1 - ticks0,
            idle_wakeups_per_s=round(wakeups / seconds, 2),
            idle_rss_kib_max=max(rss),
            idle_rss_kib_last=rss[-1],
            threads=len(os.listdir(f"/proc/{pid}/task")),
            memory_kib=memory(pid),
        )
        if args.release_seconds > 0:
            # Idle for longer: the clustering window and the database caches are released.
            time.sleep(max(0.0, polls_done + args.release_seconds - time.monotonic()))
            released = []
            for _ in range(5):
                released.append(status_kib(pid, "VmRSS"))
                time.sleep(1.0)
            result.update(released_after_s=args.release_seconds, released_rss_kib_max=max(released),
                          released_memory_kib=memory(pid),
                          released_cpu_ticks_total=cpu_ticks(pid) - ticks0)
        # Whatever arrived on the notify socket meanwhile (a status change would mean it polled).
        notify.setblocking(False)
        late = []
        try:
            while True:
                late.append(notify.recv(65536).decode("utf-8", "replace"))
        except BlockingIOError:
            pass
        result["status_messages_while_idle"] = len(late)
    finally:
        if daemon.poll() is None:
            daemon.send_signal(signal.SIGTERM)
            try:
                daemon.wait(timeout=20)
            except subprocess.TimeoutExpired:
                daemon.kill()
                daemon.wait()
        result["exit_status"] = daemon.returncode
        notify.close()
        os.unlink(notify_path)
        os.rmdir(directory)
        with open(args.out, "w") as handle:
            json.dump(result, handle)
        print(json.dumps(result), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
