"""gui/ has no import loop: the graph of imports between gui modules (at any depth of the code, lazy
imports inside functions included) is acyclic, and every gui module imports in a fresh interpreter."""
import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def gui_modules() -> dict[str, Path]:
    out = {}
    for path in sorted((ROOT / "gui").rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path, known) -> set[str]:
    """The gui modules `name` imports anywhere in its code (`from pkg import sub` counts as pkg.sub)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in known:  # `import gui.x.y.Name` style: the longest known prefix
                t = t.rpartition(".")[0]
            if t and t != name:
                found.add(t)
    return found


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the directed graph as [a, b, ..., a], or None (iterative depth-first search)."""
    state = dict.fromkeys(graph, 0)  # 0 new, 1 on the stack, 2 done
    for start in graph:
        if state[start]:
            continue
        stack = [(start, iter(sorted(graph[start])))]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child, 2) == 1:
                path = [n for n, _ in stack]
                return path[path.index(child):] + [child]
            elif state.get(child) == 0:
                state[child] = 1
                stack.append((child, iter(sorted(graph[child]))))
    return None


def test_find_cycle_can_fail():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_gui_import_graph_is_acyclic():
    mods = gui_modules()
    graph = {name: imports_of(name, path, mods) for name, path in mods.items()}
    cycle = find_cycle(graph)
    assert cycle is None, "import loop in gui/: " + " -> ".join(cycle)
    assert graph["gui.constants"] == set(), "gui.constants must be a leaf"


def test_every_gui_module_imports_in_a_fresh_interpreter():
    names = sorted(gui_modules())
    code = f"import importlib\nfor n in {names!r}:\n    importlib.import_module(n)\nprint('ok', {len(names)})"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip() == f"ok {len(names)}"
