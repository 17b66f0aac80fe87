"""The review desk in a real headless Chromium (Debian's chromium + chromium-driver, Selenium).

The app runs under waitress on 127.0.0.1 with an ephemeral port, with the fake summarizer from
test_serve (the browser part is what is tested here, not the model). CI installs the browser
(.ci/run); without it these tests fail rather than skip.
"""
from __future__ import annotations

import threading

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from waitress.server import create_server

from summarize.serve import create_app

from conftest import house_draft
from test_serve import FakeSummarizer

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000"]
WAIT_S = 30


def chromium(profile_dir) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROME_FLAGS + [f"--user-data-dir={profile_dir}"]:
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))


@pytest.fixture
def desk(tmp_path):
    drafts, out = tmp_path / "drafts", tmp_path / "out"
    drafts.mkdir()
    (drafts / "chamomile.txt").write_text(house_draft(), encoding="utf-8")
    app = create_app(drafts, out, FakeSummarizer(), trusted_hosts=["127.0.0.1"])
    server = create_server(app, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}", app, out
    server.close()
    app.extensions["desk"].stop()


@pytest.fixture
def browser(tmp_path):
    driver = chromium(tmp_path / "profile")
    yield driver
    driver.quit()


def test_review_edit_and_accept_in_chromium(desk, browser):
    base, app, out = desk
    wait = WebDriverWait(browser, WAIT_S, ignored_exceptions=[StaleElementReferenceException])

    # 1. the list: the draft is new; "Summarize all new" runs it behind a progress bar
    browser.get(base + "/")
    row = browser.find_element(By.CSS_SELECTOR, 'tr[data-name="chamomile"]')
    assert row.find_element(By.CSS_SELECTOR, ".status").text == "new"
    browser.find_element(By.ID, "summarize-new").click()
    wait.until(EC.visibility_of_element_located((By.ID, "progress-bar")))

    def reloaded_done(d):  # the page reloads itself when the run is over: bar hidden again
        return (d.find_element(By.ID, "progress").get_attribute("hidden") is not None
                and d.find_element(By.CSS_SELECTOR, 'tr[data-name="chamomile"] .status').text == "summarized")

    wait.until(reloaded_done)

    # 2. open the draft
    browser.find_element(By.CSS_SELECTOR, 'tr[data-name="chamomile"] a.draft-link').click()
    wait.until(EC.presence_of_element_located((By.ID, "lead-view")))
    data = app.extensions["desk"].entry("chamomile").data
    sentences = data["lead_sentences"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#lead-view .ls")) == len(sentences)

    # 3. hovering a lead sentence highlights the draft sentence it came from
    assert browser.find_elements(By.CSS_SELECTOR, ".seg.hl") == []
    ActionChains(browser).move_to_element(browser.find_element(By.CSS_SELECTOR, '#lead-view .ls[data-i="0"]')).perform()
    lit = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".seg.hl"))
    assert "".join(el.text for el in lit) == sentences[0]["source_text"]

    # 4. remove the caveat sentences from the lead: the check warns that a caveat is missing
    browser.find_element(By.ID, "edit-lead").click()
    box = browser.find_element(By.ID, "lead-edit")
    cut = " ".join(s["text"] for s in sentences if s["source"] != "caveat")
    box.clear()
    box.send_keys(cut)
    warning = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#check .missing")))
    assert "Missing mandated caveat" in warning.text
    assert browser.find_element(By.ID, "accept").text == "Accept anyway"

    # 5. accept anyway: the house file is written with the edited lead
    browser.find_element(By.ID, "accept").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "accept-msg"), "Accepted"))
    written = (out / "chamomile.txt").read_text(encoding="utf-8")
    assert written.splitlines()[0] == cut
    assert (out / "chamomile.json").is_file()
    assert browser.find_element(By.ID, "draft-status").text == "accepted"


def test_script_in_a_draft_does_not_run(desk, browser, tmp_path):
    base, app, _ = desk
    drafts = app.extensions["desk"].draft_dir
    (drafts / "evil.txt").write_text(
        "Evil <img src=x onerror=\"document.title='pwned'\"> tea <script>document.title='pwned'</script> is a drink.\n\n"
        "More research is needed.", encoding="utf-8")
    browser.get(base + "/draft/evil")
    assert browser.title != "pwned"
    assert "<script>document.title='pwned'</script>" in browser.find_element(By.CSS_SELECTOR, ".article").text
