"""The CLI contract: batches with bad files, stdin, resume, atomic writes, exit codes."""
import json
import os

import pytest
from click.testing import CliRunner

from summarize.cli import main
from conftest import house_draft, write_draft_folder


@pytest.fixture()
def folder(tmp_path):
    d = write_draft_folder(tmp_path / "drafts")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (d / "latin1.txt").write_bytes("Caf\xe9 au lait is a drink.".encode("latin-1"))
    (d / "symbols.txt").write_text("### \n\n---\n", encoding="utf-8")
    (d / "notes.csv").write_text("not,a,draft", encoding="utf-8")
    return d


def run(args, **kw):
    return CliRunner().invoke(main, args, catch_exceptions=False, **kw)


def test_batch_writes_good_files_reports_bad_ones_and_exits_1(folder, tmp_path, tiny_model_dir):
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    out = tmp_path / "out"
    res = run(["run", str(folder), "--out", str(out), "--model", str(tiny_model_dir), "--beams", "1"])
    assert res.exit_code == 1
    for name, reason in [("empty.txt", "empty file"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"),
                         ("symbols.txt", "no sentences")]:
        lines = [l for l in res.stderr.splitlines() if name in l]
        assert len(lines) == 1 and reason in lines[0], res.stderr
    for rel in ["chamomile", "sub/magnesium", "valerian"]:
        data = json.loads((out / f"{rel}.json").read_text())
        assert {"lead", "lead_sentences", "outline", "caveats", "model", "seconds"} <= set(data)
        assert (out / f"{rel}.txt").read_text().split("\n")[0] == data["lead"]
    assert not (out / "empty.txt").exists() and not (out / "binary.json").exists()
    assert not list(out.rglob("*.tmp"))  # no temp files left behind
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before  # drafts untouched


def test_all_good_exits_0_and_resume_skips_complete_outputs(folder, tmp_path, tiny_model_dir):
    out = tmp_path / "out"
    args = ["run", str(folder / "chamomile.txt"), str(folder / "valerian.md"), "--out", str(out),
            "--model", str(tiny_model_dir), "--beams", "1"]
    assert run(args).exit_code == 0
    stamp = (out / "chamomile.json").stat().st_mtime_ns
    (out / "valerian.txt").write_bytes(b"")  # a 0-byte output is never taken as done
    res = run(["-v", *args, "--resume"])
    assert res.exit_code == 0 and "1 written, 1 skipped" in res.stderr
    assert (out / "chamomile.json").stat().st_mtime_ns == stamp and (out / "valerian.json").exists()
    # A changed draft is not "up to date" any more.
    (folder / "chamomile.txt").write_text(house_draft() + "\nOne more closing line here.", encoding="utf-8")
    res = run(["-v", *args, "--resume"])
    assert "1 written, 1 skipped" in res.stderr


def test_output_names_keep_dots_and_same_stem_drafts_do_not_collide(tmp_path, tiny_model_dir):
    d = tmp_path / "in"
    d.mkdir()
    for name in ("notes.v1.txt", "notes.v2.txt", "same.txt", "same.md"):
        (d / name).write_text(house_draft(), encoding="utf-8")
    out = tmp_path / "out"
    res = run(["run", str(d), "--out", str(out), "--model", str(tiny_model_dir), "--beams", "1"])
    assert res.exit_code == 0, res.stderr
    assert sorted(p.name for p in out.glob("*.json")) == ["notes.v1.json", "notes.v2.json", "same.md.json", "same.txt.json"]


def test_huge_file_is_refused_and_finished_article_is_redone_with_a_warning(tmp_path, tiny_model_dir):
    from conftest import HOUSE_ARTICLE

    d = tmp_path / "in"
    d.mkdir()
    (d / "big.txt").write_text(house_draft() * 50, encoding="utf-8")
    (d / "finished.txt").write_text(HOUSE_ARTICLE, encoding="utf-8")
    res = run(["run", str(d), "--out", str(tmp_path / "out"), "--model", str(tiny_model_dir), "--beams", "1",
               "--max-bytes", "20000"])
    assert res.exit_code == 1
    assert [l for l in res.stderr.splitlines() if "big.txt" in l] == [
        f"error: {d / 'big.txt'}: file too large ({len((house_draft() * 50).encode()):,} bytes; limit 20,000, see --max-bytes)"]
    assert "finished.txt: the file already had a lead and outline" in res.stderr
    out = (tmp_path / "out" / "finished.txt").read_text(encoding="utf-8")
    assert out.count("- How It May Affect Sleep") == 1  # the old outline is replaced, not doubled


def test_never_overwrites_a_draft(tmp_path, tiny_model_dir):
    draft = tmp_path / "a.txt"
    draft.write_text(house_draft(), encoding="utf-8")
    res = run(["run", str(draft), "--out", str(tmp_path), "--model", str(tiny_model_dir)])
    assert res.exit_code == 1 and "overwrite the draft" in res.stderr
    assert draft.read_text(encoding="utf-8") == house_draft()


def test_stdin_to_stdout_in_each_format(tiny_model_dir):
    for fmt, check in [("house", lambda o: o.endswith(house_draft()[house_draft().index("What Chamomile"):])),
                       ("json", lambda o: "lead_sentences" in json.loads(o)),
                       ("markdown", lambda o: "## How It May Affect Sleep" in o)]:
        res = run(["run", "-", "--format", fmt, "--model", str(tiny_model_dir), "--beams", "1"], input=house_draft())
        assert res.exit_code == 0 and check(res.stdout), (fmt, res.stdout[:200])


def test_stdin_bad_input_is_one_line_and_exit_1(tiny_model_dir):
    res = run(["run", "-", "--model", str(tiny_model_dir)], input="")
    assert res.exit_code == 1 and res.stderr.strip() == "error: <stdin>: empty file"


def test_usage_errors_exit_2(tmp_path):
    assert run(["run"]).exit_code == 2
    assert run(["run", "-", "x.txt"]).exit_code == 2
    res = run(["run", str(tmp_path / "missing-dir")])
    assert res.exit_code == 1 and "no such file" in res.stderr
    draft = tmp_path / "d.txt"
    draft.write_text(house_draft())
    res = run(["run", str(draft), "--model", str(tmp_path / "no-model"), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2, res.stderr
    assert res.stderr.startswith("error: ") and "no-model" in res.stderr and len(res.stderr.splitlines()) == 1


def test_outline_command_prints_house_outline(tmp_path):
    f = tmp_path / "d.txt"
    f.write_text(house_draft(), encoding="utf-8")
    res = run(["outline", str(f)])
    assert res.exit_code == 0
    assert res.stdout.splitlines() == ["- What Chamomile Is and Why People Drink It", "- How It May Affect Sleep",
                                       "- – Evidence from small trials."]


def test_help_is_written_for_people():
    for args in (["--help"], ["run", "--help"], ["outline", "--help"], ["bench", "--help"]):
        res = run(args)
        assert res.exit_code == 0 and "Usage:" in res.output and len(res.output.splitlines()) > 5


def test_write_atomic_leaves_old_file_on_failure(tmp_path, monkeypatch):
    from summarize import io

    target = tmp_path / "x.txt"
    target.write_text("old")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(io.os, "replace", boom)
    with pytest.raises(OSError):
        io.write_atomic(target, "new")
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["x.txt"]
