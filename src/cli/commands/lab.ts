// `hotel-crm lab list | start ID | status [ID] | check FILE`: the student's side of labs. A lab's
// workspace lives apart from the user's own (labs/ID/workspace.json beside it); `--lab ID` opens it
// for every other subcommand and for the app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { T } from '../../i18n/index.js';
import { normaliseLang } from '../../i18n/index.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { labFileOf, openSession, waitMsOf, type GlobalArgs } from '../open.js';
import { storeErrorText } from '../../presentation/store-errors.js';
import { labProblemText } from '../../presentation/lab-problems.js';
import { findLab, labStartWorkspace, LabStartError, readLabFile, shippedLabs } from '../../services/labs.js';
import { totalPoints, type Lab } from '../../domain/labs/lab-schema.js';
import { evaluateLab, scoreOf } from '../../domain/labs/check.js';
import { machineTimeZone } from '../../services/time-zone.js';
import { labLogFile, parseLog, startEvent, SUBMISSION_FORMAT, type LabStudent } from '../../services/lab-log.js';
import { displayWidth, fit } from '../../text/width.js';
import { startTeamLab } from './lab-team.js';

export interface LabArgs extends GlobalArgs {
  action: 'list' | 'start' | 'status' | 'check' | 'submit';
  arg?: string;
  force?: boolean;
  to?: string;
  /** lab start --team: on the shared hotel --data names (lab-team.ts) */
  team?: boolean;
}

const labFile = (id: string, io: CliIO, t: T): string => labFileOf(id, io, t);

function labOf(id: string | undefined, action: string, t: T): Lab {
  if (!id) throw new UsageError(t('lab.needId', { action }));
  const lab = findLab(id);
  if (!lab) throw new Refused([t('lab.unknown', { id, ids: shippedLabs().map((l) => l.id).join(', ') })]);
  return lab;
}

export async function labCmd(args: LabArgs, io: CliIO, t: T): Promise<number> {
  switch (args.action) {
    case 'list':
      return list(args, io, t);
    case 'start':
      return start(args, io, t);
    case 'status':
      return status(args, io, t);
    case 'check':
      return check(args, io, t);
    case 'submit':
      return submit(args, io, t);
  }
}

function list(args: LabArgs, io: CliIO, t: T): number {
  const labs = shippedLabs();
  const started = (l: Lab) => io.backend.exists(labFile(l.id, io, t));
  if (args.json) {
    io.out(JSON.stringify(labs.map((l) => ({ id: l.id, chapter: l.chapter, tags: l.tags, title: l.title, tasks: l.tasks.length, points: totalPoints(l), started: started(l) }))));
    return EXIT.ok;
  }
  io.out(t('lab.listHead'));
  for (const l of labs) {
    const mark = started(l) ? `  [${t('lab.startedMark')}]` : '';
    io.out(`${fit(l.id, 20)} ${String(l.chapter).padStart(3)}  ${String(l.tasks.length).padStart(5)} ${String(totalPoints(l)).padStart(6)}  ${t.l(l.title)}${mark}`);
  }
  return EXIT.ok;
}

async function start(args: LabArgs, io: CliIO, t: T): Promise<number> {
  const lab = labOf(args.arg, 'start', t);
  if (args.team) return startTeamLab(lab, args, io, t);
  const file = args.data ? io.backend.resolvePath(args.data, io.env) : labFile(lab.id, io, t);
  const waitMs = waitMsOf(args, io);
  if (io.backend.exists(file) && !args.force) throw new Refused([t('lab.exists', { id: lab.id, file })]);
  let ws;
  try {
    ws = labStartWorkspace(lab, () => io.backend.loadDemo(), io.now());
  } catch (e) {
    if (e instanceof LabStartError) throw new Refused(e.problems.map((p) => labProblemText(t, p)));
    throw e;
  }
  ws.settings.timeZone ??= machineTimeZone();
  const lang = normaliseLang(args.lang);
  if (lang) ws.settings.lang = lang;
  try {
    await io.backend.create(file, ws, io.now(), { waitMs });
    // the log of how the workspace is changed starts here, from the lab's starting data
    const first = startEvent(lab.id, ws, io.now().toISOString(), ws.settings.adminLogin, studentAccount());
    io.backend.writeFile(labLogFile(file), Buffer.from(JSON.stringify(first) + '\n'), 0o600);
  } catch (e) {
    const msg = storeErrorText(t, e);
    if (msg) throw new Refused([msg]);
    throw e;
  }
  if (args.json) io.out(JSON.stringify({ id: lab.id, file }));
  else io.out(t('lab.started', { id: lab.id, file }));
  return EXIT.ok;
}

async function status(args: LabArgs, io: CliIO, t: T): Promise<number> {
  const given = args.arg ? labOf(args.arg, 'status', t) : undefined;
  const data = given && !args.data ? labFile(given.id, io, t) : undefined;
  const s = await openSession({ ...args, data: data ?? args.data }, io, 'read');
  const ws = s.store.data;
  const file = s.store.file;
  await s.finish(false);
  const lab = given ?? (ws.settings.lab ? findLab(ws.settings.lab) : undefined);
  if (!lab) throw new Refused([t('lab.notLab', { file })]);
  const results = evaluateLab(lab, ws);
  const score = scoreOf(results);
  if (args.json) {
    io.out(JSON.stringify({ id: lab.id, file, earned: score.earned, total: score.total, tasks: results }));
    return EXIT.ok;
  }
  const lang = t.lang === 'en' ? 'en' : 'zh';
  io.out(t('lab.statusHead', { title: t.l(lab.title), id: lab.id }));
  lab.tasks.forEach((task, i) => {
    const r = results[i];
    const pts = `${r.earned}/${r.points}`;
    io.out(`[${r.passed ? 'x' : ' '}] ${pts}${' '.repeat(Math.max(1, 8 - displayWidth(pts)))}${i + 1}. ${task.description[lang]}`);
    io.out(`            ${r.reason[lang]}`);
  });
  io.out(t('lab.score', { earned: score.earned, total: score.total, passed: score.passed, count: results.length }));
  return EXIT.ok;
}

function check(args: LabArgs, io: CliIO, t: T): number {
  if (!args.arg) throw new UsageError(t('lab.needFile'));
  const r = readLabFile(args.arg);
  if (!r.ok) {
    throw new Refused([t('lab.fileBad', { file: args.arg, count: r.problems.length }), ...r.problems.map((p) => `  ${labProblemText(t, p)}`)]);
  }
  if (args.json) io.out(JSON.stringify({ ok: true, id: r.lab.id, tasks: r.lab.tasks.length, points: totalPoints(r.lab) }));
  else io.out(t('lab.fileOk', { file: args.arg, id: r.lab.id, count: r.lab.tasks.length, points: totalPoints(r.lab) }));
  return EXIT.ok;
}

/** The student: the account running the program (not $USER, which anyone can set): its login
 *  as files are named by it, the unix user as the system says it, and the uid. */
function studentAccount(): LabStudent {
  let name = '';
  try {
    name = os.userInfo().username;
  } catch {
    // no passwd entry (a container): the uid names the account
    name = `uid${process.getuid?.() ?? ''}`;
  }
  const uid = process.getuid?.();
  const login = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 64) || 'student';
  return { login, unixUser: name.slice(0, 256), ...(uid === undefined ? {} : { uid }) };
}
const studentLogin = () => studentAccount().login;

async function submit(args: LabArgs, io: CliIO, t: T): Promise<number> {
  const dir = args.to ?? io.env.HOTEL_CRM_SUBMIT_DIR;
  if (!dir) throw new UsageError(t('lab.needTo'));
  const given = args.arg ? labOf(args.arg, 'submit', t) : undefined;
  const data = given && !args.data ? labFile(given.id, io, t) : undefined;
  const s = await openSession({ ...args, data: data ?? args.data }, io, 'read');
  const ws = s.store.data;
  const file = s.store.file;
  await s.finish(false);
  const lab = given ?? (ws.settings.lab ? findLab(ws.settings.lab) : undefined);
  if (!lab || ws.settings.lab !== lab.id) throw new Refused([t('lab.notLab', { file })]);
  const text = io.backend.readPrivate?.(labLogFile(file));
  if (text === undefined) throw new Refused([t('lab.noLog', { file: labLogFile(file) })]);
  const events = parseLog(text).events;
  let isDir = false;
  try {
    isDir = fs.statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new Refused([t('lab.noDir', { dir })]);
  const student = studentLogin();
  const submission = { format: SUBMISSION_FORMAT, version: 1, lab: lab.id, student, submittedAt: io.now().toISOString(), workspace: ws, events };
  const target = path.join(dir, `${lab.id}.${student}.json`);
  // the instructor's group reads it; nobody else
  io.backend.writeFile(target, Buffer.from(JSON.stringify(submission)), 0o640);
  const score = scoreOf(evaluateLab(lab, ws));
  if (args.json) io.out(JSON.stringify({ id: lab.id, file: target, student, earned: score.earned, total: score.total, events: events.length }));
  else io.out(t('lab.submitted', { id: lab.id, file: target, earned: score.earned, total: score.total, count: Math.max(0, events.length - 1) }));
  return EXIT.ok;
}
