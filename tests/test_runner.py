"""Hostile inputs for `summarize run` (issue 11, "Reliability"): one clear line on stderr naming
the file, no partial output, the batch goes on, and the right exit code."""
import errno
import json
import os
import shutil
import threading
import time

import pytest
from click.testing import CliRunner

from summarize import io, runner
from summarize.cli import main
from summarize.pipeline import Summarizer
from conftest import PLAIN_DRAFT, house_draft


def run(args, **kw):
    return CliRunner().invoke(main, args, catch_exceptions=False, **kw)


def errors(res):
    return [l for l in res.stderr.splitlines() if l.startswith("error:")]


@pytest.fixture()
def draft_dir(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(house_draft(), encoding="utf-8")
    return d


# 1. A draft is never overwritten, even one that is not in the batch.
def test_output_never_replaces_another_draft(tmp_path):
    x = tmp_path / "X"
    x.mkdir()
    (x / "a.md").write_text(house_draft(), encoding="utf-8")
    (x / "a.txt").write_text("another draft", encoding="utf-8")
    res = run(["run", str(x / "a.md"), "--out", str(x)])
    assert res.exit_code == 1
    assert errors(res) == [f"error: {x / 'a.md'}: {x / 'a.txt'} exists and was not written by summarize (a draft?); "
                           "it is left alone: choose another --out"]
    assert (x / "a.txt").read_text(encoding="utf-8") == "another draft"
    assert sorted(p.name for p in x.iterdir()) == ["a.md", "a.txt"]


def test_output_never_replaces_a_file_summarize_did_not_write(tmp_path, draft_dir):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("mine", encoding="utf-8")
    res = run(["run", str(draft_dir), "--out", str(out)])
    assert res.exit_code == 1 and errors(res) == [
        f"error: {draft_dir / 'a.txt'}: {out / 'a.txt'} exists and was not written by summarize (a draft?); "
        "it is left alone: choose another --out"]
    assert (out / "a.txt").read_text(encoding="utf-8") == "mine" and not (out / "a.json").exists()


# 2. The same names in two input folders get two sets of outputs.
def test_same_names_in_two_folders_do_not_collide(tmp_path, tiny_model_dir):
    for sub in ("d1", "d2"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(house_draft() if sub == "d1" else PLAIN_DRAFT, encoding="utf-8")
    out = tmp_path / "o"
    res = run(["run", str(tmp_path / "d1"), str(tmp_path / "d2"), "--out", str(out), "--model", str(tiny_model_dir),
               "--beams", "1"])
    assert res.exit_code == 0 and "2 written" in res.stderr, res.stderr
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "d1/x.json", "d1/x.txt", "d2/x.json", "d2/x.txt"]
    assert json.loads((out / "d2" / "x.json").read_text())["draft"] == str(tmp_path / "d2" / "x.txt")


def test_unique_names_are_case_insensitive_and_numbered_when_folder_names_clash(tmp_path):
    for sub in ("a/d", "b/d"):
        (tmp_path / sub).mkdir(parents=True)
        (tmp_path / sub / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "d" / "X.md").write_text("x", encoding="utf-8")
    p = runner.plan([str(tmp_path / "a" / "d"), str(tmp_path / "b" / "d")], tmp_path / "o")
    names = [os.path.relpath(j.json, tmp_path / "o") for j in p.jobs]
    assert len({n.casefold() for n in names}) == len(names) == 3, names


# 3. A FIFO does not block the batch.
def test_fifo_is_refused_not_read(tmp_path, draft_dir):
    os.mkfifo(draft_dir / "pipe.txt")
    (draft_dir / "a.txt").unlink()
    res = run(["run", str(draft_dir), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1 and errors(res) == [f"error: {draft_dir / 'pipe.txt'}: not a regular file (a FIFO)"]


# 4. A symlink loop is one error line per link.
def test_symlink_loop_is_reported_per_file(tmp_path, draft_dir):
    (draft_dir / "a.txt").unlink()
    os.symlink(draft_dir / "b.txt", draft_dir / "c.txt")
    os.symlink(draft_dir / "c.txt", draft_dir / "b.txt")
    res = run(["run", str(draft_dir), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1 and len(errors(res)) == 2
    assert all("symbolic links" in line for line in errors(res)), res.stderr


# 5. An output location where nothing can be written: exit 2, one line, before any model work.
def test_unwritable_out_is_exit_2(tmp_path, draft_dir):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = run(["run", str(draft_dir), "--out", str(blocker / "out"), "--model", str(tmp_path / "never-loaded")])
    assert res.exit_code == 2 and errors(res) == [f"error: --out {blocker / 'out'}: cannot write there (Not a directory)"]


def test_disk_full_during_writes_is_exit_2_and_leaves_nothing(tmp_path, draft_dir, tiny_model_dir, monkeypatch):
    def full(path, text):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(runner, "write_atomic", full)
    out = tmp_path / "o"
    res = run(["run", str(draft_dir), "--out", str(out), "--model", str(tiny_model_dir), "--beams", "1"])
    assert res.exit_code == 2 and errors(res) == [
        f"error: {draft_dir / 'a.txt'}: cannot write {out / 'a.json'} (No space left on device)"]
    assert list(out.iterdir()) == []


# 6. A truncated model.safetensors.
def test_truncated_weights_are_exit_2(tmp_path, draft_dir, tiny_model_dir):
    broken = tmp_path / "broken-model"
    shutil.copytree(tiny_model_dir, broken)
    weights = broken / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    res = run(["run", str(draft_dir), "--out", str(tmp_path / "o"), "--model", str(broken)])
    assert res.exit_code == 2 and len(res.stderr.splitlines()) == 1, res.stderr
    assert res.stderr.startswith(f"error: {broken}: cannot load the model weights")
    res = run(["outline", str(tmp_path / "in" / "a.txt"), "--model", str(broken)])
    assert res.exit_code == 0  # every section has a heading: no model needed


# 7. A malformed --policy is one usage error, for stdin and for folders.
def test_bad_policy_is_one_usage_error(tmp_path, draft_dir):
    policy = tmp_path / "bad.toml"
    policy.write_text("[kinds\nthis is not toml", encoding="utf-8")
    for args, stdin in ((["run", "-"], house_draft()), (["run", str(draft_dir), "--out", str(tmp_path / "o")], None)):
        res = run([*args, "--policy", str(policy), "--model", str(tmp_path / "never-loaded")], input=stdin)
        assert res.exit_code == 2 and len(res.stderr.splitlines()) == 1 and str(policy) in res.stderr, res.stderr


# Long enough for the tiny model on a busy machine, short enough for a test.
STUCK_TIMEOUT_S = 8


# 8. --timeout stops a stuck draft, reports it like any other failure, and the batch goes on.
def test_timeout_stops_a_stuck_draft(tmp_path, draft_dir, tiny_model_dir, monkeypatch):
    (draft_dir / "stuck.txt").write_text(PLAIN_DRAFT, encoding="utf-8")
    real_summarize = Summarizer.summarize

    def stuck(self, text):
        while text == PLAIN_DRAFT:  # a draft that never finishes
            pass
        return real_summarize(self, text)

    # Summarizer.pipe runs drafts on worker threads, so this also tests the thread time limit.
    monkeypatch.setattr(Summarizer, "summarize", stuck)
    out = tmp_path / "o"
    t0 = time.perf_counter()
    res = run(["run", str(draft_dir), "--out", str(out), "--model", str(tiny_model_dir), "--beams", "1",
               "--timeout", str(STUCK_TIMEOUT_S)])
    assert res.exit_code == 1 and errors(res) == [
        f"error: {draft_dir / 'stuck.txt'}: timed out after {STUCK_TIMEOUT_S:g} s (see --timeout)"]
    assert (out / "a.txt").is_file() and not (out / "stuck.json").exists()
    assert time.perf_counter() - t0 < 60


def test_time_limit_works_off_the_main_thread():
    caught = []

    def stuck():
        try:
            with runner.time_limit(0.2):
                while True:
                    pass
        except runner.DraftTimeout:
            caught.append(True)

    t = threading.Thread(target=stuck)
    t.start()
    t.join(10)
    assert caught == [True] and not t.is_alive()


# 9. `caveats` has a size limit.
def test_caveats_refuses_files_over_max_bytes(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Chamomile may help. " * 100, encoding="utf-8")
    res = run(["caveats", "--source", str(big), "--summary", str(big), "--max-bytes", "1000"])
    assert res.exit_code == 2 and res.stderr == (
        f"error: {big}: source: file too large (2,000 bytes; limit 1,000, see --max-bytes)\n")


# 13. A file name with a newline stays on one error line.
def test_newline_in_a_file_name_is_escaped(tmp_path, draft_dir):
    (draft_dir / "a.txt").unlink()
    (draft_dir / "bad\nname.txt").write_text("", encoding="utf-8")
    res = run(["run", str(draft_dir), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1 and errors(res) == [f"error: {draft_dir}/bad\\nname.txt: empty file"]


# 14. Temp files left by a killed write are cleaned.
def test_stale_temp_files_are_removed(tmp_path, draft_dir, tiny_model_dir):
    out = tmp_path / "o"
    out.mkdir()
    for name in (".a.txt.x1y2.tmp", ".a.json.k9.tmp"):
        (out / name).write_text("half", encoding="utf-8")
    (out / ".other.txt.k9.tmp").write_text("not ours to judge", encoding="utf-8")
    res = run(["run", str(draft_dir), "--out", str(out), "--model", str(tiny_model_dir), "--beams", "1", "--resume"])
    assert res.exit_code == 0 and "removed 2 temp file(s)" in res.stderr
    assert sorted(p.name for p in out.iterdir()) == [".other.txt.k9.tmp", "a.json", "a.txt"]


# 15. --resume redoes drafts made with other options, and never trusts a partial output.
def test_resume_redoes_other_options_and_partial_outputs(tmp_path, draft_dir, tiny_model_dir):
    other = tmp_path / "other-model"
    shutil.copytree(tiny_model_dir, other)
    out = tmp_path / "o"
    base = ["-v", "run", str(draft_dir), "--out", str(out), "--beams", "1", "--resume"]
    assert run([*base, "--model", str(tiny_model_dir)]).exit_code == 0
    recorded = json.loads((out / "a.json").read_text())["options"]
    assert recorded["model"] == str(tiny_model_dir) and recorded["beams"] == 1 and recorded["caveat_policy_sha256"]
    assert "0 written, 1 skipped" in run([*base, "--model", str(tiny_model_dir)]).stderr
    assert "1 written, 0 skipped" in run([*base, "--model", str(other)]).stderr  # another model
    assert "1 written, 0 skipped" in run([*base, "--model", str(other), "--max-words", "60"]).stderr
    text = (out / "a.txt").read_text(encoding="utf-8")
    (out / "a.txt").write_text(text[: len(text) // 2], encoding="utf-8")  # half-written
    assert "1 written, 0 skipped" in run([*base, "--model", str(other), "--max-words", "60"]).stderr
    assert (out / "a.txt").read_text(encoding="utf-8") == text


# 16. --out and the input folders.
def test_out_equal_to_or_above_an_input_folder_is_a_usage_error(tmp_path, draft_dir):
    for out in (draft_dir, tmp_path):
        res = run(["run", str(draft_dir), "--out", str(out)])
        assert res.exit_code == 2 and errors(res) == [
            f"error: --out {out} is the input folder {draft_dir} or holds it; outputs would mix with the drafts: "
            "choose a separate output folder"]


def test_drafts_inside_out_are_skipped_with_a_note(tmp_path, draft_dir, tiny_model_dir):
    out = draft_dir / "finished"
    out.mkdir()
    (out / "old.txt").write_text(house_draft(), encoding="utf-8")
    res = run(["run", str(draft_dir), "--out", str(out), "--model", str(tiny_model_dir), "--beams", "1"])
    assert res.exit_code == 0
    assert f"note: 1 file(s) inside --out {out} were not read as drafts (e.g. {out / 'old.txt'})" in res.stderr


# 17. Ctrl-C, umask, UTF-16, late NUL bytes.
def test_ctrl_c_exits_130_with_a_summary(tmp_path, draft_dir, monkeypatch):
    (draft_dir / "b.txt").write_text(house_draft(), encoding="utf-8")
    def process_batch(jobs, get, opts):
        yield runner.Outcome(jobs[0].draft, "written")
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "process_batch", process_batch)
    res = run(["run", str(draft_dir), "--out", str(tmp_path / "o")])
    assert res.exit_code == 130
    assert res.stderr.splitlines()[-1].startswith("interrupted: 1 written, 0 skipped (up to date), 0 failed in ")


def test_outputs_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        io.write_atomic(tmp_path / "x.txt", "text")
    finally:
        os.umask(old)
    assert (tmp_path / "x.txt").stat().st_mode & 0o777 == 0o640


def test_utf16_is_read_or_named(tmp_path):
    with_bom = tmp_path / "bom.txt"
    with_bom.write_bytes("Chamomile – tea.".encode("utf-16"))
    assert io.read_draft(with_bom) == "Chamomile – tea."
    no_bom = tmp_path / "nobom.txt"
    no_bom.write_bytes("Chamomile tea is mild.".encode("utf-16-le"))
    with pytest.raises(io.InputError, match="UTF-16 text without a byte-order mark"):
        io.read_draft(no_bom)


def test_nul_bytes_late_in_a_file_are_refused(tmp_path):
    f = tmp_path / "late.txt"
    f.write_bytes(b"Chamomile tea. " * 1000 + b"\x00tail")
    with pytest.raises(io.InputError, match="contains a NUL byte at offset 15,000"):
        io.read_draft(f)


# Known defect: an error inside the model is not a bad draft.
def test_a_model_error_is_not_reported_as_a_bad_draft(tmp_path, draft_dir, tiny_model_dir, monkeypatch):
    def broken(self, text):
        raise ValueError("shape mismatch in the model")

    monkeypatch.setattr(Summarizer, "summarize", broken)
    with pytest.raises(ValueError, match="shape mismatch"):
        run(["run", str(draft_dir), "--out", str(tmp_path / "o"), "--model", str(tiny_model_dir)])
    assert not (tmp_path / "o" / "a.json").exists()


def test_optional_kinds_left_out_are_logged_and_in_the_json(tmp_path, tiny_model_dir):
    """A lead that cannot carry every optional kind says which it left out (-v and the JSON)."""
    (tmp_path / "in").mkdir()
    draft = "Tramadol for Pain\n\n" + "\n\n".join([
        "Tramadol is an opioid painkiller prescribed for moderate pain. Tramadol helps many people with back pain.",
        "Tramadol can lead to dependence when taken for weeks, and stopping it suddenly causes withdrawal.",
        "Only a few small trials have tested tramadol for nerve pain, so more research is needed.",
        "Tramadol can cause nausea, dizziness and constipation in many people who take it.",
        "Tramadol can interact with antidepressants, sleeping pills and alcohol.",
        "Tramadol is a controlled substance in the United States and in many other countries.",
        "Ask your doctor or pharmacist whether tramadol is right for you."])
    (tmp_path / "in" / "t.txt").write_text(draft, encoding="utf-8")
    out = tmp_path / "o"
    res = run(["-v", "run", str(tmp_path / "in"), "--out", str(out), "--model", str(tiny_model_dir), "--beams", "1",
               "--max-words", "20"])
    assert res.exit_code == 0, res.stderr
    omitted = json.loads((out / "t.json").read_text())["caveats"]["omitted"]
    assert omitted, json.loads((out / "t.json").read_text())["lead"]
    assert f"{', '.join(omitted)} left out" in res.stderr
