// A save as one statement on the server: hotel_crm.commit_batch locks the rows in one order,
// checks each against the version this session read, and then writes records, meta rows, the
// counters (the larger of each), the history and the notification, all or nothing. One round
// trip instead of about eight, and the only way to write the hotel: it runs as the hotel's
// owner (SECURITY DEFINER) while students' database roles may only read and call it (rights.ts).
//
// Its argument: { at, by, unix, recs: [{e, i, d, b, del}], metas: [{k, v, b}], counters, changes: [{e, i, c}] }
// (b: the version the session read, null when it read none; changes in the batch's order, e null
// for the counters). It returns { conflicts: [{e, id, kind, base}] } and writes nothing, or
// { versions: [{e, i, v}], counters, batch }.
//
// The acting employee is checked against the database login: a role bound to an employee
// (add-employee --unix-user) may save only as that employee, unless its role is an administrator.
export const COMMIT_FN = `
CREATE FUNCTION hotel_crm.commit_batch(p jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hotel_crm, pg_temp AS $fn$
DECLARE
  emp jsonb;
  who text := p->>'unix';
  bad jsonb;
  vers jsonb;
  have jsonb;
  merged jsonb;
  batch_no bigint;
BEGIN
  SELECT r.data INTO emp FROM records r WHERE r.entity = 'employees' AND r.data->>'unixUser' = session_user LIMIT 1;
  IF emp IS NOT NULL THEN
    who := session_user;
    IF lower(emp->>'login') <> lower(p->>'by') AND NOT EXISTS (
      SELECT 1 FROM records r WHERE r.entity = 'roles' AND r.id = emp->>'roleId' AND (r.data->>'isAdmin')::boolean IS TRUE
    ) THEN
      RAISE EXCEPTION 'hotel_crm: % may not save as %', session_user, p->>'by' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;

  -- one order for every commit's locks: two commits never wait on each other in a circle
  PERFORM 1 FROM records r JOIN jsonb_to_recordset(p->'recs') AS x(e text, i text) ON r.entity = x.e AND r.id = x.i
    ORDER BY r.entity COLLATE "C", r.id COLLATE "C" FOR UPDATE OF r;
  PERFORM 1 FROM meta m JOIN jsonb_to_recordset(p->'metas') AS x(k text) ON m.key = x.k ORDER BY m.key COLLATE "C" FOR UPDATE OF m;

  SELECT jsonb_agg(c) INTO bad FROM (
    SELECT jsonb_build_object('e', x.e, 'id', x.i, 'base', x.b, 'kind',
      CASE WHEN x.b IS NULL THEN 'created' WHEN r.version IS NULL THEN 'deleted' ELSE 'changed' END) AS c
    FROM jsonb_to_recordset(p->'recs') AS x(e text, i text, b integer, del boolean)
    LEFT JOIN records r ON r.entity = x.e AND r.id = x.i
    WHERE (NOT x.del AND x.b IS DISTINCT FROM r.version)
       -- deleting what someone changed meanwhile is a conflict; what is gone already is not
       OR (x.del AND x.b IS NOT NULL AND r.version IS NOT NULL AND r.version <> x.b)
    UNION ALL
    SELECT jsonb_build_object('e', '$meta', 'id', x.k, 'base', x.b, 'kind',
      CASE WHEN m.version IS NULL THEN 'deleted' WHEN x.b IS NULL THEN 'created' ELSE 'changed' END)
    FROM jsonb_to_recordset(p->'metas') AS x(k text, b integer)
    LEFT JOIN meta m ON m.key = x.k
    WHERE x.b IS DISTINCT FROM m.version
  ) AS conflicts;
  IF bad IS NOT NULL THEN
    RETURN jsonb_build_object('conflicts', bad);
  END IF;

  WITH x AS (SELECT * FROM jsonb_to_recordset(p->'recs') AS x(e text, i text, d jsonb, b integer, del boolean)),
  ins AS (
    INSERT INTO records (entity, id, data) SELECT x.e, x.i, x.d FROM x WHERE NOT x.del AND x.b IS NULL
    RETURNING entity, id, version),
  upd AS (
    UPDATE records r SET data = x.d, version = r.version + 1 FROM x
    WHERE NOT x.del AND x.b IS NOT NULL AND r.entity = x.e AND r.id = x.i
    RETURNING r.entity, r.id, r.version),
  del AS (
    DELETE FROM records r USING x WHERE x.del AND x.b IS NOT NULL AND r.entity = x.e AND r.id = x.i
    RETURNING r.entity, r.id),
  mt AS (
    INSERT INTO meta AS m (key, value) SELECT x.k, x.v FROM jsonb_to_recordset(p->'metas') AS x(k text, v jsonb)
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, version = m.version + 1
    RETURNING key, version)
  SELECT coalesce(jsonb_agg(jsonb_build_object('e', w.e, 'i', w.i, 'v', w.v)), '[]') INTO vers FROM (
    SELECT entity AS e, id AS i, version AS v FROM ins
    UNION ALL SELECT entity, id, version FROM upd
    UNION ALL SELECT entity, id, NULL FROM del
    UNION ALL SELECT '$meta', key, version FROM mt) AS w;

  IF jsonb_typeof(p->'counters') = 'object' THEN
    -- every batch carries the counters, most of them unchanged: the row (which creating commits
    -- lock one after another) is written only when one of ours is ahead
    SELECT m.value INTO have FROM meta m WHERE m.key = 'counters';
    IF EXISTS (SELECT 1 FROM jsonb_each(p->'counters') AS c(k, v)
               WHERE coalesce((have->>c.k)::bigint, -1) < (c.v #>> '{}')::bigint) THEN
      INSERT INTO meta AS m (key, value) VALUES ('counters', p->'counters')
      ON CONFLICT (key) DO UPDATE SET version = m.version + 1, value = (
        SELECT jsonb_object_agg(k, GREATEST(coalesce((m.value->>k)::bigint, 0), coalesce((EXCLUDED.value->>k)::bigint, 0)))
        FROM (SELECT jsonb_object_keys(m.value) UNION SELECT jsonb_object_keys(EXCLUDED.value)) AS ks(k))
      RETURNING value INTO merged;
    ELSE
      merged := p->'counters' || coalesce(have, '{}');
    END IF;
  END IF;

  -- the history keeps every change in the batch's order, each with the version it left
  batch_no := nextval('batch_seq');
  INSERT INTO history (batch, at, by_login, unix_user, entity, record_id, version, change)
  SELECT batch_no, (p->>'at')::timestamptz, p->>'by', who, h.j->>'e', h.j->>'i', v.v,
         CASE WHEN h.j->>'e' IS NULL AND merged IS NOT NULL THEN jsonb_build_object('op', 'counters', 'c', merged) ELSE h.j->'c' END
  FROM jsonb_array_elements(p->'changes') WITH ORDINALITY AS h(j, n)
  LEFT JOIN jsonb_to_recordset(vers) AS v(e text, i text, v integer) ON v.e = h.j->>'e' AND v.i = h.j->>'i'
  ORDER BY h.n;

  -- delivered to listeners only when the transaction commits
  PERFORM pg_notify('hotel_crm_changes', jsonb_build_object('batch', batch_no, 'by', p->>'by')::text);
  RETURN jsonb_build_object('versions', vers, 'counters', merged, 'batch', batch_no);
END $fn$;
`;
