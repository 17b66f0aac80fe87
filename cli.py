"""The ``summarize`` command line: a thin layer over ``summarize.Summarizer`` and friends.

Exit codes: 0 all drafts done, 1 some drafts failed (each named on stderr), 2 usage error, a
model that cannot be loaded or an output folder where nothing can be written, 130 interrupted.
"""
from __future__ import annotations

import logging
import re
import sys
import time
from pathlib import Path

import click

from summarize.models.loading import DEFAULT_BATCH_SIZE, DEFAULT_BEAMS

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_TIMEOUT_S = 300.0  # per draft; the shipped model takes about 2 s on a typical draft
log = logging.getLogger("summarize")
# The shared data folder, for every command that reads the training and evaluation data.
shared_option = click.option("--shared", type=click.Path(file_okay=False), default=None,
                             help="Shared data folder.  [default: $SUMMARIZE_SHARED or ../shared next to the repo]")
# Model quantization, for every command that loads the model ("none" arrives as None).
quantize_option = click.option("--quantize", type=click.Choice(["none", "int8", "int8-all"]), default="none",
                               show_default=True,
                               callback=lambda ctx, param, value: None if value == "none" else value,
                               help="int8: dynamic int8 quantization of the model's Linear layers but the output "
                                    "layer; int8-all: all of them (CPU; faster, see README).")


class _ClickHandler(logging.Handler):
    """Log lines go through click, so they land on whatever stderr click is using."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(self.format(record), err=True)


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else (logging.INFO if verbose else logging.WARNING)
    if verbose > 1:
        level = logging.DEBUG
    handler = _ClickHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    for name in ("summarize", "models", "corpus"):
        lg = logging.getLogger(name)
        lg.handlers[:] = [handler]
        lg.setLevel(level)
        lg.propagate = False
    if verbose < 2:
        # transformers' per-load progress bars and notices are noise in a batch log.
        import os

        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.set_verbosity_error()
            hf_logging.disable_progress_bar()
        except ImportError:
            pass


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def display(path) -> str:
    from summarize.io import display as _display

    return _display(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="summarize")
@click.option("-v", "--verbose", count=True, help="Say more (-vv for debug logs).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.pass_context
def main(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Turn article drafts into finished articles: a lead abstract written by a local
    seq2seq model, an outline of the sections, and the draft itself, untouched.

    \b
    Typical use:
      summarize run drafts/ --out finished/       # a folder of drafts, house format + JSON
      summarize run draft.txt --format markdown   # one draft
      cat draft.txt | summarize run -             # stdin to stdout
      summarize outline draft.txt                 # just the outline
      summarize caveats --source draft.txt --summary lead.txt --check

    Every lead goes through a caveat filter that keeps the draft's warnings (dependency,
    missing research, professional advice, legal status, interactions, side effects).
    """
    ctx.obj = {"quiet": quiet}
    _setup_logging(verbose, quiet)


# --------------------------------------------------------------------------- run
@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("summaries"),
              show_default=True, help="Folder for the outputs: <name>.txt (house format) and <name>.json per draft.")
@click.option("-f", "--format", "fmt", type=click.Choice(["house", "markdown", "json"]), default="house", show_default=True,
              help="Format of <name>.txt (and of stdout with '-'). The .json is always written too.")
@click.option("-m", "--model", default=None, metavar="PATH|HUB_ID",
              help="Seq2seq checkpoint folder or cached hub id.  [default: the model shipped in models/default]")
@click.option("--device", default="cpu", show_default=True, help="cpu, cuda, cuda:N or auto.")
@click.option("--strategy", type=click.Choice(["rewrite", "direct"]), default="rewrite", show_default=True,
              help="rewrite: extract salient sentences and rewrite each; direct: summarize the whole draft.")
@click.option("--max-words", type=click.IntRange(20, 1000), default=130, show_default=True, help="Lead length in words; caveats may take it further (house leads run 55-220).")
@click.option("--beams", type=click.IntRange(1, 16), default=DEFAULT_BEAMS, show_default=True,
              help="Beam search width for lead sentences (1: greedy; see README for the measured trade-off).")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Sentences per model batch (drafts are summarized 8 at a time and share batches).")
@quantize_option
@click.option("--dtype", type=click.Choice(["auto", "float32", "bfloat16"]), default="auto", show_default=True,
              help="Compute type; auto is float32 (bfloat16 pays on a GPU).")
@click.option("--policy", type=click.Path(dir_okay=False), default=None,
              help="Caveat policy file (copy the shipped one to start).")
@click.option("--no-caveats", is_flag=True, help="Skip the caveat filter (to measure the model alone).")
@click.option("--headings", type=click.Choice(["model", "keyphrase"]), default="model", show_default=True,
              help="For sections without a heading: the model's heading (keyphrase fallback) or the keyphrase.")
@click.option("--resume", is_flag=True,
              help="Skip drafts whose outputs are whole and were made from the same draft with the same options.")
@click.option("--max-bytes", type=click.IntRange(1), default=2_000_000, show_default=True, help="Refuse larger files.")
@click.option("--timeout", type=click.FloatRange(0), default=DEFAULT_TIMEOUT_S, show_default=True,
              help="Seconds per draft before it is given up and reported as failed (0: no limit).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: this process; ray: a Ray Data actor pool (pip install 'summarize[ray]').")
@click.option("--address", default=None, metavar="HOST:PORT",
              help="Ray cluster to join (--engine ray).  [default: start Ray on this machine]")
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True,
              help="Ray actors, each with its own copy of the model (--engine ray).")
def run(paths, out_dir, fmt, model, device, strategy, max_words, beams, batch_size, quantize, dtype, policy, no_caveats,
        headings, resume, max_bytes, timeout, engine, address, workers):
    """Write the lead and outline for each draft in PATHS (files or folders; '-' for stdin).

    Folders are searched recursively for *.txt and *.md. Each draft gets OUT/<name>.txt
    (house format; <name>.md with --format markdown) and OUT/<name>.json (lead, lead_sentences
    with provenance, outline, caveats report, model, the options used, seconds). Drafts with
    the same name from different folders get the folder's name in front ("d1/x", "d2/x").
    Outputs are written atomically; drafts and files summarize did not write are never
    overwritten. A bad file is reported on one line and the batch goes on.

    \b
    Exit codes: 0 all done, 1 some drafts failed, 2 usage error, unloadable model or
    nothing writable, 130 interrupted (Ctrl-C).
    """
    from summarize import runner

    if "-" in paths and len(paths) > 1:
        _fail("'-' (stdin) cannot be combined with other paths")
    if engine != "ray" and address:
        _fail("--address needs --engine ray")
    opts = runner.RunOptions(model=model, device=device, strategy=strategy, max_words=max_words, beams=beams,
                             batch_size=batch_size, quantize=quantize,
                             dtype=None if dtype == "auto" else dtype, policy=policy, no_caveats=no_caveats, headings=headings, fmt=fmt,
                             max_bytes=max_bytes, timeout=timeout, resume=resume)
    try:
        runner.check_policy(opts)
        if paths == ("-",):
            sys.exit(_run_stdin(opts))
        tally = _run_batch(list(paths), out_dir, opts, engine, address, workers)
    except runner.UsageError as exc:
        _fail(str(exc))
    sys.exit(tally.exit_code())


def _run_stdin(opts) -> int:
    from summarize import runner
    from summarize.corpus.parse import DraftError
    from summarize.io import InputError, decode_draft

    try:
        text = decode_draft(sys.stdin.buffer.read(opts.max_bytes + 1), "<stdin>", opts.max_bytes)
        with runner.time_limit(opts.timeout):
            result = runner.load_summarizer(opts).summarize(text)
    except InputError as exc:
        click.echo(f"error: <stdin>: {exc.reason}", err=True)
        return EXIT_SOME_FAILED
    except DraftError as exc:
        click.echo(f"error: <stdin>: {exc}", err=True)
        return EXIT_SOME_FAILED
    except runner.DraftTimeout:
        click.echo(f"error: <stdin>: timed out after {opts.timeout:g} s (see --timeout)", err=True)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return runner.EXIT_INTERRUPTED
    click.echo(result.render(opts.fmt), nl=False)
    return EXIT_OK


def _run_batch(paths, out_dir, opts, engine, address, workers):
    from tqdm import tqdm

    from summarize import runner

    t0 = time.perf_counter()
    planned = runner.plan(paths, out_dir, opts.fmt)
    for line in planned.notes:
        click.echo(line, err=True)
    for line in planned.errors:
        click.echo(f"error: {line}", err=True)
    tally = runner.Tally(failed=len(planned.errors))
    if not planned.jobs:
        _fail("no drafts found (looked for *.txt and *.md)", EXIT_SOME_FAILED if planned.errors else EXIT_USAGE)
    runner.prepare_out(out_dir)

    def report(outcome) -> None:
        if outcome.status == "failed":
            tqdm.write(outcome.line(), file=sys.stderr)
        for warning in outcome.warnings:
            tqdm.write(f"warning: {display(outcome.draft)}: {warning}", file=sys.stderr)
        if outcome.detail:
            log.info("%s", outcome.detail)

    if engine == "ray":
        from summarize.ray_engine import run_ray

        run_ray(planned.jobs, opts, report, tally, address=address, workers=workers)
    else:
        bar = lambda jobs: tqdm(jobs, unit="draft", desc="summarize", disable=None, file=sys.stderr)  # noqa: E731
        runner.run_local(planned.jobs, opts, report, tally, progress=bar)
    if tally.interrupted or not (click.get_current_context().obj or {}).get("quiet"):
        click.echo(tally.summary(time.perf_counter() - t0, out_dir), err=True)
    return tally


# --------------------------------------------------------------------------- outline
@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print [{heading, level, generated}] as JSON.")
@click.option("-m", "--model", default=None, metavar="PATH|HUB_ID",
              help="Model for headings of sections that have none (default: shipped model; "
                   "without one, keyword headings are used).")
@click.option("--max-bytes", type=click.IntRange(1), default=2_000_000, show_default=True, help="Refuse larger files.")
def outline(file, as_json, model, max_bytes):
    """Print the outline of FILE: its headings (sub-headings as '- – …'), exactly as the
    house format prints them. Sections without headings get generated ones."""
    import json as _json

    from summarize.corpus.parse import DraftError, parse_article
    from summarize.corpus.render import outline_lines
    from summarize.io import InputError, decode_draft, read_draft
    from summarize.outline import build_outline

    try:
        text = decode_draft(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", max_bytes) if file == "-" \
            else read_draft(file, max_bytes)
        article = parse_article(text)
    except InputError as exc:
        _fail(str(exc), EXIT_SOME_FAILED)
    except DraftError as exc:
        _fail(f"{display(file)}: {exc}", EXIT_SOME_FAILED)
    seq2seq = None
    if any(s.heading is None for s in article.walk()):
        from safetensors import SafetensorError

        from summarize.models.loading import ModelLoadError, Seq2SeqModel, default_model_path

        if model or default_model_path():
            try:
                seq2seq = Seq2SeqModel(model)
            except ModelLoadError as exc:
                _fail(str(exc))
            except SafetensorError as exc:  # a truncated or corrupt model.safetensors
                _fail(f"{display(model or default_model_path())}: cannot load the model weights ({exc})")
    entries = build_outline(article, seq2seq)
    if as_json:
        click.echo(_json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2))
    else:
        for line in outline_lines(entries):
            click.echo(line)


# --------------------------------------------------------------------------- bench
@main.command()
@click.argument("paths", nargs=-1)
@click.option("-m", "--model", default=None, metavar="PATH|HUB_ID", help="Model to time (default: shipped model).")
@click.option("--device", default="cpu", show_default=True)
@click.option("--beams", type=click.IntRange(1, 16), default=DEFAULT_BEAMS, show_default=True)
@click.option("--batch-size", type=click.IntRange(1, 64), default=8, show_default=True,
              help="Drafts sharing one model batch (Summarizer.pipe).")
@click.option("--limit", type=click.IntRange(1), default=None, help="Use at most this many drafts.")
@click.option("--system", "systems", multiple=True, metavar="NAME",
              help="Rows to run (repeatable; default: all of naive, summarize, summarize-int8, ray-1, ray-2, any "
                   "registered, and summarize-gpu-bf16 where a GPU is visible).")
@click.option("--sizes", is_flag=True, help="Instead: time one draft of 1-10,000 paragraphs and 1-5 MB (linear cost).")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as a JSON list.")
def bench(paths, model, device, beams, batch_size, limit, systems, sizes, as_json):
    """Time `summarize` on a batch of drafts against the naive one-at-a-time transformers loop
    on the same model and drafts, each in its own process: drafts/min (start-up included),
    seconds per draft (p50, p95), start-up, peak memory."""
    import json as _json

    from summarize.evaluation.bench import SYSTEMS, BenchOptions, format_sizes, format_table, run_bench, run_sizes
    from summarize.io import InputError, collect_drafts, read_draft

    opts = BenchOptions(model=model, device=device, beams=beams, batch_size=batch_size)
    if sizes:
        rows = run_sizes(opts=opts)
        click.echo(_json.dumps(rows, indent=2) if as_json else format_sizes(rows))
        return
    if not paths:
        _fail("give the drafts to time (or --sizes)")
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        _fail(f"unknown system {unknown[0]!r} (choose from {', '.join(SYSTEMS)})")
    drafts, _ = collect_drafts(list(paths))
    texts = []
    for d in drafts[: limit or None]:
        try:
            texts.append(read_draft(d.path))
        except InputError as exc:
            click.echo(f"skipped: {exc}", err=True)
    if not texts:
        _fail("no readable drafts to benchmark")
    rows = run_bench(texts, opts, list(systems) or None)
    if as_json:
        click.echo(_json.dumps(rows, indent=2))
    else:
        click.echo(f"{len(texts)} drafts, model {model or 'models/default'}, device {device}, beams {beams}")
        click.echo(format_table(rows))


# --------------------------------------------------------------------------- eval (models/evaluate.py)
@main.command("eval")
@click.option("-m", "--model", default=None, metavar="PATH|HUB_ID", help="Model to evaluate (default: shipped model).")
@click.option("--data", default="cochrane-heldout", show_default=True, metavar="cochrane-heldout|seeds|DIR",
              help="Held-out Cochrane reviews, the shared seed articles, a folder of house-format articles, or a "
                   "labelled drafts folder (drafts + KEY.md: the editor's checks per draft).")
@shared_option
@click.option("--limit", type=click.IntRange(1), default=None, help="Evaluate at most this many documents.")
@click.option("--heading-limit", type=click.IntRange(0), default=40, show_default=True,
              help="ScisummNet sections for the heading score (cochrane-heldout only).")
@click.option("--device", default="cpu", show_default=True)
@click.option("--strategy", type=click.Choice(["rewrite", "direct"]), default="rewrite", show_default=True)
@click.option("--max-words", type=click.IntRange(20, 1000), default=None,
              help="Lead budget (the model's and LexRank's).  [default: the Summarizer's]")
@click.option("--beams", type=click.IntRange(1, 16), default=DEFAULT_BEAMS, show_default=True)
@quantize_option
@click.option("--policy", type=click.Path(exists=True, dir_okay=False), default=None, help="Caveat policy file.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default=None, help="Write the full report as JSON.")
@click.option("--markdown", is_flag=True, help="Print the table as Markdown.")
def eval_command(model, data, shared, limit, heading_limit, device, strategy, max_words, beams, quantize, policy,
                 out_path, markdown):
    """Score the model, model+filter, LEAD-3 and LexRank on the same documents: ROUGE-1/2/L,
    caveat carry-over, outline exactness, heading ROUGE-L, share of model-written lead
    sentences, seconds per draft. One table on stdout; --out for everything as JSON."""
    from summarize.evaluation.evaluate import evaluate, format_table, write_report
    from summarize.models.loading import ModelLoadError

    if (Path(data) / "KEY.md").is_file():  # a labelled drafts folder: the editor's checks
        return _eval_labelled(Path(data), model, limit, device, strategy, max_words, beams, quantize, policy, out_path)
    try:
        report = evaluate(data, model, shared, limit, strategy, max_words, beams, device, policy, heading_limit,
                          quantize=quantize)
    except (ModelLoadError, FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    click.echo(format_table(report, markdown))
    if out_path:
        write_report(report, out_path)
        log.info("report -> %s", out_path)


def _eval_labelled(folder, model, limit, device, strategy, max_words, beams, quantize, policy, out_path):
    from summarize.evaluation.evaluate import write_report
    from summarize.evaluation.labelled import evaluate_labelled, format_labelled
    from summarize.models.loading import ModelLoadError
    from summarize.pipeline import Summarizer

    budget = {} if max_words is None else {"max_words": max_words}
    try:
        summarizer = Summarizer(model, device=device, strategy=strategy, beams=beams, quantize=quantize,
                                caveat_policy=policy, **budget)
        report = evaluate_labelled(folder, summarizer, limit)
    except (ModelLoadError, OSError, ValueError) as exc:
        _fail(f"{display(folder)}: {exc}")
    click.echo(format_labelled(report))
    if out_path:
        write_report(report, out_path)
        log.info("report -> %s", out_path)
    # a draft the key names that could not be read or summarized: one line each, as `run` does
    for failure in report["failures"]:
        click.echo(f"error: {display(folder / failure['file'])}: {failure['error']}", err=True)
    if report["failures"]:
        sys.exit(EXIT_SOME_FAILED)
# --------------------------------------------------------------------------- end eval


# --------------------------------------------------------------------------- caveats
def _read_text_arg(path: str, what: str, stdin_used: list[bool], max_bytes: int) -> str:
    from summarize.io import InputError, decode_draft, read_draft

    try:
        if path == "-":
            if stdin_used[0]:
                _fail("--source and --summary cannot both be '-' (stdin)")
            stdin_used[0] = True
            return decode_draft(sys.stdin.buffer.read(max_bytes + 1), f"<stdin> ({what})", max_bytes)
        return read_draft(path, max_bytes)
    except InputError as exc:
        _fail(f"{display(exc.path)}: {what}: {exc.reason}")


@main.command("caveats")
@click.option("--source", "source", required=True, metavar="DRAFT",
              help="The draft the summary was written from ('-' for stdin).")
@click.option("--summary", "summary", required=True, metavar="SUMMARY",
              help="The summary (lead) to check and repair ('-' for stdin).")
@click.option("--policy", default=None, metavar="FILE",
              help="Caveat policy (TOML). Copy summarize/caveat_policy.toml to start.  [default: the shipped policy]")
@click.option("--json", "as_json", is_flag=True, help="Print {summary, report, sentences} as JSON.")
@click.option("--check", is_flag=True,
              help="Exit 1 if the summary as given fails the policy (reasons on stderr), 0 if it passes.")
@click.option("--max-bytes", type=click.IntRange(1), default=2_000_000, show_default=True,
              help="Refuse a source or summary larger than this.")
def caveats_command(source, summary, policy, as_json, check, max_bytes):
    """Keep the draft's caveats in a summary and cut safety overclaims.

    Finds caveats (dependency, research, professional advice, legal status, interactions,
    side effects) in DRAFT and SUMMARY; adds a short sentence taken from the draft for each
    kind the summary lacks; removes or rewrites phrases such as "without addiction risks".
    Everything else in the summary is kept byte for byte. Exit codes: 0 done (with --check:
    the summary passes), 1 the summary fails --check, 2 unreadable input or a bad policy.
    """
    import json as _json

    from summarize.caveats import CaveatFilter, PolicyError, load_policy

    stdin_used = [False]
    source_text = _read_text_arg(source, "source", stdin_used, max_bytes)
    summary_text = _read_text_arg(summary, "summary", stdin_used, max_bytes)
    try:
        loaded = load_policy(policy) if policy else None
    except PolicyError as exc:
        _fail(str(exc))
    res = CaveatFilter(loaded)(source_text, summary_text)
    rep = res.report.to_dict()
    if as_json:
        click.echo(_json.dumps({"summary": res.summary, "report": rep,
                                "sentences": [{"text": s.text, "status": s.status} for s in res.sentences]},
                               ensure_ascii=False, indent=2))
    elif not check:
        click.echo(res.summary if res.summary.endswith("\n") else res.summary + "\n", nl=False)
    if not check or res.passed:
        sys.exit(EXIT_OK)
    for a in rep["added"]:
        where = f"source: {a['source_sentence']!r}" if a.get("source_sentence") else "required by the policy; default wording"
        click.echo(f"missing {', '.join(a['kinds'])} ({where})", err=True)
    for k in rep.get("unresolved", []):
        click.echo(f"missing {k} (stated in the source, but no source sentence can carry it alone)", err=True)
    for r in rep["rewritten"]:
        click.echo(f"overclaim: {r['before']!r} ({r['reason']})", err=True)
    for r in rep["removed"]:
        click.echo(f"overclaim: {r['text']!r} ({r['reason']})", err=True)
    sys.exit(EXIT_SOME_FAILED)


@main.command("caveats-eval")
@shared_option
@click.option("--labels", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Labelled sentence ids (TSV).  [default: the project's labels]")
@click.option("--sections", default="labels,stress,seeds,conclusion,drafts", show_default=True,
              help="Comma-separated: labels (detector P/R), stress (Cochrane pairs), seeds, conclusion "
                   "(the hand-labelled conclusion-level caveat kept), drafts (whole labelled drafts shipped "
                   "with the project: detector P/R per kind and strength, conclusion caveat kept).")
@click.option("--drafts", "drafts_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="Your own labelled drafts for the drafts section: a folder of drafts with a KEY.md in the "
                   "shipped one's format (summarize/evaluation/drafts/KEY.md).  [default: the shipped drafts]")
@click.option("--encoder", is_flag=True, help="Also score the detector with the sentence encoder.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Stress test: first N pairs only.")
@click.option("--errors", is_flag=True, help="List the labelled sentences the detector gets wrong.")
@click.option("--json", "as_json", is_flag=True, help="Print everything as JSON.")
def caveats_eval_command(shared, labels, sections, drafts_dir, encoder, limit, errors, as_json):
    """Evaluate the caveat filter: detector P/R per kind on hand-labelled sentences, a stress
    test on the Cochrane pairs, before/after on the seed articles, and the hand-labelled
    conclusion-level caveat kept by summaries."""
    import json as _json

    from summarize.evaluation.caveats import print_report, run as run_caveat_eval

    parts = tuple(s.strip() for s in sections.split(",") if s.strip())
    try:
        out = run_caveat_eval(shared, labels, parts, encoder, limit, drafts=drafts_dir)
    except FileNotFoundError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(_json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print_report(out, show_errors=errors)


def _save_weights(save, out_path: Path) -> None:
    """Write a weights file (atomically); a folder that cannot be written is one clear error."""
    try:
        save()
    except OSError as exc:
        _fail(f"{out_path}: cannot write the weights ({exc.strerror or exc})", EXIT_SOME_FAILED)


def _labelled_paths(folders) -> list[Path]:
    """The folders a train command reads (default: the project's labelled folders); one without
    an answer key is one clear error."""
    from summarize.evaluation.caveats import labelled_folders

    paths = [Path(f) for f in folders] or labelled_folders()
    missing = [str(f) for f in paths if not (f / "KEY.md").is_file()]
    if missing:
        _fail(f"{missing[0]}: no KEY.md answer key (see summarize/evaluation/drafts/KEY.md for the format)")
    return paths


@main.command("caveats-train-ranker")
@click.argument("folders", nargs=-1, type=click.Path(exists=True, file_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the weights (JSON); use them with CaveatFilter(ranker=ConclusionRanker.load(PATH)), "
                   "or replace summarize/caveats/conclusion_ranker.json.")
@click.option("--l2", type=click.FloatRange(min=0.0), default=1.0, show_default=True, help="L2 penalty on the weights.")
@click.option("--cv/--no-cv", default=True, show_default=True,
              help="First report leave-one-folder-out accuracy (needs two folders or more).")
def caveats_train_ranker_command(folders, out_path, l2, cv):
    """Fit the ranker that picks a draft's conclusion-level caveat, on labelled folders (drafts
    and a KEY.md with CONCLUSION_CAVEAT lines; default: the project's labelled folders)."""
    from summarize.caveats.conclusion import ConclusionRanker, fit
    from summarize.evaluation.caveats import cross_validate_ranker, ranker_drafts, ranker_groups

    paths = _labelled_paths(folders)
    drafts = ranker_drafts(paths)
    groups = ranker_groups(drafts)
    if not groups:
        _fail("no labelled conclusion-level caveat is among the detected caveats of these folders; nothing to fit")
    if cv and len({d["folder"] for d in drafts}) > 1:
        per = cross_validate_ranker(drafts, l2)
        for name, v in per.items():
            click.echo(f"{name}: labelled conclusion picked {v['picked']}/{v['drafts']} "
                       f"(among the candidates in {v['candidate']})", err=True)
        click.echo(f"leave-one-folder-out: {sum(v['picked'] for v in per.values())}/"
                   f"{sum(v['drafts'] for v in per.values())}", err=True)
    ranker = ConclusionRanker(fit(groups, l2), ", ".join(sorted({d["folder"] for d in drafts})))
    _save_weights(lambda: ranker.save(out_path, {"drafts": len(drafts), "groups": len(groups), "l2": l2}), out_path)
    click.echo(f"wrote {out_path} ({len(groups)} labelled groups from {len(drafts)} drafts)", err=True)


@main.command("caveats-train-classifier")
@click.argument("folders", nargs=-1, type=click.Path(exists=True, file_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the weights (JSON); name it in your policy's [settings] classifier, or replace "
                   "summarize/caveats/caveat_classifier.json.")
@click.option("--l2", type=click.FloatRange(min=0.0, min_open=True), default=1.0, show_default=True,
              help="L2 penalty on the weights.")
@shared_option
def caveats_train_classifier_command(folders, out_path, l2, shared):
    """Fit the learned research/dependency detector on labelled folders (drafts and a KEY.md with
    C: lines; default: the project's labelled folders, its written training sentences
    (summarize/evaluation/classifier_sentences.tsv) and the dev split of the labelled Cochrane and
    MedQuAD sentences from the shared data). Each kind's threshold is chosen by
    leave-one-folder-out F1 of patterns plus classifier, which is printed first."""
    from summarize.evaluation.caveats import classifier_samples, shared_label_samples, train_classifier, written_samples

    paths = _labelled_paths(folders)
    extra = []
    if not folders:
        cochrane = shared_label_samples(shared)
        if not cochrane:
            click.echo("note: no shared data found; fitting without the Cochrane/MedQuAD dev labels", err=True)
        extra = written_samples() + cochrane
    samples = classifier_samples(paths) + extra
    if not samples:
        _fail("no content sentences in these folders; nothing to fit")
    clf, report = train_classifier(samples, l2)
    for kind, r in report.items():
        a, b = r["patterns"], r["with_classifier"]
        click.echo(f"{kind}: leave-one-folder-out P/R patterns {a['precision']:.3f}/{a['recall']:.3f}, with the "
                   f"classifier at {r['threshold']} {b['precision']:.3f}/{b['recall']:.3f}", err=True)
    _save_weights(lambda: clf.save(out_path, {"sentences": len(samples), "l2": l2, "cross_validation": report}),
                  out_path)
    click.echo(f"wrote {out_path} ({len(samples)} sentences from {len(paths)} folders)", err=True)


# --------------------------------------------------------------------------- corpus, train, export
@main.group("corpus")
def corpus_group() -> None:
    """The training corpus built from the shared data."""


@corpus_group.command("stats")
@shared_option
@click.option("--tasks", default=None, help="Comma-separated tasks (default: all).")
@click.option("--datasets", "names", default=None,
              help="Comma-separated sources: cochrane,medquad,scisummnet,aclsum (default: all).")
@click.option("--cache-dir", type=click.Path(file_okay=False), default="runs/cache", show_default=True,
              help="Where built corpora are cached ('' to disable).")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
def corpus_stats_command(shared, tasks, names, cache_dir, as_json) -> None:
    """Documents, pairs per task and split, mean source/target lengths (words)."""
    import json as _json

    from summarize.corpus.datasets import DATASETS, TASKS, build_datasets, corpus_stats, format_stats

    dd = build_datasets(shared, tasks=tasks.split(",") if tasks else TASKS,
                        datasets_=names.split(",") if names else DATASETS, cache_dir=cache_dir or None)
    stats = corpus_stats(dd)
    click.echo(_json.dumps(stats, indent=2) if as_json else format_stats(stats))


@corpus_group.command("house")
@click.option("--from", "source", type=click.Choice(["medquad", "scisummnet"]), default="medquad", show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the articles (keep it outside the repository).")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@shared_option
def corpus_house_command(source, out_dir, limit, shared) -> None:
    """Compose house-format articles from MedQuAD pages or ScisummNet papers (unseen-article checks)."""
    from summarize.corpus.house import write_house_articles

    written = write_house_articles(source, out_dir, limit, shared)
    click.echo(f"wrote {written} house-format articles to {out_dir}", err=True)


@corpus_group.command("drafts")
@click.option("--data", default="medquad-web", show_default=True, metavar="medquad-web|cochrane-heldout|seeds|DIR",
              help="Which evaluation drafts to write (the same ones `summarize eval --data` reads).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the drafts (keep it outside the repository).")
@click.option("--limit", type=click.IntRange(1), default=22, show_default=True)
@shared_option
def corpus_drafts_command(data, out_dir, limit, shared) -> None:
    """Write evaluation drafts (no lead, no outline) as files, e.g. for `summarize bench`.
    medquad-web: NIH pages of about 600 words pasted as web copy, from the validation split."""
    from summarize.evaluation.evaluate import load_data
    from summarize.io import write_atomic

    try:
        docs, _, _ = load_data(data, shared, limit, heading_limit=0)
    except FileNotFoundError as exc:
        _fail(str(exc))
    out_dir.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", doc.doc_id)[:80] or "draft"
        write_atomic(str(out_dir / f"{name}.txt"), doc.draft)
    words = sum(len(d.draft.split()) for d in docs) / max(1, len(docs))
    click.echo(f"wrote {len(docs)} drafts ({words:.0f} words on average) to {out_dir}", err=True)


@main.command("train")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), required=True,
              help="TOML training config (see models/configs/default.toml).")
@click.option("--output", "output", type=click.Path(file_okay=False), default=None,
              help="Run folder.  [default: runs/<config name>]")
@click.option("--resume", is_flag=True, help="Continue from the last checkpoint in the run folder.")
@click.option("--max-steps", type=click.IntRange(1), default=None, help="Override train.max_steps.")
@click.option("--max-minutes", type=click.FloatRange(0, min_open=True), default=None,
              help="Stop after this many minutes of training and save a checkpoint (train.max_minutes).")
def train_command(config_path: str, output: str | None, resume: bool, max_steps: int | None,
                  max_minutes: float | None) -> None:
    """Train the seq2seq model described by a TOML config (checkpoints, log.jsonl, samples.jsonl)."""
    from summarize.models.train import ConfigError, load_config, train

    over = {"max_steps": max_steps, "max_minutes": max_minutes}
    overrides = {"train": {k: v for k, v in over.items() if v}}
    try:
        cfg = load_config(config_path, overrides)
        final = train(cfg, output or str(Path("runs") / Path(config_path).stem), resume=resume)
    except ConfigError as exc:
        _fail(f"{config_path}: {exc}")
    click.echo(f"saved {final}")


@main.command("export")
@click.argument("checkpoint", type=click.Path(exists=True, file_okay=False))
@click.option("--output", type=click.Path(file_okay=False), required=True, help="Folder to write (e.g. models/mine).")
@click.option("--no-check", is_flag=True, help="Skip the reload/compare round trip.")
def export_command(checkpoint: str, output: str, no_check: bool) -> None:
    """Export a trained checkpoint as a small fp16 safetensors folder."""
    from summarize.models.export import export

    info = export(checkpoint, output, check=not no_check)
    for k, v in info.items():
        click.echo(f"{k}: {v}")


# --------------------------------------------------------------------------- serve
@main.command("serve")
@click.argument("draft_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("finished"),
              show_default=True, help="Where accepted articles are written.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback exposes the drafts to the network.")
@click.option("--model", default=None, help="Model folder (default: the shipped model).")
@click.option("--device", default="cpu", show_default=True)
def serve_command(draft_dir: Path, out_dir: Path, port: int, host: str, model: str | None, device: str) -> None:
    """Open the review desk over the drafts in DRAFT_DIR: check, edit and accept leads in a browser.

    Reads only drafts under DRAFT_DIR and writes only to --out (OUT/<name>.txt and .json).
    """
    from summarize.models.loading import ModelLoadError
    from summarize.serve import create_app, serve
    from summarize.serve.app import LOOPBACK_NAMES, is_loopback
    from summarize.serve.review import load_summarizer

    if not is_loopback(host):
        click.echo(f"warning: binding {host}: anyone who can reach this address can read the drafts", err=True)
    click.echo("loading the model...", err=True)
    try:
        summarizer = load_summarizer(model, device)
    except ModelLoadError as exc:
        _fail(str(exc))
    app = create_app(draft_dir, out_dir, summarizer, trusted_hosts=LOOPBACK_NAMES if is_loopback(host) else None)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"review desk on http://{shown}:{port}/  (drafts: {draft_dir}, accepted files: {out_dir}; Ctrl-C stops)",
               err=True)
    serve(app, host, port)


if __name__ == "__main__":
    main()
