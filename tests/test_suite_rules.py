"""Static checks of rules of the suite that are not about one file format.

- readmes point to real documents (a regulation by its number and title, the SOP by its
  own number), not to files outside the repository (working notes, "seed 002");
- no file of the repository names a path of the machine it was written on;
- a guard of ``create``/``write``/``unlink``, a button (``action_*``) or a constraint
  (``_check*``) never trusts a context key, which any RPC call can send (server-only
  markers and ``env.su`` instead);
- no Python file over 600 lines.
"""

import ast
import re
import subprocess

import pytest
from conftest import ADDONS_DIR, ROOT

MAX_PYTHON_LINES = 600

# References to documents that live outside the repository: the working notes and seed
# documents the suite was written from, and relative paths that leave the repository.
OUTSIDE_REFERENCES = {
    "a seed document": re.compile(
        r"\bseeds?\b(?:[ _/-]*\d+|\s+documents?)?", re.IGNORECASE
    ),
    "the shared notes": re.compile(r"\bshared/|\bDOMAIN\.md|\bCONVENTIONS\b"),
}
# Paths of a developer's or a CI machine, which mean nothing in a fresh clone.
MACHINE_PATH = re.compile(
    r"(?<![\w.])/(?:work|root|home/[\w.-]+|Users/[\w.-]+)/|\.pyen[v]/"
)
OUTSIDE_MESSAGE = "references to documents outside the repository:\n"
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")

BINARY_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf", ".xlsx", ".mo")
# Methods whose refusals are rules: the ORM entry points, the buttons, the constraints.
GUARDED_METHODS = re.compile(r"^(?:create|write|unlink|copy|action_\w+|_check\w*)$")
CONTEXT_NAMES = re.compile(r"(?:^|\.|_)(?:context|ctx)$")


def _rel(path):
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.relative_to(ADDONS_DIR.parent).as_posix()


def _readmes(addon):
    return sorted((addon / "readme").glob("*.md"))


def _outside_references(path):
    found = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for lineno, line in enumerate(lines, 1):
        for what, pattern in OUTSIDE_REFERENCES.items():
            match = pattern.search(line)
            if match:
                found.append(f"{_rel(path)}:{lineno}: {what} ({match.group(0)!r})")
        for target in MARKDOWN_LINK.findall(line):
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:|#)", target, re.IGNORECASE):
                continue  # a URL, mailto: or an anchor of the same page
            resolved = (path.parent / target.split("#", 1)[0]).resolve()
            where = f"{_rel(path)}:{lineno}"
            if not any(resolved.is_relative_to(d) for d in (ROOT, ADDONS_DIR)):
                found.append(f"{where}: link outside the repository {target}")
            elif not resolved.exists():
                found.append(f"{where}: link to a missing file {target}")
    return found


def test_readme_references(addon):
    """readme/*.md name real documents, not files outside the repository."""
    found = [ref for path in _readmes(addon) for ref in _outside_references(path)]
    assert not found, OUTSIDE_MESSAGE + "\n".join(found)


def test_root_readme_references():
    found = _outside_references(ROOT / "README.md")
    assert not found, OUTSIDE_MESSAGE + "\n".join(found)


def _tracked_text_files():
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "-z", "-co", "--exclude-standard"],
            check=True,
            capture_output=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git work tree")
    paths = [ROOT / p for p in out.decode().split("\0") if p]
    if ADDONS_DIR != ROOT / "addons":
        paths += [p for p in ADDONS_DIR.rglob("*") if "__pycache__" not in p.parts]
    for path in paths:
        if not path.is_file() or path.suffix in BINARY_SUFFIXES:
            continue
        try:
            yield path, path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue


def test_no_machine_paths():
    """Commands, configuration, docs and add-ons work in any clone, on any machine."""
    found = []
    for path, text in _tracked_text_files():
        for lineno, line in enumerate(text.splitlines(), 1):
            match = MACHINE_PATH.search(line)
            if match:
                found.append(f"{_rel(path)}:{lineno}: {match.group(0)}")
    assert not found, "paths of a particular machine:\n" + "\n".join(found)


def _python_files(addon):
    return sorted(p for p in addon.rglob("*.py") if "__pycache__" not in p.parts)


def test_python_files_at_most_600_lines(addon):
    too_long = []
    for path in _python_files(addon):
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > MAX_PYTHON_LINES:
            too_long.append(f"{_rel(path)}: {count} lines")
    assert not too_long, f"Python files over {MAX_PYTHON_LINES} lines:\n" + "\n".join(
        too_long
    )


def _is_context(node):
    """``self.env.context``, ``self._context``, ``context``, ``ctx`` and the like."""
    return CONTEXT_NAMES.search(ast.unparse(node)) is not None


def _reads_context_key(node):
    """``ctx.get("k")``, ``ctx["k"]`` or ``"k" in ctx``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "get" and _is_context(node.func.value)
    if isinstance(node, ast.Subscript):
        return _is_context(node.value)
    if isinstance(node, ast.Compare):
        return any(
            isinstance(op, ast.In | ast.NotIn) and _is_context(right)
            for op, right in zip(node.ops, node.comparators, strict=True)
        )
    return False


def _context_keys_read(test):
    """The context keys that a condition reads, as source text."""
    return [ast.unparse(n) for n in ast.walk(test) if _reads_context_key(n)]


def _requires_superuser(test):
    """The condition also asks for ``env.su``, which no client can set."""
    return any(isinstance(n, ast.Attribute) and n.attr == "su" for n in ast.walk(test))


def test_no_context_key_guards(addon):
    """A guard of create/write/unlink/copy, action_* or _check* needs more than a
    context key.

    Any RPC call may send any context key: a key that lifts a guard is no guard. Server
    code marks its own writes with a server-only marker (a context variable,
    ``sudo()``), as the house style requires of every rule that must hold.
    """
    found = []
    for path in _python_files(addon):
        if path.relative_to(addon).parts[0] in ("tests", "migrations", "upgrades"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for func in cls.body:
                if not isinstance(func, ast.FunctionDef):
                    continue
                if not GUARDED_METHODS.match(func.name):
                    continue
                for node in ast.walk(func):
                    if not isinstance(node, ast.If | ast.IfExp | ast.Assert):
                        continue
                    if _requires_superuser(node.test):
                        continue
                    for key in _context_keys_read(node.test):
                        found.append(
                            f"{_rel(path)}:{node.lineno}: {cls.name}.{func.name} "
                            f"decides on {key}"
                        )
    message = "guards that a context key sent by a client can lift:\n"
    assert not found, message + "\n".join(found)
