#!/usr/bin/env python3
"""A real browser against `igfsite serve`: headless Chromium loads a page of a copy of the
sample site, the Markdown file changes on disk, and the page must show the change without
anyone reloading it. A front matter that cannot be read keeps the last good page under the
problems overlay; a modalities error shows the page as it is now with its errors listed; a
new, unfinished proposal (igfsite new) is previewed with its problems; fixing everything
clears the overlay.

Usage: preview-browser-check.py IGFSITE SITE_DIR
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

from selenium.webdriver.common.by import By

from browser import chromium

IGFSITE, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
work = tempfile.mkdtemp(prefix="igfsite-browser-")
site = os.path.join(work, "site")
for part in ("content", "templates"):
    if os.path.isdir(os.path.join(SOURCE, part)):
        shutil.copytree(os.path.join(SOURCE, part), os.path.join(site, part))
document = os.path.join(site, "content/2017/mag/2017-03-28-virtual-meeting-2.md")
original = open(document, encoding="utf-8").read()

server = subprocess.Popen([IGFSITE, "serve", "--site", site, "--port", "0"], stdout=subprocess.PIPE, text=True)
base = None
for line in server.stdout:
    print("  serve:", line.rstrip())
    match = re.search(r"Serving the preview at (\S+) ", line)
    if match:
        base = match.group(1)
        break
log = []
threading.Thread(target=lambda: [log.append(l.rstrip()) for l in server.stdout], daemon=True).start()

driver = chromium()
failures = []


def wait_for(description, condition, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return time.monotonic()
        except Exception:
            pass
        time.sleep(0.05)
    failures.append(description)
    return None


try:
    driver.get(base + "2017/mag/2017-03-28-virtual-meeting-2/index.html")
    title = driver.find_element(By.TAG_NAME, "h1").text
    print(f"Loaded the page; its heading is {title!r}")
    driver.execute_script("window.igfsiteMarker = 'not reloaded';")

    saved = time.monotonic()
    with open(document, "w", encoding="utf-8") as handle:
        handle.write(original.replace('title: "IGF MAG Virtual Meeting II, 28 March 2017"', 'title: "Edited in the browser check"', 1))
    changed = wait_for("the page did not show the edited title by itself",
                       lambda: driver.find_element(By.TAG_NAME, "h1").text == "Edited in the browser check")
    if changed:
        reloaded = driver.execute_script("return window.igfsiteMarker === undefined;")
        print(f"After saving, the page showed the new heading by itself in {(changed - saved) * 1000:.0f} ms "
              f"(reloaded by the preview: {reloaded})")
        if not reloaded:
            failures.append("the heading changed but the page was not reloaded")

    with open(document, "w", encoding="utf-8") as handle:
        handle.write(original.replace("---\n", "---\ntitle: [unclosed\n", 1))
    if wait_for("no overlay after an unreadable front matter", lambda: "cannot be read" in driver.find_element(By.ID, "igfsite-overlay").text
                or "cannot be read" in driver.find_element(By.ID, "igfsite-overlay").get_attribute("innerHTML")):
        print("An unreadable front matter brought the overlay; the page kept:", driver.find_element(By.TAG_NAME, "h1").text)
        if "Edited in the browser check" not in driver.find_element(By.TAG_NAME, "h1").text:
            failures.append("the last good page was not kept under the overlay")

    with open(document, "w", encoding="utf-8") as handle:
        handle.write(original.replace("kind: meeting-summary", "kind: meeting-sumary", 1))
    if wait_for("a modalities error did not show on the page as it is now",
                lambda: driver.find_element(By.ID, "errors").is_displayed()
                and driver.find_element(By.TAG_NAME, "h1").text == "IGF MAG Virtual Meeting II, 28 March 2017"):
        print("A modalities error shows on the page:", driver.find_element(By.ID, "errors").text.splitlines()[0])
        summary = driver.find_element(By.ID, "igfsite-overlay-title").text
        print("  and the overlay says:", summary)
        if "as it is now" not in summary:
            failures.append(f"the overlay contradicts the page: {summary!r}")

    # No preview page stays open across the next rebuild: its reload would race the
    # navigation below (and, under load, win it).
    driver.get("about:blank")
    rebuilds = sum(line.startswith("Rebuilt") for line in log)
    created = subprocess.run([IGFSITE, "new", "bpf-proposal", "2018/bpf/iot/proposal", "--title", "BPF on IoT", "--site", site],
                             capture_output=True, text=True)
    print("  new:", created.stdout.strip().replace("\n", "\n  new: "))
    wait_for("no rebuild after igfsite new", lambda: sum(line.startswith("Rebuilt") for line in log) > rebuilds)
    driver.get(base + "2018/bpf/iot/proposal/index.html")
    if wait_for("the new, unfinished proposal was not previewed with its problems",
                lambda: driver.find_element(By.TAG_NAME, "h1").text == "BPF on IoT"
                and "is empty" in driver.find_element(By.ID, "errors").text):
        problems = driver.find_element(By.ID, "errors").find_elements(By.TAG_NAME, "li")
        print(f"The new proposal is previewed with its {len(problems)} errors listed at the top")

    driver.get("about:blank")
    rebuilds = sum(line.startswith("Rebuilt") for line in log)
    with open(document, "w", encoding="utf-8") as handle:
        handle.write(original)
    os.remove(os.path.join(site, "content/2018/bpf/iot/proposal.md"))
    # Load the page once the fix is built: a page loaded before would miss the reload.
    wait_for("no rebuild after the fix", lambda: sum(line.startswith("Rebuilt") for line in log) > rebuilds)
    driver.get(base + "2017/mag/2017-03-28-virtual-meeting-2/index.html")
    if wait_for("the overlay stayed after the fix", lambda: not driver.find_elements(By.ID, "igfsite-overlay")
                and not driver.find_elements(By.ID, "errors")
                and driver.find_element(By.TAG_NAME, "h1").text == "IGF MAG Virtual Meeting II, 28 March 2017"):
        print("Fixing it cleared the overlay and the errors.")
finally:
    driver.quit()
    server.send_signal(signal.SIGINT)
    status = server.wait(timeout=30)
    time.sleep(0.2)
    shutil.rmtree(work, ignore_errors=True)
    print("Server log:", *log, sep="\n  ")
    if status != 0:
        failures.append(f"serve exited with {status} after Ctrl-C")
    if not any("removed the preview folder" in line for line in log):
        failures.append("serve did not report removing its preview folder")

if failures:
    print("FAILED:", *failures, sep="\n  ")
    sys.exit(1)
print("The browser check passed.")
