"""``summarize caveats`` and ``summarize caveats-eval``: the caveat filter on the command line.

    summarize caveats --source DRAFT --summary SUMMARY [--policy FILE] [--json] [--check]

prints the repaired summary; ``--json`` prints {summary, report, sentences}; ``--check``
exits 1 when the summary as given fails the policy (what is missing or overclaimed goes to
stderr) and 0 when it passes. A file that cannot be read, or a bad policy, is one line on
stderr and exit 2. ``--summary -`` (or ``--source -``) reads stdin.

Only click is imported at module level, so registering the commands costs the CLI nothing.
"""
from __future__ import annotations

import json
import sys

import click

EXIT_OK, EXIT_FAILS, EXIT_USAGE = 0, 1, 2


def _read(path: str, what: str, stdin_used: list[bool]) -> str:
    if path == "-":
        if stdin_used[0]:
            raise click.exceptions.Exit(_die("--source and --summary cannot both be '-' (stdin)"))
        stdin_used[0] = True
        data = sys.stdin.buffer.read()
        name = f"<stdin> ({what})"
    else:
        name = path
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise click.exceptions.Exit(_die(f"{path}: cannot read {what} file ({exc.strerror or exc})"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise click.exceptions.Exit(_die(f"{name}: {what} is not UTF-8 text"))


def _die(message: str) -> int:
    click.echo(f"error: {message}", err=True)
    return EXIT_USAGE


def run_caveats(source_path: str, summary_path: str, policy_path: str | None, as_json: bool, check: bool) -> int:
    """The command body (also callable without click); returns the exit code."""
    from .filter import CaveatFilter
    from .policy import PolicyError, load_policy

    stdin_used = [False]
    try:
        source = _read(source_path, "source", stdin_used)
        summary = _read(summary_path, "summary", stdin_used)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    try:
        policy = load_policy(policy_path) if policy_path else None
    except PolicyError as exc:
        return _die(str(exc))
    res = CaveatFilter(policy)(source, summary)
    rep = res.report.to_dict()
    if as_json:
        click.echo(json.dumps({"summary": res.summary, "report": rep,
                               "sentences": [{"text": s.text, "status": s.status} for s in res.sentences]},
                              ensure_ascii=False, indent=2))
    elif not check:
        click.echo(res.summary if res.summary.endswith("\n") else res.summary + "\n", nl=False)
    if check:
        if res.passed:
            return EXIT_OK
        for a in rep["added"]:
            where = f"source: {a['source_sentence']!r}" if a.get("source_sentence") else "required by the policy; default wording"
            click.echo(f"missing {', '.join(a['kinds'])} ({where})", err=True)
        for k in rep.get("unresolved", []):
            click.echo(f"missing {k} (stated in the source, but no source sentence can carry it alone)", err=True)
        for r in rep["rewritten"]:
            click.echo(f"overclaim: {r['before']!r} ({r['reason']})", err=True)
        for r in rep["removed"]:
            click.echo(f"overclaim: {r['text']!r} ({r['reason']})", err=True)
        return EXIT_FAILS
    return EXIT_OK


@click.command("caveats")
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
    Everything else in the summary is kept byte for byte.
    """
    sys.exit(run_caveats(source, summary, policy, as_json, check))


@click.command("caveats-eval", context_settings={"ignore_unknown_options": True, "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def caveats_eval_command(args):
    """Evaluate the caveat filter (options: python -m summarize.evaluation.caveats --help)."""
    from summarize.evaluation.caveats import run

    sys.exit(run(list(args)))
