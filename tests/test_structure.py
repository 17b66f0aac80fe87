"""The package's shape: one import root, imports that only point down, no shadowing by a
user's own ``models.py`` or ``corpus.py``."""
from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Layers, bottom first; a module may import its own layer and the ones below it.
LAYERS = {
    "summarize.corpus": (ROOT / "corpus", 0),
    "summarize.models": (ROOT / "models", 1),
    "summarize": (ROOT / "summarize", 2),  # the pipeline, caveats, evaluation
}
CLI_LAYER = 3


def _layer_of(module: str) -> int:
    if module in ("cli", "summarize.cli"):
        return CLI_LAYER
    for name, (_, level) in LAYERS.items():
        if module == name or module.startswith(name + "."):
            return level
    return -1  # third-party / stdlib


def _project_imports(path: Path, package: str) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's package
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                mod = f"{base}.{node.module}" if node.module else base
            else:
                mod = node.module or ""
            found.append((node.lineno, mod))
    return found


def _modules():
    for name, (folder, level) in LAYERS.items():
        for path in sorted(folder.rglob("*.py")):
            if path.is_symlink():  # summarize/cli.py -> ../cli.py: the CLI layer, checked below
                continue
            rel = path.relative_to(folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            pkg_parts = rel.parts[:-1] if rel.name != "__init__" else rel.parts[:-1]
            package = ".".join([name, *pkg_parts]) if pkg_parts else name
            yield path, ".".join([name, *parts]), package, level


def test_every_project_module_is_under_the_one_root():
    for path, module, _, _ in _modules():
        assert module.split(".")[0] == "summarize", path


def test_no_upward_import():
    upward = []
    for path, module, package, level in _modules():
        for lineno, target in _project_imports(path, package):
            if target.split(".")[0] in ("models", "corpus", "cli"):
                upward.append(f"{path}:{lineno} imports {target} (not under the summarize root)")
                continue
            target_level = _layer_of(target)
            if target == "summarize":  # the root package itself holds nothing but lazy re-exports
                continue
            if target_level > level:
                upward.append(f"{path.relative_to(ROOT)}:{lineno} ({module}) imports {target}")
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_the_checker_sees_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from summarize.pipeline import Summarizer\n")
    assert _layer_of(_project_imports(bad, "summarize.corpus")[0][1]) > LAYERS["summarize.corpus"][1]


def test_api_imports_from_a_folder_with_models_py_and_corpus_py(tmp_path, tiny_model_dir):
    (tmp_path / "models.py").write_text("raise SystemExit('the user models.py was imported')\n")
    (tmp_path / "corpus.py").write_text("raise SystemExit('the user corpus.py was imported')\n")
    code = textwrap.dedent(f"""
        from summarize import Summarizer
        s = Summarizer({str(tiny_model_dir)!r}, beams=1, caveat_policy=False)
        r = s("Chamomile tea is a mild herbal drink.\\n\\nMany people drink it before bed to relax.")
        print("ok", bool(r.lead))
    """)
    got = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert got.returncode == 0, got.stderr[-2000:]
    assert got.stdout.strip() == "ok True"


@pytest.mark.parametrize("module", ["summarize.corpus.parse", "summarize.models.loading", "summarize.cli"])
def test_submodules_resolve_inside_the_package(module):
    got = subprocess.run([sys.executable, "-c", f"import {module} as m; print(m.__file__)"],
                         capture_output=True, text=True, timeout=120, cwd=ROOT.parent)
    assert got.returncode == 0, got.stderr
    assert Path(got.stdout.strip()).resolve().is_relative_to(ROOT)
