"""Named profiles (name, provider, endpoint, appid or SecretId) in ``profiles.json`` under the
config folder.

The file never holds a secret: the secret key and the AES key live in the OS keyring
(``core.secrets``). It may hold how the appid's answers are encrypted (``crypt_type``) and, for
RSA, the service's public key, which is not a secret. A FaceID profile (``provider: faceid``)
holds its SecretId (in ``secret_id``), rule ID, default info type and number of best frames, and
optionally the service's public key and whether to ask for encrypted answers. The file is
rewritten atomically so a crash never leaves half of it.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iauth_desktop.core.config.paths import config_dir, ensure_private_dir
from iauth_desktop.core.files import write_atomically
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.net.endpoints import check_endpoint

FILE_NAME = "profiles.json"
FORMAT_VERSION = 1
MAX_NAME_LENGTH = 64
MAX_APPID_LENGTH = 128
CRYPT_TYPES = (1, 2, 3)  # RSA, AES-256-CBC, AES-256-ECB (the provider opens them)
MAX_PUBLIC_KEY_CHARS = 16 * 1024
LEGACY_PROVIDER = "detectinfo"  # a profile that names no provider
FACEID_PROVIDER = "faceid"
PROVIDERS = (LEGACY_PROVIDER, FACEID_PROVIDER)
ENCRYPTIONS = ("response", "fields")  # FaceID: the whole answer, or the name and ID fields
MAX_RULE_ID_LENGTH = 64
MAX_BEST_FRAMES = 10
_NAME_PUNCTUATION = frozenset("-_.")


def validate_profile_name(name: str) -> str:
    """Return the name (NFC-normalized) or raise UsageError saying what is wrong with it."""
    normalized = unicodedata.normalize("NFC", name)
    if not 1 <= len(normalized) <= MAX_NAME_LENGTH:
        raise UsageError(said("profile.name_length", most=MAX_NAME_LENGTH))
    bad = [ch for ch in normalized if not (ch.isalnum() or ch in _NAME_PUNCTUATION)]
    if bad:
        raise UsageError(said("profile.name_char", name=repr(normalized), char=repr(bad[0])))
    if normalized[0] in _NAME_PUNCTUATION:
        raise UsageError(said("profile.name_start", name=repr(normalized)))
    return normalized


def validate_appid(appid: str) -> str:
    value = appid.strip()
    if not 1 <= len(value) <= MAX_APPID_LENGTH:
        raise UsageError(said("profile.appid_length", most=MAX_APPID_LENGTH))
    if any(not ch.isprintable() or ch.isspace() for ch in value):
        raise UsageError(said("profile.appid_spaces"))
    return value


def validate_crypt_type(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or value not in CRYPT_TYPES:
        raise UsageError(f"crypt_type must be 1, 2 or 3, not {value!r:.40}")
    return int(value)


def validate_public_key(pem: object) -> str | None:
    """PEM text of a public key (checked in full by the provider when it connects)."""
    if pem is None:
        return None
    if not isinstance(pem, str) or len(pem) > MAX_PUBLIC_KEY_CHARS or "PUBLIC KEY-----" not in pem:
        raise UsageError("the RSA public key must be PEM text (-----BEGIN PUBLIC KEY-----)")
    if "PRIVATE KEY" in pem:
        raise UsageError("that is a private key: profiles hold only the service's public key")
    return pem.strip() + "\n"


def validate_provider(value: object) -> str:
    if value is None:
        return LEGACY_PROVIDER
    if value not in PROVIDERS:
        raise UsageError(f"unknown provider {value!r:.40}; known: {', '.join(PROVIDERS)}")
    return str(value)


def validate_rule_id(value: object) -> str | None:
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else ""
    if not 1 <= len(text) <= MAX_RULE_ID_LENGTH or not text.isprintable() or " " in text:
        raise UsageError(f"the rule ID must be 1–{MAX_RULE_ID_LENGTH} printable characters")
    return text


def validate_info_parts(value: object) -> str | None:
    """FaceID's info type: digits 0–4, each at most once."""
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else ""
    if not text or any(ch not in "01234" for ch in text) or len(set(text)) != len(text):
        raise UsageError(f"the info type is digits 0–4 (e.g. 0 or 13), not {value!r:.20}")
    return text


def validate_best_frames(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_BEST_FRAMES:
        raise UsageError(f"the number of best frames is 0–{MAX_BEST_FRAMES}, not {value!r:.20}")
    return value


def validate_encryption(value: object) -> str | None:
    if value is None:
        return None
    if value not in ENCRYPTIONS:
        raise UsageError(f"the encryption is {' or '.join(ENCRYPTIONS)}, not {value!r:.20}")
    return str(value)


@dataclass(frozen=True)
class Profile:
    name: str
    endpoint: str
    appid: str  # the account its secret key belongs to: the appid, or FaceID's SecretId
    crypt_type: int | None = None  # None: not sent, the appid's default
    rsa_public_key: str | None = None  # PEM: for crypt_type 1, or FaceID's encrypted answers
    provider: str = LEGACY_PROVIDER
    rule_id: str | None = None  # FaceID
    info_parts: str | None = None  # FaceID's default info type (None: everything)
    best_frames: int | None = None  # FaceID
    encryption: str | None = None  # FaceID: ask for encrypted answers ("response", "fields")

    @classmethod
    def create(
        cls,
        name: str,
        endpoint: str,
        appid: str,
        *,
        crypt_type: object = None,
        rsa_public_key: object = None,
        provider: object = None,
        rule_id: object = None,
        info_parts: object = None,
        best_frames: object = None,
        encryption: object = None,
    ) -> Profile:
        """A validated profile: name checked, endpoint normalized by ``check_endpoint``."""
        kind = validate_provider(provider)
        faceid = kind == FACEID_PROVIDER
        if not faceid and any(
            v is not None for v in (rule_id, info_parts, best_frames, encryption)
        ):
            raise UsageError(
                "the rule ID, info type, best frames and encryption are FaceID settings"
            )
        if faceid and crypt_type is not None:
            raise UsageError("crypt_type is a setting of the legacy service, not of FaceID")
        if faceid and rule_id is None:
            raise UsageError("a FaceID profile needs its rule ID")
        checked_key = validate_public_key(rsa_public_key)
        if encryption is not None and checked_key is None:
            raise UsageError("encrypted answers need the service's public key in the profile")
        return cls(
            validate_profile_name(name),
            check_endpoint(endpoint),
            validate_appid(appid),
            validate_crypt_type(crypt_type),
            checked_key,
            kind,
            validate_rule_id(rule_id),
            validate_info_parts(info_parts),
            validate_best_frames(best_frames),
            validate_encryption(encryption),
        )

    def settings(self) -> dict[str, Any]:
        """The optional settings, as ``create`` takes them (for re-validation and copies)."""
        return {
            "crypt_type": self.crypt_type,
            "rsa_public_key": self.rsa_public_key,
            "provider": self.provider,
            "rule_id": self.rule_id,
            "info_parts": self.info_parts,
            "best_frames": self.best_frames,
            "encryption": self.encryption,
        }


class ProfileStore:
    """Reads and rewrites one ``profiles.json``; every method reads the file afresh."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def default_location(cls) -> ProfileStore:
        """The store in ``config_dir()`` (honours ``IAUTH_CONFIG_DIR``). The folder is made only
        when a profile is saved: a config folder that is a file or read-only must not stop
        commands whose credentials come from the environment."""
        return cls(config_dir(create=False) / FILE_NAME)

    # --- queries ------------------------------------------------------------------------

    def list(self) -> list[Profile]:
        profiles, _ = self._load()
        return [profiles[name] for name in sorted(profiles)]

    def get(self, name: str) -> Profile:
        """The named profile, or UsageError naming it and the profiles that do exist."""
        profiles, _ = self._load()
        key = unicodedata.normalize("NFC", name)
        if key not in profiles:
            known = ", ".join(sorted(profiles)) or "none"
            raise UsageError(said("profile.unknown", name=repr(name), known=known))
        return profiles[key]

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        profiles, _ = self._load()
        return unicodedata.normalize("NFC", name) in profiles

    def default(self) -> Profile | None:
        profiles, default = self._load()
        return profiles.get(default) if default is not None else None

    # --- changes ------------------------------------------------------------------------

    def add(self, profile: Profile, *, replace: bool = False) -> Profile:
        """Store ``profile`` (validated again). The first profile added becomes the default."""
        checked = Profile.create(
            profile.name, profile.endpoint, profile.appid, **profile.settings()
        )
        profiles, default = self._load()
        if checked.name in profiles and not replace:
            raise UsageError(said("profile.exists", name=repr(checked.name)))
        profiles[checked.name] = checked
        if default is None and len(profiles) == 1:
            default = checked.name
        self._save(profiles, default)
        return checked

    def remove(self, name: str) -> Profile:
        """Delete the named profile (its keyring secrets are the caller's business)."""
        removed = self.get(name)
        profiles, default = self._load()
        del profiles[removed.name]
        self._save(profiles, None if default == removed.name else default)
        return removed

    def set_default(self, name: str | None) -> None:
        profiles, _ = self._load()
        if name is not None:
            name = self.get(name).name
        self._save(profiles, name)

    # --- file ---------------------------------------------------------------------------

    def _load(self) -> tuple[dict[str, Profile], str | None]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return {}, None  # no profiles (the config "folder" may be a file: saving says so)
        except OSError as exc:
            raise UsageError(
                said("profile.cannot_read", path=str(self.path), reason=str(exc.strerror))
            ) from None
        try:
            document: Any = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UsageError(
                said("profile.not_json", path=str(self.path), line=exc.lineno)
            ) from None
        return self._parse(document)

    def _parse(self, document: Any) -> tuple[dict[str, Profile], str | None]:
        broken = UsageError(said("profile.bad_format", path=str(self.path), version=FORMAT_VERSION))
        if not isinstance(document, dict) or document.get("version") != FORMAT_VERSION:
            raise broken
        entries = document.get("profiles", {})
        default = document.get("default")
        if not isinstance(entries, dict) or not (default is None or isinstance(default, str)):
            raise broken
        profiles: dict[str, Profile] = {}
        for name, entry in entries.items():
            if not isinstance(entry, dict):
                raise broken
            faceid = entry.get("provider") == FACEID_PROVIDER
            endpoint = entry.get("endpoint")
            appid = entry.get("secret_id" if faceid else "appid")
            if not isinstance(endpoint, str) or not isinstance(appid, str):
                raise broken
            try:
                profile = Profile.create(
                    name,
                    endpoint,
                    appid,
                    crypt_type=entry.get("crypt_type"),
                    rsa_public_key=entry.get("rsa_public_key"),
                    provider=entry.get("provider"),
                    rule_id=entry.get("rule_id"),
                    info_parts=entry.get("info_parts"),
                    best_frames=entry.get("best_frames"),
                    encryption=entry.get("encryption"),
                )
            except UsageError as exc:
                raise UsageError(
                    said(
                        "profile.bad_entry", path=str(self.path), name=repr(name), reason=exc.detail
                    )
                ) from None
            profiles[profile.name] = profile
        return profiles, (default if default in profiles else None)

    def _save(self, profiles: dict[str, Profile], default: str | None) -> None:
        document = {
            "version": FORMAT_VERSION,
            "default": default,
            "profiles": {name: _entry(profiles[name]) for name in sorted(profiles)},
        }
        data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        try:
            ensure_private_dir(self.path.parent)
            write_atomically(self.path, data)
        except OSError as exc:
            raise UsageError(
                said("profile.cannot_write", path=str(self.path), reason=str(exc.strerror or exc))
            ) from None


def _entry(profile: Profile) -> dict[str, Any]:
    if profile.provider == FACEID_PROVIDER:
        entry: dict[str, Any] = {
            "provider": profile.provider,
            "endpoint": profile.endpoint,
            "secret_id": profile.appid,
            "rule_id": profile.rule_id,
        }
        optional = (
            ("info_parts", profile.info_parts),
            ("best_frames", profile.best_frames),
            ("encryption", profile.encryption),
            ("rsa_public_key", profile.rsa_public_key),
        )
        entry.update((key, value) for key, value in optional if value is not None)
        return entry
    entry = {"endpoint": profile.endpoint, "appid": profile.appid}
    if profile.crypt_type is not None:
        entry["crypt_type"] = profile.crypt_type
    if profile.rsa_public_key is not None:
        entry["rsa_public_key"] = profile.rsa_public_key
    return entry
