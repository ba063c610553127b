"""What the core's errors say, by key: English templates for logs and the command line.

An error carries a ``Detail`` (a stable key and its parameters) beside its English text, so the
console can say the same thing in the reviewer's language (``ui/error_text.py`` holds one
translation per key) while the core stays free of Qt. A parameter may itself be a ``Detail`` (a
low-level reason inside a sentence) or a tuple of them (joined by "; "); anything else is a
technical token (a number, path, host, field name, the service's own words) shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, TypeAlias

PLAIN: Final = ""  # the key of a text with no template: shown as it is in every language
Param: TypeAlias = "str | int | float | Detail | tuple[Detail, ...]"


@dataclass(frozen=True)
class Detail:
    """A message by key; ``english()`` is the text the command line and the logs show."""

    key: str
    params: Mapping[str, Param] = field(default_factory=lambda: MappingProxyType({}))

    def english(self) -> str:
        if self.key == PLAIN:
            return str(self.params.get("text", ""))
        values = {name: english_of(value) for name, value in self.params.items()}
        return ENGLISH[self.key].format(**values)

    def __str__(self) -> str:
        return self.english()


def said(key: str, /, **params: Param) -> Detail:
    """The message ``key`` with its parameters; KeyError at once for a key not in ``ENGLISH``."""
    if key not in ENGLISH:
        raise KeyError(f"no message {key!r}")
    return Detail(key, MappingProxyType(dict(params)))


def plain(text: str) -> Detail:
    """A text that has no key (yet): every language shows it as it is."""
    return Detail(PLAIN, MappingProxyType({"text": text}))


def english_of(value: Param) -> str:
    if isinstance(value, Detail):
        return value.english()
    if isinstance(value, tuple):
        return "; ".join(part.english() for part in value)
    return str(value)


ENGLISH: Final[Mapping[str, str]] = MappingProxyType(
    {
        # --- the network (core/net) ---------------------------------------------------------------
        "net.reason.dns": "the host name could not be resolved (DNS)",
        "net.reason.refused": "the connection was refused (nothing listens there)",
        "net.reason.reset": "the connection was reset by the other side",
        "net.reason.aborted": "the connection was aborted",
        "net.reason.closed": "the server closed the connection without answering",
        "net.reason.closed_mid_answer": "the server closed the connection mid-answer",
        "net.reason.timed_out": "the network timed out",
        "net.reason.broken_pipe": "the connection broke while the request was sent",
        "net.reason.read_timeout": "no data arrived within the read timeout",
        "net.reason.failed": "the connection failed",
        "net.tls": "the TLS connection failed (certificate not trusted, or not the service): "
        "check the endpoint and the CA bundle setting",
        "net.proxy": "the proxy could not be used: {reason}",
        "net.connect_timeout": "no connection within {seconds} s",
        "net.read_timeout": "the service did not answer within {seconds} s",
        "net.request_failed": "the request failed: {reason}",
        "net.decompress": "the compressed answer could not be decompressed",
        "net.broke_off": "the answer broke off after {received} bytes: {reason}",
        "net.broke_off_announced": "the answer broke off after {received} bytes, {expected} "
        "more were announced: {reason}",
        "net.gave_up_once": "could not get an answer from {host} after 1 attempt: {reason}",
        "net.gave_up": "could not get an answer from {host} after {count} attempts: {reason}",
        "http.status": "the service answered HTTP {status}: {excerpt}",
        "http.status_gave_up_once": "the service answered HTTP {status}: {excerpt} (gave up "
        "after 1 attempt)",
        "http.status_gave_up": "the service answered HTTP {status}: {excerpt} (gave up after "
        "{count} attempts)",
        "response.too_large": "the answer is larger than the configured limit of {limit} bytes",
        "response.malformed_status": "{problem}; HTTP {status}",
        "response.malformed_excerpt": "{problem}; begins {excerpt}",
        "response.malformed_both": "{problem}; HTTP {status}; begins {excerpt}",
        "endpoint.empty": "the endpoint URL is empty",
        "endpoint.spaces": "the endpoint URL contains spaces or control characters",
        "endpoint.unusable": "the endpoint URL is not usable: {reason}",
        "endpoint.scheme": "the endpoint must be an https:// URL (got {scheme}://)",
        "endpoint.no_scheme": "the endpoint must be an https:// URL (got no scheme)",
        "endpoint.userinfo": "the endpoint URL must not contain a user name or password "
        "(user:pass@host)",
        "endpoint.no_host": "the endpoint URL has no host",
        "endpoint.fragment": "the endpoint URL must not contain a fragment (#...)",
        "endpoint.plain_http": "plain http:// is only allowed to a loopback host (127.0.0.1, "
        "::1, localhost), not to {host}: use https://",
        "options.seconds": "{name} must be a positive number of seconds, not {value}",
        "options.retries": "retries must be a whole number from 0 to 20, not {value}",
        "options.backoff": "backoff must be zero or more seconds, not {value}",
        "options.encoding": "body_encoding must be 'json' or 'form', not {value}",
        "options.max_bytes": "max_response_bytes must be a positive number of bytes",
        "options.signature_expire": "signature_expire must be a positive number of seconds",
        # --- a provider's answer ------------------------------------------------------------------
        "service.unknown_code": "unknown service error code {code}",
        "service.error": "service error {code} {name}: {meaning} (service said: {errormsg})",
        "answer.empty": "the answer is empty",
        "answer.not_json": "the answer is not the JSON object the protocol describes",
        "answer.truncated": "the answer stopped after {received} bytes, before its JSON object "
        "was complete: the connection was cut or the server gave up",
        "answer.no_code": "the answer has no {field}",
        "answer.no_data": "the answer has {field} 0 but no data",
        "answer.trailing": "the answer goes on after its JSON object",
        "answer.unexpected": "unexpected {char} in the answer's JSON",
        "answer.two_data": "the answer has two data values",
        "answer.too_many": "the answer holds unreasonably many values besides data",
        "answer.bad_value": "a value in the answer is not valid JSON",
        "answer.key_not_text": "a key in the answer's JSON is not a string",
        "answer.two_codes": "the answer has two {field} values",
        "answer.code_not_number": "the answer's {field} is not a number: {value}",
        "answer.code_implausible": "the answer's {field} is implausibly large: {value}",
        "answer.too_long": "a value in the answer is unreasonably long",
        "answer.too_deep": "a value in the answer is nested too deeply",
        "answer.broken_escape": "the answer's data holds a broken Unicode escape",
        "answer.bad_escape": "the answer's data holds an invalid escape {escape}",
        "signature.needs_all": "appid, secret key and apiName are all needed to sign",
        "signature.expire": "the signature's validity (expire) must be a positive number",
        "signature.url_safe": "the signature is in URL-safe Base64 ('-' and '_'); the service "
        "takes standard Base64: put '+' for '-' and '/' for '_'",
        "signature.not_base64": "this is not a signature (a signature is Base64 of an HMAC-SHA1 "
        "and a=…&m=…&t=…&e=…): it is not Base64 text",
        "signature.too_short": "this is not a signature (a signature is Base64 of an HMAC-SHA1 "
        "and a=…&m=…&t=…&e=…): too short to hold an HMAC and its text",
        "signature.not_utf8": "this is not a signature (a signature is Base64 of an HMAC-SHA1 "
        "and a=…&m=…&t=…&e=…): the text it holds is not UTF-8",
        "signature.bad_form": "this is not a signature (a signature is Base64 of an HMAC-SHA1 "
        "and a=…&m=…&t=…&e=…): the text it holds is not of the form a=…&m=…&t=…&e=…",
        "signature.forged": "the signature does not verify against this secret key",
        "client.ca_missing": "the CA bundle {path} does not exist",
        "client.token_empty": "the token is empty",
        "client.mode": "{field} must be 0 (with media) or 1 (text only), not {value}",
        "provider.unknown": "unknown verification provider {name} (known: {known})",
        # --- decryption ---------------------------------------------------------------------------
        "crypto.key_length": "the AES result key must be {bytes} bytes (32 characters); the one "
        "configured has {length}",
        "crypto.not_base64": "the encrypted data is not valid standard Base64 (it holds "
        "characters outside A–Z, a–z, 0–9, '+', '/' or misplaced '='): the answer was corrupted",
        "crypto.after_end": "the encrypted data continues after its Base64 end marker '=': it "
        "was corrupted",
        "crypto.cut_short": "the encrypted data's Base64 text is cut short",
        "crypto.not_blocks": "the encrypted data is not a whole number of AES blocks: it was "
        "cut short or corrupted on the way",
        "crypto.wrong_key": "decryption gave noise: the AES result key does not match this data "
        "(check the profile's AES key)",
        "crypto.wrong_rsa_key": "decryption gave noise: the RSA public key does not match this "
        "data (check the profile's public key and crypt type)",
        "crypto.padding": "the data decrypts but its end is damaged (bad PKCS#7 padding): the "
        "answer was altered or cut in transit",
        "base64.after_end": "Base64 text continues after its end marker '='",
        "base64.cut_short": "Base64 text is cut short (its length is not a multiple of 4)",
        "base64.invalid": "the value is not valid standard Base64",
        "payload.noise": "the decrypted data is not text: the AES result key is probably wrong "
        "(check the profile's AES key)",
        "payload.not_object": "the decrypted data is not a JSON object",
        "payload.not_object_kind": "the decrypted data is JSON but not an object (it is {kind})",
        "payload.bad_string": "the decrypted data holds a malformed string",
        "payload.not_json": "the decrypted data is not valid JSON",
        "payload.not_json_at": "the decrypted data is not valid JSON ({reason}, line {line}, "
        "column {column})",
        "payload.not_utf8": "the decrypted data is not valid UTF-8 text",
        "payload.not_well_formed": "the decrypted data is not a well-formed JSON object",
        "json.kind.bool": "true or false",
        "json.kind.number": "a number",
        "json.kind.string": "a string",
        "json.kind.list": "a list",
        "json.kind.object": "an object",
        # --- credentials and profiles (core/config) -----------------------------------------------
        "creds.missing": "missing credentials: {names}",
        "creds.missing_hint": "missing credentials: {names}. {hint}",
        "creds.hint.no_profile": "set {variables}, or add a profile (iauth-desktop profile add "
        "NAME)",
        "creds.hint.other_appid": "set {variables}: {variable} names another appid than profile "
        "{profile}, so that profile's stored secrets are not used",
        "creds.hint.keyring": "set {variables}, or store the secrets of profile {profile} in "
        "the keyring",
        "creds.hint.keyring_unused": "set {variables}, or store the secrets of profile {profile} "
        "in the keyring (the keyring is not used in this mode)",
        "creds.hint.keyring_error": "set {variables}, or store the secrets of profile {profile} "
        "in the keyring ({reason})",
        "secret.kind.secret_key": "secret key",
        "secret.kind.aes_key": "aes key",
        "secret.unknown_kind": "unknown secret kind {kind} (expected one of {kinds})",
        "secret.empty": "the {kind} is empty",
        "secret.not_stored": "secrets were not stored: {reason}",
        "secret.store_refused": "{backend} refused to store the {kind} of profile {profile}: "
        "{reason}",
        "secret.delete_refused": "{backend} refused to delete the secrets of profile "
        "{profile}: {reason}",
        "profile.name_length": "a profile name has 1 to {most} characters",
        "profile.name_char": "profile name {name} contains {char}: use letters, digits, '-', "
        "'_', '.'",
        "profile.name_start": "profile name {name} must start with a letter or digit",
        "profile.appid_length": "an appid has 1 to {most} characters",
        "profile.appid_spaces": "an appid must not contain spaces or control characters",
        "profile.unknown": "no profile named {name} (known profiles: {known})",
        "profile.exists": "a profile named {name} already exists",
        "profile.cannot_read": "cannot read {path}: {reason}",
        "profile.not_json": "{path} is not valid JSON (line {line})",
        "profile.bad_format": "{path} is not a profiles file of format {version}",
        "profile.bad_entry": "{path}: profile {name}: {reason}",
        "profile.cannot_write": "cannot write {path}: {reason}",
        # --- the audit log (core/audit, core/review) ----------------------------------------------
        "audit.not_event": "{event} is not an audit event name",
        "audit.damaged": "the audit log {path} is damaged: {problem}. Nothing more is written "
        "to it until it is looked at: run `iauth-desktop audit verify`",
        "audit.cannot_open": "cannot open the audit log {path}: {reason}",
        "audit.cannot_read": "cannot read the audit log {path}: {reason}",
        "audit.cannot_write": "cannot write the audit log: {reason}",
        "audit.bad_head": "an audit head is SEQ:SHA256 (64 hex digits), not {text}",
        "anchor.cannot_read": "cannot read the audit head anchor {path}: {reason}",
        "anchor.invalid": "the audit head anchor {path} is not a valid anchor: it was changed or "
        "damaged (run `iauth-desktop audit verify`)",
        "anchor.cannot_update": "cannot update the audit head anchor {path}: {reason}",
        "verify.fails": "audit log fails verification: {problem}",
        "verify.fails_at": "audit log {path} fails verification: {problem}",
        "verify.changed_not_entry": "entry {seq} was changed (line {line} is not a valid entry)",
        "verify.changed": "entry {seq} was changed (line {line})",
        "verify.torn_missing": "the torn line recorded by entry {seq} is missing (before line "
        "{line})",
        "verify.twice": "entry {seq} appears twice (again at line {line})",
        "verify.out_of_order": "entries out of order at line {line}",
        "verify.missing_one": "entry {seq} is missing ({jump})",
        "verify.missing_many": "entries {first} to {last} are missing ({jump})",
        "verify.jump": "seq jumps from {last} to {seq}",
        "verify.starts_at": "the log starts at seq {seq}",
        "verify.anchor_missing": "the log holds entries up to seq {seq} but its head anchor "
        "{name} is missing, so entries cut off the end could not be noticed. If this log "
        "predates the anchor, check it against a head recorded elsewhere (`audit verify "
        "--expect-head SEQ:SHA256`), then record the anchor with `iauth-desktop audit anchor`",
        "verify.cut_one": "entry {want} cut off the end: the log ends at seq {head} but its head "
        "anchor {name} records seq {want}",
        "verify.cut_many": "entries {first} to {want} cut off the end: the log ends at seq "
        "{head} but its head anchor {name} records seq {want}",
        "verify.anchor_differs": "entry {seq} was changed (it differs from the head anchor {name})",
        "verify.anchor_behind": "the log goes on to seq {head} but its head anchor {name} "
        "records seq {want}: entries after {want} were written without updating the anchor (a "
        "crash just after writing, or something other than iauth-desktop wrote them). Look at "
        "them (`iauth-desktop audit show`), then record the anchor with `iauth-desktop audit "
        "anchor`",
        "verify.history_ahead": "log ends at seq {head} but the history recorded head seq {want}",
        "verify.history_differs": "entry {seq} was changed (it differs from the recorded head)",
        "guard.not_unicode": "refused to audit {where}: it is not valid Unicode text",
        "guard.id_number": "refused to audit {where}: it looks like a resident ID number",
        "guard.phone": "refused to audit {where}: it looks like a mobile number",
        "guard.key_not_text": "refused to audit {where}: keys must be text",
        "guard.secret": "refused to audit {where}.{key}: secrets never go into the log",
        "guard.not_finite": "refused to audit {where}: not a finite number",
        "guard.not_json": "refused to audit {where}: {kind} is not plain JSON data",
        # --- evidence bundles and exports ---------------------------------------------------------
        "bundle.cannot_write_in": "cannot write the evidence bundle in {folder}: {reason}",
        "bundle.write_failed": "writing the evidence bundle to {path} failed: {reason}",
        "bundle.no_folder": "the folder {folder} does not exist: create it first",
        "bundle.folder_read_only": "the folder {folder} is not writable",
        "bundle.exists": "the output folder {path} already exists and is not empty (choose "
        "another folder, or replace it with --force)",
        "bundle.unknown_provider": "the evidence bundle was made by provider {provider}, which "
        "this version does not know",
        "bundle.case_damaged": "the evidence bundle's {file} is missing or damaged",
        "bundle.mismatch": "the evidence bundle {path} does not match its manifest ({check})",
        "bundle.check.changed": "changed: {names}",
        "bundle.check.missing": "missing: {names}",
        "bundle.check.unexpected": "unexpected: {names}",
        "bundle.check.fine": "every file matches the manifest",
        "bundle.manifest_changed": "{path} changed while it was being read",
        "bundle.no_manifest": "{path} has no {file}: it is not an evidence bundle",
        "bundle.manifest_damaged": "the evidence bundle's {file} is damaged",
        "bundle.format": "the evidence bundle has format {format}; this version reads formats "
        "1 to {version}",
        "bundle.manifest_files": "the evidence bundle's {file} lists files it cannot hold",
        "export.no_folder": "cannot export: the folder {folder} does not exist",
        "export.into_bundle": "cannot export the evidence bundle {bundle} into itself or over "
        "it: choose a place outside the bundle",
        "export.zip_is_folder": "{path} is a folder; give the zip file's name",
        "export.exists": "{path} already exists (choose another name, or replace it with --force)",
        "export.cannot_write_to": "cannot export to {folder}: {reason}",
        "export.appeared": "{path} appeared while the export was being made",
        "export.no_reviewer": "an export needs the reviewer's name",
        "export.failed": "exporting to {path} failed: {reason}",
        "export.zip_only": "only a zip can be encrypted: give a target ending in .zip",
        "export.empty_password": "the export's password is empty",
        "export.password_unicode": "the export's password is not valid Unicode text",
        "export.member_changed": "{name} changed while the export was being written",
        "export.zip_incomplete": "the zip written to {path} does not hold the export's files",
        "export.zip_differs": "{name} reads back differently from the zip",
        "export.zip_unreadable": "the zip written to {path} cannot be read back: {reason}",
        "export.file_changed": "the evidence file {name} changed while it was being exported",
        "export.manifest_changed": "the bundle's {file} changed while it was being exported",
        "export.report_not_file": "the report {path} is not a file",
        "export.report_elsewhere": "the report was written to {written}, not to {path}",
        "export.report_changed": "the report changed between being written and being exported",
        # --- decisions and the case history -------------------------------------------------------
        "decision.no_reviewer": "A decision needs the reviewer's name.",
        "decision.no_reason": "A rejection needs a reason.",
        "decision.other_words": 'The reason "Other" needs a few words saying what it is.',
        "decision.reason_only_reject": "Only a rejection takes a reason; put anything else in "
        "the notes.",
        "decision.justify": "This case's verdict is {verdict}: approving it needs a written "
        "justification of at least {least} characters.",
        "decision.replace_recorded": "A decision can only replace a recorded decision.",
        "decision.too_long": "The {label} is too long (at most {most} characters).",
        "decision.personal": "The {label} seems to hold a full ID or phone number; the case "
        "history keeps no identity numbers. Write only the last four digits.",
        "decision.label.reason": "reason",
        "decision.label.justification": "justification",
        "decision.label.notes": "notes",
        "decision.only_recorded": "Only a recorded decision can be replaced.",
        "decision.unknown_action": "Unknown decision {value}; choose one of {choices}.",
        "decision.unknown_reason": "Unknown reason {value}; choose one of {choices}.",
        "decision.not_on_case": "Decision #{supersedes} is not a decision on this case; nothing "
        "can be replaced.",
        "decision.must_replace": "This case already has a decision (#{latest}); a change must "
        "say it replaces it.",
        "decision.already_replaced": "Decision #{supersedes} has already been replaced; the "
        "case's latest decision is #{latest}. Look at it before recording a change.",
        "history.no_token": "A case needs its token to be recorded.",
        "history.no_reviewer": "A case needs the reviewer's name to be recorded.",
        "history.record_first": "No case {token} in the history; record the case first.",
        "history.export_personal": "The export path seems to hold a full ID or phone number, "
        "which the case history never keeps; export under a name without it.",
        "history.negative_retention": "The retention period cannot be negative.",
        "history.no_case": "No case {token} in the history.",
        "history.unreadable": "The case history could not be read: {reason}",
        "history.unwritable": "The case history could not be written: {reason}",
        "history.bad_head": "The audit head must be a sequence number and a SHA-256 hex digest.",
        "history.newer": "The case history was written by a newer iauth-desktop (schema "
        "{version}; this version reads up to {supported}).",
        "history.foreign": "The file holds tables that are not a case history.",
        "history.cannot_open": "The case history {path} cannot be opened: {reason}",
        "history.unusable": "{path} is not a usable case history: {reason}",
    }
)
