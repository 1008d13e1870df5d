// A snapshot this build wrote or found valid is not checked again while its bytes are the same
// (src/storage/checked-mark.ts); any other content is checked in full, whatever mark lies beside it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, parseWorkspaceText } from '../../src/storage/store.js';
import { exactlySame } from '../../src/storage/canonical-shell.js';
import { checkedMarkPath, digestOf, markChecked } from '../../src/storage/checked-mark.js';
import { Repo } from '../../src/services/repo.js';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

const FP = 'test-build';
let before: string | undefined;
beforeEach(() => {
  before = process.env.HOTEL_CRM_SCHEMA_FP;
  process.env.HOTEL_CRM_SCHEMA_FP = FP;
});
afterEach(() => {
  if (before === undefined) delete process.env.HOTEL_CRM_SCHEMA_FP;
  else process.env.HOTEL_CRM_SCHEMA_FP = before;
});

async function savedWorkspace(): Promise<string> {
  const file = path.join(tmpDir(), 'workspace.json');
  const s = await openStore(file, { create: true, write: true });
  new Repo(s.data).create('customers', { name: '王先生', phone: '13800000001' });
  await s.save();
  await s.close();
  return file;
}

/** The file with its first customer's phone made a number: JSON still, a bad record now. */
function spoil(file: string): void {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  raw.customers[0].phone = 7;
  fs.writeFileSync(file, JSON.stringify(raw));
}

describe('the mark of a checked snapshot', () => {
  it('is written with each save, and a file edited after it is checked in full and refused', async () => {
    const file = await savedWorkspace();
    expect(fs.existsSync(checkedMarkPath(file))).toBe(true);
    expect((await openStore(file, {})).data.customers[0].name).toBe('王先生');
    spoil(file);
    await expect(openStore(file, {})).rejects.toMatchObject({ code: 'invalid' });
    const deferred = await openStore(file, { deferValidation: true });
    await expect(deferred.validate()).rejects.toMatchObject({ code: 'invalid' });
  });

  it('vouches for exactly the bytes it names, for the build that wrote it, as a file of ours', async () => {
    const file = await savedWorkspace();
    spoil(file);
    const bytes = fs.readFileSync(file);
    const mark = checkedMarkPath(file);
    // a mark of this build naming these very bytes: the check is skipped (what makes a second open fast)
    markChecked(file, digestOf(bytes));
    await expect(openStore(file, {})).resolves.toBeTruthy();
    // the same mark from another build: checked in full
    process.env.HOTEL_CRM_SCHEMA_FP = 'another-build';
    await expect(openStore(file, {})).rejects.toMatchObject({ code: 'invalid' });
    process.env.HOTEL_CRM_SCHEMA_FP = FP;
    // one byte more in the file: checked in full
    fs.appendFileSync(file, ' ');
    await expect(openStore(file, {})).rejects.toMatchObject({ code: 'invalid' });
    fs.writeFileSync(file, bytes);
    // the mark reached through a link: not taken
    const real = `${mark}.real`;
    fs.renameSync(mark, real);
    fs.symlinkSync(real, mark);
    await expect(openStore(file, {})).rejects.toMatchObject({ code: 'invalid' });
  });

  it('is not written for a file the check changes, so the next open changes it again', async () => {
    const file = await savedWorkspace();
    const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    raw.customers[0].name = '  李女士  ';
    fs.writeFileSync(file, JSON.stringify(raw));
    for (let i = 0; i < 2; i++) {
      expect((await openStore(file, {})).data.customers[0].name).toBe('李女士');
      const deferred = await openStore(file, { deferValidation: true });
      await deferred.validate();
      expect(deferred.data.customers[0].name).toBe('李女士');
    }
  });

  it('is written by a reader that found every record valid, and still refuses a file edited after', async () => {
    const file = await savedWorkspace();
    fs.rmSync(checkedMarkPath(file));
    const raw = fs.readFileSync(file);
    fs.writeFileSync(file, raw); // as another program might leave it: no mark
    await openStore(file, {});
    expect(fs.existsSync(checkedMarkPath(file))).toBe(true);
    spoil(file);
    await expect(openStore(file, {})).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('a mark cut short', () => {
  it('leaves no temp file behind: the next writer removes one whose writer was killed', async () => {
    const file = await savedWorkspace();
    const temp = path.join(path.dirname(file), `.${path.basename(checkedMarkPath(file))}.99999999.deadbeef.tmp`);
    fs.writeFileSync(temp, '{"v":1');
    await (await openStore(file, { write: true })).close();
    expect(fs.existsSync(temp)).toBe(false);
  });
});

describe('the built CLI', { timeout: 90_000 }, () => {
  it('refuses a workspace edited by hand after a command found it valid (exit 1, nothing written)', () => {
    const file = path.join(tmpDir(), 'ws.json');
    expect(runBin(['init', '--data', file]).code).toBe(0);
    expect(runBin(['add', 'customers', '--name', '王先生', '--phone', '13800000001', '--data', file]).code).toBe(0);
    expect(runBin(['report', 'rfm', '--json', '--data', file]).code).toBe(0);
    expect(fs.existsSync(checkedMarkPath(file))).toBe(true);
    spoil(file);
    const text = fs.readFileSync(file, 'utf8');
    const r = runBin(['report', 'rfm', '--json', '--data', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/customers\[0\] phone/);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});

/** The workspace without its records (each list emptied where it stands). */
function shellOf(ws: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ws)) out[k] = Array.isArray(v) && k !== 'valueLists' ? [] : v;
  return out;
}
const markOf = (file: string) => JSON.parse(fs.readFileSync(checkedMarkPath(file), 'utf8')) as { shell?: boolean };
/** the workspace as a full parse of the file gives it (no mark consulted) */
const fullParse = (file: string) => parseWorkspaceText(fs.readFileSync(file, 'utf8'), file);

describe('a mark that says the shell parses to itself', () => {
  it('is written for a new workspace and after each save of it, and the file opens as a full parse gives it', async () => {
    const file = await savedWorkspace();
    expect(markOf(file).shell).toBe(true);
    for (let i = 0; i < 2; i++) {
      const s = await openStore(file, { write: true });
      expect(s.data.customers.length).toBe(i + 1);
      expect(exactlySame(shellOf(s.data), shellOf(fullParse(file)))).toBe(true);
      new Repo(s.data).create('customers', { name: `客户${i}`, phone: `1380000001${i}` });
      await s.save();
      await s.close();
      expect(markOf(file).shell).toBe(true);
    }
    const last = await openStore(file, { deferValidation: true });
    expect(exactlySame(shellOf(last.data), shellOf(fullParse(file)))).toBe(true);
    expect(last.data.counters.customers).toBe(3);
  });

  it('is not written for a shell the parse changes, so every open still changes it', async () => {
    const file = await savedWorkspace();
    const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    raw.organisation.motto = 'not a field'; // stripped by the parse
    raw.settings.timeZone = 'Nowhere/Atlantis'; // dropped by the parse (not a zone Intl knows)
    fs.writeFileSync(file, JSON.stringify(raw));
    fs.rmSync(checkedMarkPath(file));
    for (let i = 0; i < 2; i++) {
      const s = await openStore(file, { write: true });
      expect(markOf(file).shell).toBeUndefined(); // the records were found valid, the shell was changed
      expect(s.data.organisation).not.toHaveProperty('motto');
      expect(s.data.settings.timeZone).toBeUndefined();
      await s.close();
    }
  });

  it('is not written by a save whose settings the parse would change, so the next open changes them', async () => {
    const file = await savedWorkspace();
    const s = await openStore(file, { write: true });
    s.data.settings.timeZone = 'Nowhere/Atlantis';
    new Repo(s.data).create('customers', { name: '李女士', phone: '13800000002' });
    await s.save();
    await s.close();
    expect(markOf(file).shell).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).settings.timeZone).toBe('Nowhere/Atlantis');
    const again = await openStore(file, {});
    expect(again.data.settings.timeZone).toBeUndefined();
    expect(again.data.customers.length).toBe(2);
  });
});
