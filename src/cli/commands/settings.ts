// The hotel's own settings from the command line: `org show|set` (its profile) and
// `values [LIST] | values add|rename|retire|restore|remove|up|down LIST CODE` (value lists). Only an
// administrator changes them (the service says so); every change is printed once on disk.
import { ORG_FIELDS } from '../../domain/org.js';
import { editableLists, RESHAPABLE_FIXED, VALUE_NUMBERS } from '../../domain/value-edit.js';
import type { ValueEdit } from '../../domain/value-edit.js';
import { errorMessage, type T } from '../../i18n/index.js';
import { EXIT, Refused, UsageError, type CliIO } from '../io.js';
import { openSession, type GlobalArgs } from '../open.js';
import { workThenSave } from '../commit.js';
import { sanitizeLine } from '../../text/sanitize.js';
import type { FieldError } from '../../domain/errors.js';
import { valueListLabel } from '../../presentation/value-lists.js';

export type OrgArgs = GlobalArgs & { action: string; name?: string; nameEn?: string; address?: string; phone?: string; stars?: string; currency?: string };

const refused = (t: T, errors: FieldError[]) => new Refused([t('cli.refused'), ...errors.map((e) => `  ${errorMessage(t, e)}`)]);

function orgLines(t: T, o: Record<string, unknown>): string[] {
  return ORG_FIELDS.map((k) => `${t(`org.${k}`)}: ${sanitizeLine(String(o[k] ?? ''))}`);
}

export async function orgCmd(args: OrgArgs, io: CliIO, t0: T): Promise<number> {
  if (args.action === 'show') {
    const s = await openSession(args, io, 'read');
    const o = s.repo.ws.organisation;
    await s.finish(false);
    io.out(args.json ? JSON.stringify(o, null, 2) : orgLines(s.t, o).join('\n'));
    return EXIT.ok;
  }
  const patch: Record<string, unknown> = {};
  for (const k of ORG_FIELDS) {
    const v = args[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new UsageError(t0('cli.repeatedFlag', { flag: k }));
    patch[k] = k === 'stars' ? (/^[0-5]$/.test(v.trim()) ? Number(v.trim()) : NaN) : k === 'currency' ? v.trim().toUpperCase() : v.trim();
  }
  if (!Object.keys(patch).length) throw new UsageError(t0('org.nothingToSet'));
  if (Number.isNaN(patch.stars)) throw new UsageError(t0('org.badStars', { value: sanitizeLine(String(args.stars)) }));
  const s = await openSession(args, io, 'write');
  const r = await workThenSave(s, () => {
    const res = s.repo.setOrganisation(patch);
    if (!res.ok) throw refused(s.t, res.errors);
    return { save: !!res.changed, org: res.value };
  });
  io.out(args.json ? JSON.stringify(r.org, null, 2) : [s.t('org.saved'), ...orgLines(s.t, r.org)].join('\n'));
  return EXIT.ok;
}

export type ValuesArgs = GlobalArgs & { action?: string; list?: string; code?: string; en?: string; zh?: string; label?: string; probability?: string; pointsPerYuan?: string };

const EDITS = ['add', 'rename', 'set', 'retire', 'restore', 'remove', 'up', 'down'];

/** `--probability 40` / `--points-per-yuan 1.5`; `--probability default` goes back to the default */
function numberFlag(t: T, flag: string, raw: unknown): number | null | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new UsageError(t('cli.repeatedFlag', { flag }));
  const v = raw.trim();
  if (v === 'default') return null;
  if (!/^\d+(\.\d+)?$/.test(v)) throw new UsageError(t('values.badNumber', { flag, value: sanitizeLine(raw) }));
  return Number(v);
}

export async function valuesCmd(args: ValuesArgs, io: CliIO, t0: T): Promise<number> {
  // `values source` reads as `values show source`
  let action = args.action ?? 'show';
  if (action !== 'show' && !EDITS.includes(action) && args.list === undefined) {
    args = { ...args, list: action };
    action = 'show';
  }
  if (action === 'show') {
    const s = await openSession(args, io, 'read');
    const lists = s.repo.ws.valueLists;
    await s.finish(false);
    const names = editableLists(lists);
    if (!args.list) {
      if (args.json) io.out(JSON.stringify(Object.fromEntries(names.map((n) => [n, lists[n]])), null, 2));
      else io.out(names.map((n) => `${n}\t${valueListLabel(s.t, n)}\t${lists[n]?.length ?? 0}`).join('\n'));
      return EXIT.ok;
    }
    const items = lists[args.list];
    if (!items || !names.includes(args.list)) throw new UsageError(t0('values.unknownList', { list: sanitizeLine(args.list), lists: names.join(', ') }));
    if (args.json) io.out(JSON.stringify(items, null, 2));
    else {
      const num = VALUE_NUMBERS[args.list];
      io.out(items.map((v) => `${v.code}\t${sanitizeLine(v.en)}\t${sanitizeLine(v.zh)}${num ? `\t${v[num.field] ?? '-'}${num.field === 'probability' ? '%' : ''}` : ''}${v.retired ? `\t${s.t('values.retired')}` : ''}`).join('\n'));
    }
    return EXIT.ok;
  }
  if (!EDITS.includes(action)) throw new UsageError(t0('values.badAction', { action: sanitizeLine(action), actions: ['show', ...EDITS].join(' | ') }));
  if (!args.list || !args.code) throw new UsageError(t0('values.needListCode', { action }));
  for (const k of ['en', 'zh', 'label'] as const) if (args[k] !== undefined && typeof args[k] !== 'string') throw new UsageError(t0('cli.repeatedFlag', { flag: k }));
  // --label gives both languages the one label, unless --en or --zh gives its own
  if (args.label !== undefined) args = { ...args, en: args.en ?? args.label, zh: args.zh ?? args.label };
  const code = String(args.code);
  let edit: ValueEdit;
  if (action === 'add') {
    if (!args.en || !args.zh) throw new UsageError(t0('values.needLabels'));
    const probability = numberFlag(t0, 'probability', args.probability) ?? undefined;
    const pointsPerYuan = numberFlag(t0, 'points-per-yuan', args.pointsPerYuan) ?? undefined;
    edit = { op: 'add', code, en: args.en, zh: args.zh, probability, pointsPerYuan };
  } else if (action === 'remove') {
    // only the stages are removed; the values of other lists stay on old records, retired
    if (!(String(args.list) in RESHAPABLE_FIXED)) throw new Refused([t0('values.removeNotHere', { list: sanitizeLine(String(args.list)) })]);
    edit = { op: 'remove', code };
  } else if (action === 'rename' || action === 'set') {
    const probability = numberFlag(t0, 'probability', args.probability);
    const pointsPerYuan = numberFlag(t0, 'points-per-yuan', args.pointsPerYuan);
    if (args.en === undefined && args.zh === undefined && probability === undefined && pointsPerYuan === undefined) throw new UsageError(t0('values.needLabels'));
    edit = { op: 'rename', code, en: args.en, zh: args.zh, probability, pointsPerYuan };
  } else if (action === 'up' || action === 'down') edit = { op: 'move', code, by: action === 'up' ? -1 : 1 };
  else edit = { op: action as 'retire' | 'restore', code };
  const s = await openSession(args, io, 'write');
  const list = String(args.list);
  const r = await workThenSave(s, () => {
    const res = s.repo.editValues(list, edit);
    if (!res.ok) throw refused(s.t, res.errors);
    return { save: true, items: res.value };
  });
  if (args.json) io.out(JSON.stringify(r.items, null, 2));
  else {
    const v = r.items.find((x) => x.code.toLowerCase() === code.toLowerCase());
    io.out(s.t('values.saved', { list, code: sanitizeLine(v?.code ?? code), label: sanitizeLine(v ? (s.t.lang === 'en' ? v.en : v.zh) : '') }));
  }
  return EXIT.ok;
}
