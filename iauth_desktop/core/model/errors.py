"""Typed errors of the core. Each carries the CLI exit code of its class and a plain message.

The CLI and the logs show ``str(error)`` (English); the console shows ``error.detail`` (the same
message by key, see ``messages.py``) in the reviewer's language. Messages are written for a
reviewer, never contain secrets, decrypted personal data or tracebacks.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from iauth_desktop.core.model.codes import CodeInfo
from iauth_desktop.core.model.messages import Detail, plain, said

QUOTE_CHARS = 200  # the most of a server's own text an error message quotes


class IauthError(Exception):
    """Base of every error the core raises on purpose: a message by key (``said(...)``), or a
    plain text that every language shows as it is."""

    exit_code: ClassVar[int] = 1

    def __init__(self, message: str | Detail = "") -> None:
        self._detail = message if isinstance(message, Detail) else None
        super().__init__(str(message))

    @property
    def detail(self) -> Detail:
        """The message by key; a text set some other way (``args``) is a plain one."""
        if self._detail is not None and self.args == (self._detail.english(),):
            return self._detail
        return plain(str(self))

    def __reduce__(self) -> tuple[object, ...]:
        """Pickles as itself with every attribute (a ``ServiceError`` keeps its code and
        ``token_gone``), whatever its ``__init__`` takes: errors cross the fetch process's pipe."""
        return _rebuild_error, (type(self), self.args, dict(self.__dict__))


def _rebuild_error(
    cls: type[IauthError], args: tuple[object, ...], state: dict[str, object]
) -> IauthError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


# --- 2: usage or configuration -------------------------------------------------------------


class UsageError(IauthError):
    exit_code: ClassVar[int] = 2


class MissingCredentialsError(UsageError):
    """A value needed to sign or decrypt is missing; ``missing`` names each one."""

    def __init__(self, missing: tuple[str, ...], hint: str | Detail = "") -> None:
        self.missing = missing
        names = ", ".join(missing)
        if isinstance(hint, Detail):
            super().__init__(said("creds.missing_hint", names=names, hint=hint))
        elif hint:
            super().__init__(said("creds.missing_hint", names=names, hint=plain(hint)))
        else:
            super().__init__(said("creds.missing", names=names))


class InsecureKeyringError(UsageError):
    """No secure OS keyring is available, so secrets are not stored anywhere."""


class InsecureEndpointError(UsageError):
    """Plain http:// to a host that is not loopback, or an unusable endpoint URL."""


class TargetExistsError(UsageError):
    """The output folder exists and is not empty, and replacing it was not asked for."""


class OutputError(UsageError):
    """An output file or folder could not be written (permissions, missing folder, disk full)."""


# --- 3: the service answered an error code -------------------------------------------------


class TokenGone(StrEnum):
    """Why the service will no longer answer for a token (its result must come from an export)."""

    DATA_EXPIRED = "data expired"  # the service keeps a token's result data only so long
    FLOW_EXPIRED = "flow expired"  # the verification flow's own time limit has passed


class ServiceError(IauthError):
    """The service answered an error instead of a result (a number, or a named API error such
    as ``AuthFailure.SignatureFailure``); ``token_gone`` says why the token can no longer be
    fetched, None when it still can."""

    exit_code: ClassVar[int] = 3

    def __init__(
        self,
        code: int | str,
        name: str,
        meaning: str,
        errormsg: str,
        *,
        info: CodeInfo | None = None,
        token_gone: TokenGone | None = None,
    ) -> None:
        self.code = code
        self.name = name
        self.meaning = meaning
        self.errormsg = errormsg
        self.info = info  # the code explained by the provider's table, both languages
        self.token_gone = token_gone
        quoted = errormsg if len(errormsg) <= QUOTE_CHARS else errormsg[: QUOTE_CHARS - 1] + "…"
        super().__init__(
            said("service.error", code=code, name=name, meaning=meaning, errormsg=repr(quoted))
        )


# --- 4: network, HTTP, malformed answers ---------------------------------------------------


class TransportError(IauthError):
    exit_code: ClassVar[int] = 4


class NetworkError(TransportError):
    """The service could not be reached, or the connection failed before an answer came."""


class HttpStatusError(TransportError):
    """The service answered a non-2xx status (``attempts``: the last of that many, given up)."""

    def __init__(self, status: int, excerpt: str, *, attempts: int | None = None) -> None:
        self.status = status
        self.excerpt = excerpt
        if attempts is None:
            super().__init__(said("http.status", status=status, excerpt=excerpt))
        else:
            key = "http.status_gave_up_once" if attempts == 1 else "http.status_gave_up"
            super().__init__(said(key, status=status, excerpt=excerpt, count=attempts))


class TruncatedResponseError(TransportError):
    """The answer stopped before it was complete."""


class MalformedResponseError(TransportError):
    """The answer is not the JSON object the protocol describes."""

    def __init__(self, message: str | Detail, status: int | None = None, excerpt: str = "") -> None:
        self.status = status
        self.excerpt = excerpt
        problem = message if isinstance(message, Detail) else plain(message)
        if status is not None and excerpt:
            text = said(
                "response.malformed_both", problem=problem, status=status, excerpt=repr(excerpt)
            )
        elif status is not None:
            text = said("response.malformed_status", problem=problem, status=status)
        elif excerpt:
            text = said("response.malformed_excerpt", problem=problem, excerpt=repr(excerpt))
        else:
            text = problem
        super().__init__(text)


class ResponseTooLargeError(TransportError):
    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(said("response.too_large", limit=limit))


# --- 5: decryption and integrity -----------------------------------------------------------


class DecryptionError(IauthError):
    exit_code: ClassVar[int] = 5


class KeyLengthError(DecryptionError):
    """The AES result key is not 32 bytes: a configuration mistake, so exit 2."""

    exit_code: ClassVar[int] = 2


class Base64DecodeError(DecryptionError):
    """Text that should be standard Base64 is not."""


class CorruptCiphertextError(DecryptionError):
    """The ciphertext is not a whole number of AES blocks: cut short or corrupted."""


class WrongKeyError(DecryptionError):
    """Decryption produced noise: the AES result key does not belong to this data."""


class PaddingError(DecryptionError):
    """The text decrypts but its PKCS#7 padding is broken: the data was altered at its end."""


class PayloadFormatError(DecryptionError):
    """The decrypted payload is not the JSON object the protocol describes."""


class IntegrityError(DecryptionError):
    """A saved evidence bundle does not match its manifest."""


# --- 6: refused by the rules ----------------------------------------------------------------


class RefusedError(IauthError):
    """The rules refuse this reviewer this step: a lost lease, a case someone else holds, a
    second look at one's own decision, a right this login does not have. Nothing was changed."""

    exit_code: ClassVar[int] = 6


# --- 130: interrupted ----------------------------------------------------------------------


class CancelledError(IauthError):
    """The caller asked to stop (Cancel, Esc, Ctrl+C)."""

    exit_code: ClassVar[int] = 130
