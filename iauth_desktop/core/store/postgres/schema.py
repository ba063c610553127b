"""The team store's schema in PostgreSQL: versioned scripts, and the rules the database enforces.

``db upgrade`` runs the scripts a database lacks, in one transaction, as the database owner (who
also needs CREATEROLE the first time, for the two group roles). Reviewers and supervisors get
rights only through those group roles (``db grant``), never ownership:

- every row's author is ``session_user`` — set by the database, refused if a client names
  someone else — so nobody records a decision as another reviewer;
- decisions are insert-only (no UPDATE or DELETE granted, and triggers as a second wall, with
  row-level security forced even for the owner);
- rows leave only through ``iauth_purge``, a SECURITY DEFINER function a supervisor may call,
  which deletes only what is past the retention period.
"""

from __future__ import annotations

from typing import Any

from psycopg.rows import tuple_row

SCHEMA_VERSION = 4
REVIEWER_ROLE = "iauth_reviewer"
SUPERVISOR_ROLE = "iauth_supervisor"

_V1 = f"""
CREATE TABLE iauth_schema (version integer NOT NULL);
INSERT INTO iauth_schema VALUES (0);

DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{REVIEWER_ROLE}') THEN
        CREATE ROLE {REVIEWER_ROLE} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{SUPERVISOR_ROLE}') THEN
        CREATE ROLE {SUPERVISOR_ROLE} NOLOGIN IN ROLE {REVIEWER_ROLE};
    END IF;
END $$;

CREATE TABLE cases (
    token            text PRIMARY KEY CHECK (length(token) > 0),
    fetched_at       timestamptz NOT NULL,
    verdict          text NOT NULL CHECK (verdict IN ('passed', 'failed', 'incomplete')),
    failed_stages    text NOT NULL DEFAULT '',
    final_code       bigint,
    final_message    text NOT NULL DEFAULT '',
    liveness_code    bigint,
    liveness_message text NOT NULL DEFAULT '',
    compare_code     bigint,
    compare_message  text NOT NULL DEFAULT '',
    mode             text CHECK (mode IS NULL OR mode IN ('full', 'text_only')),
    provider         text NOT NULL,
    evidence_complete boolean,
    masked_name      text NOT NULL DEFAULT '',
    profile_name     text,
    endpoint_host    text NOT NULL DEFAULT '',
    reviewer         text NOT NULL DEFAULT session_user,
    notes            text NOT NULL DEFAULT '',
    export_path      text,
    audit_seq        bigint,
    audit_sha256     text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE decisions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token         text NOT NULL REFERENCES cases (token),
    action        text NOT NULL CHECK (action IN ('approve', 'reject', 'escalate')),
    reason        text CHECK (reason IS NULL OR reason IN ('id_mismatch', 'id_expired',
                      'liveness_doubt', 'face_mismatch', 'poor_quality', 'suspected_fraud',
                      'other')),
    reason_text   text NOT NULL DEFAULT '',
    justification text NOT NULL DEFAULT '',
    notes         text NOT NULL DEFAULT '',
    reviewer      text NOT NULL DEFAULT session_user,
    decided_at    timestamptz NOT NULL DEFAULT now(),
    supersedes    bigint UNIQUE REFERENCES decisions (id),
    CHECK ((action = 'reject') = (reason IS NOT NULL))
);
CREATE INDEX decisions_by_token ON decisions (token);
CREATE INDEX cases_by_fetched_at ON cases (fetched_at);

CREATE VIEW latest_decisions AS
    SELECT d.* FROM decisions AS d
    WHERE NOT EXISTS (SELECT 1 FROM decisions AS n WHERE n.supersedes = d.id);

-- Every row's author is the database login that wrote it.
CREATE FUNCTION iauth_author_is_session_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND NEW.reviewer IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION 'a row is recorded as its author, %, not as %',
            session_user, NEW.reviewer USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        NEW.reviewer := session_user;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER cases_author BEFORE INSERT OR UPDATE ON cases
    FOR EACH ROW EXECUTE FUNCTION iauth_author_is_session_user();
CREATE TRIGGER decisions_author BEFORE INSERT ON decisions
    FOR EACH ROW EXECUTE FUNCTION iauth_author_is_session_user();

CREATE FUNCTION iauth_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('iauth.purging', true) = 'on' THEN
        RETURN OLD;
    END IF;
    IF TG_TABLE_NAME = 'decisions' THEN
        RAISE EXCEPTION 'a recorded decision is never changed; record a new one instead'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RAISE EXCEPTION 'cases are removed only by the retention purge'
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER decisions_never_changed BEFORE UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION iauth_refuse_change();
CREATE TRIGGER cases_deleted_only_by_purge BEFORE DELETE ON cases
    FOR EACH ROW EXECUTE FUNCTION iauth_refuse_change();

CREATE FUNCTION iauth_case_keeps_token() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.token IS DISTINCT FROM OLD.token THEN
        RAISE EXCEPTION 'a case keeps its token' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER cases_token_fixed BEFORE UPDATE ON cases
    FOR EACH ROW EXECUTE FUNCTION iauth_case_keeps_token();

CREATE FUNCTION iauth_supersede_within_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.supersedes IS NOT NULL AND (SELECT token FROM decisions WHERE id = NEW.supersedes)
            IS DISTINCT FROM NEW.token THEN
        RAISE EXCEPTION 'a decision can only replace an earlier decision on the same case';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER decisions_supersede_within_case BEFORE INSERT ON decisions
    FOR EACH ROW EXECUTE FUNCTION iauth_supersede_within_case();

-- Row-level security, forced even for the owner: reading is open to the team, writing is as
-- oneself, deleting only inside the purge.
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
ALTER TABLE decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE decisions FORCE ROW LEVEL SECURITY;
CREATE POLICY cases_read ON cases FOR SELECT USING (true);
CREATE POLICY cases_insert ON cases FOR INSERT WITH CHECK (reviewer = session_user);
CREATE POLICY cases_update ON cases FOR UPDATE USING (true) WITH CHECK (reviewer = session_user);
CREATE POLICY cases_purge ON cases FOR DELETE
    USING (current_setting('iauth.purging', true) = 'on');
CREATE POLICY decisions_read ON decisions FOR SELECT USING (true);
CREATE POLICY decisions_insert ON decisions FOR INSERT WITH CHECK (reviewer = session_user);
CREATE POLICY decisions_purge ON decisions FOR DELETE
    USING (current_setting('iauth.purging', true) = 'on');

CREATE FUNCTION iauth_purge(retention interval) RETURNS SETOF text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT pg_has_role(session_user, '{SUPERVISOR_ROLE}', 'MEMBER') THEN
        RAISE EXCEPTION 'only a supervisor may purge the case record'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF retention < interval '1 day' THEN
        RAISE EXCEPTION 'the retention period is at least one day';
    END IF;
    PERFORM set_config('iauth.purging', 'on', true);
    RETURN QUERY
        WITH old AS (SELECT token FROM cases WHERE updated_at < now() - retention),
             gone AS (DELETE FROM decisions WHERE token IN (SELECT token FROM old))
        DELETE FROM cases WHERE token IN (SELECT token FROM old) RETURNING token;
    PERFORM set_config('iauth.purging', 'off', true);
END $$;
REVOKE ALL ON FUNCTION iauth_purge(interval) FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO {REVIEWER_ROLE};
GRANT SELECT ON iauth_schema, cases, decisions, latest_decisions TO {REVIEWER_ROLE};
GRANT INSERT ON cases, decisions TO {REVIEWER_ROLE};
GRANT UPDATE (fetched_at, verdict, failed_stages, final_code, final_message, liveness_code,
    liveness_message, compare_code, compare_message, mode, provider, evidence_complete,
    masked_name, profile_name, endpoint_host, reviewer, notes, export_path, audit_seq,
    audit_sha256, updated_at) ON cases TO {REVIEWER_ROLE};
GRANT EXECUTE ON FUNCTION iauth_purge(interval) TO {SUPERVISOR_ROLE};
"""  # noqa: S608 - only this module's own role names are put in

_V2 = f"""
-- One audit trail for the team: the same canonical lines as a workstation's file, chained.
CREATE TABLE audit_entries (
    seq         bigint PRIMARY KEY CHECK (seq >= 1),
    line        text NOT NULL,
    sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{{64}}$'),
    reviewer    text NOT NULL DEFAULT session_user,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION iauth_audit_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entry jsonb := NEW.line::jsonb;
    last  record;
BEGIN
    IF NEW.reviewer IS DISTINCT FROM session_user
       OR entry->>'reviewer' IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION 'an audit entry is written as its author, %', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT seq, sha256 INTO last FROM audit_entries ORDER BY seq DESC LIMIT 1;
    IF NEW.seq IS DISTINCT FROM coalesce(last.seq, 0) + 1
       OR (entry->>'seq')::bigint IS DISTINCT FROM NEW.seq
       OR entry->>'prev' IS DISTINCT FROM coalesce(last.sha256, repeat('0', 64)) THEN
        RAISE EXCEPTION 'an audit entry must follow the chain''s last entry'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.sha256 IS DISTINCT FROM encode(sha256(convert_to(NEW.line || E'\n', 'UTF8')), 'hex')
    THEN
        RAISE EXCEPTION 'an audit entry''s hash must be its line''s'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_entries_append BEFORE INSERT ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION iauth_audit_append();

CREATE FUNCTION iauth_audit_never_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an audit entry is never changed or removed'
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entries_never_changed BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION iauth_audit_never_changed();
CREATE TRIGGER audit_entries_never_truncated BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION iauth_audit_never_changed();

ALTER TABLE audit_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit_entries FOR SELECT USING (true);
CREATE POLICY audit_insert ON audit_entries FOR INSERT WITH CHECK (reviewer = session_user);

GRANT SELECT, INSERT ON audit_entries TO {REVIEWER_ROLE};
"""  # noqa: S608 - only this module's own role names are put in

_V3 = """
-- The purge audits itself: its entry is written by the function, in its own transaction, as
-- the same canonical line the app writes (keys sorted, no spaces), chained after the last one.
CREATE OR REPLACE FUNCTION iauth_purge(retention interval) RETURNS SETOF text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    removed text[];
    last    record;
    line    text;
    next_seq bigint;
BEGIN
    IF NOT pg_has_role(session_user, 'iauth_supervisor', 'MEMBER') THEN
        RAISE EXCEPTION 'only a supervisor may purge the case record'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF retention < interval '1 day' THEN
        RAISE EXCEPTION 'the retention period is at least one day';
    END IF;
    PERFORM set_config('iauth.purging', 'on', true);
    WITH old AS (SELECT token FROM cases WHERE updated_at < now() - retention),
         gone AS (DELETE FROM decisions WHERE token IN (SELECT token FROM old)),
         deleted AS (DELETE FROM cases WHERE token IN (SELECT token FROM old) RETURNING token)
    SELECT coalesce(array_agg(token ORDER BY token COLLATE "C"), '{}') INTO removed FROM deleted;
    PERFORM set_config('iauth.purging', 'off', true);
    IF cardinality(removed) > 0 THEN
        PERFORM pg_advisory_xact_lock(hashtext('iauth_audit'));
        SELECT seq, sha256 INTO last FROM audit_entries ORDER BY seq DESC LIMIT 1;
        next_seq := coalesce(last.seq, 0) + 1;
        line := '{"data":{"count":' || cardinality(removed)
            || ',"retention_days":' || extract(day FROM retention)::bigint
            || ',"tokens":['
            || (SELECT string_agg(to_json(t)::text, ',' ORDER BY n)
                FROM unnest(removed) WITH ORDINALITY AS u(t, n))
            || ']},"event":"retention_purge","prev":"'
            || coalesce(last.sha256, repeat('0', 64))
            || '","reviewer":' || to_json(session_user::text)::text
            || ',"seq":' || next_seq
            || ',"ts":"' || to_char(clock_timestamp() AT TIME ZONE 'UTC',
                                    'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"}';
        INSERT INTO audit_entries (seq, line, sha256) VALUES (
            next_seq, line, encode(sha256(convert_to(line || E'\\n', 'UTF8')), 'hex'));
    END IF;
    RETURN QUERY SELECT unnest(removed);
END $$;
REVOKE ALL ON FUNCTION iauth_purge(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION iauth_purge(interval) TO iauth_supervisor;
"""

_V4 = """
-- The review queue and the four-eyes rule. The app asks politely; these rules stand behind it
-- for a reviewer with psql: claims are one's own, a live claim is touched only by its holder, a
-- case is decided only by its holder's own decision or by a second reviewer's confirmation,
-- nobody confirms their own decision, escalations are settled by supervisors.
ALTER TABLE decisions ADD COLUMN evidence_sha256 text
    CHECK (evidence_sha256 IS NULL OR evidence_sha256 ~ '^[0-9a-f]{64}$');

CREATE TABLE queue (
    token           text PRIMARY KEY CHECK (length(token) > 0),
    state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'triaged',
                        'claimed', 'awaiting_confirmation', 'decided', 'expired',
                        'fetch_failed')),
    provider        text NOT NULL,
    profile_name    text,
    endpoint        text,
    priority        integer NOT NULL DEFAULT 0,
    queued_at       timestamptz NOT NULL DEFAULT now(),
    queued_by       text NOT NULL DEFAULT session_user,
    expires_at      timestamptz NOT NULL,
    expiry_basis    text NOT NULL CHECK (expiry_basis IN ('queued', 'created')),
    verdict         text CHECK (verdict IS NULL OR verdict IN ('passed', 'failed', 'incomplete')),
    final_code      bigint,
    failed_stages   text NOT NULL DEFAULT '',
    masked_name     text NOT NULL DEFAULT '',
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    triage_until    timestamptz,
    error           text NOT NULL DEFAULT '',
    holder          text,
    claimed_at      timestamptz,
    lease_until     timestamptz,
    decision_id     bigint REFERENCES decisions (id),
    decided_by      text,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((holder IS NULL) = (lease_until IS NULL))
);
CREATE INDEX queue_by_state ON queue (state, expires_at);

CREATE TABLE confirmations (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token           text NOT NULL,
    decision_id     bigint NOT NULL UNIQUE REFERENCES decisions (id),
    confirmer       text NOT NULL DEFAULT session_user,
    outcome         text NOT NULL CHECK (outcome IN ('agree', 'overturn')),
    overturn_id     bigint UNIQUE REFERENCES decisions (id),
    note            text NOT NULL DEFAULT '',
    evidence_sha256 text CHECK (evidence_sha256 IS NULL OR evidence_sha256 ~ '^[0-9a-f]{64}$'),
    confirmed_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((outcome = 'overturn') = (overturn_id IS NOT NULL))
);

CREATE TABLE queue_policy (
    id               integer PRIMARY KEY CHECK (id = 1),
    confirm_reject   boolean NOT NULL,
    confirm_override boolean NOT NULL,
    confirm_escalate boolean NOT NULL,
    changed_by       text NOT NULL DEFAULT session_user,
    changed_at       timestamptz NOT NULL DEFAULT now()
);
INSERT INTO queue_policy (id, confirm_reject, confirm_override, confirm_escalate)
    VALUES (1, true, true, true);

CREATE FUNCTION iauth_is_supervisor() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(session_user, 'iauth_supervisor', 'MEMBER')
$$;

-- Whether a recorded decision needs a second reviewer under today's policy.
CREATE FUNCTION iauth_needs_confirmation(which bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT CASE d.action
        WHEN 'reject' THEN p.confirm_reject
        WHEN 'escalate' THEN p.confirm_escalate
        ELSE (c.verdict <> 'passed' OR c.evidence_complete IS FALSE) AND p.confirm_override
    END
    FROM decisions AS d JOIN cases AS c ON c.token = d.token, queue_policy AS p
    WHERE d.id = which AND p.id = 1
$$;

CREATE FUNCTION iauth_queue_rules() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d record;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.queued_by IS DISTINCT FROM session_user OR NEW.state <> 'pending'
           OR NEW.holder IS NOT NULL OR NEW.decision_id IS NOT NULL THEN
            RAISE EXCEPTION 'a case enters the queue pending, queued by its author'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.token IS DISTINCT FROM OLD.token OR NEW.queued_by IS DISTINCT FROM OLD.queued_by
       OR NEW.queued_at IS DISTINCT FROM OLD.queued_at THEN
        RAISE EXCEPTION 'a queued case keeps its token and origin'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.state = 'decided' THEN
        RAISE EXCEPTION 'a decided case stays decided' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.holder IS NOT NULL AND OLD.holder <> session_user AND OLD.lease_until > now() THEN
        RAISE EXCEPTION 'the case is held by %', OLD.holder
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.holder IS NOT NULL AND NEW.holder IS DISTINCT FROM OLD.holder
       AND NEW.holder <> session_user THEN
        RAISE EXCEPTION 'a case is claimed only by the reviewer who takes it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.decision_id IS DISTINCT FROM OLD.decision_id AND OLD.decision_id IS NOT NULL THEN
        RAISE EXCEPTION 'the decision a case was put to confirmation with stays'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.state IN ('decided', 'awaiting_confirmation') AND NEW.state <> OLD.state THEN
        IF OLD.state = 'claimed' THEN
            SELECT * INTO d FROM decisions WHERE id = NEW.decision_id;
            IF OLD.holder IS DISTINCT FROM session_user OR d.token IS DISTINCT FROM NEW.token
               OR d.reviewer IS DISTINCT FROM session_user
               OR NEW.decided_by IS DISTINCT FROM session_user THEN
                RAISE EXCEPTION 'a claimed case is decided only by its holder''s own decision'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF NEW.state = 'decided' AND iauth_needs_confirmation(d.id) THEN
                RAISE EXCEPTION 'this decision needs a second reviewer (the four-eyes rule)'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        ELSIF OLD.state = 'awaiting_confirmation' AND NEW.state = 'decided' THEN
            IF NOT EXISTS (SELECT 1 FROM confirmations AS c
                           WHERE c.decision_id = OLD.decision_id
                             AND c.confirmer = session_user) THEN
                RAISE EXCEPTION 'a case awaiting confirmation is decided by a confirmation'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        ELSE
            RAISE EXCEPTION 'a case is decided only from a claim'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER queue_rules BEFORE INSERT OR UPDATE ON queue
    FOR EACH ROW EXECUTE FUNCTION iauth_queue_rules();

-- A decision on a queued case comes from its holder, or overturns one awaiting confirmation.
CREATE FUNCTION iauth_decision_through_queue() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    q record;
    first record;
BEGIN
    SELECT * INTO q FROM queue WHERE token = NEW.token;
    IF NOT FOUND THEN
        RETURN NEW;
    END IF;
    IF q.state = 'claimed' AND q.holder = session_user AND q.lease_until > now() THEN
        RETURN NEW;
    END IF;
    IF q.state = 'awaiting_confirmation' AND NEW.supersedes = q.decision_id
       AND q.decided_by IS DISTINCT FROM session_user AND NEW.action <> 'escalate' THEN
        SELECT * INTO first FROM decisions WHERE id = q.decision_id;
        IF first.action <> 'escalate' OR iauth_is_supervisor() THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'a queued case is decided by the reviewer holding it, or overturned by a '
        'second reviewer' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER decisions_through_queue BEFORE INSERT ON decisions
    FOR EACH ROW EXECUTE FUNCTION iauth_decision_through_queue();

-- An overturn is committed only with the confirmation that records it.
CREATE FUNCTION iauth_overturn_confirmed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM queue WHERE token = NEW.token AND decision_id = NEW.supersedes)
       AND NOT EXISTS (SELECT 1 FROM confirmations WHERE overturn_id = NEW.id) THEN
        RAISE EXCEPTION 'an overturn is recorded together with its confirmation'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER decisions_overturn_confirmed AFTER INSERT ON decisions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION iauth_overturn_confirmed();

CREATE FUNCTION iauth_confirmation_rules() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    q record;
    d record;
    o record;
BEGIN
    IF NEW.confirmer IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION 'a confirmation is written as its author, %', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO q FROM queue WHERE token = NEW.token;
    IF NOT FOUND OR q.state <> 'awaiting_confirmation'
       OR q.decision_id IS DISTINCT FROM NEW.decision_id THEN
        RAISE EXCEPTION 'only a decision awaiting confirmation is confirmed'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF q.holder IS NOT NULL AND q.holder <> session_user AND q.lease_until > now() THEN
        RAISE EXCEPTION 'the case is held by %', q.holder USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO d FROM decisions WHERE id = NEW.decision_id;
    IF d.reviewer = session_user THEN
        RAISE EXCEPTION 'nobody confirms their own decision (the four-eyes rule)'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF d.action = 'escalate' AND NOT iauth_is_supervisor() THEN
        RAISE EXCEPTION 'an escalation is settled by a supervisor'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF d.action = 'escalate' AND NEW.outcome = 'agree' THEN
        RAISE EXCEPTION 'an escalation is settled by a decision, not by agreeing with it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.outcome = 'overturn' THEN
        SELECT * INTO o FROM decisions WHERE id = NEW.overturn_id;
        IF o.token IS DISTINCT FROM NEW.token OR o.reviewer IS DISTINCT FROM session_user
           OR o.supersedes IS DISTINCT FROM NEW.decision_id THEN
            RAISE EXCEPTION 'an overturn is the confirmer''s own decision replacing the first'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER confirmations_rules BEFORE INSERT ON confirmations
    FOR EACH ROW EXECUTE FUNCTION iauth_confirmation_rules();

CREATE FUNCTION iauth_confirmation_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('iauth.purging', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'a confirmation is never changed' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER confirmations_kept BEFORE UPDATE OR DELETE ON confirmations
    FOR EACH ROW EXECUTE FUNCTION iauth_confirmation_kept();

CREATE FUNCTION iauth_policy_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_by := session_user;
    NEW.changed_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER queue_policy_author BEFORE UPDATE ON queue_policy
    FOR EACH ROW EXECUTE FUNCTION iauth_policy_author();

ALTER TABLE queue ENABLE ROW LEVEL SECURITY;
ALTER TABLE queue FORCE ROW LEVEL SECURITY;
ALTER TABLE confirmations ENABLE ROW LEVEL SECURITY;
ALTER TABLE confirmations FORCE ROW LEVEL SECURITY;
CREATE POLICY queue_read ON queue FOR SELECT USING (true);
CREATE POLICY queue_insert ON queue FOR INSERT WITH CHECK (queued_by = session_user);
CREATE POLICY queue_update ON queue FOR UPDATE USING (true) WITH CHECK (true);
CREATE POLICY queue_purge ON queue FOR DELETE
    USING (current_setting('iauth.purging', true) = 'on');
CREATE POLICY confirmations_read ON confirmations FOR SELECT USING (true);
CREATE POLICY confirmations_insert ON confirmations FOR INSERT
    WITH CHECK (confirmer = session_user);
CREATE POLICY confirmations_purge ON confirmations FOR DELETE
    USING (current_setting('iauth.purging', true) = 'on');

GRANT SELECT, INSERT, UPDATE ON queue TO iauth_reviewer;
GRANT SELECT, INSERT ON confirmations TO iauth_reviewer;
GRANT SELECT ON queue_policy TO iauth_reviewer;
GRANT UPDATE (confirm_reject, confirm_override, confirm_escalate) ON queue_policy
    TO iauth_supervisor;

-- The purge takes the queue's rows and confirmations with their cases, and queued tokens never
-- fetched once they are as old; its audit line is the same as version 3's.
CREATE OR REPLACE FUNCTION iauth_purge(retention interval) RETURNS SETOF text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    removed text[];
    last    record;
    line    text;
    next_seq bigint;
BEGIN
    IF NOT pg_has_role(session_user, 'iauth_supervisor', 'MEMBER') THEN
        RAISE EXCEPTION 'only a supervisor may purge the case record'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF retention < interval '1 day' THEN
        RAISE EXCEPTION 'the retention period is at least one day';
    END IF;
    PERFORM set_config('iauth.purging', 'on', true);
    SELECT coalesce(array_agg(token ORDER BY token COLLATE "C"), '{}') INTO removed FROM (
        SELECT token FROM cases WHERE updated_at < now() - retention
        UNION
        SELECT q.token FROM queue AS q WHERE q.updated_at < now() - retention
            AND NOT EXISTS (SELECT 1 FROM cases AS c WHERE c.token = q.token)
    ) AS old;
    DELETE FROM confirmations WHERE token = ANY (removed);
    DELETE FROM queue WHERE token = ANY (removed);
    DELETE FROM decisions WHERE token = ANY (removed);
    DELETE FROM cases WHERE token = ANY (removed);
    PERFORM set_config('iauth.purging', 'off', true);
    IF cardinality(removed) > 0 THEN
        PERFORM pg_advisory_xact_lock(hashtext('iauth_audit'));
        SELECT seq, sha256 INTO last FROM audit_entries ORDER BY seq DESC LIMIT 1;
        next_seq := coalesce(last.seq, 0) + 1;
        line := '{"data":{"count":' || cardinality(removed)
            || ',"retention_days":' || extract(day FROM retention)::bigint
            || ',"tokens":['
            || (SELECT string_agg(to_json(t)::text, ',' ORDER BY n)
                FROM unnest(removed) WITH ORDINALITY AS u(t, n))
            || ']},"event":"retention_purge","prev":"'
            || coalesce(last.sha256, repeat('0', 64))
            || '","reviewer":' || to_json(session_user::text)::text
            || ',"seq":' || next_seq
            || ',"ts":"' || to_char(clock_timestamp() AT TIME ZONE 'UTC',
                                    'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"}';
        INSERT INTO audit_entries (seq, line, sha256) VALUES (
            next_seq, line, encode(sha256(convert_to(line || E'\\n', 'UTF8')), 'hex'));
    END IF;
    RETURN QUERY SELECT unnest(removed);
END $$;
REVOKE ALL ON FUNCTION iauth_purge(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION iauth_purge(interval) TO iauth_supervisor;
"""

# Index = the version a script upgrades from.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)
assert len(MIGRATIONS) == SCHEMA_VERSION


def current_version(conn: Any) -> int:
    """The schema version of the connected database (0: none yet)."""
    cursor = conn.cursor(row_factory=tuple_row)
    exists = cursor.execute("SELECT to_regclass('public.iauth_schema') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return 0
    row = cursor.execute("SELECT version FROM iauth_schema").fetchone()
    return 0 if row is None else int(row[0])


def upgrade(conn: Any) -> tuple[int, int]:
    """Run the missing scripts in one transaction; (version before, version after)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('iauth_schema'))")
        before = current_version(conn)
        if before > SCHEMA_VERSION:
            return before, before
        for script in MIGRATIONS[before:]:
            conn.execute(script)
        conn.execute("UPDATE iauth_schema SET version = %s", (SCHEMA_VERSION,))
    return before, SCHEMA_VERSION
