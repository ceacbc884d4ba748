#!/usr/bin/env python3
"""Measures the preview's latency for one edited document: how long `igfsite serve` takes
to rebuild and write the site (as it reports), and the time from saving the file to the
reload event every open page receives. Starts `igfsite serve` on a site, listens to its
event stream like a browser would, edits a document's title a number of times, and prints
the medians.

    preview_latency.py IGFSITE SITE_DIR [--edits 10] [--document content/…md]
"""
import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import threading
import time


def first_proposal(site):
    for folder, _, names in sorted(os.walk(os.path.join(site, "content"))):
        if "proposal.md" in names:
            return os.path.relpath(os.path.join(folder, "proposal.md"), site)
    raise SystemExit(f"no proposal.md under {site}/content")


def measure(igfsite, site, edits=10, document=None):
    """Returns {first_build, rebuild, reload, pages, edits}: milliseconds are medians."""
    site = os.path.abspath(site)
    document = document or first_proposal(site)
    path = os.path.join(site, document)
    with open(path, encoding="utf-8") as handle:
        original = handle.read()
    started = time.monotonic()
    server = subprocess.Popen([igfsite, "serve", "--site", site, "--port", "0"], stdout=subprocess.PIPE, text=True)
    for line in server.stdout:
        match = re.search(r"Serving the preview at http://([\d.]+):(\d+)/", line)
        if match:
            host, port = match.group(1), int(match.group(2))
            break
    else:
        raise SystemExit("igfsite serve stopped before serving")
    first_build = time.monotonic() - started
    rebuilds = []

    def read_log():
        for line in server.stdout:
            match = re.search(r"^Rebuilt after .*: (\d+) pages? rendered, .* in (\d+) ms", line)
            if match:
                rebuilds.append((int(match.group(1)), int(match.group(2))))

    threading.Thread(target=read_log, daemon=True).start()
    events = []
    connection = socket.create_connection((host, port))
    connection.sendall(f"GET /__igfsite/events HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
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
        for edit in range(edits):
            text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} (edit {edit})", original, count=1, flags=re.M)
            seen = len(events)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            saved = time.monotonic()
            deadline = saved + 60
            while len(events) == seen and time.monotonic() < deadline:
                time.sleep(0.001)
            if len(events) == seen:
                raise SystemExit(f"no reload event within 60 s of edit {edit}")
            latencies.append((events[seen] - saved) * 1000)
            time.sleep(0.3)
    finally:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(original)
        time.sleep(0.5)
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
    measured = rebuilds[:edits]
    return {
        "first_build": first_build * 1000, "edits": len(latencies), "document": document,
        "reload": statistics.median(latencies),
        "rebuild": statistics.median(ms for _, ms in measured) if measured else float("nan"),
        "pages": statistics.median(pages for pages, _ in measured) if measured else 0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("igfsite")
    parser.add_argument("site")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--document", help="the file to edit, relative to the site (default: a BPF proposal)")
    args = parser.parse_args()
    result = measure(args.igfsite, args.site, args.edits, args.document)
    count = sum(len(names) for _, _, names in os.walk(os.path.join(args.site, "content")))
    print(f"{count} files in content/; first build and start: {result['first_build']:.0f} ms")
    print(f"{result['edits']} edits of {result['document']}: rebuilt and written in {result['rebuild']:.0f} ms "
          f"({result['pages']:.0f} pages), save → reload event {result['reload']:.0f} ms (medians)")


if __name__ == "__main__":
    main()
