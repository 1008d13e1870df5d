// Labs for the student: the shipped lab files, a lab file read and judged (`lab check`), a
// lab's starting workspace, and where a lab's workspace lives. A lab file is hostile input
// like any other: JSON, then the zod schema, then every check against the entity schemas.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lab, LAB_ID } from '../domain/labs/lab-schema.js';
import { labProblems, type CheckProblem } from '../domain/labs/check.js';
import { emptyWorkspace, type Workspace } from '../domain/workspace.js';
import { ENTITY_NAMES, type EntityName } from '../domain/entities.js';
import { Repo } from './repo.js';
import { importTable, tableFromJson, type ImportIssue } from './import.js';
import { demoForToday } from './demo-today.js';

export type { Lab } from '../domain/labs/lab-schema.js';

/** One thing wrong with a lab file, located by its path in the file. */
export type LabFileProblem =
  | { code: 'json'; detail: string }
  | { code: 'schema'; path: (string | number)[]; issue: string; params: Record<string, string> }
  | (CheckProblem & { issue?: undefined })
  | { code: 'start'; path: (string | number)[]; entity: EntityName; issues: ImportIssue[] };

export type LabRead = { ok: true; lab: Lab } | { ok: false; problems: LabFileProblem[] };

/** A lab from the text of its file: every problem found, not just the first. */
export function readLabText(text: string): LabRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { ok: false, problems: [{ code: 'json', detail: String((e as Error).message).slice(0, 200) }] };
  }
  const r = Lab.safeParse(raw);
  if (!r.success) {
    return {
      ok: false,
      problems: r.error.issues.slice(0, 30).map((i) => {
        const x = i as unknown as Record<string, unknown>;
        const params: Record<string, string> = {};
        if (i.code === 'invalid_type') params[x.input === undefined ? 'missing' : 'expected'] = String(x.expected);
        if (i.code === 'unrecognized_keys') params.keys = (x.keys as string[]).join(', ');
        if (i.code === 'invalid_value') params.values = (x.values as unknown[]).map(String).join(', ');
        if (i.code === 'too_small' || i.code === 'too_big') params.limit = String(x.minimum ?? x.maximum);
        if (i.code === 'custom') params.message = i.message;
        return { code: 'schema' as const, path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), issue: i.code, params };
      }),
    };
  }
  const problems = labProblems(r.data);
  if (problems.length) return { ok: false, problems };
  return { ok: true, lab: r.data };
}

/** The folder of the shipped labs: data/labs beside src/ or dist/ (two above dist/chunks/). */
export function shippedLabsDir(): string {
  const candidates = ['../data/labs', '../../data/labs'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  return candidates.find((f) => fs.existsSync(f)) ?? candidates[0];
}

let shipped: Lab[] | undefined;
/** The labs that ship with the program, by chapter then id. A shipped file that does not read
 *  is left out (a test keeps every one of them valid). */
export function shippedLabs(dir = shippedLabsDir()): Lab[] {
  if (shipped && dir === shippedLabsDir()) return shipped;
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const labs: Lab[] = [];
  for (const n of names) {
    const r = readLabText(fs.readFileSync(path.join(dir, n), 'utf8'));
    if (r.ok) labs.push(r.lab);
  }
  // by code unit, not localeCompare: the app reads this before its first frame (no ICU there)
  labs.sort((a, b) => a.chapter - b.chapter || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (dir === shippedLabsDir()) shipped = labs;
  return labs;
}

export const findLab = (id: string): Lab | undefined => (LAB_ID.test(id) ? shippedLabs().find((l) => l.id === id) : undefined);

/** Where a lab's own workspace lives: labs/ID/workspace.json beside the user's default workspace
 *  ($XDG_DATA_HOME/hotel-crm/labs/ID/workspace.json), so the lab never touches their own hotel. */
export function labWorkspaceFile(defaultWorkspace: string, id: string): string {
  if (!LAB_ID.test(id)) throw new Error(`bad lab id ${id}`);
  return path.join(path.dirname(defaultWorkspace), 'labs', id, 'workspace.json');
}

export class LabStartError extends Error {
  constructor(public problems: LabFileProblem[]) {
    super('lab start data refused');
  }
}

/** The workspace a student starts the lab from: the demo dated today (or an empty one), the
 *  lab's records removed and added (as `import` reads JSON: codes or labels, references by code
 *  or name, money in yuan), and the lab's id in its settings so the app shows its panel. */
export function labStartWorkspace(lab: Lab, demo: () => Workspace, now: Date): Workspace {
  const ws = lab.start.base === 'empty' ? emptyWorkspace(now.toISOString()) : demoForToday(demo(), now);
  const repo = new Repo(ws, { clock: () => now });
  const problems: LabFileProblem[] = [];
  for (const e of ENTITY_NAMES) {
    for (const id of lab.start.remove?.[e] ?? []) {
      const r = repo.delete(e, id);
      if (!r.ok) problems.push({ code: 'start', path: ['start', 'remove', e], entity: e, issues: r.errors.map((x) => ({ line: 0, field: x.field, value: id, code: x.code, params: x.params })) });
    }
  }
  for (const e of ENTITY_NAMES) {
    const recs = lab.start.add?.[e];
    if (!recs?.length) continue;
    const table = tableFromJson(recs, e);
    const report = table ? importTable(repo, e, table) : undefined;
    if (!report || !report.applied) problems.push({ code: 'start', path: ['start', 'add', e], entity: e, issues: report?.errors ?? [] });
  }
  if (problems.length) throw new LabStartError(problems);
  repo.drainChanges();
  ws.settings.lab = lab.id;
  return ws;
}

/** A lab file from disk (`lab check FILE`); a file that cannot be read throws the fs error. */
export function readLabFile(file: string): LabRead {
  const size = fs.statSync(file).size;
  if (size > 2 * 1024 * 1024) return { ok: false, problems: [{ code: 'json', detail: `${size} bytes: a lab file is at most 2 MB` }] };
  return readLabText(fs.readFileSync(file, 'utf8'));
}
