"""Suite-level static checks: shared helpers.

The add-ons are read from ``addons/`` at the repository root, or from the directory in
``$SUITE_ADDONS_DIR`` (bin/test --addons-dir). These checks need no Odoo.
"""

import ast
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS_DIR = Path(os.environ.get("SUITE_ADDONS_DIR") or ROOT / "addons")
ROOT_ADDON = "social_client"


def read_manifest(addon_dir):
    """The manifest of an add-on as (keys in file order, dict)."""
    source = (addon_dir / "__manifest__.py").read_text(encoding="utf-8")
    node = ast.parse(source, mode="eval").body
    assert isinstance(node, ast.Dict), f"{addon_dir.name}: manifest is not a dict"
    keys = [ast.literal_eval(key) for key in node.keys]
    return keys, ast.literal_eval(node)


def addon_dirs():
    """Installable add-ons under ADDONS_DIR, sorted by name."""
    if not ADDONS_DIR.is_dir():
        return []
    result = []
    for manifest in sorted(ADDONS_DIR.glob("*/__manifest__.py")):
        if read_manifest(manifest.parent)[1].get("installable", True):
            result.append(manifest.parent)
    return result


def pytest_generate_tests(metafunc):
    if "addon" in metafunc.fixturenames:
        dirs = addon_dirs()
        metafunc.parametrize("addon", dirs, ids=[d.name for d in dirs])
