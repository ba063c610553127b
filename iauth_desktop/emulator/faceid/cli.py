"""``iauth-desktop emulator --provider faceid``: FaceID's emulator until stopped.

The first stdout line is one JSON object: ``provider``, ``url``, ``secret_id``, ``secret_key``,
``rule_id``, ``service_public_key`` (PEM, for encrypted answers), ``tokens`` (case -> BizToken),
``fault``. The SecretKey comes only from the environment (``IAUTH_EMULATOR_SECRET_KEY``), never
from argv.
"""

from __future__ import annotations

import argparse
import os

from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.emulator.faceid.demo import CASE_TOKENS, DEMO_SECRET_KEY
from iauth_desktop.emulator.faceid.server import FaceIdConfig, FaceIdEmulator
from iauth_desktop.emulator.serving import refused, serve_until_stopped

SECRET_KEY_ENV = "IAUTH_EMULATOR_SECRET_KEY"  # noqa: S105 - a variable name, not a secret


def run_faceid_emulator(args: argparse.Namespace) -> int:
    try:
        server = FaceIdEmulator(
            FaceIdConfig(
                host=args.host,
                port=args.port,
                secret_key=os.environ.get(SECRET_KEY_ENV) or DEMO_SECRET_KEY,
                fault=args.fault,
                verbose=bool(getattr(args, "verbose", False)),
                allow_remote=bool(getattr(args, "allow_remote", False)),
                listen_fd=getattr(args, "listen_fd", None),
            )
        ).start()
    except (IauthError, OSError) as error:
        return refused(error)
    config = server.config
    announcement = {
        "provider": "faceid",
        "url": server.url,
        "secret_id": config.secret_id,
        "secret_key": config.secret_key,
        "rule_id": config.rule_id,
        "service_public_key": server.public_key,
        "tokens": dict(CASE_TOKENS),
        "fault": str(server.fault) if server.fault is not None else None,
    }
    return serve_until_stopped(server.stop, announcement)
