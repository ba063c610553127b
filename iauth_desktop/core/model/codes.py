"""A result code explained: the provider-neutral shape every provider's code tables fill in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CodeInfo:
    code: int
    stage: str
    zh: str
    en: str
    known: bool
    name: str | None = None
    message: str | None = None  # the service's own words, verbatim, when it gave any

    def describe(self) -> str:
        text = f"{self.code} ({self.stage}): {self.zh} — {self.en}"
        if self.message:
            text += f" [service: {self.message}]"
        return text
