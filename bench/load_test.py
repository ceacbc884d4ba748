#!/usr/bin/env python3
"""Puts `igfsite serve` under load on loopback: wrk with 64 connections for 30 seconds
against the sample site's pages and assets, while 200 reload subscribers stay connected.
Prints requests per second, errors and the server's resident memory before and after;
fails on any error or when memory grows by more than a quarter.

    load_test.py IGFSITE SITE [--seconds 30] [--connections 64]
"""
import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def start_server(igfsite, site):
    server = subprocess.Popen(
        [igfsite, "serve", "--site", site, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        match = re.search(r"at (http://\S+?)/? ", line)
        if match:
            return server, match.group(1)
        if not line and server.poll() is not None:
            break
    server.kill()
    sys.exit("igfsite serve did not start")


def page_paths(site):
    """A mix of what a browser asks for: pages of every kind, folders, assets, a 404."""
    paths = ["/", "/assets/style.css", "/assets/search.js", "/search/index.js", "/no/such/page/", "/2017"]
    content = os.path.join(site, "content")
    for folder, _, names in os.walk(content):
        for name in sorted(names):
            if name.endswith(".md") and not name.startswith("_"):
                relative = os.path.relpath(os.path.join(folder, name[:-3]), content)
                paths.append("/" + relative + "/")
    return paths[:60]


def subscribe(base, count):
    host, port = base.removeprefix("http://").split(":")
    streams = []
    for _ in range(count):
        stream = socket.create_connection((host, int(port)))
        stream.sendall(f"GET /__igfsite/events HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
        streams.append(stream)
    return streams


def run_wrk(base, paths, seconds, connections):
    script = "paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
    script += "counter = 0\nrequest = function()\n  counter = counter + 1\n"
    script += "  return wrk.format(\"GET\", paths[(counter % #paths) + 1])\nend\n"
    script += "done = function(summary, latency, requests)\n"
    script += "  local e = summary.errors\n"
    script += "  io.write(string.format(\"ERRORS %d %d %d %d %d\\n\", e.connect, e.read, e.write, e.status, e.timeout))\nend\n"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        result = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", handle.name, base],
            capture_output=True, text=True, check=True,
        )
    finally:
        os.unlink(handle.name)
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("igfsite")
    parser.add_argument("site")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    server, base = start_server(args.igfsite, args.site)
    try:
        paths = page_paths(args.site)
        streams = subscribe(base, 200)
        run_wrk(base, paths, 5, args.connections)  # warm-up: caches and buffers reach their size
        before = resident_kib(server.pid)
        output = run_wrk(base, paths, args.seconds, args.connections)
        after = resident_kib(server.pid)
        for stream in streams:
            stream.close()
        alive = server.poll() is None
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    requests = re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)
    latency = re.search(r"99%\s+(\S+)", output).group(1)
    errors = [int(n) for n in re.search(r"ERRORS ([\d ]+)", output).group(1).split()]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    # The 404 page is asked for on purpose; wrk counts it among the non-2xx responses.
    expected_404 = sum(1 for p in paths if p == "/no/such/page/")
    print(f"{len(paths)} paths, {args.connections} connections, {args.seconds} s, 200 reload subscribers open")
    print(f"requests/sec {requests}; 99th percentile latency {latency}")
    print(f"socket errors connect/read/write/timeout: {errors[0]}/{errors[1]}/{errors[2]}/{errors[4]}")
    print(f"non-2xx/3xx responses: {non_2xx.group(1) if non_2xx else 0} (1 in {len(paths)} asks for a missing page)")
    print(f"server memory after warm-up {before / 1024:.1f} MiB, after the run {after / 1024:.1f} MiB")
    total = int(re.search(r"(\d+) requests in", output).group(1))
    unexpected = int(non_2xx.group(1) if non_2xx else 0) - total // len(paths) - args.connections
    growth = after / before if before else 0
    socket_errors = errors[0] + errors[1] + errors[2] + errors[4]
    failed = not alive or socket_errors > 0 or unexpected > 0 or growth > 1.25 or expected_404 == 0
    print("server alive, no errors, memory flat" if not failed else "FAILED")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
