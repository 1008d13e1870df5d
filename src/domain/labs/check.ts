// The check language of labs, read and judged. A check is compiled once against the entity
// schemas (fields by name or label, values by code or label, money in yuan) — that is where a
// lab file's mistakes are found — then run on a workspace. Each task says in both languages
// what was found, so a student sees why a task is not ticked and an instructor why it failed.
import { ENTITIES, entityFields, type EntityName } from '../entities.js';
import type { FieldInfo } from '../fields.js';
import { findField, matchingCodes } from '../query.js';
import { nestedShape, nestedRows, nestedColumns } from '../nested.js';
import { parseDateText, parseNumberText } from '../parse-input.js';
import { parseYuanText, yuanNumberToFen } from '../money.js';
import { DEFAULT_VALUE_LISTS, valueLabel, type ValueLists } from '../values.js';
import type { Workspace, EntityRecord } from '../workspace.js';
import type { Bilingual, Check, Condition, Count, Has, Lab } from './lab-schema.js';

/** A mistake in a check, located by its path in the lab file (tasks.2.check.where.0). */
export interface CheckProblem {
  path: (string | number)[];
  code: 'unknownField' | 'notInList' | 'badValue' | 'noOrder' | 'notList' | 'notText' | 'notRef';
  params: Record<string, string>;
}

type Row = Record<string, unknown>;

/** Whatever a test needs besides the record: the workspace's records and their indexes. */
interface Ctx {
  ws: Workspace;
  byId: (e: EntityName, id: string) => EntityRecord | undefined;
  referring: (e: EntityName, via: string, id: string) => EntityRecord[];
}

interface Step {
  test: (r: Row, ctx: Ctx) => boolean;
  say: Bilingual;
}

const both = (zh: string, en: string): Bilingual => ({ zh, en });
const OPS: Record<string, Bilingual> = {
  eq: both('=', '='), ne: both('!=', '!='), in: both('属于', 'in'), contains: both('包含', 'contains'),
  gte: both('>=', '>='), lte: both('<=', '<='),
};
const ORDERED = new Set(['date', 'datetime', 'money', 'int', 'number']);
const TEXTUAL = new Set(['text', 'longtext', 'phone', 'email', 'id', 'tags', 'ref', 'enum', 'date', 'datetime']);

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/** The text a value of the lab file shows in a reason (a code with its label). */
function shownValue(fi: FieldInfo, v: unknown, lists: ValueLists, lang: 'zh' | 'en'): string {
  if (fi.kind === 'enum' && typeof v === 'string') {
    const codes = matchingCodes(lists, fi.values!, v, true);
    if (codes.size === 1) return valueLabel(lists, fi.values!, [...codes][0], lang);
  }
  if (fi.kind === 'money' && typeof v === 'number') return `¥${v}`;
  return String(v);
}

class Compiler {
  problems: CheckProblem[] = [];
  constructor(readonly lists: ValueLists) {}

  problem(path: (string | number)[], code: CheckProblem['code'], params: Record<string, string>): Step {
    this.problems.push({ path, code, params });
    return { test: () => false, say: both('?', '?') };
  }

  /** One condition on fields `fields` (an entity's, or the parts of a list field). */
  cond(c: Condition, fields: FieldInfo[], owner: string, path: (string | number)[]): Step {
    const fi = findField(fields, c.field);
    if (!fi) return this.problem([...path, 'field'], 'unknownField', { entity: owner, field: c.field, fields: fields.filter((f) => f.kind !== 'json' || f.name !== 'permissions').map((f) => f.name).join(', ') });
    const label = fi.label;
    const name = fi.name;
    const say = (op: Bilingual, v: unknown) => both(`${label.zh} ${op.zh} ${shownValue(fi, v, this.lists, 'zh')}`, `${label.en} ${op.en} ${shownValue(fi, v, this.lists, 'en')}`);

    if (c.exists !== undefined) {
      const want = c.exists;
      return { test: (r) => !isEmpty(r[name]) === want, say: want ? both(`${label.zh} 已填写`, `${label.en} is filled in`) : both(`${label.zh} 为空`, `${label.en} is empty`) };
    }
    if (c.some) {
      const schema = fi.kind === 'json' ? fieldSchema(owner, name) : undefined;
      const shape = schema ? nestedShape(schema) : undefined;
      if (!shape || shape.kind === 'other') return this.problem([...path, 'field'], 'notList', { field: c.field });
      const parts = nestedColumns(shape);
      const subs = c.some.map((s, i) => this.cond(s, parts, `${owner}.${name}`, [...path, 'some', i]));
      const inner = joinSay(subs.map((s) => s.say));
      return {
        test: (r, ctx) => nestedRows(shape, r[name]).some((row) => subs.every((s) => s.test(row, ctx))),
        say: both(`${label.zh} 中有一项（${inner.zh}）`, `${label.en} has an entry with (${inner.en})`),
      };
    }
    const op = (['eq', 'ne', 'in', 'contains', 'gte', 'lte'] as const).find((o) => c[o] !== undefined)!;
    const raw = c[op]!;
    const values = Array.isArray(raw) ? raw : [raw];
    if ((op === 'gte' || op === 'lte') && !ORDERED.has(fi.kind)) return this.problem([...path, op], 'noOrder', { field: c.field });
    if (op === 'contains' && !TEXTUAL.has(fi.kind)) return this.problem([...path, op], 'notText', { field: c.field });
    const matchOne = this.matcher(fi, op, values, [...path, op]);
    if (!matchOne) return { test: () => false, say: both('?', '?') };
    const shown = Array.isArray(raw) ? raw.join(' / ') : raw;
    const test = (r: Row, ctx: Ctx) => (op === 'ne' ? !matchOne(r[name], ctx) : matchOne(r[name], ctx));
    return { test, say: say(OPS[op], shown) };
  }

  /** A test of one stored value against the lab's values (any of them, for `in`). */
  matcher(fi: FieldInfo, op: string, values: (string | number | boolean)[], path: (string | number)[]): ((v: unknown, ctx: Ctx) => boolean) | undefined {
    const bad = (v: unknown) => {
      this.problem(path, 'badValue', { field: fi.name, kind: fi.kind, value: String(v) });
      return undefined;
    };
    const ordered = op === 'gte' || op === 'lte';
    const cmp = (a: number | string, b: number | string) => (op === 'gte' ? a >= b : a <= b);
    switch (fi.kind) {
      case 'enum': {
        const codes = new Set<string>();
        for (const v of values) {
          const found = matchingCodes(this.lists, fi.values!, String(v), true);
          if (!found.size) {
            this.problem(path, 'notInList', { field: fi.name, value: String(v), list: (this.lists[fi.values!] ?? DEFAULT_VALUE_LISTS[fi.values!] ?? []).map((x) => `${x.code} ${x.zh}`).join(', ') });
            return undefined;
          }
          if (op === 'contains') matchingCodes(this.lists, fi.values!, String(v), false).forEach((x) => codes.add(x));
          else found.forEach((x) => codes.add(x));
        }
        return (v) => typeof v === 'string' && codes.has(v);
      }
      case 'money': {
        const fens: number[] = [];
        for (const v of values) {
          const r = typeof v === 'number' ? yuanNumberToFen(v, { allowNegative: true }) : parseYuanText(String(v), { allowNegative: true });
          if (!('fen' in r)) return bad(v);
          fens.push(r.fen);
        }
        return (v) => typeof v === 'number' && (ordered ? cmp(v, fens[0]) : fens.includes(v));
      }
      case 'int':
      case 'number': {
        const nums: number[] = [];
        for (const v of values) {
          const n = typeof v === 'number' ? v : parseNumberText(String(v));
          if (n === undefined) return bad(v);
          nums.push(n);
        }
        return (v) => typeof v === 'number' && (ordered ? cmp(v, nums[0]) : nums.includes(v));
      }
      case 'date':
      case 'datetime': {
        if (op === 'contains') {
          const q = String(values[0]);
          return (v) => typeof v === 'string' && v.includes(q);
        }
        const days: string[] = [];
        for (const v of values) {
          const d = parseDateText(String(v));
          if (!d) return bad(v);
          days.push(d);
        }
        return (v) => typeof v === 'string' && (ordered ? cmp(v.slice(0, 10), days[0]) : days.includes(v.slice(0, 10)));
      }
      case 'bool': {
        const want: boolean[] = [];
        for (const v of values) {
          if (typeof v === 'boolean') want.push(v);
          else if (['true', 'yes', '是', '1'].includes(String(v).toLowerCase())) want.push(true);
          else if (['false', 'no', '否', '0'].includes(String(v).toLowerCase())) want.push(false);
          else return bad(v);
        }
        return (v) => want.includes(v === true);
      }
      case 'json':
        return bad(values[0]);
      default: {
        // text, phone, email, id, tags, references: trimmed and case-insensitive
        const qs = values.map((v) => String(v).trim().toLowerCase());
        const has = (s: string) => (op === 'contains' ? qs.some((q) => s.includes(q)) : qs.includes(s));
        if (fi.kind === 'ref') {
          const ent = fi.ref as EntityName;
          const display = ENTITIES[ent]?.display ?? 'name';
          return (v, ctx) => {
            if (typeof v !== 'string' || !v) return false;
            if (has(v.toLowerCase())) return true;
            const target = ctx.byId(ent, v);
            return !!target && has(String(target[display] ?? '').trim().toLowerCase());
          };
        }
        return (v) => (Array.isArray(v) ? v.some((x) => has(String(x).trim().toLowerCase())) : v !== undefined && v !== null && has(String(v).trim().toLowerCase()));
      }
    }
  }

  /** A `has`: records of another entity that refer to the one being checked. */
  has(h: Has, outer: EntityName, path: (string | number)[]): Step {
    const fields = entityFields(h.entity);
    const via = findField(fields, h.via);
    if (!via || via.kind !== 'ref' || via.ref !== outer) return this.problem([...path, 'via'], 'notRef', { entity: h.entity, via: h.via, target: outer });
    const steps = [...(h.where ?? []).map((c, i) => this.cond(c, fields, h.entity, [...path, 'where', i])), ...(h.has ?? []).map((x, i) => this.has(x, h.entity, [...path, 'has', i]))];
    const inner = joinSay(steps.map((s) => s.say));
    const need = countSay(h.count);
    const label = ENTITIES[h.entity].label;
    return {
      test: (r, ctx) => {
        const n = ctx.referring(h.entity, via.name, String(r.id)).filter((x) => steps.every((s) => s.test(x, ctx))).length;
        return countOk(n, h.count);
      },
      say: both(`有${need.zh}${label.zh}${inner.zh ? `（${inner.zh}）` : ''}`, `having ${need.en} ${label.en.toLowerCase()}${inner.en ? ` (${inner.en})` : ''}`),
    };
  }
}

/** The schema of an entity's list field; a list inside a list is not looked into. */
function fieldSchema(owner: string, name: string) {
  const ent = (ENTITIES as Record<string, (typeof ENTITIES)[EntityName] | undefined>)[owner];
  return ent?.schema.shape[name] as Parameters<typeof nestedShape>[0] | undefined;
}

function joinSay(s: Bilingual[]): Bilingual {
  return both(s.map((x) => x.zh).join('，'), s.map((x) => x.en).join(', '));
}

function countOk(n: number, c: Count | undefined): boolean {
  if (!c) return n >= 1;
  if (c.exactly !== undefined) return n === c.exactly;
  if (c.atLeast === undefined && c.atMost === undefined) return n >= 1;
  return (c.atLeast === undefined || n >= c.atLeast) && (c.atMost === undefined || n <= c.atMost);
}

function countSay(c: Count | undefined): Bilingual {
  if (c?.exactly !== undefined) return both(`恰好 ${c.exactly} 条`, `exactly ${c.exactly}`);
  const parts: Bilingual[] = [];
  if (c?.atLeast !== undefined || c?.atMost === undefined) parts.push(both(`至少 ${c?.atLeast ?? 1} 条`, `at least ${c?.atLeast ?? 1}`));
  if (c?.atMost !== undefined) parts.push(both(`至多 ${c.atMost} 条`, `at most ${c.atMost}`));
  return both(parts.map((p) => p.zh).join('、'), parts.map((p) => p.en).join(' and '));
}

export interface CompiledCheck {
  entity: EntityName;
  steps: Step[];
  every: Step[];
  count?: Count;
}

/** Reads a check against the schemas and the value lists; problems say what is wrong where. */
export function compileCheck(check: Check, lists: ValueLists = DEFAULT_VALUE_LISTS, path: (string | number)[] = []): { check: CompiledCheck; problems: CheckProblem[] } {
  const c = new Compiler(lists);
  const fields = entityFields(check.entity);
  const steps = [
    ...(check.where ?? []).map((w, i) => c.cond(w, fields, check.entity, [...path, 'where', i])),
    ...(check.has ?? []).map((h, i) => c.has(h, check.entity, [...path, 'has', i])),
  ];
  const every = (check.every ?? []).map((w, i) => c.cond(w, fields, check.entity, [...path, 'every', i]));
  return { check: { entity: check.entity, steps, every, count: check.count }, problems: c.problems };
}

/** Every problem of a lab's checks (none: each check means something in the schemas). */
export function labProblems(lab: Lab, lists: ValueLists = DEFAULT_VALUE_LISTS): CheckProblem[] {
  return lab.tasks.flatMap((t, i) => compileCheck(t.check, lists, ['tasks', i, 'check']).problems);
}

export interface TaskResult {
  taskId: string;
  points: number;
  earned: number;
  passed: boolean;
  /** what was found, in both languages */
  reason: Bilingual;
}

function contextOf(ws: Workspace): Ctx {
  const ids = new Map<EntityName, Map<string, EntityRecord>>();
  const refs = new Map<string, Map<string, EntityRecord[]>>();
  const list = (e: EntityName) => (ws[e] ?? []) as EntityRecord[];
  return {
    ws,
    byId(e, id) {
      let m = ids.get(e);
      if (!m) ids.set(e, (m = new Map(list(e).map((r) => [r.id, r]))));
      return m.get(id);
    },
    referring(e, via, id) {
      const k = `${e}.${via}`;
      let m = refs.get(k);
      if (!m) {
        refs.set(k, (m = new Map()));
        for (const r of list(e)) {
          const v = r[via];
          if (typeof v !== 'string') continue;
          const arr = m.get(v);
          if (arr) arr.push(r);
          else m.set(v, [r]);
        }
      }
      return m.get(id) ?? [];
    },
  };
}

const shortName = (e: EntityName, r: EntityRecord): string => {
  const d = ENTITIES[e].display;
  const v = d === 'id' ? '' : String(r[d] ?? '');
  return v ? `${r.id} ${v.length > 16 ? v.slice(0, 15) + '~' : v}` : r.id;
};
const listed = (e: EntityName, recs: EntityRecord[]) => recs.slice(0, 3).map((r) => shortName(e, r)).join(', ') + (recs.length > 3 ? ' …' : '');

function judge(compiled: CompiledCheck, ctx: Ctx): { passed: boolean; reason: Bilingual } {
  const e = compiled.entity;
  const label = ENTITIES[e].label;
  const all = (ctx.ws[e] ?? []) as EntityRecord[];
  const c = compiled.count;
  const need = c?.exactly ?? c?.atLeast ?? (c?.atMost !== undefined ? 0 : 1);
  let cur = all;
  const said: Bilingual[] = [];
  for (const step of compiled.steps) {
    const next = cur.filter((r) => step.test(r, ctx));
    said.push(step.say);
    if (next.length < need) {
      const before = said.length > 1 ? joinSay(said.slice(0, -1)) : undefined;
      const head = before
        ? both(`符合「${before.zh}」的${label.zh}有 ${cur.length} 条，其中「${step.say.zh}」的有 ${next.length} 条`, `${label.en} with ${before.en}: ${cur.length}; of them with ${step.say.en}: ${next.length}`)
        : both(`「${step.say.zh}」的${label.zh}有 ${next.length} 条`, `${label.en} with ${step.say.en}: ${next.length}`);
      const want = countSay(c);
      return { passed: false, reason: both(`${head.zh}（需要${want.zh}）`, `${head.en} (need ${want.en})`) };
    }
    cur = next;
  }
  const n = cur.length;
  const what = said.length ? joinSay(said) : undefined;
  const found = what ? both(`符合「${what.zh}」的${label.zh}有 ${n} 条`, `${label.en} with ${what.en}: ${n}`) : both(`${label.zh}共 ${n} 条`, `${label.en}: ${n}`);
  if (!countOk(n, c)) {
    const want = countSay(c);
    return { passed: false, reason: both(`${found.zh}（需要${want.zh}）`, `${found.en} (need ${want.en})`) };
  }
  for (const step of compiled.every) {
    const failing = cur.filter((r) => !step.test(r, ctx));
    if (failing.length) {
      return {
        passed: false,
        reason: both(`${found.zh}，其中 ${failing.length} 条不满足「${step.say.zh}」：${listed(e, failing)}`, `${found.en}; ${failing.length} of them not ${step.say.en}: ${listed(e, failing)}`),
      };
    }
  }
  const which = n ? `: ${listed(e, cur)}` : '';
  return { passed: true, reason: both(`${found.zh}${which.replace(': ', '：')}`, `${found.en}${which}`) };
}

/** Each task of the lab judged on the workspace: what grading calls on every submission. A
 *  check the workspace's value lists cannot read (a value retired since) fails its task with
 *  the reason, rather than failing the whole lab. */
export function evaluateLab(lab: Lab, ws: Workspace): TaskResult[] {
  const ctx = contextOf(ws);
  const lists = ws.valueLists ?? DEFAULT_VALUE_LISTS;
  return lab.tasks.map((task) => {
    const { check, problems } = compileCheck(task.check, lists);
    if (problems.length) {
      const p = problems[0];
      const what = `${p.code} ${Object.values(p.params)[0] ?? ''} ${p.params.value ?? ''}`.trim();
      return { taskId: task.id, points: task.points, earned: 0, passed: false, reason: both(`检查无法执行：${what}`, `the check cannot be run: ${what}`) };
    }
    const r = judge(check, ctx);
    return { taskId: task.id, points: task.points, earned: r.passed ? task.points : 0, passed: r.passed, reason: r.reason };
  });
}

/** Points earned and possible, for a status line. */
export function scoreOf(results: TaskResult[]): { earned: number; total: number; passed: number } {
  return {
    earned: results.reduce((a, r) => a + r.earned, 0),
    total: results.reduce((a, r) => a + r.points, 0),
    passed: results.filter((r) => r.passed).length,
  };
}

