"""Static checks of every add-on of the suite (house style of shared CONVENTIONS.md).

Each test is parametrized per installable add-on; with no add-on at all they are
skipped.
"""

import ast
import csv
import re
import xml.etree.ElementTree as ET

import polib
import pytest
from conftest import ADDONS_DIR, ROOT_ADDON, read_manifest

# Manifest keys in the order of the house style; the ones marked required must be there.
MANIFEST_ORDER = [
    "name",
    "summary",
    "version",
    "development_status",
    "category",
    "website",
    "author",
    "license",
    "application",
    "installable",
    "depends",
    "external_dependencies",
    "data",
    "demo",
]
MANIFEST_OPTIONAL = {"application", "external_dependencies", "data", "demo"}
MANIFEST_REQUIRED = [key for key in MANIFEST_ORDER if key not in MANIFEST_OPTIONAL]
VERSION_RE = re.compile(r"^19\.0\.\d+\.\d+\.\d+$")

# Idioms that Odoo 19.0 no longer accepts (or silently ignores). XML: attribute-level
# patterns on each line; Python: read from the syntax tree (so that a local variable
# named `states` is not taken for the removed field parameter).
OLD_XML_IDIOMS = {
    "<tree": re.compile(r"<tree\b"),
    "attrs=": re.compile(r"\sattrs\s*=\s*[\"']"),
    "states=": re.compile(r"\sstates\s*=\s*[\"']"),
    "kanban-box": re.compile(r"kanban-box"),
    "groups_id": re.compile(r"\bgroups_id\b"),
}
OLD_PY_STRINGS = ("<tree", "kanban-box", "groups_id")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _files(addon, suffix):
    return sorted(p for p in addon.rglob(f"*{suffix}") if "__pycache__" not in p.parts)


def _rel(path):
    return path.relative_to(ADDONS_DIR).as_posix()


def test_every_addon_directory_has_a_manifest():
    """A folder under addons/ without __manifest__.py would be silently ignored."""
    if not ADDONS_DIR.is_dir():
        pytest.skip("no addons/ directory yet")
    missing = [
        d.name
        for d in sorted(ADDONS_DIR.iterdir())
        if d.is_dir()
        and not d.name.startswith((".", "__"))
        and not (d / "__manifest__.py").is_file()
    ]
    assert not missing, f"folders without __manifest__.py: {missing}"


def test_manifest(addon):
    keys, manifest = read_manifest(addon)
    problems = []
    missing = [k for k in MANIFEST_REQUIRED if k not in keys]
    if missing:
        problems.append(f"missing keys {missing}")
    known = [k for k in keys if k in MANIFEST_ORDER]
    expected = sorted(known, key=MANIFEST_ORDER.index)
    if known != expected:
        problems.append(f"keys out of order: {known}, expected {expected}")
    last_known = max((keys.index(k) for k in known), default=-1)
    extra_early = [k for k in keys[:last_known] if k not in MANIFEST_ORDER]
    if extra_early:
        problems.append(f"keys {extra_early} must come after the standard ones")
    if not VERSION_RE.match(str(manifest.get("version", ""))):
        problems.append(f"version {manifest.get('version')!r} is not 19.0.x.y.z")
    if manifest.get("license") != "AGPL-3":
        problems.append(f"license {manifest.get('license')!r} is not AGPL-3")
    application = bool(manifest.get("application", False))
    if application != (addon.name == ROOT_ADDON):
        problems.append(
            f"application={application}: True only on the root add-on {ROOT_ADDON}"
        )
    assert not problems, f"{addon.name}/__manifest__.py: " + "; ".join(problems)


def test_manifest_files_exist(addon):
    _keys, manifest = read_manifest(addon)
    listed = manifest.get("data", []) + manifest.get("demo", [])
    missing = [f for f in listed if not (addon / f).is_file()]
    assert not missing, f"{addon.name}: manifest lists missing files {missing}"


def test_translations(addon):
    pot_path = addon / "i18n" / f"{addon.name}.pot"
    po_path = addon / "i18n" / "id.po"
    assert pot_path.is_file(), f"missing {_rel(pot_path)}"
    assert po_path.is_file(), f"missing {_rel(po_path)}"
    pot = polib.pofile(str(pot_path))
    po = polib.pofile(str(po_path))
    translated = {
        (e.msgctxt, e.msgid): e
        for e in po
        if not e.obsolete
        and not e.fuzzy
        and (e.msgstr or any(e.msgstr_plural.values()))
    }
    untranslated = [
        e.msgid
        for e in pot
        if not e.obsolete and (e.msgctxt, e.msgid) not in translated
    ]
    assert not untranslated, (
        f"{_rel(po_path)}: {len(untranslated)} msgid(s) of the .pot have no (or a "
        f"fuzzy) Indonesian msgstr, e.g. {untranslated[:5]}"
    )
    assert len(pot) > 0, f"{_rel(pot_path)} has no msgid: export it from Odoo"


PLACEHOLDER_RE = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>")


def test_extra_translations(addon):
    """i18n_extra/*.po (translations of another add-on's terms, see the add-on's
    readme) are complete and keep every placeholder and tag of their msgid."""
    for po_path in sorted((addon / "i18n_extra").glob("*.po")):
        po = polib.pofile(str(po_path))
        assert len(po) > 0, f"{_rel(po_path)} is empty"
        missing = [e.msgid for e in po if e.fuzzy or not e.msgstr]
        assert not missing, f"{_rel(po_path)}: untranslated or fuzzy: {missing[:5]}"
        broken = [
            e.msgid
            for e in po
            if sorted(PLACEHOLDER_RE.findall(e.msgid))
            != sorted(PLACEHOLDER_RE.findall(e.msgstr))
        ]
        assert not broken, f"{_rel(po_path)}: placeholders differ in {broken[:5]}"


def test_readme_and_icon(addon):
    for name in ("readme/DESCRIPTION.md", "readme/USAGE.md"):
        path = addon / name
        assert path.is_file() and path.read_text(encoding="utf-8").strip(), (
            f"missing or empty {_rel(path)}"
        )
    icon = addon / "static" / "description" / "icon.png"
    assert icon.is_file(), f"missing {_rel(icon)}"
    assert icon.read_bytes()[:8] == PNG_SIGNATURE, f"{_rel(icon)} is not a PNG"


def test_has_tests(addon):
    tests = addon / "tests"
    assert (tests / "__init__.py").is_file(), f"{addon.name}: missing tests/__init__.py"
    assert list(tests.glob("test_*.py")), f"{addon.name}: no tests/test_*.py"


def _declared_models(addon):
    """(model name, file) of every non-abstract model that the add-on declares."""
    models = []
    for path in _files(addon, ".py"):
        rel = path.relative_to(addon).parts
        if rel[0] in ("tests", "migrations", "upgrades"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            bases = {ast.unparse(b).rsplit(".", 1)[-1] for b in cls.bases}
            if "AbstractModel" in bases:
                continue
            attrs = {}
            for stmt in cls.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                    target = stmt.targets[0]
                    if isinstance(target, ast.Name):
                        try:
                            attrs[target.id] = ast.literal_eval(stmt.value)
                        except ValueError:
                            continue
            name = attrs.get("_name")
            if not isinstance(name, str):
                continue
            inherit = attrs.get("_inherit", [])
            inherit = [inherit] if isinstance(inherit, str) else list(inherit)
            if name in inherit:  # an extension of an existing model, not a new one
                continue
            models.append((name, path))
    return models


def test_every_model_has_access_rules(addon):
    models = _declared_models(addon)
    if not models:
        pytest.skip(f"{addon.name} declares no model")
    csv_path = addon / "security" / "ir.model.access.csv"
    assert csv_path.is_file(), f"{addon.name}: models but no {_rel(csv_path)}"
    with csv_path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    covered = set()
    for row in rows:
        ref = (row.get("model_id:id") or row.get("model_id/id") or "").strip()
        covered.add(ref.rsplit(".", 1)[-1])
    missing = sorted(
        f"{name} ({_rel(path)})"
        for name, path in models
        if "model_" + name.replace(".", "_") not in covered
    )
    assert not missing, f"{_rel(csv_path)} has no line for: {missing}"


def _old_python_idioms(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in ("states", "attrs"):
            yield node.value.lineno, f"{node.arg}="
        elif isinstance(node, ast.keyword) and node.arg == "groups_id":
            yield node.value.lineno, "groups_id"
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "_sql_constraints" for t in node.targets
        ):
            yield node.lineno, "_sql_constraints"
        elif isinstance(node, ast.Attribute) and node.attr == "groups_id":
            yield node.lineno, "groups_id"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            for idiom in OLD_PY_STRINGS:
                if idiom in node.value:
                    yield node.lineno, idiom


def test_no_pre_19_idioms(addon):
    found = []
    for path in _files(addon, ".xml"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for lineno, line in enumerate(lines, 1):
            for idiom, pattern in OLD_XML_IDIOMS.items():
                if pattern.search(line):
                    found.append(f"{_rel(path)}:{lineno}: {idiom}")
    for path in _files(addon, ".py"):
        for lineno, idiom in _old_python_idioms(path):
            found.append(f"{_rel(path)}:{lineno}: {idiom}")
    assert not found, "pre-19.0 idioms:\n" + "\n".join(found)


def test_xml_files_parse(addon):
    errors = []
    for path in _files(addon, ".xml"):
        try:
            ET.parse(path)
        except ET.ParseError as exc:
            errors.append(f"{_rel(path)}: {exc}")
    assert not errors, "XML files that do not parse:\n" + "\n".join(errors)
