// doctor on broken workspaces (the real binary): it opens what the store refuses, lists every
// problem, exits 1 without a stack trace; --repair keeps everything before a bad journal record.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { openStore } from '../../src/storage/store.js';
import { frame, journalPathFor } from '../../src/storage/journal.js';
import { applyBatches, type Batch } from '../../src/domain/change.js';

const at = '2026-11-25T10:00:00.000Z';
const customer = (id: string, name: string) => ({
  op: 'put' as const, e: 'customers' as const,
  r: { id, name, kind: 'individual', stage: 'potential', tags: [], createdAt: at, updatedAt: at },
});
const batch = (...changes: unknown[]) => ({ at, by: 'admin', changes }) as Batch;
const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

function workspace(): string {
  const file = path.join(tmpDir(), 'ws.json');
  expect(runBin(['init', '--data', file]).code).toBe(0);
  return file;
}

/** a session that saved two batches to the journal and ended without folding them */
async function journalled(file: string, ...batches: Batch[]) {
  const s = await openStore(file, { write: true });
  for (const b of batches) {
    applyBatches(s.data, [b]);
    await s.commit(b);
  }
  await s.close({ compact: false });
}

const listNames = (file: string) => {
  const r = runBin(['list', 'customers', '--data', file, '--json']);
  return { ...r, names: r.code === 0 ? JSON.parse(r.stdout).map((c: { name: string }) => c.name) : undefined };
};

describe('doctor on a damaged workspace', () => {
  it('a file that is not JSON: the problem, exit 1, no stack trace', () => {
    const file = workspace();
    fs.writeFileSync(file, '{"format": "hotel-crm-workspace", "vers');
    const r = runBin(['doctor', '--data', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not valid JSON');
    noTrace(r.stdout + r.stderr);
    const j = runBin(['doctor', '--data', file, '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).problems.map((p: { code: string }) => p.code)).toEqual(['corrupt']);
  });

  it('invalid records: every one listed with entity, id and field', () => {
    const file = workspace();
    const ws = JSON.parse(fs.readFileSync(file, 'utf8'));
    ws.customers = [
      { id: 'C0001', name: 'ok', kind: 'individual', stage: 'potential', tags: [], createdAt: at, updatedAt: at },
      { id: 'C0002', name: 'bad phone', kind: 'individual', stage: 'potential', tags: [], phone: 5, createdAt: at, updatedAt: at },
      { id: 'C0003', kind: 'individual', stage: 'potential', tags: [], createdAt: at, updatedAt: at },
    ];
    fs.writeFileSync(file, JSON.stringify(ws));
    expect(runBin(['list', 'customers', '--data', file]).code).toBe(1); // the store refuses it
    const r = runBin(['doctor', '--data', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/C0002: Mobile/);
    expect(r.stdout).toMatch(/C0003: Name/);
    noTrace(r.stdout + r.stderr);
    const j = JSON.parse(runBin(['doctor', '--data', file, '--json']).stdout);
    expect(j.problems.map((p: { entity: string; id: string }) => `${p.entity} ${p.id}`)).toEqual(['customers C0002', 'customers C0003']);
  });

  it('a torn lock file: said so, exit 1, also with --json', () => {
    const file = workspace();
    fs.writeFileSync(`${file}.lock`, '{"host": "lab", "pi');
    const r = runBin(['doctor', '--data', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lock file');
    noTrace(r.stdout + r.stderr);
    const j = runBin(['doctor', '--data', file, '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, lock: null, problems: [{ code: 'lockTorn' }] });
  });

  it('orphaned temp files of killed writers are reported (and do not make the workspace unhealthy)', () => {
    const file = workspace();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const orphan = path.join(path.dirname(file), `.ws.json.${dead.stdout}.0badf00d.tmp`);
    fs.writeFileSync(orphan, 'x'.repeat(4096));
    const r = runBin(['doctor', '--data', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(orphan);
    expect(runBin(['add', 'customers', '--data', file, '--name', 'A']).code).toBe(0);
    expect(fs.existsSync(orphan)).toBe(false); // removed by the next writer
  });
});

describe('a bad record in the middle of the journal', () => {
  it.each([
    ['counters with a string', { op: 'counters', c: { customers: 'x' } }],
    ['null settings', { op: 'settings', s: null }],
    ['a put without a record', { op: 'put', e: 'customers' }],
    ['a put of an invalid record', { op: 'put', e: 'customers', r: { id: 'C0009', phone: 7 } }],
  ])('(%s): refused with advice, listed by doctor, and doctor --repair keeps the batches before it', async (_, bad) => {
    const file = workspace();
    await journalled(file, batch(customer('C0001', '王先生')), batch(customer('C0002', '李女士')));
    fs.appendFileSync(journalPathFor(file), frame(batch(customer('C0003', 'in the bad batch'), bad)));
    fs.appendFileSync(journalPathFor(file), frame(batch(customer('C0004', 'after it'))));
    const snap = fs.readFileSync(file, 'utf8');

    const list = listNames(file);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain(journalPathFor(file));
    expect(list.stderr).toContain('line 4');
    expect(list.stderr).toContain('hotel-crm doctor --repair');
    noTrace(list.stderr);

    const doc = runBin(['doctor', '--data', file]);
    expect(doc.code).toBe(1);
    expect(doc.stdout).toContain('journal line 4');
    expect(doc.stdout).toContain('in the bad batch'); // what it held
    expect(fs.readFileSync(file, 'utf8')).toBe(snap); // doctor changes nothing

    const rep = runBin(['doctor', '--repair', '--data', file]);
    expect(rep.code).toBe(0);
    expect(rep.stdout).toMatch(/Moved journal lines 4 to 5/);
    expect(rep.stdout).toMatch(/Folded 2 change/);
    const aside = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('ws.json.journal.bad-'));
    expect(aside).toHaveLength(1);
    const kept = fs.readFileSync(path.join(path.dirname(file), aside[0]), 'utf8');
    expect(kept).toContain('in the bad batch');
    expect(kept).toContain('after it');
    expect(listNames(file)).toMatchObject({ code: 0, names: ['王先生', '李女士'] });
    expect(runBin(['doctor', '--data', file]).code).toBe(0);
  });

  it('escape sequences in a bad record never reach the terminal', async () => {
    const file = workspace();
    await journalled(file, batch(customer('C0001', 'A')));
    fs.appendFileSync(journalPathFor(file), frame(batch({ ...customer('C0002', '\u001b]52;c;cHduZWQ=\u0007\u001b[2J'), r: { id: 'C0002', phone: '\u001b]0;owned\u0007' } })));
    fs.appendFileSync(journalPathFor(file), frame(batch(customer('C0003', 'B'))));
    for (const args of [['list', 'customers'], ['doctor'], ['doctor', '--json']]) {
      const r = runBin([...args, '--data', file]);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toMatch(/\u001b|\u0007/);
    }
  });
});

describe('the identity of a journal, through the CLI', () => {
  it('init --force starts afresh: the old journal is not replayed into the new workspace', async () => {
    const file = workspace();
    await journalled(file, batch(customer('C0001', 'old customer')));
    expect(listNames(file).names).toEqual(['old customer']);
    expect(runBin(['init', '--force', '--data', file]).code).toBe(0);
    expect(listNames(file)).toMatchObject({ code: 0, names: [] });
    expect(fs.existsSync(journalPathFor(file))).toBe(false);
  });

  it('a journal of another workspace is refused; doctor --repair moves it aside, nothing lost', async () => {
    const a = workspace();
    await journalled(a, batch(customer('C0001', 'from A')));
    const b = workspace();
    fs.copyFileSync(journalPathFor(a), journalPathFor(b));
    const r = listNames(b);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not belong to this workspace');
    expect(runBin(['doctor', '--data', b]).code).toBe(1);
    const rep = runBin(['doctor', '--repair', '--data', b]);
    expect(rep.code).toBe(0);
    expect(rep.stdout).toContain('Moved the journal aside');
    expect(listNames(b)).toMatchObject({ code: 0, names: [] });
    const aside = fs.readdirSync(path.dirname(b)).filter((f) => f.startsWith('ws.json.journal.bad-'));
    expect(fs.readFileSync(path.join(path.dirname(b), aside[0]))).toEqual(fs.readFileSync(journalPathFor(a)));
  });
});
