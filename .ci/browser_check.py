#!/usr/bin/env python3
"""Browser check: open every page MatchPlan writes in headless Chromium and check it.

Run it through `bash .ci/browser-check` (which installs what is missing and builds the
release binary first); this script expects the binary, Chromium, chromedriver, selenium,
pypdf and axe-playwright-python to be there already.

Pages (written into a temporary folder, deleted at the end):
  - a report for every profile in Content/profiles/ (*.yaml, *.yml, *.json) at two fixed dates,
    --today 2026-12-01 and 2027-09-20 (HTML only);
  - the roster overview (`report --roster Content/profiles/roster.csv`), when that file exists;
  - every page of the advising site (`site --config Content/site/site.yaml`), and the home
    page, a school page and the 404 page again with a light accent (#ffcc33) and a dark one
    (#2a0a3a): MatchPlan derives a readable shade for whichever scheme the colour fails on.

For each page:
  - axe-core (the axe.min.js bundled in axe-playwright-python), tags wcag2a, wcag2aa, wcag21a,
    wcag21aa and wcag22aa, once in light and once in dark mode (prefers-color-scheme emulated
    through CDP); every violation is printed (id, impact, target, a short HTML snippet);
  - scroll height at 1280 px and at 390 px wide (390 as a phone: mobile viewport emulation),
    and the scroll width at 390 px (above 390 the page scrolls sideways on a phone);
  - the number of pages printed on US Letter (CDP Page.printToPDF, counted with pypdf).

Exit status: 0 when no page has an axe violation, 1 when any has, 2 when a page cannot be
built or checked (matchplan fails, the browser or axe fails). Everything runs offline. Options: --screenshots DIR saves, per page, full-page
PNGs at 1280 and 390 px and the printed PDF; --only SUBSTRING checks only matching pages.
"""

import argparse
import base64
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parent.parent
DATES = ["2026-12-01", "2027-09-20"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP, PHONE = 1280, 390  # viewport widths in CSS px
VIEW_HEIGHT = 900
ACCENTS = [("light-accent", "#ffcc33"), ("dark-accent", "#2a0a3a")]  # site.yaml accent_color variants


def run(cmd):
    """Runs a matchplan command from the repository root; stops the check if it fails."""
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"browser-check: {' '.join(map(str, cmd))} failed ({done.returncode}):\n{done.stderr}",
              file=sys.stderr)
        sys.exit(2)


def build_pages(binary, out):
    """Writes every page to check into `out`; returns [(name, path)] in a fixed order."""
    pages = []
    profiles = sorted(p for p in (ROOT / "Content/profiles").iterdir()
                      if p.suffix in (".yaml", ".yml", ".json"))
    for profile in profiles:
        for day in DATES:
            folder = out / "reports" / f"{profile.stem}{profile.suffix.replace('.', '-')}-{day}"
            run([binary, "report", profile, "--out", folder, "--format", "html", "--today", day])
            pages.append((f"report/{folder.name}", folder / "report.html"))
    roster = ROOT / "Content/profiles/roster.csv"
    if roster.exists():
        # The class dashboard at both dates (overdue items, next actions and counts differ).
        # Only the dashboard: the students' reports are the same pages as the profiles' above.
        for day in DATES:
            run([binary, "report", "--roster", roster, "--out", out / f"roster-{day}",
                 "--format", "html", "--today", day])
            pages.append((f"roster/index-{day}", out / f"roster-{day}/index.html"))
    run([binary, "site", "--config", ROOT / "Content/site/site.yaml", "--out", out / "site"])
    for page in sorted((out / "site").glob("*.html"), key=lambda p: (p.name != "index.html", p.name)):
        pages.append((f"site/{page.stem}", page))
    example = (ROOT / "Content/site/site.yaml").read_text(encoding="utf-8")
    for name, colour in ACCENTS:
        config = out / f"site-{name}.yaml"
        config.write_text(example.replace('"#0b5fa5"', f'"{colour}"').replace('accent_color_dark:', '# accent_color_dark:').replace(
            "pages: pages", f"pages: {ROOT / 'Content/site/pages'}"), encoding="utf-8")
        run([binary, "site", "--config", config, "--out", out / f"site-{name}"])
        for stem in ("index", "advising", "404"):
            pages.append((f"site-{name}/{stem}", out / f"site-{name}" / f"{stem}.html"))
    return pages


def axe_source():
    """The axe.min.js shipped inside the axe-playwright-python package folder."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or spec.origin is None:
        print("browser-check: axe-playwright-python is not installed (run .ci/browser-check)",
              file=sys.stderr)
        sys.exit(2)
    return (Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US",
                "--disable-extensions", "--no-first-run", "--disable-background-networking"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    return driver


def set_width(driver, width):
    """Emulates a viewport `width` px wide (390 as a phone, so the viewport meta tag applies)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": VIEW_HEIGHT, "deviceScaleFactor": 1, "mobile": width < 600})


def set_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def load(driver, url):
    driver.get(url)
    driver.execute_async_script("const done = arguments[0]; document.fonts.ready.then(() => done());")


def run_axe(driver, axe_js):
    """Injects axe into the loaded page and returns its violations."""
    driver.execute_script(axe_js)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r.violations)).catch(e => done({error: String(e)}));", AXE_TAGS)
    if isinstance(result, dict):
        raise RuntimeError(f"axe failed: {result['error']}")
    return result


def scroll_height(driver):
    return driver.execute_script(
        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);")


def screenshot(driver, path, width):
    """Saves a full-page PNG of the current page at the current viewport width."""
    height = scroll_height(driver)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


def print_pdf(driver):
    """Prints the current page on US Letter (Chromium's default margins) and returns the PDF."""
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.5, "paperHeight": 11, "printBackground": False})
    return base64.b64decode(pdf["data"])


def check_page(driver, axe_js, name, path, shots):
    """Checks one page in three loads; returns its summary row and its violations by scheme."""
    url = path.resolve().as_uri()
    stem = name.replace("/", "-")
    row, violations = {"page": name}, {}
    # 1. Desktop, light: axe, height, printed pages (and the 1280 px screenshot and the PDF).
    set_width(driver, DESKTOP)
    set_scheme(driver, "light")
    load(driver, url)
    row[1280] = scroll_height(driver)
    if shots:
        screenshot(driver, shots / f"{stem}-1280.png", DESKTOP)
    pdf = print_pdf(driver)
    row["printed"] = len(PdfReader(io.BytesIO(pdf)).pages)
    if shots:
        (shots / f"{stem}.pdf").write_bytes(pdf)
    violations["light"] = run_axe(driver, axe_js)
    # 2. Desktop, dark: axe again (colours come from prefers-color-scheme).
    set_scheme(driver, "dark")
    load(driver, url)
    violations["dark"] = run_axe(driver, axe_js)
    # 3. Phone, light: height, and whether the page is wider than the screen.
    set_scheme(driver, "light")
    set_width(driver, PHONE)
    load(driver, url)
    row[390] = scroll_height(driver)
    row["wide"] = driver.execute_script("return document.documentElement.scrollWidth;")
    if shots:
        screenshot(driver, shots / f"{stem}-390.png", PHONE)
    row["light"], row["dark"] = len(violations["light"]), len(violations["dark"])
    return row, violations


def describe(violation):
    """One line per violation node: id, impact, target selector and a short HTML snippet."""
    lines = []
    for node in violation["nodes"]:
        html = " ".join(node.get("html", "").split())
        if len(html) > 120:
            html = html[:117] + "..."
        target = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
        lines.append(f"    {violation['id']} ({violation.get('impact') or node.get('impact')}) "
                     f"{target}\n        {html}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=str(ROOT / ".build/release/matchplan"))
    parser.add_argument("--screenshots", metavar="DIR", type=Path,
                        help="save full-page PNGs (1280 and 390 px) and printed PDFs here")
    parser.add_argument("--only", metavar="SUBSTRING", help="check only pages whose name contains this")
    args = parser.parse_args()
    started = time.monotonic()
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    axe_js = axe_source()

    with tempfile.TemporaryDirectory(prefix="browser-check-") as tmp:
        pages = build_pages(args.binary, Path(tmp))
        if args.only:
            pages = [(n, p) for n, p in pages if args.only in n]
        driver = start_browser()
        rows, failures = [], []
        try:
            for name, path in pages:
                try:
                    row, violations = check_page(driver, axe_js, name, path, args.screenshots)
                except Exception as error:  # selenium, CDP or axe: report the page, stop with 2
                    print(f"browser-check: {name}: {error}", file=sys.stderr)
                    return 2
                rows.append(row)
                for scheme, found in violations.items():
                    for violation in found:
                        failures.append((name, scheme, violation))
                print(f"  {name}: {row[1280]}/{row[390]} px high, {row['printed']} printed, "
                      f"axe {row['light']}/{row['dark']}", file=sys.stderr, flush=True)
        finally:
            driver.quit()

    # Heights are document scroll heights in CSS px (at least the 900 px viewport); "wide 390"
    # is the page's scroll width on the phone: above 390 the page scrolls sideways there.
    # The axe columns count violated rules; the list below has every element.
    width = max(len(r["page"]) for r in rows)
    print(f"\n{'page':<{width}}  height 1280  height 390  wide 390  printed  axe light  axe dark")
    for r in rows:
        wide = f"{r['wide']}!" if r["wide"] > PHONE else str(r["wide"])
        print(f"{r['page']:<{width}}  {r[1280]:>11}  {r[390]:>10}  {wide:>8}  {r['printed']:>7}  "
              f"{r['light']:>9}  {r['dark']:>8}")
    if failures:
        print(f"\naxe violations ({len(failures)} rule violations):")
        for name, scheme, violation in failures:
            print(f"  {name} [{scheme}] {violation['id']}: {violation['help']}")
            print("\n".join(describe(violation)))
    nodes = sum(len(v["nodes"]) for _, _, v in failures)
    print(f"\n{len(rows)} pages, {len(failures)} axe rule violations on {nodes} elements, "
          f"{sum(r['wide'] > PHONE for r in rows)} pages wider than {PHONE} px, "
          f"{time.monotonic() - started:.0f} s", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
