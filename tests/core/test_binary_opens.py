"""Every file the app opens by descriptor is opened in binary mode (``O_BINARY``, 0 on POSIX):
on Windows a descriptor is otherwise in text mode, and an evidence file, the audit log or an
export would be changed as it is written ("\\n" becomes "\\r\\n") and cut short as it is read (at
the first Ctrl-Z). Windows is not where the tests run, so this reads the source."""

from __future__ import annotations

import ast
from pathlib import Path

import iauth_desktop

PACKAGE = Path(iauth_desktop.__file__).parent

# (file, function): descriptors that never carry a file's bytes
NO_BYTES = {
    ("cli.py", "_drop_stdout"),  # os.devnull, only dup2'd over stdout
    ("core/files.py", "fsync_dir"),  # a folder, opened to fsync (never on Windows)
    ("core/store/sqlite/schema.py", "connect_history"),  # created with its mode, closed at once
}


def _os_open_calls() -> list[tuple[str, str, str]]:
    """(file, enclosing function, that function's source) for every ``os.open(...)`` call."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text("utf-8")
        tree = ast.parse(source)
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "open"
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "os"
                ):
                    name = path.relative_to(PACKAGE).as_posix()
                    found.append((name, function.name, ast.get_source_segment(source, function)))
    return found


def test_every_descriptor_on_a_files_bytes_is_binary() -> None:
    calls = _os_open_calls()
    assert len(calls) >= 8  # the scan sees them (evidence, audit log, exports, private files)
    text_mode = [
        f"{name}: {function}"
        for name, function, source in calls
        if (name, function) not in NO_BYTES and "O_BINARY" not in (source or "")
    ]
    assert text_mode == []


def test_the_exceptions_still_exist() -> None:
    """An exception whose call went away is removed from the list, not kept as a loophole."""
    assert {(name, function) for name, function, _ in _os_open_calls()} >= NO_BYTES
