"""Screenshot of the review desk's draft view, taken with the headless Chromium the tests use.

    summarize serve examples/ --out /tmp/desk_out --port 8765 &
    python docs/desk_screenshot.py http://127.0.0.1:8765 ashwagandha-draft docs/desk.png

Summarizes the drafts that are still new (through the page's own button), opens the draft,
hovers its first lead sentence so the source is highlighted, and saves a full-page PNG.
"""
from __future__ import annotations

import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
         "--hide-scrollbars"]
SUMMARIZE_TIMEOUT_S = 600


def main(base: str, name: str, png: str) -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as profile:
        for flag in FLAGS + [f"--user-data-dir={profile}"]:
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
        try:
            driver.get(base + "/")
            status = driver.find_element(By.CSS_SELECTOR, f'tr[data-name="{name}"] .status').text
            if status == "new":
                t0 = time.perf_counter()
                driver.find_element(By.ID, "summarize-new").click()
                WebDriverWait(driver, SUMMARIZE_TIMEOUT_S, poll_frequency=1).until(
                    lambda d: d.execute_script("return fetch('/api/status').then(r => r.json()).then(s => !s.busy)"))
                print(f"summarized in {time.perf_counter() - t0:.1f} s (browser clock, incl. polling)")
            driver.get(f"{base}/draft/{name}")
            ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, '#lead-view .ls[data-i="0"]')).perform()
            height = driver.execute_script("return document.body.scrollHeight")
            driver.set_window_size(1400, height + 40)
            ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, '#lead-view .ls[data-i="0"]')).perform()
            driver.save_screenshot(png)
            print(f"wrote {png} ({height} px tall)")
        finally:
            driver.quit()


if __name__ == "__main__":
    main(*sys.argv[1:4])
