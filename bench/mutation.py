"""Mutation testing of the course model: do the unit tests notice a changed behaviour?

    .venv/bin/python bench/mutation.py                  # quizzes, lessons, catalog
    .venv/bin/python bench/mutation.py --survivors      # also list what no test noticed
    .venv/bin/python bench/mutation.py quizzes          # one module

mutmut (3.x: ``.venv/bin/pip install ".[mutation]"``) changes one thing at a time in
``hooks/coursekit/model/{quizzes,lessons,catalog}.py`` (a ``<`` for a ``<=``, ``break`` for
``continue``, a text for another ...) and runs the pure unit tests that reach the changed
function; a *mutant* that no test fails on is a behaviour no test looks at. The runner is
fast because it is in-process: only ``tests/test_quizzes.py``, ``test_lessons.py``,
``test_catalog.py``, ``test_course.py``, ``test_source.py`` and ``test_model_behaviour.py``
(no site build, no browser).

Why mutmut 3, in a copy of the project: mutmut 2 runs one pytest process per mutant (about
2 s each here, over an hour for these modules) and edits the real source files while it
runs, which would break everyone else's tests in a shared checkout. mutmut 3 forks one
warmed-up pytest per mutant (minutes) and mutates a copy under ``mutants/``, but it names a
module after its path (``hooks/coursekit/...`` -> ``hooks.coursekit...``) while the tests
import ``coursekit`` (``pythonpath = ["hooks", ...]``), so nothing would match. This script
therefore lays out a scratch project (``--workdir``, default ``/tmp/coursekit-mutation``)
with ``hooks/coursekit`` as ``src/coursekit`` (mutmut's own convention, which it strips),
the test files and the course files the tests read, writes mutmut's configuration into
that copy's ``pyproject.toml``, and runs ``mutmut run`` there. Nothing in the checkout is
written to.

Scores: killed (or timed out) / mutants, per module. The second score leaves out

* **wording-only mutants**: the mutant differs from the original function only in string
  literals, and every changed literal can only reach the *text* of a reported problem (the
  ``problem`` or ``fix`` of ``Problem(...)``). Which arguments, locals and helpers carry
  message text is worked out from the module's code, not listed by hand: a parameter,
  local variable or helper's return value is "message text" when every use of it is
  message text (``where`` in the quiz checker, ``_kind``, ``_missing_fix``, ...). A
  literal used as a key, in a dict lookup or in a condition outside a message is never
  wording. These mutants change what a message says, not what is accepted, refused,
  listed or counted; the tests check that a message names the file, line and key.
* **equivalent mutants**: listed with a reason each in ``bench/mutation-equivalent.txt``
  (they cannot change behaviour, e.g. a cache that is only slower).

Exit status 1 when a module scores below ``--threshold`` (default 90) without those.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = {  # short name -> source file, relative to hooks/
    "quizzes": "coursekit/model/quizzes.py",
    "lessons": "coursekit/model/lessons.py",
    "catalog": "coursekit/model/catalog.py",
    # Not in the default run: the folder scan and the file cache the model modules rely on.
    "course": "coursekit/model/course.py",
    "source": "coursekit/model/source.py",
}
DEFAULT_MODULES = ["quizzes", "lessons", "catalog"]
TESTS = ["tests/test_quizzes.py", "tests/test_lessons.py", "tests/test_catalog.py",
         "tests/test_course.py", "tests/test_source.py", "tests/test_model_behaviour.py"]
TEST_SUPPORT = ["tests/conftest.py", "tests/course_files.py", "tests/bad_input"]
COURSE_FILES = ["mkdocs.yml", "docs", "docs_zh", "docs_zh_hant", "quizzes", "data"]
EQUIVALENT_FILE = ROOT / "bench" / "mutation-equivalent.txt"
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped",
          36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout"}


# ---- the scratch project ----------------------------------------------------------------------

def prepare(work: Path, modules: list[str]) -> None:
    """Lay out the scratch project that mutmut runs in (see the module docstring)."""
    if work.exists():
        shutil.rmtree(work)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "hooks" / "coursekit", work / "src" / "coursekit", ignore=ignore)
    for rel in TESTS + TEST_SUPPORT + COURSE_FILES:
        source, target = ROOT / rel, work / rel
        if source.is_dir():
            shutil.copytree(source, target, ignore=ignore)
        elif source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    tests = [t for t in TESTS if (ROOT / t).exists()]

    def toml_list(items):
        return "[" + ", ".join(json.dumps(i) for i in items) + "]"

    (work / f"{PLUGIN}.py").write_text(FACTORY_PLUGIN.replace("MODULE_NAMES", repr(
        ["coursekit." + MODULES[m][len("coursekit/"):-len(".py")].replace("/", ".") for m in modules])),
        encoding="utf-8")
    (work / "pyproject.toml").write_text(f"""\
# Written by bench/mutation.py: the project's test settings, with src/ in place of hooks/.
[tool.pytest.ini_options]
pythonpath = ["."]
testpaths = ["tests"]
addopts = "-ra --strict-markers -p no:cacheprovider -p {PLUGIN}"
markers = ["browser: drives Chromium", "slow: builds a whole site"]

[tool.mutmut]
source_paths = ["src"]
only_mutate = {toml_list("src/" + MODULES[m] for m in modules)}
also_copy = {toml_list(COURSE_FILES + [PLUGIN + ".py"])}
pytest_add_cli_args_test_selection = {toml_list(tests)}
use_git_change_detection = false
""", encoding="utf-8")


PLUGIN = "mutmut_factories"
# Two things mutmut cannot see in this project's tests, made visible in the scratch copy only.
#
# mutmut switches mutants at call time, in processes forked after the modules were imported.
# lessons.FIELDS holds checks that factories (_whole, _text, _choice, _ids, ...) made at import
# time, so a mutant inside a factory would never run and always "survive". This plugin
# (loaded with -p in the scratch project only) makes each such entry call its factory when
# the check runs: the mutant under test is then the one that builds the check, and mutmut
# links the factory to exactly the tests that use the check.
#
# mutmut also links a function to the tests that call it by watching each test run; a
# module-scoped fixture (the course and catalogues of test_catalog.py) runs inside the first
# test that uses it only, so the other tests would never be run against a mutant. While
# mutmut records this ("stats"), the plugin makes every fixture of the tests function-scoped.
FACTORY_PLUGIN = '''"""Written by bench/mutation.py (see PLUGIN there): mutmut sees what each test runs."""
import ast
import importlib
import os
from pathlib import Path


def pytest_collection_modifyitems(session, config, items):
    if os.environ.get("MUTANT_UNDER_TEST") != "stats":
        return
    from _pytest.scope import Scope
    for item in items:
        for fixturedefs in item._fixtureinfo.name2fixturedefs.values():
            for fixturedef in fixturedefs:
                if fixturedef.baseid and fixturedef._scope is not Scope.Function:
                    fixturedef._scope = Scope.Function


def _deferred(code, namespace):
    def check(*args, **kwargs):
        return eval(code, namespace)(*args, **kwargs)
    return check


def pytest_configure(config):
    for name in MODULE_NAMES:
        module = importlib.import_module(name)
        if getattr(module, "_factories_deferred", False):
            continue
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        defined = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
        for statement in tree.body:
            target = statement.targets[0] if isinstance(statement, ast.Assign) else getattr(statement, "target", None)
            if not isinstance(statement, (ast.Assign, ast.AnnAssign)) or not isinstance(target, ast.Name) \\
                    or not isinstance(statement.value, ast.Dict):
                continue
            table = getattr(module, target.id)
            for key, value in zip(statement.value.keys, statement.value.values):
                if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in defined:
                    code = compile(ast.Expression(body=value), module.__file__, "eval")
                    table[ast.literal_eval(key)] = _deferred(code, vars(module))
        module._factories_deferred = True
'''


def run_mutmut(work: Path, max_children: int) -> float:
    mutmut = Path(sys.executable).with_name("mutmut")
    if not mutmut.exists():
        sys.exit(f"mutmut is not installed next to {sys.executable}: run "
                 f"'{sys.executable} -m pip install \"mutmut>=3.8,<4\"'")
    log = work / "mutmut.log"
    print(f"running mutmut in {work} (log: {log}) ...", flush=True)
    start = time.monotonic()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run([str(mutmut), "run", "--max-children", str(max_children)], cwd=work,
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        sys.exit(f"mutmut failed (exit {result.returncode}):\n{tail}")
    return elapsed


# ---- which string literals only ever reach a message's text ------------------------------------

# Calls outside the module whose result is their arguments' text, and that cannot fail or
# act on a changed string: a literal inside them reaches wherever the result goes.
_TEXT_CALLS = {"str", "repr", "join", "lower", "upper", "strip", "shown", "sorted", "list", "map", "get"}
# Problem(path, line, problem, fix, key): only problem and fix are message text. The line
# and the path are what an author and the tests go by.
_EXTERNAL = {"Problem": (["path", "line", "problem", "fix", "key"], {"problem", "fix"})}


class MessageFlow:
    """Where a module's values can only end up as message text (a least fixpoint)."""

    def __init__(self, tree: ast.Module):
        self.parents = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        by_name: dict[str, list] = {}
        for function in self.functions:
            by_name.setdefault(function.name, []).append(function)
        self.by_name = {name: fs[0] for name, fs in by_name.items() if len(fs) == 1}
        self.message_names: set = set()   # (function, name): a parameter or local that is message text
        self.message_returns: set = set()  # functions whose result is only ever message text
        self._solve()

    def owner(self, node):
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return node
        return None

    def _callee(self, call: ast.Call):
        name = call.func.id if isinstance(call.func, ast.Name) else \
            call.func.attr if isinstance(call.func, ast.Attribute) else None
        if name in _EXTERNAL:
            return name, _EXTERNAL[name]
        function = self.by_name.get(name)
        if function is None:
            return name, None
        params = [a.arg for a in function.args.posonlyargs + function.args.args]
        if params and params[0] == "self" and isinstance(call.func, ast.Attribute):
            params = params[1:]
        text = {p for p in params + [a.arg for a in function.args.kwonlyargs]
                if (function, p) in self.message_names}
        return name, (params, text)

    def is_message(self, node) -> bool:
        """True when the value of ``node`` can only reach message text."""
        while True:
            parent = self.parents.get(node)
            if parent is None:
                return False
            if isinstance(parent, ast.keyword):
                call, keyword = self.parents[parent], parent.arg
                name, signature = self._callee(call)
                if signature is not None:
                    return keyword in signature[1]
                if name not in _TEXT_CALLS:
                    return False
                node = call
                continue
            if isinstance(parent, ast.Call):
                if node is parent.func:
                    if isinstance(node, ast.Attribute):
                        # "".join(...), text.strip(): the receiver becomes the result
                        name = node.attr
                        if name not in _TEXT_CALLS:
                            return False
                        node = parent
                        continue
                    return False
                name, signature = self._callee(parent)
                if signature is not None:
                    if isinstance(node, ast.Starred):
                        return False
                    index = parent.args.index(node)
                    params = signature[0]
                    return index < len(params) and params[index] in signature[1]
                if name not in _TEXT_CALLS:
                    return False
                node = parent
                continue
            if isinstance(parent, ast.Attribute) and node is parent.value:
                parent_call = self.parents.get(parent)
                if isinstance(parent_call, ast.Call) and parent_call.func is parent and parent.attr in _TEXT_CALLS:
                    node = parent_call
                    continue
                return False
            if isinstance(parent, ast.Dict) and node in parent.keys:
                return False  # a key: a changed one is a KeyError or a lookup that misses
            if isinstance(parent, ast.Subscript) and node is parent.slice:
                return False
            if isinstance(parent, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                if node is not parent.value:
                    return False
                targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
                function = self.owner(parent)
                return bool(targets) and all(isinstance(t, ast.Name) and (function, t.id) in self.message_names
                                             for t in targets)
            if isinstance(parent, ast.Return):
                return self.owner(parent) in self.message_returns
            if isinstance(parent, (ast.JoinedStr, ast.FormattedValue, ast.BinOp, ast.IfExp, ast.BoolOp,
                                   ast.Compare, ast.Tuple, ast.List, ast.Dict, ast.Subscript, ast.UnaryOp,
                                   ast.Starred, ast.GeneratorExp, ast.ListComp, ast.comprehension)):
                node = parent
                continue
            return False

    def _uses(self, function, name):
        """Every load of ``name`` in ``function`` (closures included, unless they rebind it)."""
        uses = []
        for node in ast.walk(function):
            if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
                inner = self.owner(node)
                if inner is function or name not in _bound_names(inner):
                    uses.append(node)
        return uses

    def _solve(self) -> None:
        candidates = []
        for function in self.functions:
            for name in _bound_names(function):
                candidates.append((function, name))
        changed = True
        while changed:
            changed = False
            for key in candidates:
                if key in self.message_names:
                    continue
                uses = self._uses(*key)
                if uses and all(self.is_message(use) for use in uses):
                    self.message_names.add(key)
                    changed = True
            for function in self.functions:
                if function in self.message_returns:
                    continue
                calls = [n for n in ast.walk(self.parents_root()) if isinstance(n, ast.Call)
                         and ((isinstance(n.func, ast.Name) and n.func.id == function.name)
                              or (isinstance(n.func, ast.Attribute) and n.func.attr == function.name))]
                if calls and self.by_name.get(function.name) is function and all(self.is_message(c) for c in calls):
                    self.message_returns.add(function)
                    changed = True

    def parents_root(self):
        node = self.functions[0]
        while node in self.parents:
            node = self.parents[node]
        return node


def _bound_names(function) -> set:
    """The parameters and plain local names a function assigns (not in nested functions)."""
    args = function.args
    names = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names - {"self"}


# ---- reading mutmut's results -----------------------------------------------------------------

def _functions(tree: ast.Module) -> dict:
    """Every function and method by name (mutmut's mangled names are unique in its file)."""
    return {n.name: n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}


def _differences(a, b, found: list) -> None:
    """Pairs of nodes where two trees differ (as deep as the difference goes)."""
    if type(a) is not type(b):
        found.append((a, b))
        return
    if isinstance(a, ast.Constant):
        if type(a.value) is not type(b.value) or a.value != b.value:
            found.append((a, b))
        return
    if not isinstance(a, ast.AST):
        if a != b:
            found.append((a, b))
        return
    for field in a._fields:
        x, y = getattr(a, field, None), getattr(b, field, None)
        if isinstance(x, list) and isinstance(y, list):
            if len(x) != len(y):
                found.append((a, b))
                return
            for p, q in zip(x, y):
                _differences(p, q, found)
        elif isinstance(x, ast.AST) or isinstance(y, ast.AST):
            _differences(x, y, found)
        elif x != y:
            found.append((a, b))


def _readable(prefix: str) -> str:
    """mutmut's ``x_build_catalog`` / ``xǁ_Checkerǁpass_mark`` -> build_catalog / _Checker.pass_mark."""
    if prefix.startswith("x_"):
        return prefix[2:]
    return ".".join(part for part in prefix[1:].split("ǁ") if part)


def analyse(work: Path, module: str, equivalents: dict) -> dict:
    rel = "src/" + MODULES[module]
    meta = json.loads((work / "mutants" / (rel + ".meta")).read_text(encoding="utf-8"))
    mutated = ast.parse((work / "mutants" / rel).read_text(encoding="utf-8"))
    mutated_source = (work / "mutants" / rel).read_text(encoding="utf-8")
    original = ast.parse((work / rel).read_text(encoding="utf-8"))
    flow = MessageFlow(original)
    functions = _functions(mutated)
    source_functions = {}
    for node in ast.walk(original):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    source_functions[f"xǁ{node.name}ǁ{item.name}"] = item
    for node in original.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            source_functions[f"x_{node.name}"] = node

    results = []
    for key, code in sorted(meta["exit_code_by_key"].items(), key=lambda kv: _mutant_order(kv[0])):
        status = STATUS.get(code, "suspicious" if code is not None else "not checked")
        name = key.rsplit(".", 1)[1]
        prefix, _, number = name.partition("__mutmut_")
        orig, mutant = functions.get(prefix + "__mutmut_orig"), functions.get(name)
        changed = _changed_lines(mutated_source, orig, mutant)
        wording = False
        if orig is not None and mutant is not None and prefix in source_functions:
            mapping = _node_map(orig, source_functions[prefix])
            found: list = []
            _differences(_body(orig), _body(mutant), found)
            wording = bool(found) and mapping is not None and all(
                isinstance(a, ast.Constant) and isinstance(b, ast.Constant)
                and isinstance(a.value, str) and isinstance(b.value, str)
                and a in mapping and flow.is_message(mapping[a]) for a, b in found)
        function = _readable(prefix)
        equivalent_key = f"{module} | {function} | {changed}"
        results.append({"key": key, "status": status, "function": function, "changed": changed,
                        "wording": wording, "equivalent": equivalents.get(equivalent_key),
                        "equivalent_key": equivalent_key})
    return {"module": module, "mutants": results}


def _mutant_order(key: str):
    prefix, _, number = key.partition("__mutmut_")
    return prefix, int(number) if number.isdigit() else 0


def _body(function) -> ast.Module:
    """A function's parameters and statements (not its name or decorators) as one tree."""
    return ast.Module(body=[function.args] + function.body, type_ignores=[])


def _node_map(copy, source) -> dict | None:
    """Nodes of mutmut's copy of a function -> the same nodes in the source file."""
    a, b = list(ast.walk(_body(copy))), list(ast.walk(_body(source)))
    if len(a) != len(b) or any(type(x) is not type(y) for x, y in zip(a, b)):
        return None
    return dict(zip(a, b))


def _changed_lines(source: str, orig, mutant) -> str:
    """The mutant's lines that differ from the original function, as one line of text."""
    if orig is None or mutant is None:
        return "?"
    lines = source.split("\n")
    name = orig.name.partition("__mutmut_")[0].rpartition("ǁ")[2].removeprefix("x_")
    before = [line.strip().replace(orig.name, name) for line in lines[orig.lineno - 1:orig.end_lineno]]
    after = [line.strip().replace(mutant.name, name) for line in lines[mutant.lineno - 1:mutant.end_lineno]]
    added = [line[1:].strip() for line in difflib.unified_diff(before, after, lineterm="", n=0)
             if line.startswith("+") and not line.startswith("+++")]
    return " / ".join(added) if added else "(a line removed)"


def read_equivalents() -> dict:
    """``bench/mutation-equivalent.txt``: ``module | function | mutated line || reason``."""
    found = {}
    if not EQUIVALENT_FILE.exists():
        return found
    for line in EQUIVALENT_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, reason = line.partition(" || ")
        found[key.strip()] = reason.strip() or "equivalent"
    return found


# ---- the report ------------------------------------------------------------------------------

def summarise(report: dict) -> dict:
    mutants = report["mutants"]
    counts = Counter(m["status"] for m in mutants)
    caught = counts["killed"] + counts["timeout"]
    wording = [m for m in mutants if m["wording"]]
    equivalent = [m for m in mutants if m["equivalent"] and not m["wording"]]
    kept = [m for m in mutants if not m["wording"] and not m["equivalent"]]
    kept_caught = sum(1 for m in kept if m["status"] in ("killed", "timeout"))
    return {
        "module": report["module"], "mutants": len(mutants), "counts": counts,
        "score": 100 * caught / len(mutants) if mutants else 100.0,
        "wording": len(wording), "wording_survived": sum(1 for m in wording if m["status"] == "survived"),
        "equivalent": len(equivalent),
        "equivalent_killed": sum(1 for m in equivalent if m["status"] in ("killed", "timeout")),
        "kept": len(kept), "kept_caught": kept_caught,
        "adjusted": 100 * kept_caught / len(kept) if kept else 100.0,
        "survivors": [m for m in kept if m["status"] not in ("killed", "timeout")],
    }


def print_table(summaries: list[dict]) -> None:
    print()
    print(f"{'module':<10}{'mutants':>8}{'killed':>8}{'timeout':>8}{'survived':>9}{'no tests':>9}"
          f"{'score':>8}   {'wording':>8}{'equiv.':>7}{'score without':>15}")
    for s in summaries:
        c = s["counts"]
        print(f"{s['module']:<10}{s['mutants']:>8}{c['killed']:>8}{c['timeout']:>8}{c['survived']:>9}"
              f"{c['no tests']:>9}{s['score']:>7.1f}%   {s['wording']:>8}{s['equivalent']:>7}"
              f"{s['adjusted']:>14.1f}%")
    print()
    print("score: killed or timed out / all mutants. 'score without': the same leaving out the "
          "wording-only and the equivalent mutants")
    for s in summaries:
        print(f"  {s['module']}: {s['wording']} wording-only mutants ({s['wording_survived']} of them survived), "
              f"{s['equivalent']} equivalent ({s['equivalent_killed']} killed anyway), "
              f"{s['kept_caught']}/{s['kept']} of the rest caught")
        other = {k: v for k, v in s["counts"].items() if k not in ("killed", "timeout", "survived", "no tests")}
        if other:
            print(f"    other results: {dict(other)}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"modules to mutate, of {', '.join(MODULES)} (default: {', '.join(DEFAULT_MODULES)})")
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "coursekit-mutation")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2,
                        help="mutants tested at once (default: the number of CPUs)")
    parser.add_argument("--threshold", type=float, default=90.0)
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants that count")
    parser.add_argument("--wording", action="store_true", help="list the mutants classified wording-only")
    parser.add_argument("--report-only", action="store_true",
                        help="do not run mutmut: report on the last run in --workdir")
    parser.add_argument("--json", type=Path, help="also write every mutant's result to this file")
    args = parser.parse_args(argv)
    modules = args.modules or DEFAULT_MODULES
    if set(modules) - set(MODULES):
        parser.error(f"unknown module {', '.join(sorted(set(modules) - set(MODULES)))}: use {', '.join(MODULES)}")

    elapsed = None
    if not args.report_only:
        start = time.monotonic()
        prepare(args.workdir, modules)
        run_elapsed = run_mutmut(args.workdir, args.max_children)
        elapsed = time.monotonic() - start
        print(f"mutmut took {run_elapsed / 60:.1f} min")
    equivalents = read_equivalents()
    reports = [analyse(args.workdir, m, equivalents) for m in modules]
    summaries = [summarise(r) for r in reports]
    used = {m["equivalent_key"] for r in reports for m in r["mutants"] if m["equivalent"]}
    unused = sorted(k for k in equivalents if k.split(" | ")[0] in modules and k not in used)

    if args.wording:
        for r in reports:
            for m in r["mutants"]:
                if m["wording"]:
                    print(f"wording  {m['status']:<9} {r['module']} | {m['function']} | {m['changed']}")
    if args.survivors:
        for s in summaries:
            for m in s["survivors"]:
                print(f"{m['status']:<9} {m['key'].rsplit('.', 1)[1]}\n          {s['module']} | "
                      f"{m['function']} | {m['changed']}")
    print_table(summaries)
    if unused:
        print(f"\n{len(unused)} entries of {EQUIVALENT_FILE.name} match no mutant (the code changed?):")
        for key in unused:
            print(f"  {key}")
    if elapsed is not None:
        print(f"\ntotal {elapsed / 60:.1f} min; details: mutmut show <name> in {args.workdir}")
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1, ensure_ascii=False), encoding="utf-8")
    failing = [s["module"] for s in summaries if s["adjusted"] < args.threshold]
    if failing:
        print(f"below {args.threshold:g}% without wording-only and equivalent mutants: {', '.join(failing)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
