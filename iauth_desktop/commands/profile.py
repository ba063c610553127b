"""``iauth-desktop profile``: named connection profiles; secrets only ever go to the OS keyring."""

from __future__ import annotations

import argparse
import getpass
import sys

from iauth_desktop.commands.detectinfo.options import add_crypt_type_options
from iauth_desktop.commands.faceid.options import add_faceid_options
from iauth_desktop.core.audit.events import profile_changed
from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.config.profiles import Profile, ProfileStore
from iauth_desktop.core.config.resolve import RSA_CRYPT_TYPE, read_public_key_file
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import InsecureKeyringError, UsageError
from iauth_desktop.core.providers.registry import endpoint_kinds, get_spec

_NAMED_ENDPOINTS = endpoint_kinds()


def add_profile_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("profile", help="add, list, show or remove connection profiles")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="add or replace a profile (secrets: prompt or stdin)")
    add.add_argument("name")
    add.add_argument(
        "--provider",
        choices=("detectinfo", "faceid"),
        default="detectinfo",
        help="the service the profile talks to (default: detectinfo, the legacy one)",
    )
    add.add_argument(
        "--endpoint",
        default=None,
        help="test, sandbox, production or a full https:// URL (default: test; FaceID: "
        "production, its API host)",
    )
    add.add_argument("--appid", help="the legacy service's appid")
    add.add_argument("--secret-id", help="FaceID: the SecretId (its SecretKey goes to the keyring)")
    add.add_argument(
        "--secret-stdin",
        action="store_true",
        help="read the secret key (line 1) and AES key (line 2) from stdin (FaceID: the "
        "SecretKey, one line)",
    )
    add_crypt_type_options(add)
    add_faceid_options(add, fetch=False)
    add.add_argument("--default", action="store_true", help="make it the default profile")
    add.add_argument("--replace", action="store_true", help="replace an existing profile")
    actions.add_parser("list", help="list profiles")
    show = actions.add_parser("show", help="show one profile (never its secrets)")
    show.add_argument("name")
    remove = actions.add_parser("remove", help="remove a profile and its keyring entries")
    remove.add_argument("name")
    parser.set_defaults(handler=run_profile)


def run_profile(args: argparse.Namespace) -> int:
    store = ProfileStore.default_location()
    if args.action == "add":
        return _add(args, store)
    if args.action == "list":
        default = store.default()
        for profile in store.list():
            mark = "*" if default is not None and profile.name == default.name else " "
            print(f"{mark} {profile.name}\t{profile.provider}\t{profile.appid}\t{profile.endpoint}")
        return 0
    if args.action == "show":
        profile = store.get(args.name)
        secrets = SecretStore()
        faceid = profile.provider == "faceid"
        print(f"name:       {profile.name}")
        print(f"provider:   {profile.provider}")
        print(f"endpoint:   {profile.endpoint}")
        print(f"{'secret id:' if faceid else 'appid:':<11} {profile.appid}")
        if profile.crypt_type is not None:
            print(f"crypt_type: {profile.crypt_type}")
        for label, value in (
            ("rule id:", profile.rule_id),
            ("info type:", profile.info_parts),
            ("best frames:", profile.best_frames),
            ("encryption:", profile.encryption),
        ):
            if value is not None:
                print(f"{label:<11} {value}")
        if profile.rsa_public_key is not None:
            print("rsa key:    stored in the profile (public)")
        for kind in ("secret_key",) if faceid else ("secret_key", "aes_key"):
            stored = secrets.get(profile.name, kind) is not None
            print(f"{kind + ':':<11} {'stored in the keyring' if stored else 'NOT stored'}")
        print(f"keyring:    {secrets.status().backend}")
        return 0
    audit = AuditLog.default()
    audit.head()  # fail closed: no unaudited profile change
    removed = store.remove(args.name)
    SecretStore().delete(removed.name)
    audit.record(profile_changed(removed.name, "remove"))
    print(f"removed profile {removed.name}")
    return 0


def _read_secrets(from_stdin: bool, *, need_aes: bool = True) -> tuple[str, str]:
    if from_stdin:
        lines = sys.stdin.read().splitlines()
        if len(lines) < (2 if need_aes else 1):
            raise UsageError("--secret-stdin expects two lines: the secret key, then the AES key")
        return lines[0].strip(), (lines[1].strip() if len(lines) > 1 else "")
    if not sys.stdin.isatty():
        raise UsageError("no terminal to prompt on: pass the secrets with --secret-stdin")
    secret = getpass.getpass("secret key: ").strip()
    return secret, getpass.getpass("AES result key: ").strip() if need_aes else ""


def _add(args: argparse.Namespace, store: ProfileStore) -> int:
    secrets = SecretStore()
    status = secrets.status()
    if not status.secure:
        raise InsecureKeyringError(status.explanation)
    if args.provider == "faceid":
        return _add_faceid(args, store, secrets, status.backend)
    if args.appid is None:
        raise UsageError("a detectinfo profile needs --appid")
    if args.secret_id is not None or args.rule_id is not None:
        raise UsageError("--secret-id and --rule-id are FaceID options: add --provider faceid")
    endpoint = _NAMED_ENDPOINTS.get(args.endpoint or "test", args.endpoint)
    pem = read_public_key_file(args.rsa_public_key) if args.rsa_public_key else None
    if pem is not None:
        get_spec().check_secret("rsa_public_key", pem)
    rsa = args.crypt_type == RSA_CRYPT_TYPE
    if rsa and pem is None:
        raise UsageError("--crypt-type 1 (RSA) needs --rsa-public-key FILE.pem")
    profile = Profile.create(
        args.name, endpoint, args.appid, crypt_type=args.crypt_type, rsa_public_key=pem
    )
    if args.name in store and not args.replace:
        raise UsageError(f"profile {args.name!r} exists; use --replace to replace it")
    audit = AuditLog.default()
    audit.head()  # fail closed: no unaudited profile change
    secret_key, aes_key = _read_secrets(args.secret_stdin, need_aes=not rsa)
    if not secret_key:
        raise UsageError("the secret key is empty")
    if aes_key or not rsa:  # an RSA appid needs no AES key
        get_spec().check_secret("aes_key", aes_key)
    secrets.set(profile.name, "secret_key", secret_key)
    if aes_key:
        secrets.set(profile.name, "aes_key", aes_key)
    store.add(profile, replace=args.replace)
    audit.record(profile_changed(profile.name, "edit" if args.replace else "add"))
    if args.default:
        store.set_default(profile.name)
        audit.record(profile_changed(profile.name, "set_default"))
    print(f"saved profile {profile.name} (secrets in {status.backend})")
    return 0


def _add_faceid(
    args: argparse.Namespace, store: ProfileStore, secrets: SecretStore, backend: str
) -> int:
    """A FaceID profile: SecretId, rule ID and settings in the file; SecretKey in the keyring."""
    if args.appid is not None or args.crypt_type is not None or args.rsa_public_key is not None:
        raise UsageError(
            "--appid, --crypt-type and --rsa-public-key are the legacy service's: a FaceID "
            "profile takes --secret-id, --rule-id and --service-public-key"
        )
    if not args.secret_id or not args.rule_id:
        raise UsageError("a FaceID profile needs --secret-id and --rule-id")
    spec = get_spec("faceid")
    endpoint = {e.kind: e.url for e in spec.endpoints}.get(
        args.endpoint or "production", args.endpoint
    )
    pem = read_public_key_file(args.service_public_key) if args.service_public_key else None
    if pem is not None:
        spec.check_secret("rsa_public_key", pem)
    profile = Profile.create(
        args.name,
        endpoint,
        args.secret_id,
        rsa_public_key=pem,
        provider="faceid",
        rule_id=args.rule_id,
        info_parts=args.fetch_parts,
        best_frames=args.best_frames,
        encryption=args.encrypt,
    )
    if args.name in store and not args.replace:
        raise UsageError(f"profile {args.name!r} exists; use --replace to replace it")
    audit = AuditLog.default()
    audit.head()  # fail closed: no unaudited profile change
    secret_key, _ = _read_secrets(args.secret_stdin, need_aes=False)
    if not secret_key:
        raise UsageError("the SecretKey is empty")
    secrets.set(profile.name, "secret_key", secret_key)
    store.add(profile, replace=args.replace)
    audit.record(profile_changed(profile.name, "edit" if args.replace else "add"))
    if args.default:
        store.set_default(profile.name)
        audit.record(profile_changed(profile.name, "set_default"))
    print(f"saved FaceID profile {profile.name} (SecretKey in {backend})")
    return 0
