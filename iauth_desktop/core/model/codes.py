"""A result code explained: the provider-neutral shape every provider's code tables fill in."""

from __future__ import annotations

from dataclasses import dataclass

# Where a meaning comes from, so a front end can say so without knowing the provider.
SERVICE_TABLE = "service table"  # the service's own published code list
ENGINE_DOCUMENTATION = "engine documentation"  # the engine's documents; not tied to this service
UNKNOWN_SOURCE = "unknown"  # in no table: only the service's own message explains it
SOURCES = (SERVICE_TABLE, ENGINE_DOCUMENTATION, UNKNOWN_SOURCE)
ENGINE_LABEL = "per the engine's documentation"


@dataclass(frozen=True)
class CodeInfo:
    code: int | str  # a number, or a named API error ("AuthFailure.SignatureFailure")
    stage: str
    zh: str
    en: str
    known: bool
    name: str | None = None
    message: str | None = None  # the service's own words, verbatim, when it gave any
    source: str = SERVICE_TABLE  # one of SOURCES

    @classmethod
    def unknown(cls, code: int | str, stage: str, message: str | None = None) -> CodeInfo:
        """A code in no table: only the service's own message (if any) explains it."""
        return cls(
            code, stage, f"未知代码 {code}", f"unknown code {code}", False, None, message,
            UNKNOWN_SOURCE,
        )  # fmt: skip

    @property
    def from_engine(self) -> bool:
        return self.source == ENGINE_DOCUMENTATION

    @property
    def en_labelled(self) -> str:
        """The English meaning, with where it comes from when that is not the service's table."""
        return f"{self.en} ({ENGINE_LABEL})" if self.from_engine else self.en

    def describe(self) -> str:
        text = f"{self.code} ({self.stage}): {self.zh} — {self.en_labelled}"
        if self.message:
            text += f" [service: {self.message}]"
        return text
