// server init URL [--demo] and server add-employee LOGIN --role R --unix-user NAME: an
// instructor sets up a shared hotel in PostgreSQL and binds the students' server logins to
// employees. Both go through the storage port; only a postgres:// URL is a shared hotel.
import { emptyWorkspace, type EntityRecord } from '../../domain/workspace.js';
import { normaliseLang, errorText, type T } from '../../i18n/index.js';
import { storeErrorText } from '../../presentation/store-errors.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { openSession, type GlobalArgs } from '../open.js';
import { workThenSave } from '../commit.js';
import { machineTimeZone } from '../../services/time-zone.js';
import { demoForToday } from '../../services/demo-today.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { maskPassword } from '../../text/url-password.js';
import { findRole } from '../../domain/role-lookup.js';

const isUrl = (s: string | undefined): s is string => !!s && /^postgres(ql)?:\/\//i.test(s);
/** a unix login as useradd takes it */
const UNIX_USER = /^[a-z_][a-z0-9_-]{0,31}\$?$/i;

export interface ServerArgs extends GlobalArgs {
  action: string;
  arg?: string;
  demo?: boolean;
  force?: boolean;
  role?: string;
  unixUser?: string;
  name?: string;
}

export async function serverCmd(args: ServerArgs, io: CliIO, t: T): Promise<number> {
  if (args.action === 'init') return serverInit(args, io, t);
  return addEmployee(args, io, t);
}

async function serverInit(args: ServerArgs, io: CliIO, t: T): Promise<number> {
  const url = args.arg ?? args.data;
  if (!isUrl(url)) throw new UsageError(t('server.needUrl', { value: sanitizeLine(url ?? '') }));
  const ws = args.demo ? demoForToday(io.backend.loadDemo(), io.now()) : emptyWorkspace(io.now().toISOString());
  ws.settings.timeZone ??= machineTimeZone();
  const lang = normaliseLang(args.lang);
  if (lang) ws.settings.lang = lang;
  try {
    await io.backend.create(url, ws, io.now(), { replace: !!args.force });
  } catch (e) {
    const msg = storeErrorText(t, e);
    if (msg) throw new Refused([msg]);
    throw e;
  }
  const admin = ws.employees.find((e) => e.login.toLowerCase() === ws.settings.adminLogin.toLowerCase());
  const shown = maskPassword(url);
  if (args.json) io.out(JSON.stringify({ url: shown, customers: ws.customers.length, admin: admin?.login, unixUser: admin?.unixUser }));
  else {
    io.out(t('cli.initDone', { file: shown, demo: args.demo ? t('cli.initDemo', { count: ws.customers.length }) : '' }));
    io.out(t('server.adminBound', { login: admin?.login ?? '?', unix: admin?.unixUser ?? '?' }));
  }
  return EXIT.ok;
}

async function addEmployee(args: ServerArgs, io: CliIO, t: T): Promise<number> {
  const login = args.arg?.trim();
  if (!login) throw new UsageError(t('server.needLogin'));
  const unix = args.unixUser?.trim();
  if (!unix || !UNIX_USER.test(unix)) throw new UsageError(t('server.badUnixUser', { value: sanitizeLine(unix ?? '') }));
  if (!isUrl(args.data ?? io.env.HOTEL_CRM_DATA)) throw new UsageError(t('server.needUrl', { value: sanitizeLine(args.data ?? '') }));
  const s = await openSession(args, io, 'write');
  const r = await workThenSave(s, async () => {
    const repo = s.repo;
    const roles = repo.unscoped('roles');
    let role: EntityRecord | undefined;
    if (args.role !== undefined) {
      const found = findRole(roles, args.role);
      const listed = (rs: readonly { id: string; name?: unknown }[]) => rs.map((x) => `${x.id} ${sanitizeLine(String(x.name))}`).join(', ');
      if ('ambiguous' in found) throw new Refused([t('server.ambiguousRole', { value: sanitizeLine(args.role), choices: listed(found.ambiguous) })]);
      if ('none' in found) throw new Refused([t('server.unknownRole', { value: sanitizeLine(args.role), choices: listed(roles) })]);
      role = found.role as EntityRecord;
    }
    const employees = repo.unscoped('employees');
    const existing = employees.find((e) => String(e.login).toLowerCase() === login.toLowerCase());
    const taken = employees.find((e) => e.unixUser === unix && e !== existing);
    if (taken) throw new Refused([t('server.unixTaken', { unix, login: sanitizeLine(String(taken.login)) })]);
    const values: Record<string, unknown> = { unixUser: unix, ...(role ? { roleId: role.id } : {}), ...(args.name ? { name: args.name } : {}) };
    const res = existing ? repo.update('employees', existing.id, values) : role ? repo.create('employees', { login, name: args.name ?? login, active: true, ...values }) : undefined;
    if (!res) throw new UsageError(t('server.needRole'));
    if (!res.ok) throw new Refused([t('cli.refused'), ...res.errors.map((e) => `  ${errorText(t, 'employees', e)}`)]);
    // the database role the student's psql and app connect as (it may read the hotel and save
    // only through the app's commit); made before the binding is saved, so a failure saves nothing
    let dbRole: { created: boolean } | undefined;
    if (io.backend.allowLogin) {
      try {
        dbRole = await io.backend.allowLogin(io.backend.resolvePath(args.data, io.env), unix);
      } catch (e) {
        throw new Refused([t('server.roleFailed', { unix, reason: sanitizeLine(storeErrorText(t, e) ?? String((e as Error).message)) })]);
      }
    }
    return { save: true, emp: res.value, created: !existing, dbRole };
  });
  const roleName = String(s.repo.get('roles', String(r.emp.roleId))?.name ?? r.emp.roleId);
  if (args.json) io.out(JSON.stringify({ id: r.emp.id, login: r.emp.login, roleId: r.emp.roleId, unixUser: unix, created: r.created, databaseRole: r.dbRole ? unix : null }));
  else {
    io.out(t(r.created ? 'server.employeeAdded' : 'server.employeeBound', { id: r.emp.id, login: String(r.emp.login), role: roleName, unix }));
    if (r.dbRole) io.out(t(r.dbRole.created ? 'server.roleCreated' : 'server.roleGranted', { unix }));
  }
  return EXIT.ok;
}
