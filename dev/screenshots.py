"""Take the README's screenshots of the site's index: docs/site-390.png and docs/site-1280.png.

Builds the site from the bundled register with a fixed date, opens it in headless Chromium
(Debian's ``chromium`` and ``chromium-driver``, through selenium) at each width and saves the
whole page's height as it is laid out. Run from the repository: ``python dev/screenshots.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-02"
WIDTHS = (390, 1280)
HEIGHT = {390: 1600, 1280: 1100}  # the top of the page: the header, the filters and the table's start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        command = [sys.executable, "-m", "planstrategi", "site", "-o", str(site), "--as-of", AS_OF]
        subprocess.run([*command, "--data", str(ROOT / "data")], check=True)
        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
            options.add_argument(argument)
        driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "chromedriver"))
        try:
            for width in WIDTHS:
                driver.set_window_size(width, HEIGHT[width])
                driver.get((site / "index.html").as_uri())
                inner = driver.execute_script("return window.innerWidth")
                driver.set_window_size(width + (width - inner), HEIGHT[width])
                target = ROOT / "docs" / f"site-{width}.png"
                target.parent.mkdir(exist_ok=True)
                driver.save_screenshot(str(target))
                print(target.relative_to(ROOT))
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
