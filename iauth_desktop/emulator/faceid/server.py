"""``FaceIdEmulator``: a real HTTP server answering ``GetDetectInfoEnhanced`` on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.emulator.faceid.answers import AnswerBuilder
from iauth_desktop.emulator.faceid.demo import DEMO_RULE_ID, DEMO_SECRET_ID, DEMO_SECRET_KEY
from iauth_desktop.emulator.faceid.faults import Fault, parse_fault
from iauth_desktop.emulator.faceid.handler import FaceIdHandler
from iauth_desktop.emulator.faceid.keys import demo_public_key_pem
from iauth_desktop.emulator.server import ServedEmulator


@dataclass(frozen=True)
class FaceIdConfig:
    host: str = "127.0.0.1"
    port: int = 0
    secret_id: str = DEMO_SECRET_ID
    secret_key: str = field(default=DEMO_SECRET_KEY, repr=False)
    rule_id: str = DEMO_RULE_ID
    fault: str | None = None
    clock: Callable[[], float] = field(default=time.time, compare=False)
    verbose: bool = False
    allow_remote: bool = False
    listen_fd: int | None = None  # serve on this listening socket (inherited) instead


class FaceIdEmulator(ServedEmulator):
    """The FaceID emulator (``GetDetectInfoEnhanced`` at ``/``)."""

    handler = FaceIdHandler
    thread_name = "iauth-faceid-emulator"

    def __init__(self, config: FaceIdConfig | None = None) -> None:
        self.config = config or FaceIdConfig()
        if not self.config.secret_id or not self.config.secret_key:
            raise UsageError("the emulator needs a non-empty SecretId and SecretKey")
        super().__init__(self.config)
        self.fault: Fault | None = parse_fault(self.config.fault) if self.config.fault else None
        huge = self.fault.value if self.fault is not None and self.fault.name == "huge-video" else 0
        self.answers = AnswerBuilder(int(huge) or None)

    secret_id = property(lambda self: self.config.secret_id)
    secret_key = property(lambda self: self.config.secret_key)
    rule_id = property(lambda self: self.config.rule_id)
    verbose = property(lambda self: self.config.verbose)

    @property
    def public_key(self) -> str:
        """PEM of the service's public key, as its console shows it."""
        return demo_public_key_pem()

    def now(self) -> float:
        return self.config.clock()
