"""Load npm packages written as CommonJS modules into a browser page, without a bundler.

`bundle(node_modules, ["dom-anchor-text-quote"])` reads each package's files
and the files they `require`, resolved as Node resolves them (relative paths,
`node_modules` folders up the tree, `main` of package.json, `.js` and
`index.js`), and returns one script that defines the packages as
`window.npm["dom-anchor-text-quote"]`. Works offline once `npm install` ran.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

REQUIRE = re.compile(r"""\brequire\(\s*['"]([^'"]+)['"]\s*\)""")


def resolve_file(path: Path) -> Path | None:
    for candidate in (path, path.with_name(path.name + ".js"), path.with_name(path.name + ".json")):
        if candidate.is_file():
            return candidate
    if (path / "package.json").is_file():
        main = json.loads((path / "package.json").read_text(encoding="utf-8")).get("main") or "index.js"
        found = resolve_file(path / main)
        if found is not None:
            return found
    index = path / "index.js"
    return index if index.is_file() else None


def resolve(specifier: str, from_file: Path, root: Path) -> Path:
    """The file `require(specifier)` loads from `from_file`, as Node finds it."""
    if specifier.startswith((".", "/")):
        found = resolve_file((from_file.parent / specifier).resolve())
    else:
        found = None
        for folder in from_file.parents:
            found = resolve_file(folder / "node_modules" / specifier)
            if found is not None or folder == root:
                break
    if found is None:
        raise FileNotFoundError(f"cannot resolve {specifier!r} from {from_file}")
    return found


def bundle(node_modules: Path, packages: list[str]) -> str:
    root = node_modules.parent
    ids: dict[Path, int] = {}
    modules: list[str] = []
    pending = [resolve(name, node_modules / "_", root) for name in packages]
    entries = list(pending)
    while pending:
        path = pending.pop()
        if path in ids:
            continue
        ids[path] = len(ids)
        pending.extend(resolve(s, path, root) for s in REQUIRE.findall(path.read_text(encoding="utf-8")))
    for path in ids:
        source = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            source = f"module.exports = {source};"
        links = {s: ids[resolve(s, path, root)] for s in REQUIRE.findall(source)}
        modules.append(
            f"/* {path.relative_to(root)} */ [function (require, module, exports) {{\n{source}\n}}, "
            f"{json.dumps(links)}]"
        )
    listed = ",\n".join(modules)
    names = {name: ids[entry] for name, entry in zip(packages, entries, strict=True)}
    return (
        "(function () {\n"
        f"var modules = [\n{listed}\n];\n"
        "var cache = {};\n"
        "function load(id) {\n"
        "  if (cache[id]) return cache[id].exports;\n"
        "  var module = cache[id] = {exports: {}};\n"
        "  modules[id][0].call(module.exports, function (s) { return load(modules[id][1][s]); },"
        " module, module.exports);\n"
        "  return module.exports;\n"
        "}\n"
        f"var names = {json.dumps(names)};\n"
        "window.npm = {};\n"
        "Object.keys(names).forEach(function (n) { window.npm[n] = load(names[n]); });\n"
        "})();\n"
    )
