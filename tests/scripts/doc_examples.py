#!/usr/bin/env python3
"""Every console sample in README.md and in the man pages is run and its output compared.

doc_examples.py CPCONF ROOT. A sample is a ```console block of a Markdown file, or a literal
block (.Bd -literal ... .Ed) of a man page, holding lines that begin "$ cpconf". Each such line
is run by bash from the repository's root, with the built cpconf first on PATH, NO_COLOR set and
a fixed time zone; the lines after it, up to the next "$ " line or the end of the block, are its
expected output (standard output and standard error, in order). In the expected text a line
"..." stands for any number of lines, and "[...]" within a line, or "..." ending one or
between spaces, for any text. Files a sample
names that the repository does not hold (a misspelt profile, say) are in tests/docs/, copied
into the samples' working folder before they run, with records/ a copy of the examples. Prints "ok"/"FAIL" lines and exits 1 on a
difference."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

cpconf, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])

ROFF = [(r"\[u2588]", "█"), (r"\[u258B]", "▋"), (r"\[u258D]", "▍"), (r"\[u2713]", "✓"), (r"\[u2717]", "✗"),
        (r"\(en", "–"), (r"\(aq", "'"), (r"\(dq", '"'), (r"\&", ""), (r"\-", "-"), (r"\e", "\\")]


def unroff(line):
    for escape, text in ROFF:
        line = line.replace(escape, text)
    return line


def markdown_blocks(path):
    block = None
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if block is None and line.strip() == "```console":
            block = (number, [])
        elif block is not None and line.strip() == "```":
            yield block
            block = None
        elif block is not None:
            block[1].append(line)


def man_blocks(path):
    block = None
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.startswith(".Bd -literal"):
            block = (number, [])
        elif line.startswith(".Ed") and block is not None:
            yield block
            block = None
        elif block is not None:
            block[1].append(unroff(line))


def samples(path, blocks):
    """(where, command, expected lines) for each "$ cpconf" line of each block."""
    for start, lines in blocks:
        indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
        lines = [l[indent:] for l in lines]
        for i, line in enumerate(lines):
            if not line.startswith("$ cpconf"):
                continue
            command, rest = line[2:], lines[i + 1:]
            while command.endswith("\\") and rest:  # a command continued on the next line
                command, rest = command[:-1] + rest[0].strip(), rest[1:]
            expected = []
            for following in rest:
                if following.startswith("$ "):
                    break
                expected.append(following)
            yield f"{os.path.relpath(path, root)}:{start + 1 + i}", command, expected


def pattern(expected):
    parts = []
    for line in expected:
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            # "[...]" anywhere, or "..." ending a line, stands for the text left out.
            line = line[:-3] + "[...]" if line.endswith("...") else line
            line = line.replace(" ... ", " [...] ")
            parts.append(".*".join(re.escape(piece) for piece in line.split("[...]")) + r"\n")
    return re.compile("".join(parts), re.S)


def working_folder(parent, name):
    """A folder for one page's samples: the repository's examples, tests, schemas and docs, a copy
    of the examples as records/, and the files of tests/docs/. Each page gets its own, so that
    what one page's samples write cannot change another's."""
    work = os.path.join(parent, name)
    os.mkdir(work)
    for folder in ("examples", "tests", "schemas", "docs"):
        os.symlink(os.path.join(root, folder), os.path.join(work, folder))
    shutil.copytree(os.path.join(root, "examples"), os.path.join(work, "records"))
    fixtures = os.path.join(root, "tests", "docs")
    for file in os.listdir(fixtures):
        if file != "README.md":
            shutil.copy(os.path.join(fixtures, file), os.path.join(work, file))
    return work


def main():
    parent = tempfile.mkdtemp(prefix="cpconf-doc-examples-")
    try:
        env = dict(os.environ, PATH=os.path.dirname(cpconf) + os.pathsep + os.environ["PATH"], NO_COLOR="1",
                   TZ="Europe/London", LC_ALL="C.UTF-8")
        env.pop("GITHUB_ACTIONS", None)
        sources = [(os.path.join(root, "README.md"), markdown_blocks)]
        sources += [(os.path.join(root, "man", page), man_blocks) for page in sorted(os.listdir(os.path.join(root, "man")))]
        failures = total = 0
        for path, reader in sources:
            work = working_folder(parent, os.path.basename(path))
            for where, command, expected in samples(path, reader(path)):
                total += 1
                run = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=work, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
                output = run.stdout.decode("utf-8", "replace")
                if pattern(expected).fullmatch(output):
                    print(f"ok {where}: $ {command}")
                else:
                    failures += 1
                    print(f"FAIL {where}: $ {command}")
                    print("  expected:\n" + "".join(f"    {l}\n" for l in expected), end="")
                    print("  got:\n" + "".join(f"    {l}\n" for l in output.splitlines()), end="")
        print(f"console samples: {total - failures} passed, {failures} failed")
        return 1 if failures or total < 20 else 0
    finally:
        shutil.rmtree(parent)


sys.exit(main())
