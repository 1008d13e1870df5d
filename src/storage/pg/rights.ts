// Rights inside PostgreSQL. A student can reach the database with psql as their unix login
// (peer authentication over the socket), so the app's rules must not be the only guard:
// - the tables, the history and the commit function belong to a NOLOGIN owner role;
// - a staff role may read the tables and call hotel_crm.commit_batch (SECURITY DEFINER, which
//   checks the batch's employee against the database login) and nothing else: a direct
//   UPDATE, INSERT or DELETE on any table, the history included, is refused;
// - add-employee --unix-user NAME creates the LOGIN role NAME in the staff role.
// Roles are per database cluster, so their names carry the database's.
import type { Db } from './connect.js';
import { SCHEMA } from './schema.js';

const MAX_NAME = 63;

/** the owner and staff roles of the hotel in this database */
export async function hotelRoles(db: Db): Promise<{ owner: string; staff: string }> {
  const r = await db.query<{ d: string }>(`SELECT current_database() AS d`);
  const d = r.rows[0].d;
  return { owner: `${d.slice(0, MAX_NAME - 12)}_hotel_owner`, staff: `${d.slice(0, MAX_NAME - 12)}_hotel_staff` };
}

async function ensureRole(db: Db, name: string, login: boolean): Promise<boolean> {
  const r = await db.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [name]);
  if (r.rowCount) return false;
  await db.query(`CREATE ROLE ${db.escapeIdentifier(name)} ${login ? 'LOGIN' : 'NOLOGIN'}`);
  return true;
}

/** After the tables are created (server init, inside its transaction): hand them to the owner
 *  role and let the staff role read them and call the commit function only. */
export async function grantRights(db: Db): Promise<void> {
  const { owner, staff } = await hotelRoles(db);
  await ensureRole(db, owner, false);
  await ensureRole(db, staff, false);
  const o = db.escapeIdentifier(owner);
  const s = db.escapeIdentifier(staff);
  await db.query(`
    GRANT ${o} TO CURRENT_USER;
    ALTER SCHEMA ${SCHEMA} OWNER TO ${o};
    ALTER TABLE ${SCHEMA}.meta OWNER TO ${o};
    ALTER TABLE ${SCHEMA}.records OWNER TO ${o};
    ALTER TABLE ${SCHEMA}.history OWNER TO ${o};
    ALTER SEQUENCE ${SCHEMA}.batch_seq OWNER TO ${o};
    ALTER FUNCTION ${SCHEMA}.commit_batch(jsonb) OWNER TO ${o};
    ALTER FUNCTION ${SCHEMA}.history_append_only() OWNER TO ${o};
    REVOKE ALL ON SCHEMA ${SCHEMA} FROM PUBLIC;
    REVOKE ALL ON ALL TABLES IN SCHEMA ${SCHEMA} FROM PUBLIC;
    REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ${SCHEMA} FROM PUBLIC;
    GRANT USAGE ON SCHEMA ${SCHEMA} TO ${s};
    GRANT SELECT ON ${SCHEMA}.meta, ${SCHEMA}.records, ${SCHEMA}.history TO ${s};
    GRANT EXECUTE ON FUNCTION ${SCHEMA}.commit_batch(jsonb) TO ${s};
  `);
}

/** A student's unix login as a database role in the staff role (created when missing).
 *  Returns whether it was created. */
export async function allowLogin(db: Db, login: string): Promise<boolean> {
  const { staff } = await hotelRoles(db);
  const created = await ensureRole(db, login, true);
  await db.query(`GRANT ${db.escapeIdentifier(staff)} TO ${db.escapeIdentifier(login)}`);
  return created;
}
