#!/usr/bin/env python3
"""What a search costs a reader: opens the search page of a built site in headless
Chromium, searches, waits for the results, and counts the bytes the page fetched for it
(the search script, the index parts and the texts of the results shown), served over
HTTP; it also searches with the site opened from the file system.

    search_bytes.py OUTPUT_DIR [WORD …]   (run with the page tools' python; without words,
    the index's most common word and a rare one)

Prints one JSON object per word: results shown, bytes and files fetched, and whether the
search from file:// showed the same results.
"""
import functools
import http.server
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from browser import chromium  # noqa: E402


def results(driver, url, timeout=30):
    driver.get(url)
    deadline = time.time() + timeout
    while time.time() < deadline:
        state = driver.execute_script(
            "var s = document.getElementById('search-status').textContent;"
            "return [s, Array.from(document.querySelectorAll('#search-results > li')).map(function (li) {"
            "  var a = li.querySelector('a'); return a ? a.getAttribute('href') : li.textContent; })];")
        if state[0] and not state[0].startswith("Searching") and not state[0].startswith("Loading"):
            return state
        time.sleep(0.05)
    raise SystemExit(f"no results at {url} within {timeout} s")


def fetched(driver):
    entries = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) {"
        " return [e.name, e.encodedBodySize || e.transferSize || 0]; });")
    return [(name, size) for name, size in entries if name.endswith(".js")]


ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def count(encoded):
    """How many documents an encoded posting list names."""
    if not encoded:
        return 0
    digits = [ALPHABET.index(c) for c in encoded[1:]]
    if encoded[0] == "b":
        return sum(bin(d).count("1") for d in digits)
    return sum(1 for d in digits if d < 32)


def picked_words(folder):
    """The index's most common word and a rare one (in the fewest documents, at least one)."""
    counts = {}
    for name in os.listdir(os.path.join(folder, "search", "w")):
        with open(os.path.join(folder, "search", "w", name), encoding="utf-8") as handle:
            text = handle.read()
        body = text[text.index(",") + 1:text.rindex(");")]
        for word, lists in json.loads(body).items():
            counts[word] = sum(count(encoded) for encoded in lists)
    ranked = sorted((n, w) for w, n in counts.items() if n > 0 and len(w) >= 4)
    return [ranked[-1][1], ranked[0][1]]


def main():
    folder = os.path.abspath(sys.argv[1])
    words = sys.argv[2:] or picked_words(folder)
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    driver = chromium()
    try:
        for word in words:
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            status, shown = results(driver, f"http://127.0.0.1:{port}/search/index.html?q={word}")
            files = fetched(driver)
            _, from_files = results(driver, f"file://{folder}/search/index.html?q={word}")
            print(json.dumps({
                "word": word, "status": status, "shown": len(shown), "bytes": sum(size for _, size in files),
                "files": len(files), "file_system_same": from_files == shown, "first": shown[:3],
            }))
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
