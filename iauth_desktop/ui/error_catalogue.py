"""The core's error messages in the reviewer's language: one literal per message key of
``core/model/messages.py`` (``QCoreApplication.translate("Errors", ...)``, so
``pyside6-lupdate`` extracts it). Each English text is the core's template word for word (a test
holds them together); ``ui/error_text.py`` fills them in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def error_templates() -> dict[str, str]:
    """Key -> template in the language installed now (rebuilt on each call)."""
    return {
        "net.reason.dns": QCoreApplication.translate(
            "Errors", "the host name could not be resolved (DNS)"
        ),
        "net.reason.refused": QCoreApplication.translate(
            "Errors", "the connection was refused (nothing listens there)"
        ),
        "net.reason.reset": QCoreApplication.translate(
            "Errors", "the connection was reset by the other side"
        ),
        "net.reason.aborted": QCoreApplication.translate("Errors", "the connection was aborted"),
        "net.reason.closed": QCoreApplication.translate(
            "Errors", "the server closed the connection without answering"
        ),
        "net.reason.closed_mid_answer": QCoreApplication.translate(
            "Errors", "the server closed the connection mid-answer"
        ),
        "net.reason.timed_out": QCoreApplication.translate("Errors", "the network timed out"),
        "net.reason.broken_pipe": QCoreApplication.translate(
            "Errors", "the connection broke while the request was sent"
        ),
        "net.reason.read_timeout": QCoreApplication.translate(
            "Errors", "no data arrived within the read timeout"
        ),
        "net.reason.failed": QCoreApplication.translate("Errors", "the connection failed"),
        "net.tls": QCoreApplication.translate(
            "Errors",
            "the TLS connection failed (certificate not trusted, or not the service): check "
            "the endpoint and the CA bundle setting",
        ),
        "net.proxy": QCoreApplication.translate("Errors", "the proxy could not be used: {reason}"),
        "net.connect_timeout": QCoreApplication.translate(
            "Errors", "no connection within {seconds} s"
        ),
        "net.read_timeout": QCoreApplication.translate(
            "Errors", "the service did not answer within {seconds} s"
        ),
        "net.request_failed": QCoreApplication.translate("Errors", "the request failed: {reason}"),
        "net.decompress": QCoreApplication.translate(
            "Errors", "the compressed answer could not be decompressed"
        ),
        "net.broke_off": QCoreApplication.translate(
            "Errors", "the answer broke off after {received} bytes: {reason}"
        ),
        "net.broke_off_announced": QCoreApplication.translate(
            "Errors",
            "the answer broke off after {received} bytes, {expected} more were announced: {reason}",
        ),
        "net.gave_up_once": QCoreApplication.translate(
            "Errors", "could not get an answer from {host} after 1 attempt: {reason}"
        ),
        "net.gave_up": QCoreApplication.translate(
            "Errors", "could not get an answer from {host} after {count} attempts: {reason}"
        ),
        "http.status": QCoreApplication.translate(
            "Errors", "the service answered HTTP {status}: {excerpt}"
        ),
        "http.status_gave_up_once": QCoreApplication.translate(
            "Errors", "the service answered HTTP {status}: {excerpt} (gave up after 1 attempt)"
        ),
        "http.status_gave_up": QCoreApplication.translate(
            "Errors",
            "the service answered HTTP {status}: {excerpt} (gave up after {count} attempts)",
        ),
        "response.too_large": QCoreApplication.translate(
            "Errors", "the answer is larger than the configured limit of {limit} bytes"
        ),
        "response.malformed_status": QCoreApplication.translate(
            "Errors", "{problem}; HTTP {status}"
        ),
        "response.malformed_excerpt": QCoreApplication.translate(
            "Errors", "{problem}; begins {excerpt}"
        ),
        "response.malformed_both": QCoreApplication.translate(
            "Errors", "{problem}; HTTP {status}; begins {excerpt}"
        ),
        "endpoint.empty": QCoreApplication.translate("Errors", "the endpoint URL is empty"),
        "endpoint.spaces": QCoreApplication.translate(
            "Errors", "the endpoint URL contains spaces or control characters"
        ),
        "endpoint.unusable": QCoreApplication.translate(
            "Errors", "the endpoint URL is not usable: {reason}"
        ),
        "endpoint.scheme": QCoreApplication.translate(
            "Errors", "the endpoint must be an https:// URL (got {scheme}://)"
        ),
        "endpoint.no_scheme": QCoreApplication.translate(
            "Errors", "the endpoint must be an https:// URL (got no scheme)"
        ),
        "endpoint.userinfo": QCoreApplication.translate(
            "Errors", "the endpoint URL must not contain a user name or password (user:pass@host)"
        ),
        "endpoint.no_host": QCoreApplication.translate("Errors", "the endpoint URL has no host"),
        "endpoint.fragment": QCoreApplication.translate(
            "Errors", "the endpoint URL must not contain a fragment (#...)"
        ),
        "endpoint.plain_http": QCoreApplication.translate(
            "Errors",
            "plain http:// is only allowed to a loopback host (127.0.0.1, ::1, localhost), "
            "not to {host}: use https://",
        ),
        "options.seconds": QCoreApplication.translate(
            "Errors", "{name} must be a positive number of seconds, not {value}"
        ),
        "options.retries": QCoreApplication.translate(
            "Errors", "retries must be a whole number from 0 to 20, not {value}"
        ),
        "options.backoff": QCoreApplication.translate(
            "Errors", "backoff must be zero or more seconds, not {value}"
        ),
        "options.encoding": QCoreApplication.translate(
            "Errors", "body_encoding must be 'json' or 'form', not {value}"
        ),
        "options.max_bytes": QCoreApplication.translate(
            "Errors", "max_response_bytes must be a positive number of bytes"
        ),
        "options.signature_expire": QCoreApplication.translate(
            "Errors", "signature_expire must be a positive number of seconds"
        ),
        "service.unknown_code": QCoreApplication.translate(
            "Errors", "unknown service error code {code}"
        ),
        "service.error": QCoreApplication.translate(
            "Errors", "service error {code} {name}: {meaning} (service said: {errormsg})"
        ),
        "answer.empty": QCoreApplication.translate("Errors", "the answer is empty"),
        "answer.not_json": QCoreApplication.translate(
            "Errors", "the answer is not the JSON object the protocol describes"
        ),
        "answer.truncated": QCoreApplication.translate(
            "Errors",
            "the answer stopped after {received} bytes, before its JSON object was "
            "complete: the connection was cut or the server gave up",
        ),
        "answer.no_code": QCoreApplication.translate("Errors", "the answer has no {field}"),
        "answer.no_data": QCoreApplication.translate(
            "Errors", "the answer has {field} 0 but no data"
        ),
        "answer.trailing": QCoreApplication.translate(
            "Errors", "the answer goes on after its JSON object"
        ),
        "answer.unexpected": QCoreApplication.translate(
            "Errors", "unexpected {char} in the answer's JSON"
        ),
        "answer.two_data": QCoreApplication.translate("Errors", "the answer has two data values"),
        "answer.too_many": QCoreApplication.translate(
            "Errors", "the answer holds unreasonably many values besides data"
        ),
        "answer.bad_value": QCoreApplication.translate(
            "Errors", "a value in the answer is not valid JSON"
        ),
        "answer.key_not_text": QCoreApplication.translate(
            "Errors", "a key in the answer's JSON is not a string"
        ),
        "answer.two_codes": QCoreApplication.translate(
            "Errors", "the answer has two {field} values"
        ),
        "answer.code_not_number": QCoreApplication.translate(
            "Errors", "the answer's {field} is not a number: {value}"
        ),
        "answer.code_implausible": QCoreApplication.translate(
            "Errors", "the answer's {field} is implausibly large: {value}"
        ),
        "answer.too_long": QCoreApplication.translate(
            "Errors", "a value in the answer is unreasonably long"
        ),
        "answer.too_deep": QCoreApplication.translate(
            "Errors", "a value in the answer is nested too deeply"
        ),
        "answer.broken_escape": QCoreApplication.translate(
            "Errors", "the answer's data holds a broken Unicode escape"
        ),
        "answer.bad_escape": QCoreApplication.translate(
            "Errors", "the answer's data holds an invalid escape {escape}"
        ),
        "signature.needs_all": QCoreApplication.translate(
            "Errors", "appid, secret key and apiName are all needed to sign"
        ),
        "signature.expire": QCoreApplication.translate(
            "Errors", "the signature's validity (expire) must be a positive number"
        ),
        "signature.url_safe": QCoreApplication.translate(
            "Errors",
            "the signature is in URL-safe Base64 ('-' and '_'); the service takes standard "
            "Base64: put '+' for '-' and '/' for '_'",
        ),
        "signature.not_base64": QCoreApplication.translate(
            "Errors",
            "this is not a signature (a signature is Base64 of an HMAC-SHA1 and "
            "a=…&m=…&t=…&e=…): it is not Base64 text",
        ),
        "signature.too_short": QCoreApplication.translate(
            "Errors",
            "this is not a signature (a signature is Base64 of an HMAC-SHA1 and "
            "a=…&m=…&t=…&e=…): too short to hold an HMAC and its text",
        ),
        "signature.not_utf8": QCoreApplication.translate(
            "Errors",
            "this is not a signature (a signature is Base64 of an HMAC-SHA1 and "
            "a=…&m=…&t=…&e=…): the text it holds is not UTF-8",
        ),
        "signature.bad_form": QCoreApplication.translate(
            "Errors",
            "this is not a signature (a signature is Base64 of an HMAC-SHA1 and "
            "a=…&m=…&t=…&e=…): the text it holds is not of the form a=…&m=…&t=…&e=…",
        ),
        "signature.forged": QCoreApplication.translate(
            "Errors", "the signature does not verify against this secret key"
        ),
        "client.ca_missing": QCoreApplication.translate(
            "Errors", "the CA bundle {path} does not exist"
        ),
        "client.token_empty": QCoreApplication.translate("Errors", "the token is empty"),
        "client.mode": QCoreApplication.translate(
            "Errors", "{field} must be 0 (with media) or 1 (text only), not {value}"
        ),
        "provider.unknown": QCoreApplication.translate(
            "Errors", "unknown verification provider {name} (known: {known})"
        ),
        "crypto.key_length": QCoreApplication.translate(
            "Errors",
            "the AES result key must be {bytes} bytes (32 characters); the one configured "
            "has {length}",
        ),
        "crypto.not_base64": QCoreApplication.translate(
            "Errors",
            "the encrypted data is not valid standard Base64 (it holds characters outside "
            "A–Z, a–z, 0–9, '+', '/' or misplaced '='): the answer was corrupted",
        ),
        "crypto.after_end": QCoreApplication.translate(
            "Errors",
            "the encrypted data continues after its Base64 end marker '=': it was corrupted",
        ),
        "crypto.cut_short": QCoreApplication.translate(
            "Errors", "the encrypted data's Base64 text is cut short"
        ),
        "crypto.not_blocks": QCoreApplication.translate(
            "Errors",
            "the encrypted data is not a whole number of AES blocks: it was cut short or "
            "corrupted on the way",
        ),
        "crypto.wrong_rsa_key": QCoreApplication.translate(
            "Errors",
            "decryption gave noise: the RSA public key does not match this data (check the "
            "profile's public key and crypt type)",
        ),
        "crypto.wrong_key": QCoreApplication.translate(
            "Errors",
            "decryption gave noise: the AES result key does not match this data (check the "
            "profile's AES key)",
        ),
        "crypto.padding": QCoreApplication.translate(
            "Errors",
            "the data decrypts but its end is damaged (bad PKCS#7 padding): the answer was "
            "altered or cut in transit",
        ),
        "base64.after_end": QCoreApplication.translate(
            "Errors", "Base64 text continues after its end marker '='"
        ),
        "base64.cut_short": QCoreApplication.translate(
            "Errors", "Base64 text is cut short (its length is not a multiple of 4)"
        ),
        "base64.invalid": QCoreApplication.translate(
            "Errors", "the value is not valid standard Base64"
        ),
        "payload.noise": QCoreApplication.translate(
            "Errors",
            "the decrypted data is not text: the AES result key is probably wrong (check "
            "the profile's AES key)",
        ),
        "payload.not_object": QCoreApplication.translate(
            "Errors", "the decrypted data is not a JSON object"
        ),
        "payload.not_object_kind": QCoreApplication.translate(
            "Errors", "the decrypted data is JSON but not an object (it is {kind})"
        ),
        "payload.bad_string": QCoreApplication.translate(
            "Errors", "the decrypted data holds a malformed string"
        ),
        "payload.not_json": QCoreApplication.translate(
            "Errors", "the decrypted data is not valid JSON"
        ),
        "payload.not_json_at": QCoreApplication.translate(
            "Errors",
            "the decrypted data is not valid JSON ({reason}, line {line}, column {column})",
        ),
        "payload.not_utf8": QCoreApplication.translate(
            "Errors", "the decrypted data is not valid UTF-8 text"
        ),
        "payload.not_well_formed": QCoreApplication.translate(
            "Errors", "the decrypted data is not a well-formed JSON object"
        ),
        "json.kind.bool": QCoreApplication.translate("Errors", "true or false"),
        "json.kind.number": QCoreApplication.translate("Errors", "a number"),
        "json.kind.string": QCoreApplication.translate("Errors", "a string"),
        "json.kind.list": QCoreApplication.translate("Errors", "a list"),
        "json.kind.object": QCoreApplication.translate("Errors", "an object"),
        "creds.missing": QCoreApplication.translate("Errors", "missing credentials: {names}"),
        "creds.missing_hint": QCoreApplication.translate(
            "Errors", "missing credentials: {names}. {hint}"
        ),
        "creds.hint.no_profile": QCoreApplication.translate(
            "Errors", "set {variables}, or add a profile (iauth-desktop profile add NAME)"
        ),
        "creds.hint.other_appid": QCoreApplication.translate(
            "Errors",
            "set {variables}: {variable} names another appid than profile {profile}, so "
            "that profile's stored secrets are not used",
        ),
        "creds.hint.keyring": QCoreApplication.translate(
            "Errors", "set {variables}, or store the secrets of profile {profile} in the keyring"
        ),
        "creds.hint.keyring_unused": QCoreApplication.translate(
            "Errors",
            "set {variables}, or store the secrets of profile {profile} in the keyring (the "
            "keyring is not used in this mode)",
        ),
        "creds.hint.keyring_error": QCoreApplication.translate(
            "Errors",
            "set {variables}, or store the secrets of profile {profile} in the keyring ({reason})",
        ),
        "secret.kind.secret_key": QCoreApplication.translate("Errors", "secret key"),
        "secret.kind.aes_key": QCoreApplication.translate("Errors", "aes key"),
        "secret.unknown_kind": QCoreApplication.translate(
            "Errors", "unknown secret kind {kind} (expected one of {kinds})"
        ),
        "secret.empty": QCoreApplication.translate("Errors", "the {kind} is empty"),
        "secret.not_stored": QCoreApplication.translate(
            "Errors", "secrets were not stored: {reason}"
        ),
        "secret.store_refused": QCoreApplication.translate(
            "Errors", "{backend} refused to store the {kind} of profile {profile}: {reason}"
        ),
        "secret.delete_refused": QCoreApplication.translate(
            "Errors", "{backend} refused to delete the secrets of profile {profile}: {reason}"
        ),
        "profile.name_length": QCoreApplication.translate(
            "Errors", "a profile name has 1 to {most} characters"
        ),
        "profile.name_char": QCoreApplication.translate(
            "Errors", "profile name {name} contains {char}: use letters, digits, '-', '_', '.'"
        ),
        "profile.name_start": QCoreApplication.translate(
            "Errors", "profile name {name} must start with a letter or digit"
        ),
        "profile.appid_length": QCoreApplication.translate(
            "Errors", "an appid has 1 to {most} characters"
        ),
        "profile.appid_spaces": QCoreApplication.translate(
            "Errors", "an appid must not contain spaces or control characters"
        ),
        "profile.unknown": QCoreApplication.translate(
            "Errors", "no profile named {name} (known profiles: {known})"
        ),
        "profile.exists": QCoreApplication.translate(
            "Errors", "a profile named {name} already exists"
        ),
        "profile.cannot_read": QCoreApplication.translate("Errors", "cannot read {path}: {reason}"),
        "profile.not_json": QCoreApplication.translate(
            "Errors", "{path} is not valid JSON (line {line})"
        ),
        "profile.bad_format": QCoreApplication.translate(
            "Errors", "{path} is not a profiles file of format {version}"
        ),
        "profile.bad_entry": QCoreApplication.translate(
            "Errors", "{path}: profile {name}: {reason}"
        ),
        "profile.cannot_write": QCoreApplication.translate(
            "Errors", "cannot write {path}: {reason}"
        ),
        "audit.not_event": QCoreApplication.translate(
            "Errors", "{event} is not an audit event name"
        ),
        "audit.damaged": QCoreApplication.translate(
            "Errors",
            "the audit log {path} is damaged: {problem}. Nothing more is written to it "
            "until it is looked at: run `iauth-desktop audit verify`",
        ),
        "audit.cannot_open": QCoreApplication.translate(
            "Errors", "cannot open the audit log {path}: {reason}"
        ),
        "audit.cannot_read": QCoreApplication.translate(
            "Errors", "cannot read the audit log {path}: {reason}"
        ),
        "audit.cannot_write": QCoreApplication.translate(
            "Errors", "cannot write the audit log: {reason}"
        ),
        "audit.bad_head": QCoreApplication.translate(
            "Errors", "an audit head is SEQ:SHA256 (64 hex digits), not {text}"
        ),
        "anchor.cannot_read": QCoreApplication.translate(
            "Errors", "cannot read the audit head anchor {path}: {reason}"
        ),
        "anchor.invalid": QCoreApplication.translate(
            "Errors",
            "the audit head anchor {path} is not a valid anchor: it was changed or damaged "
            "(run `iauth-desktop audit verify`)",
        ),
        "anchor.cannot_update": QCoreApplication.translate(
            "Errors", "cannot update the audit head anchor {path}: {reason}"
        ),
        "verify.fails": QCoreApplication.translate(
            "Errors", "audit log fails verification: {problem}"
        ),
        "verify.fails_at": QCoreApplication.translate(
            "Errors", "audit log {path} fails verification: {problem}"
        ),
        "verify.changed_not_entry": QCoreApplication.translate(
            "Errors", "entry {seq} was changed (line {line} is not a valid entry)"
        ),
        "verify.changed": QCoreApplication.translate(
            "Errors", "entry {seq} was changed (line {line})"
        ),
        "verify.torn_missing": QCoreApplication.translate(
            "Errors", "the torn line recorded by entry {seq} is missing (before line {line})"
        ),
        "verify.twice": QCoreApplication.translate(
            "Errors", "entry {seq} appears twice (again at line {line})"
        ),
        "verify.out_of_order": QCoreApplication.translate(
            "Errors", "entries out of order at line {line}"
        ),
        "verify.missing_one": QCoreApplication.translate(
            "Errors", "entry {seq} is missing ({jump})"
        ),
        "verify.missing_many": QCoreApplication.translate(
            "Errors", "entries {first} to {last} are missing ({jump})"
        ),
        "verify.jump": QCoreApplication.translate("Errors", "seq jumps from {last} to {seq}"),
        "verify.starts_at": QCoreApplication.translate("Errors", "the log starts at seq {seq}"),
        "verify.anchor_missing": QCoreApplication.translate(
            "Errors",
            "the log holds entries up to seq {seq} but its head anchor {name} is missing, "
            "so entries cut off the end could not be noticed. If this log predates the "
            "anchor, check it against a head recorded elsewhere (`audit verify "
            "--expect-head SEQ:SHA256`), then record the anchor with `iauth-desktop audit "
            "anchor`",
        ),
        "verify.cut_one": QCoreApplication.translate(
            "Errors",
            "entry {want} cut off the end: the log ends at seq {head} but its head anchor "
            "{name} records seq {want}",
        ),
        "verify.cut_many": QCoreApplication.translate(
            "Errors",
            "entries {first} to {want} cut off the end: the log ends at seq {head} but its "
            "head anchor {name} records seq {want}",
        ),
        "verify.anchor_differs": QCoreApplication.translate(
            "Errors", "entry {seq} was changed (it differs from the head anchor {name})"
        ),
        "verify.anchor_behind": QCoreApplication.translate(
            "Errors",
            "the log goes on to seq {head} but its head anchor {name} records seq {want}: "
            "entries after {want} were written without updating the anchor (a crash just "
            "after writing, or something other than iauth-desktop wrote them). Look at them "
            "(`iauth-desktop audit show`), then record the anchor with `iauth-desktop audit "
            "anchor`",
        ),
        "verify.history_ahead": QCoreApplication.translate(
            "Errors", "log ends at seq {head} but the history recorded head seq {want}"
        ),
        "verify.history_differs": QCoreApplication.translate(
            "Errors", "entry {seq} was changed (it differs from the recorded head)"
        ),
        "guard.not_unicode": QCoreApplication.translate(
            "Errors", "refused to audit {where}: it is not valid Unicode text"
        ),
        "guard.id_number": QCoreApplication.translate(
            "Errors", "refused to audit {where}: it looks like a resident ID number"
        ),
        "guard.phone": QCoreApplication.translate(
            "Errors", "refused to audit {where}: it looks like a mobile number"
        ),
        "guard.key_not_text": QCoreApplication.translate(
            "Errors", "refused to audit {where}: keys must be text"
        ),
        "guard.secret": QCoreApplication.translate(
            "Errors", "refused to audit {where}.{key}: secrets never go into the log"
        ),
        "guard.not_finite": QCoreApplication.translate(
            "Errors", "refused to audit {where}: not a finite number"
        ),
        "guard.not_json": QCoreApplication.translate(
            "Errors", "refused to audit {where}: {kind} is not plain JSON data"
        ),
        "bundle.cannot_write_in": QCoreApplication.translate(
            "Errors", "cannot write the evidence bundle in {folder}: {reason}"
        ),
        "bundle.write_failed": QCoreApplication.translate(
            "Errors", "writing the evidence bundle to {path} failed: {reason}"
        ),
        "bundle.no_folder": QCoreApplication.translate(
            "Errors", "the folder {folder} does not exist: create it first"
        ),
        "bundle.folder_read_only": QCoreApplication.translate(
            "Errors", "the folder {folder} is not writable"
        ),
        "bundle.exists": QCoreApplication.translate(
            "Errors",
            "the output folder {path} already exists and is not empty (choose another "
            "folder, or replace it with --force)",
        ),
        "bundle.unknown_provider": QCoreApplication.translate(
            "Errors",
            "the evidence bundle was made by provider {provider}, which this version does not know",
        ),
        "bundle.case_damaged": QCoreApplication.translate(
            "Errors", "the evidence bundle's {file} is missing or damaged"
        ),
        "bundle.mismatch": QCoreApplication.translate(
            "Errors", "the evidence bundle {path} does not match its manifest ({check})"
        ),
        "bundle.check.changed": QCoreApplication.translate("Errors", "changed: {names}"),
        "bundle.check.missing": QCoreApplication.translate("Errors", "missing: {names}"),
        "bundle.check.unexpected": QCoreApplication.translate("Errors", "unexpected: {names}"),
        "bundle.check.fine": QCoreApplication.translate(
            "Errors", "every file matches the manifest"
        ),
        "bundle.manifest_changed": QCoreApplication.translate(
            "Errors", "{path} changed while it was being read"
        ),
        "bundle.no_manifest": QCoreApplication.translate(
            "Errors", "{path} has no {file}: it is not an evidence bundle"
        ),
        "bundle.manifest_damaged": QCoreApplication.translate(
            "Errors", "the evidence bundle's {file} is damaged"
        ),
        "bundle.format": QCoreApplication.translate(
            "Errors",
            "the evidence bundle has format {format}; this version reads formats 1 to {version}",
        ),
        "bundle.manifest_files": QCoreApplication.translate(
            "Errors", "the evidence bundle's {file} lists files it cannot hold"
        ),
        "export.no_folder": QCoreApplication.translate(
            "Errors", "cannot export: the folder {folder} does not exist"
        ),
        "export.into_bundle": QCoreApplication.translate(
            "Errors",
            "cannot export the evidence bundle {bundle} into itself or over it: choose a "
            "place outside the bundle",
        ),
        "export.zip_is_folder": QCoreApplication.translate(
            "Errors", "{path} is a folder; give the zip file's name"
        ),
        "export.exists": QCoreApplication.translate(
            "Errors", "{path} already exists (choose another name, or replace it with --force)"
        ),
        "export.cannot_write_to": QCoreApplication.translate(
            "Errors", "cannot export to {folder}: {reason}"
        ),
        "export.appeared": QCoreApplication.translate(
            "Errors", "{path} appeared while the export was being made"
        ),
        "export.no_reviewer": QCoreApplication.translate(
            "Errors", "an export needs the reviewer's name"
        ),
        "export.failed": QCoreApplication.translate(
            "Errors", "exporting to {path} failed: {reason}"
        ),
        "export.zip_only": QCoreApplication.translate(
            "Errors", "only a zip can be encrypted: give a target ending in .zip"
        ),
        "export.empty_password": QCoreApplication.translate(
            "Errors", "the export's password is empty"
        ),
        "export.password_unicode": QCoreApplication.translate(
            "Errors", "the export's password is not valid Unicode text"
        ),
        "export.member_changed": QCoreApplication.translate(
            "Errors", "{name} changed while the export was being written"
        ),
        "export.zip_incomplete": QCoreApplication.translate(
            "Errors", "the zip written to {path} does not hold the export's files"
        ),
        "export.zip_differs": QCoreApplication.translate(
            "Errors", "{name} reads back differently from the zip"
        ),
        "export.zip_unreadable": QCoreApplication.translate(
            "Errors", "the zip written to {path} cannot be read back: {reason}"
        ),
        "export.file_changed": QCoreApplication.translate(
            "Errors", "the evidence file {name} changed while it was being exported"
        ),
        "export.manifest_changed": QCoreApplication.translate(
            "Errors", "the bundle's {file} changed while it was being exported"
        ),
        "export.report_not_file": QCoreApplication.translate(
            "Errors", "the report {path} is not a file"
        ),
        "export.report_elsewhere": QCoreApplication.translate(
            "Errors", "the report was written to {written}, not to {path}"
        ),
        "export.report_changed": QCoreApplication.translate(
            "Errors", "the report changed between being written and being exported"
        ),
        "decision.no_reviewer": QCoreApplication.translate(
            "Errors", "A decision needs the reviewer's name."
        ),
        "decision.no_reason": QCoreApplication.translate("Errors", "A rejection needs a reason."),
        "decision.other_words": QCoreApplication.translate(
            "Errors", 'The reason "Other" needs a few words saying what it is.'
        ),
        "decision.reason_only_reject": QCoreApplication.translate(
            "Errors", "Only a rejection takes a reason; put anything else in the notes."
        ),
        "decision.justify": QCoreApplication.translate(
            "Errors",
            "This case's verdict is {verdict}: approving it needs a written justification "
            "of at least {least} characters.",
        ),
        "decision.replace_recorded": QCoreApplication.translate(
            "Errors", "A decision can only replace a recorded decision."
        ),
        "decision.too_long": QCoreApplication.translate(
            "Errors", "The {label} is too long (at most {most} characters)."
        ),
        "decision.personal": QCoreApplication.translate(
            "Errors",
            "The {label} seems to hold a full ID or phone number; the case history keeps no "
            "identity numbers. Write only the last four digits.",
        ),
        "decision.label.reason": QCoreApplication.translate("Errors", "reason"),
        "decision.label.justification": QCoreApplication.translate("Errors", "justification"),
        "decision.label.notes": QCoreApplication.translate("Errors", "notes"),
        "decision.only_recorded": QCoreApplication.translate(
            "Errors", "Only a recorded decision can be replaced."
        ),
        "decision.unknown_action": QCoreApplication.translate(
            "Errors", "Unknown decision {value}; choose one of {choices}."
        ),
        "decision.unknown_reason": QCoreApplication.translate(
            "Errors", "Unknown reason {value}; choose one of {choices}."
        ),
        "decision.not_on_case": QCoreApplication.translate(
            "Errors",
            "Decision #{supersedes} is not a decision on this case; nothing can be replaced.",
        ),
        "decision.must_replace": QCoreApplication.translate(
            "Errors",
            "This case already has a decision (#{latest}); a change must say it replaces it.",
        ),
        "decision.already_replaced": QCoreApplication.translate(
            "Errors",
            "Decision #{supersedes} has already been replaced; the case's latest decision "
            "is #{latest}. Look at it before recording a change.",
        ),
        "history.no_token": QCoreApplication.translate(
            "Errors", "A case needs its token to be recorded."
        ),
        "history.no_reviewer": QCoreApplication.translate(
            "Errors", "A case needs the reviewer's name to be recorded."
        ),
        "history.record_first": QCoreApplication.translate(
            "Errors", "No case {token} in the history; record the case first."
        ),
        "history.export_personal": QCoreApplication.translate(
            "Errors",
            "The export path seems to hold a full ID or phone number, which the case "
            "history never keeps; export under a name without it.",
        ),
        "history.negative_retention": QCoreApplication.translate(
            "Errors", "The retention period cannot be negative."
        ),
        "history.no_case": QCoreApplication.translate("Errors", "No case {token} in the history."),
        "history.unreadable": QCoreApplication.translate(
            "Errors", "The case history could not be read: {reason}"
        ),
        "history.unwritable": QCoreApplication.translate(
            "Errors", "The case history could not be written: {reason}"
        ),
        "history.bad_head": QCoreApplication.translate(
            "Errors", "The audit head must be a sequence number and a SHA-256 hex digest."
        ),
        "history.newer": QCoreApplication.translate(
            "Errors",
            "The case history was written by a newer iauth-desktop (schema {version}; this "
            "version reads up to {supported}).",
        ),
        "history.foreign": QCoreApplication.translate(
            "Errors", "The file holds tables that are not a case history."
        ),
        "history.cannot_open": QCoreApplication.translate(
            "Errors", "The case history {path} cannot be opened: {reason}"
        ),
        "history.unusable": QCoreApplication.translate(
            "Errors", "{path} is not a usable case history: {reason}"
        ),
    }
