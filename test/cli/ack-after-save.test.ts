// The order "save, then say so", whatever the storage does underneath: the session's save is
// made to fail (as a full disk does) and nothing may reach stdout.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyWorkspace } from '../../src/domain/workspace.js';
import { Repo } from '../../src/services/repo.js';
import { makeT } from '../../src/i18n/index.js';
import type { CliIO } from '../../src/cli/io.js';

const state = vi.hoisted(() => ({ saves: 0, fail: true, conflict: false }));

vi.mock('../../src/cli/open.js', async (orig) => {
  const real = await orig<typeof import('../../src/cli/open.js')>();
  return {
    ...real,
    openSession: async (_args: unknown, io: CliIO) => {
      const ws = emptyWorkspace(io.now().toISOString());
      const repo = new Repo(ws, { clock: io.now });
      if (!repo.all('customers').length) repo.create('customers', { name: 'Old', phone: '13800000000' });
      return {
        store: { file: '/ws/workspace.json' },
        repo,
        t: makeT('en'),
        async finish(save: boolean) {
          if (!save) return;
          state.saves++;
          if (state.conflict) {
            const { ConflictError } = await import('../../src/services/ports.js');
            throw new ConflictError([{ entity: 'customers', id: 'C0001', kind: 'changed', by: 'stu02', at: '2025-01-02 11:03', fields: ['name'] }]);
          }
          if (state.fail) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
        },
      };
    },
  };
});

const { runCli } = await import('../../src/cli/build.js');

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { backend: {} as CliIO['backend'], out: (s) => out.push(s), err: (s) => err.push(s), env: { LANG: 'C' }, stdoutIsTTY: false, stderrIsTTY: false, now: () => new Date('2025-01-02T03:04:05Z') };
  return { cli, out, err };
}

describe('a command reports success only after its save', () => {
  beforeEach(() => {
    state.saves = 0;
    state.fail = true;
    state.conflict = false;
  });

  for (const args of [
    ['add', 'customers', '--name', 'Zed'],
    ['add', 'customers', '--name', 'Zed', '--json'],
    ['update', 'customers', 'C0001', '--name', 'Zed'],
    ['delete', 'customers', 'C0001'],
  ]) {
    it(`${args.join(' ')}: a failed save prints nothing on stdout and exits 1 with the reason`, async () => {
      const { cli, out, err } = io();
      expect(await runCli(args, cli)).toBe(1);
      expect(state.saves).toBe(1);
      expect(out).toEqual([]);
      expect(err.join('\n')).toContain('Could not save the workspace /ws/workspace.json: the disk is full');
    });
  }

  it('the id is printed once the save succeeded', async () => {
    state.fail = false;
    const { cli, out } = io();
    expect(await runCli(['add', 'customers', '--name', 'Zed'], cli)).toBe(0);
    expect(out).toEqual(['C0002']);
  });

  it('a usage error never reaches the handler (nothing saved, exit 2)', async () => {
    const { cli, out } = io();
    expect(await runCli(['add', 'customers', '--name', 'Zed', '--lang', 'xx'], cli)).toBe(2);
    expect(state.saves).toBe(0);
    expect(out).toEqual([]);
  });

  // a shared hotel: another student saved the same record between this command's read and its save
  for (const args of [['update', 'customers', 'C0001', '--name', 'Zed'], ['add', 'customers', '--name', 'Zed', '--json']]) {
    it(`${args.join(' ')}: a save refused as a conflict prints nothing on stdout, exits 1 and names the record and who`, async () => {
      state.conflict = true;
      const { cli, out, err } = io();
      expect(await runCli(args, cli)).toBe(1);
      expect(state.saves).toBe(1);
      expect(out).toEqual([]);
      const text = err.join('\n');
      expect(text).toContain('Not saved: someone else saved the same record first');
      expect(text).toContain('C0001');
      expect(text).toContain('stu02');
    });
  }
});
