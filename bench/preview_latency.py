#!/usr/bin/env python3
"""Measures the preview's latency: from saving a file to the reload event every open page
receives. Starts `igfsite serve` on a site, listens to its event stream like a browser
would, edits a document's title a number of times, and prints the times.

    preview_latency.py IGFSITE SITE_DIR [--edits 10] [--document content/…md]
"""
import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("igfsite")
    parser.add_argument("site")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--document", help="the file to edit, relative to the site (default: a BPF proposal)")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    document = args.document
    if document is None:
        for folder, _, names in sorted(os.walk(os.path.join(site, "content"))):
            if "proposal.md" in names:
                document = os.path.relpath(os.path.join(folder, "proposal.md"), site)
                break
    path = os.path.join(site, document)
    original = open(path, encoding="utf-8").read()
    count = sum(len(names) for _, _, names in os.walk(os.path.join(site, "content")))

    started = time.monotonic()
    server = subprocess.Popen([args.igfsite, "serve", "--site", site, "--port", "0"], stdout=subprocess.PIPE, text=True)
    url = None
    for line in server.stdout:
        match = re.search(r"Serving the preview at http://([\d.]+):(\d+)/", line)
        if match:
            host, port = match.group(1), int(match.group(2))
            break
    first_build = time.monotonic() - started
    threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()

    events = []
    connection = socket.create_connection((host, port))
    connection.sendall(b"GET /__igfsite/events HTTP/1.1\r\nHost: x\r\n\r\n")
    ready = threading.Event()

    def listen():
        buffer = b""
        while True:
            chunk = connection.recv(4096)
            if not chunk:
                return
            buffer += chunk
            if b": connected" in buffer:
                ready.set()
            while b"event: reload" in buffer:
                events.append(time.monotonic())
                buffer = buffer.split(b"event: reload", 1)[1]

    threading.Thread(target=listen, daemon=True).start()
    ready.wait(10)
    latencies = []
    try:
        for edit in range(args.edits):
            text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} (edit {edit})", original, count=1, flags=re.M)
            seen = len(events)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            saved = time.monotonic()
            deadline = saved + 30
            while len(events) == seen and time.monotonic() < deadline:
                time.sleep(0.001)
            if len(events) == seen:
                raise SystemExit(f"no reload event within 30 s of edit {edit}")
            latencies.append((events[seen] - saved) * 1000)
            time.sleep(0.3)
    finally:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(original)
        time.sleep(0.5)
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    print(f"{count} files in content/; first build and start: {first_build * 1000:.0f} ms")
    print(f"save → reload event over {len(latencies)} edits of {document}: "
          f"median {statistics.median(latencies):.0f} ms, min {min(latencies):.0f} ms, max {max(latencies):.0f} ms")


if __name__ == "__main__":
    main()
