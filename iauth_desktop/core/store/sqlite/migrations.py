"""The case history's schema scripts, frozen as each version first shipped.

Version 1 was written when the app knew one service, so its columns carry that service's wire
names; version 2 renames them to the neutral stages and records the provider and fetch mode.
These scripts are history: they are never edited, only followed by new ones. (The field-name
test allows this one module to spell the legacy names, for the migration alone.)
"""

from __future__ import annotations

# The codes are spelt out, not generated from the enums: a new code needs a new schema version.
SCHEMA_V1 = """
CREATE TABLE cases (
    token           TEXT PRIMARY KEY NOT NULL CHECK (length(token) > 0),
    fetched_at      TEXT NOT NULL,
    verdict         TEXT NOT NULL CHECK (verdict IN ('passed', 'failed', 'incomplete')),
    failed_stages   TEXT NOT NULL DEFAULT '',
    yt_errorcode    INTEGER,
    yt_errormsg     TEXT NOT NULL DEFAULT '',
    livestatus      INTEGER,
    livemsg         TEXT NOT NULL DEFAULT '',
    comparestatus   INTEGER,
    comparemsg      TEXT NOT NULL DEFAULT '',
    info_type       INTEGER,
    masked_name     TEXT NOT NULL DEFAULT '',
    profile_name    TEXT,
    endpoint_host   TEXT NOT NULL DEFAULT '',
    reviewer        TEXT NOT NULL,
    notes           TEXT NOT NULL DEFAULT '',
    export_path     TEXT,
    audit_seq       INTEGER,
    audit_sha256    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE decisions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    token           TEXT NOT NULL REFERENCES cases (token),
    action          TEXT NOT NULL CHECK (action IN ('approve', 'reject', 'escalate')),
    reason          TEXT CHECK (reason IS NULL OR reason IN ('id_mismatch', 'id_expired',
                        'liveness_doubt', 'face_mismatch', 'poor_quality', 'suspected_fraud',
                        'other')),
    reason_text     TEXT NOT NULL DEFAULT '',
    justification   TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    reviewer        TEXT NOT NULL CHECK (length(reviewer) > 0),
    decided_at      TEXT NOT NULL,
    supersedes      INTEGER UNIQUE REFERENCES decisions (id),
    CHECK ((action = 'reject') = (reason IS NOT NULL))
);
CREATE INDEX decisions_by_token ON decisions (token);
CREATE INDEX cases_by_fetched_at ON cases (fetched_at);

-- The decision no later decision supersedes: the head of each case's chain.
CREATE VIEW latest_decisions AS
    SELECT d.* FROM decisions AS d
    WHERE NOT EXISTS (SELECT 1 FROM decisions AS n WHERE n.supersedes = d.id);

CREATE TABLE purge_permits (token TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;

CREATE TRIGGER decisions_never_updated BEFORE UPDATE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'a recorded decision is never changed; record a new one instead');
END;

CREATE TRIGGER decisions_deleted_only_by_purge BEFORE DELETE ON decisions
WHEN NOT EXISTS (SELECT 1 FROM purge_permits WHERE token = OLD.token)
BEGIN
    SELECT RAISE(ABORT, 'decisions are removed only with their case by the retention purge');
END;

CREATE TRIGGER cases_deleted_only_by_purge BEFORE DELETE ON cases
WHEN NOT EXISTS (SELECT 1 FROM purge_permits WHERE token = OLD.token)
BEGIN
    SELECT RAISE(ABORT, 'cases are removed only by the retention purge');
END;

CREATE TRIGGER cases_token_fixed BEFORE UPDATE OF token ON cases
WHEN NEW.token IS NOT OLD.token
BEGIN
    SELECT RAISE(ABORT, 'a case keeps its token');
END;

CREATE TRIGGER decisions_supersede_within_case BEFORE INSERT ON decisions
WHEN NEW.supersedes IS NOT NULL
    AND (SELECT token FROM decisions WHERE id = NEW.supersedes) IS NOT NEW.token
BEGIN
    SELECT RAISE(ABORT, 'a decision can only replace an earlier decision on the same case');
END;
"""


TO_V2 = """
ALTER TABLE cases RENAME COLUMN yt_errorcode TO final_code;
ALTER TABLE cases RENAME COLUMN yt_errormsg TO final_message;
ALTER TABLE cases RENAME COLUMN livestatus TO liveness_code;
ALTER TABLE cases RENAME COLUMN livemsg TO liveness_message;
ALTER TABLE cases RENAME COLUMN comparestatus TO compare_code;
ALTER TABLE cases RENAME COLUMN comparemsg TO compare_message;
ALTER TABLE cases ADD COLUMN provider TEXT NOT NULL DEFAULT 'detectinfo';
ALTER TABLE cases ADD COLUMN mode TEXT CHECK (mode IS NULL OR mode IN ('full', 'text_only'));
UPDATE cases SET mode = CASE info_type WHEN 0 THEN 'full' WHEN 1 THEN 'text_only' END;
ALTER TABLE cases DROP COLUMN info_type;
"""

TO_V3 = """
ALTER TABLE cases ADD COLUMN evidence_complete INTEGER
    CHECK (evidence_complete IS NULL OR evidence_complete IN (0, 1));
"""

TO_V4 = """
ALTER TABLE decisions ADD COLUMN evidence_sha256 TEXT CHECK (evidence_sha256 IS NULL
    OR (length(evidence_sha256) = 64 AND evidence_sha256 NOT GLOB '*[^0-9a-f]*'));

CREATE TABLE queue (
    token           TEXT PRIMARY KEY NOT NULL CHECK (length(token) > 0),
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'triaged',
                        'claimed', 'awaiting_confirmation', 'decided', 'expired',
                        'fetch_failed')),
    provider        TEXT NOT NULL,
    profile_name    TEXT,
    endpoint        TEXT,
    priority        INTEGER NOT NULL DEFAULT 0,
    queued_at       TEXT NOT NULL,
    queued_by       TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    expiry_basis    TEXT NOT NULL CHECK (expiry_basis IN ('queued', 'created')),
    verdict         TEXT CHECK (verdict IS NULL OR verdict IN ('passed', 'failed', 'incomplete')),
    final_code      INTEGER,
    failed_stages   TEXT NOT NULL DEFAULT '',
    masked_name     TEXT NOT NULL DEFAULT '',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    triage_until    TEXT,
    error           TEXT NOT NULL DEFAULT '',
    holder          TEXT,
    claimed_at      TEXT,
    lease_until     TEXT,
    decision_id     INTEGER REFERENCES decisions (id),
    decided_by      TEXT,
    updated_at      TEXT NOT NULL,
    CHECK ((holder IS NULL) = (lease_until IS NULL))
) WITHOUT ROWID;
CREATE INDEX queue_by_state ON queue (state, expires_at);
"""
