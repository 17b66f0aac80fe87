"""``summarize corpus stats``: what the training corpus holds (imports only click up front)."""
from __future__ import annotations

import json

import click


@click.command("stats")
@click.option("--shared", type=click.Path(file_okay=False), default=None,
              help="Shared data folder (default: $SUMMARIZE_SHARED or ../shared).")
@click.option("--tasks", default=None, help="Comma-separated tasks (default: all).")
@click.option("--datasets", "names", default=None,
              help="Comma-separated sources: cochrane,medquad,scisummnet,aclsum (default: all).")
@click.option("--cache-dir", type=click.Path(file_okay=False), default="runs/cache", show_default=True,
              help="Where built corpora are cached ('' to disable).")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
def corpus_stats_command(shared, tasks, names, cache_dir, as_json) -> None:
    """Documents, pairs per task and split, mean source/target lengths (words)."""
    from summarize.corpus.datasets import DATASETS, TASKS, build_datasets, corpus_stats, format_stats

    dd = build_datasets(
        shared,
        tasks=tasks.split(",") if tasks else TASKS,
        datasets_=names.split(",") if names else DATASETS,
        cache_dir=cache_dir or None,
    )
    stats = corpus_stats(dd)
    click.echo(json.dumps(stats, indent=2) if as_json else format_stats(stats))


@click.group("corpus")
def corpus_group() -> None:
    """The training corpus built from the shared data."""


corpus_group.add_command(corpus_stats_command)
