// The tables of a shared hotel, in their own schema (hotel_crm): the workspace's settings and
// lists (meta), every record as a JSON document with a version (records), and the history of
// every saved change, which nothing may change or remove (history: grading reads it).
import { COMMIT_FN } from './commit-fn.js';

export const SCHEMA = 'hotel_crm';
/** the tables' own revision: a newer one was made by a newer program, which this one refuses */
export const SCHEMA_REV = 2;

export const CREATE_SQL = `
CREATE SCHEMA ${SCHEMA};
CREATE TABLE ${SCHEMA}.meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE TABLE ${SCHEMA}.records (
  entity text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  seq bigserial NOT NULL,
  PRIMARY KEY (entity, id)
);
CREATE INDEX records_order ON ${SCHEMA}.records (seq);
CREATE SEQUENCE ${SCHEMA}.batch_seq;
CREATE TABLE ${SCHEMA}.history (
  seq bigserial PRIMARY KEY,
  batch bigint NOT NULL,
  at timestamptz NOT NULL,
  by_login text NOT NULL,
  unix_user text,
  entity text,
  record_id text,
  version integer,
  change jsonb NOT NULL
);
CREATE INDEX history_record ON ${SCHEMA}.history (entity, record_id, version);
CREATE FUNCTION ${SCHEMA}.history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'hotel_crm.history is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER history_no_change BEFORE UPDATE OR DELETE ON ${SCHEMA}.history
  FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.history_append_only();
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON ${SCHEMA}.history
  FOR EACH STATEMENT EXECUTE FUNCTION ${SCHEMA}.history_append_only();
${COMMIT_FN}`;

/** meta keys: the workspace's header, its settings, profile, counters and one per value list */
export const META = {
  schema: 'schema',
  header: 'workspace',
  settings: 'settings',
  organisation: 'organisation',
  counters: 'counters',
  values: (name: string) => `values/${name}`,
} as const;

/** the channel a commit notifies, so open apps can show others' changes */
export const CHANNEL = 'hotel_crm_changes';
