#!/usr/bin/env python3
"""Every #include in lib/ runs downward: a file includes only its own folder's headers and
those of the layers below it (ARCHITECTURE.md's layering rule). Usage: layering.py ROOT"""
import pathlib
import re
import sys

# Bottom to top. Folders on one rank are siblings: neither includes the other.
RANKS = [
    [""],  # lib/cpconf/ itself: findings, dates, bytes, files, threads, the spill
    ["text"],
    ["load"],
    ["derive"],
    ["check"],
    ["source"],
    ["report"],
    ["vote", "timeline", "render", "skeleton"],
]
RANK = {folder: rank for rank, folders in enumerate(RANKS) for folder in folders}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]', re.M)


def folder_of(path):
    parts = pathlib.PurePosixPath(path).parts
    return parts[0] if len(parts) > 1 else ""


def faults(root):
    lib = root / "lib" / "cpconf"
    for source in sorted(lib.rglob("*")):
        if source.suffix not in (".hpp", ".cpp", ".in"):
            continue
        own = folder_of(source.relative_to(lib).as_posix())
        if own in ("schemas", "profiles"):
            own = ""
        if own not in RANK:
            yield f"{source.relative_to(root)}: folder '{own}' has no place in the layers"
            continue
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            target = match.group(1)
            where = f"{source.relative_to(root)}:{number}"
            if target.startswith("CLI/") or target.startswith("cli/"):
                yield f"{where}: the library includes the command line ({target})"
                continue
            if not target.startswith("cpconf/"):
                continue
            theirs = folder_of(target[len("cpconf/"):])
            if theirs in ("schemas", "profiles"):
                theirs = ""
            if theirs == own:
                continue
            if theirs not in RANK:
                yield f"{where}: includes {target}, in no layer"
            elif RANK[theirs] >= RANK[own]:
                how = "a sibling" if RANK[theirs] == RANK[own] else "a layer above"
                yield f"{where}: {own or 'cpconf'}/ includes {target}, {how}"


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    found = list(faults(root))
    for fault in found:
        print(fault)
    if found:
        print(f"FAIL {len(found)} include(s) run against the layers")
        return 1
    print("ok every include in lib/ runs downward")
    return 0


if __name__ == "__main__":
    sys.exit(main())
