"""A private PostgreSQL server for the tests: initdb in a temporary folder, a free port, stopped
at the end.

Debian's ``postgresql`` package provides the binaries (``/usr/lib/postgresql/*/bin``). Root may
not run the server, so as root the folder is handed to the ``postgres`` user and the commands
run through ``runuser``. Local connections are trusted: the tests connect as the superuser to set
up and as plain login roles to check what the database itself allows.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"


@dataclass
class PostgresServer:
    folder: Path
    port: int
    bin_dir: Path

    def url(self, user: str = SUPERUSER, dbname: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def stop(self) -> None:
        _run([str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's binaries, or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=_version)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _version(path: Path) -> int:
    name = path.parent.parent.name
    return int(name) if name.isdigit() else 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user() -> list[str]:
    return ["runuser", "-u", SUPERUSER, "--"] if os.geteuid() == 0 else []


def _run(command: list[str]) -> None:
    subprocess.run(
        [*_as_server_user(), *command],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=120,
    )


def start_postgres(*, durable: bool = False) -> PostgresServer:
    """A private server; ``durable`` keeps fsync on (benchmarks), tests turn it off."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL's initdb was not found (Debian package postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="iauth-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, SUPERUSER, SUPERUSER)
    data = folder / "data"
    _run(
        [
            str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust",
            "-E", "UTF8", "--locale=C",
        ]
    )  # fmt: skip
    port = _free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    if not durable:
        options += " -c fsync=off"
    _run(
        [
            str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
            str(folder / "server.log"), "-w", "start",
        ]
    )  # fmt: skip
    return PostgresServer(folder, port, bin_dir)
