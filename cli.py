"""The ``summarize`` command line: a thin layer over ``summarize.Summarizer`` and friends.

Exit codes: 0 all drafts done, 1 some drafts failed (each named on stderr), 2 usage error or
a model that cannot be loaded.
"""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import click

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
log = logging.getLogger("summarize")


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
@click.option("--beams", type=click.IntRange(1, 16), default=4, show_default=True, help="Beam search width.")
@click.option("--batch-size", type=click.IntRange(1, 256), default=16, show_default=True, help="Sentences per model batch.")
@click.option("--policy", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Caveat policy file (copy the shipped one to start).")
@click.option("--no-caveats", is_flag=True, help="Skip the caveat filter (to measure the model alone).")
@click.option("--headings", type=click.Choice(["model", "keyphrase"]), default="model", show_default=True,
              help="For sections without a heading: the model's heading (keyphrase fallback) or the keyphrase.")
@click.option("--resume", is_flag=True, help="Skip drafts whose outputs exist, are complete and match the draft.")
@click.option("--max-bytes", type=click.IntRange(1), default=2_000_000, show_default=True, help="Refuse larger files.")
def run(paths, out_dir, fmt, model, device, strategy, max_words, beams, batch_size, policy, no_caveats, headings,
        resume, max_bytes):
    """Write the lead and outline for each draft in PATHS (files or folders; '-' for stdin).

    Folders are searched recursively for *.txt and *.md. Each draft gets OUT/<name>.txt
    (house format; <name>.md with --format markdown) and OUT/<name>.json (lead, lead_sentences with provenance, outline, caveats report, model,
    seconds). Outputs are written atomically; drafts are never modified. A bad file is
    reported on one line and the batch goes on.
    """
    from summarize.io import InputError, collect_drafts, decode_draft, outputs_complete, read_draft, sha256, write_atomic

    if "-" in paths and len(paths) > 1:
        _fail("'-' (stdin) cannot be combined with other paths")
    summarizer = None

    def load():
        nonlocal summarizer
        if summarizer is None:
            summarizer = _load_summarizer(model, device, strategy, max_words, beams, batch_size, policy, no_caveats,
                                          headings)
        return summarizer

    if paths == ("-",):
        from summarize.corpus.parse import DraftError

        try:
            text = decode_draft(sys.stdin.buffer.read(), "<stdin>", max_bytes)
            result = load().summarize(text)
        except (InputError, DraftError) as exc:
            _fail(f"<stdin>: {exc.reason if isinstance(exc, InputError) else exc}", EXIT_SOME_FAILED)
        click.echo(result.render(fmt), nl=False)
        return

    drafts, errors = collect_drafts(list(paths), exclude=out_dir)
    for err in errors:
        click.echo(f"error: {err}", err=True)
    if not drafts:
        _fail("no drafts found (looked for *.txt and *.md)", EXIT_SOME_FAILED if errors else EXIT_USAGE)
    out_dir.mkdir(parents=True, exist_ok=True)
    failed, written, skipped = len(errors), 0, 0
    from tqdm import tqdm

    t0 = time.perf_counter()
    bar = tqdm(drafts, unit="draft", desc="summarize", disable=None, file=sys.stderr)
    for draft in bar:
        txt = draft.output(out_dir, ".md" if fmt == "markdown" else ".txt")
        js = draft.output(out_dir, ".json")
        if draft.path.resolve() in (txt.resolve(), js.resolve()):
            click.echo(f"error: {draft.path}: output would overwrite the draft; choose another --out", err=True)
            failed += 1
            continue
        try:
            text = read_draft(draft.path, max_bytes)
            digest = sha256(text)
            if resume and outputs_complete(js if fmt == "json" else txt, js, digest):
                skipped += 1
                continue
            result = load().summarize(text)
        except InputError as exc:
            tqdm.write(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        except ValueError as exc:  # DraftError and friends: the text is not a usable draft
            tqdm.write(f"error: {draft.path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        for warning in result.warnings:
            tqdm.write(f"warning: {draft.path}: {warning}", file=sys.stderr)
        payload = result.to_dict()
        payload.update(draft=str(draft.path), draft_sha256=digest)
        from summarize.corpus.render import render_json

        if fmt != "json":
            write_atomic(txt, result.render(fmt))
        write_atomic(js, render_json(payload))  # written last: its presence marks completion
        written += 1
        sources = [s.source for s in result.lead_sentences]
        log.info("%s -> %s (%d words; %d/%d sentences by the model; %d caveat(s) added; %.1fs)",
                 draft.path, txt, len(result.lead.split()), sources.count("model"), len(sources),
                 len(result.caveats.get("added", [])), result.seconds)
    total = time.perf_counter() - t0
    if not (click.get_current_context().obj or {}).get("quiet"):
        click.echo(f"{written} written, {skipped} skipped (up to date), {failed} failed in {total:.1f}s -> {out_dir}",
                   err=True)
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _load_summarizer(model, device, strategy, max_words, beams, batch_size, policy, no_caveats, headings):
    from summarize.models.loading import ModelLoadError
    from summarize.pipeline import Summarizer

    try:
        return Summarizer(model=model, device=device, strategy=strategy, max_words=max_words, beams=beams,
                          batch_size=batch_size, caveat_policy=False if no_caveats else policy, headings=headings)
    except ModelLoadError as exc:
        _fail(str(exc))


# --------------------------------------------------------------------------- outline
@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print [{heading, level, generated}] as JSON.")
@click.option("-m", "--model", default=None, metavar="PATH|HUB_ID",
              help="Model for headings of sections that have none (default: shipped model; "
                   "without one, keyword headings are used).")
def outline(file, as_json, model):
    """Print the outline of FILE: its headings (sub-headings as '- – …'), exactly as the
    house format prints them. Sections without headings get generated ones."""
    import json as _json

    from summarize.corpus.parse import DraftError, parse_article
    from summarize.corpus.render import outline_lines
    from summarize.io import InputError, decode_draft, read_draft
    from summarize.outline import build_outline

    try:
        text = decode_draft(sys.stdin.buffer.read(), "<stdin>") if file == "-" else read_draft(file)
        article = parse_article(text)
    except InputError as exc:
        _fail(str(exc), EXIT_SOME_FAILED)
    except DraftError as exc:
        _fail(f"{file}: {exc}", EXIT_SOME_FAILED)
    seq2seq = None
    if any(s.heading is None for s in article.walk()):
        from summarize.models.loading import ModelLoadError, Seq2SeqModel, default_model_path

        if model or default_model_path():
            try:
                seq2seq = Seq2SeqModel(model)
            except ModelLoadError as exc:
                _fail(str(exc))
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
@click.option("--beams", type=click.IntRange(1, 16), default=4, show_default=True)
@click.option("--batch-size", type=click.IntRange(1, 64), default=8, show_default=True,
              help="Drafts sharing one model batch (Summarizer.pipe).")
@click.option("--limit", type=click.IntRange(1), default=None, help="Use at most this many drafts.")
@click.option("--system", "systems", multiple=True, metavar="NAME",
              help="Rows to run (repeatable; default: all of naive, summarize, summarize-int8 and any registered).")
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
              help="Held-out Cochrane reviews, the shared seed articles, or a folder of house-format articles.")
@click.option("--shared", type=click.Path(file_okay=False), default=None,
              help="Shared data folder.  [default: $SUMMARIZE_SHARED or ../shared next to the repo]")
@click.option("--limit", type=click.IntRange(1), default=None, help="Evaluate at most this many documents.")
@click.option("--heading-limit", type=click.IntRange(0), default=40, show_default=True,
              help="ScisummNet sections for the heading score (cochrane-heldout only).")
@click.option("--device", default="cpu", show_default=True)
@click.option("--strategy", type=click.Choice(["rewrite", "direct"]), default="rewrite", show_default=True)
@click.option("--max-words", type=click.IntRange(20, 1000), default=None,
              help="Lead budget (the model's and LexRank's).  [default: the Summarizer's]")
@click.option("--beams", type=click.IntRange(1, 16), default=4, show_default=True)
@click.option("--policy", type=click.Path(exists=True, dir_okay=False), default=None, help="Caveat policy file.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default=None, help="Write the full report as JSON.")
@click.option("--markdown", is_flag=True, help="Print the table as Markdown.")
def eval_command(model, data, shared, limit, heading_limit, device, strategy, max_words, beams, policy, out_path, markdown):
    """Score the model, model+filter, LEAD-3 and LexRank on the same documents: ROUGE-1/2/L,
    caveat carry-over, outline exactness, heading ROUGE-L, share of model-written lead
    sentences, seconds per draft. One table on stdout; --out for everything as JSON."""
    from summarize.evaluation.evaluate import evaluate, format_table, write_report
    from summarize.models.loading import ModelLoadError

    try:
        report = evaluate(data, model, shared, limit, strategy, max_words, beams, device, policy, heading_limit)
    except (ModelLoadError, FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    click.echo(format_table(report, markdown))
    if out_path:
        write_report(report, out_path)
        log.info("report -> %s", out_path)
# --------------------------------------------------------------------------- end eval


# --------------------------------------------------------------------------- caveats
def _read_text_arg(path: str, what: str, stdin_used: list[bool]) -> str:
    from summarize.io import InputError, decode_draft, read_draft

    try:
        if path == "-":
            if stdin_used[0]:
                _fail("--source and --summary cannot both be '-' (stdin)")
            stdin_used[0] = True
            return decode_draft(sys.stdin.buffer.read(), f"<stdin> ({what})")
        return read_draft(path)
    except InputError as exc:
        _fail(f"{exc.path}: {what}: {exc.reason}")


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
def caveats_command(source, summary, policy, as_json, check):
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
    source_text = _read_text_arg(source, "source", stdin_used)
    summary_text = _read_text_arg(summary, "summary", stdin_used)
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
@click.option("--shared", type=click.Path(file_okay=False), default=None,
              help="Shared data folder.  [default: $SUMMARIZE_SHARED or ../shared]")
@click.option("--labels", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Labelled sentence ids (TSV).  [default: the project's labels]")
@click.option("--sections", default="labels,stress,seeds", show_default=True,
              help="Comma-separated: labels (detector P/R), stress (Cochrane pairs), seeds.")
@click.option("--encoder", is_flag=True, help="Also score the detector with the sentence encoder.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Stress test: first N pairs only.")
@click.option("--errors", is_flag=True, help="List the labelled sentences the detector gets wrong.")
@click.option("--json", "as_json", is_flag=True, help="Print everything as JSON.")
def caveats_eval_command(shared, labels, sections, encoder, limit, errors, as_json):
    """Evaluate the caveat filter: detector P/R per kind on hand-labelled sentences, a stress
    test on the Cochrane pairs, and before/after on the seed articles."""
    import json as _json

    from summarize.evaluation.caveats import print_report, run as run_caveat_eval

    parts = tuple(s.strip() for s in sections.split(",") if s.strip())
    try:
        out = run_caveat_eval(shared, labels, parts, encoder, limit)
    except FileNotFoundError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(_json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print_report(out, show_errors=errors)


# --------------------------------------------------------------------------- corpus, train, export
@main.group("corpus")
def corpus_group() -> None:
    """The training corpus built from the shared data."""


@corpus_group.command("stats")
@click.option("--shared", type=click.Path(file_okay=False), default=None,
              help="Shared data folder.  [default: $SUMMARIZE_SHARED or ../shared]")
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
@click.option("--shared", type=click.Path(file_okay=False), default=None,
              help="Shared data folder.  [default: $SUMMARIZE_SHARED or ../shared]")
def corpus_house_command(source, out_dir, limit, shared) -> None:
    """Compose house-format articles from MedQuAD pages or ScisummNet papers (unseen-article checks)."""
    from summarize.corpus.house import write_house_articles

    written = write_house_articles(source, out_dir, limit, shared)
    click.echo(f"wrote {written} house-format articles to {out_dir}", err=True)


@main.command("train")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), required=True,
              help="TOML training config (see models/configs/default.toml).")
@click.option("--output", "output", type=click.Path(file_okay=False), default=None,
              help="Run folder.  [default: runs/<config name>]")
@click.option("--resume", is_flag=True, help="Continue from the last checkpoint in the run folder.")
@click.option("--max-steps", type=click.IntRange(1), default=None, help="Override train.max_steps.")
def train_command(config_path: str, output: str | None, resume: bool, max_steps: int | None) -> None:
    """Train the seq2seq model described by a TOML config (checkpoints, log.jsonl, samples.jsonl)."""
    from summarize.models.train import ConfigError, load_config, train

    overrides = {"train": {"max_steps": max_steps}} if max_steps else None
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


if __name__ == "__main__":
    main()
