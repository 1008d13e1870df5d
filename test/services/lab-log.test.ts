// The tamper-evident lab log: every save of a lab workspace goes first to a hash-chained log,
// and a submission's workspace is checked against the replay of that log over the lab's start.
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/storage/store.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { findLab, labStartWorkspace } from '../../src/services/labs.js';
import { labLogFile, loggedStore, parseLog, startEvent, verifySubmission, SUBMISSION_FORMAT } from '../../src/services/lab-log.js';
import { sessionOver } from '../../src/services/session.js';
import type { StorageBackend } from '../../src/services/ports.js';

const NOW = new Date('2026-11-20T02:00:00.000Z');
const restart = (lab: string, at: Date) => labStartWorkspace(findLab(lab)!, loadDemoWorkspace, at);

function labSession() {
  const ws = restart('ch04-customers', NOW);
  const files = new Map<string, string>();
  const backend = {
    appendLine: (f: string, line: string) => files.set(f, (files.get(f) ?? '') + line + '\n'),
    readPrivate: (f: string) => files.get(f),
  } as unknown as StorageBackend;
  const store = memoryStore(ws, '/home/s/labs/ch04-customers/workspace.json');
  files.set(labLogFile(store.file), JSON.stringify(startEvent('ch04-customers', ws, NOW.toISOString(), 'admin')) + '\n');
  const session = sessionOver(loggedStore(store, backend), { user: 'admin', clock: () => NOW });
  const submission = () =>
    JSON.parse(JSON.stringify({ format: SUBMISSION_FORMAT, version: 1, lab: 'ch04-customers', student: 's1', submittedAt: NOW.toISOString(), workspace: store.data, events: parseLog(files.get(labLogFile(store.file))!).events })) as {
      workspace: { customers: { name: string }[] };
      events: { changes?: { r?: { name?: string } }[] }[];
    };
  return { session, submission, files, store };
}

async function work(s: ReturnType<typeof labSession>['session']) {
  s.repo.create('customers', { name: '林晓峰', kind: 'individual', stage: 'potential', phone: '13812345678' });
  await s.commit();
  s.repo.update('customers', 'C0003', { stage: 'target' });
  await s.commit();
  s.repo.create('contacts', { name: '周敏', customerId: 'C0033' });
  await s.commit();
}

describe('lab log', () => {
  it('each save adds one event chained to the one before; the workspace follows from the log', async () => {
    const lab = labSession();
    await work(lab.session);
    const sub = lab.submission();
    expect(sub.events).toHaveLength(4);
    expect(verifySubmission(sub, restart)).toEqual({ ok: true, events: 4 });
  });

  it('a workspace edited by hand does not follow from its log', async () => {
    const lab = labSession();
    await work(lab.session);
    const sub = lab.submission();
    sub.workspace.customers.find((c) => c.name === '邱建')!.name = '邱建华';
    expect(verifySubmission(sub, restart)).toEqual({ ok: false, code: 'content' });
  });

  it('an event edited, removed from the middle or swapped breaks the chain there; the last one cut leaves the workspace unexplained', async () => {
    const lab = labSession();
    await work(lab.session);
    const edited = lab.submission();
    edited.events[1].changes![0].r!.name = '林晓';
    expect(verifySubmission(edited, restart)).toEqual({ ok: false, code: 'chain', at: 1 });
    const cut = lab.submission();
    cut.events.splice(2, 1);
    expect(verifySubmission(cut, restart)).toEqual({ ok: false, code: 'chain', at: 2 });
    const swapped = lab.submission();
    [swapped.events[1], swapped.events[2]] = [swapped.events[2], swapped.events[1]];
    expect(verifySubmission(swapped, restart)).toMatchObject({ ok: false, code: 'chain' });
    const last = lab.submission();
    last.events.pop();
    expect(verifySubmission(last, restart)).toEqual({ ok: false, code: 'content' });
  });

  it('a log started from other data than the lab gives is flagged; a save logged but cut off before the workspace was written is not', async () => {
    const lab = labSession();
    await work(lab.session);
    expect(verifySubmission(lab.submission(), (id, at) => restart('ch05-customer-info', at))).toEqual({ ok: false, code: 'start', at: 0 });
    // a crash between the log and the save: the log holds one event the workspace does not
    const before = lab.submission();
    lab.session.repo.update('customers', 'C0006', { city: '杭州' });
    await lab.session.commit();
    const after = lab.submission();
    expect(verifySubmission({ ...after, workspace: before.workspace }, restart)).toEqual({ ok: true, events: 5 });
  });

  it('not a submission at all', () => {
    expect(verifySubmission({ format: 'x' })).toEqual({ ok: false, code: 'format' });
  });
});
