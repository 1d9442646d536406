#!/usr/bin/env python3
"""Checks that the layers only look down (docs/ARCHITECTURE.md).

usage: check_layers.py SOURCE_DIR

Layers, in pipeline order: model < util < ingest < pricing < policy < report < cli. A file
of a layer (src/<layer>/..., include/costgate/<layer>/...) may include:
  - public headers of its own layer or of a layer to its left (`costgate/<layer>/...`) and
    the generated `costgate/version.hpp`;
  - private headers of its own layer (src/<layer>/...), named from its own folder or from
    src/<layer>/, never through `..`.
A public header may include no private header. Each file declares its layer's namespace
(`costgate` for the model, `costgate::<layer>` for the others, nested ones below it).
Prints every violation as file:line and exits 1 if there is any.
"""
import pathlib
import re
import sys

LAYERS = ["model", "util", "ingest", "pricing", "policy", "report", "cli"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
NAMESPACE = re.compile(r"^namespace (costgate(?:::[a-z0-9_]+)*) \{", re.M)


def layer_files(root):
    for index, layer in enumerate(LAYERS):
        for folder, public in ((root / "src" / layer, False), (root / "include" / "costgate" / layer, True)):
            for path in sorted(folder.rglob("*")):
                if path.suffix in (".cpp", ".hpp"):
                    yield path, layer, index, public


def include_problem(root, path, layer, index, public, target):
    if target == "costgate/version.hpp":
        return None
    if target.startswith("costgate/"):
        parts = target.split("/")
        if len(parts) < 3 or parts[1] not in LAYERS:
            return f"includes {target}, which is in no layer"
        if LAYERS.index(parts[1]) > index:
            return f"{layer} includes {target} of the {parts[1]} layer to its right"
        return None
    if public:
        return f"public header includes the private header {target}"
    if ".." in pathlib.PurePosixPath(target).parts:
        return f"includes {target} through '..'"
    private_root = root / "src" / layer
    if (path.parent / target).is_file() or (private_root / target).is_file():
        return None
    return f"includes {target}, which is not a header of the {layer} layer"


def namespace_problem(path, layer):
    text = path.read_text(encoding="utf-8")
    expected = "costgate" if layer == "model" else f"costgate::{layer}"
    for name in NAMESPACE.findall(text):
        if name != expected and not name.startswith(expected + "::"):
            return f"declares namespace {name}; the {layer} layer's is {expected}"
    return None


def main(argv):
    root = pathlib.Path(argv[1] if len(argv) > 1 else ".").resolve()
    problems = []
    for path, layer, index, public in layer_files(root):
        relative = path.relative_to(root)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = INCLUDE.match(line)
            if match:
                problem = include_problem(root, path, layer, index, public, match.group(1))
                if problem:
                    problems.append(f"{relative}:{number}: {problem}")
        problem = namespace_problem(path, layer)
        if problem:
            problems.append(f"{relative}: {problem}")
    for problem in problems:
        print(problem)
    print(f"check_layers: {len(problems)} problem(s)" if problems else "check_layers: every layer looks only down")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
