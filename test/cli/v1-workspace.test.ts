// A workspace made by the previous release (version 1, money in float yuan: a copy of its
// `init --demo`) opens with today's build, shows the same amounts, is stored as version 2
// (integer fen) at the first save, and round-trips through export and import.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { parseCsv } from '../../src/text/csv.js';
import { appendJournal } from '../../src/storage/journal.js';
import { SCHEMA_VERSION } from '../../src/domain/workspace.js';

const FIXTURE = path.resolve(__dirname, '../fixtures/v1-demo-workspace.json');
type Rec = Record<string, unknown>;
const v1 = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, Rec[]> & { version: number };

function oldWorkspace(): { dir: string; file: string } {
  const dir = tmpDir();
  const file = path.join(dir, 'workspace.json');
  fs.copyFileSync(FIXTURE, file);
  fs.chmodSync(file, 0o600);
  return { dir, file };
}
const ok = (args: string[]) => {
  const r = runBin(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
const listJson = (file: string, entity: string) => JSON.parse(ok(['list', entity, '--data', file, '--json'])) as Rec[];
const onDisk = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Rec[]> & { version: number };
const csvRows = (text: string) => parseCsv(text).map((r) => r.cells);
/** export --format json writes times with the zone's offset; list --json the stored UTC form */
const utc = (recs: Rec[]) => recs.map((r) => ({ ...r, createdAt: new Date(String(r.createdAt)).toISOString(), updatedAt: new Date(String(r.updatedAt)).toISOString() }));

describe('a version 1 workspace (money in float yuan)', () => {
  it('lists and exports the same yuan amounts as before, and a read writes nothing', () => {
    const { file } = oldWorkspace();
    const products = listJson(file, 'products');
    expect(products.map((p) => [p.id, p.price])).toEqual(v1.products.map((p) => [p.id, p.price]));
    expect(products.find((p) => p.id === 'G0003')!.price).toBe(1688);
    const customers = listJson(file, 'customers');
    expect(customers.map((c) => c.quantValue)).toEqual(v1.customers.map((c) => c.quantValue));
    // the rest of each record as it was in version 1, with the empty stage history of a
    // workspace from before histories
    expect(customers).toEqual(v1.customers.map((c) => ({ ...c, stageHistory: [] })));

    const json = JSON.parse(ok(['export', 'products', '--format', 'json', '--data', file]));
    expect(utc(json)).toEqual(products);
    expect(ok(['list', 'products', '--data', file])).toContain('1688.00');
    const where = JSON.parse(ok(['list', 'products', '--where', 'price=¥1,688', '--data', file, '--json'])) as Rec[];
    expect(where.map((p) => p.id)).toEqual(['G0003']);
    expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(FIXTURE, 'utf8'));
  });

  it('is stored at the current version with integer fen at the first change, and reads back the same', () => {
    const { file } = oldWorkspace();
    ok(['add', 'products', '--name', '下午茶 Afternoon tea', '--price', '¥88.8', '--status', 'active', '--data', file]);
    ok(['update', 'customers', 'C0002', '--quantValue', '1,234.56', '--data', file]);
    const ws = onDisk(file);
    expect(ws.version).toBe(SCHEMA_VERSION);
    expect(ws.products.map((p) => p.price)).toEqual([...v1.products.map((p) => Math.round((p.price as number) * 100)), 8880]);
    for (const p of ws.products) expect(Number.isInteger(p.price)).toBe(true);
    expect(ws.customers.find((c) => c.id === 'C0002')!.quantValue).toBe(123456);
    expect(ws.customers.find((c) => c.id === 'C0003')!.quantValue).toBe((v1.customers[2].quantValue as number) * 100);

    const products = listJson(file, 'products');
    expect(products.map((p) => p.price)).toEqual([...v1.products.map((p) => p.price), 88.8]);
    expect(listJson(file, 'customers').find((c) => c.id === 'C0002')!.quantValue).toBe(1234.56);
    ok(['doctor', '--data', file]); // exit 0: every record valid
  });

  it('exports the same money in CSV as version 1 did, and a JSON export imports back unchanged', () => {
    const { dir, file } = oldWorkspace();
    ok(['update', 'products', 'G0001', '--price', '588.5', '--data', file]); // migrates and saves
    expect(onDisk(file).version).toBe(SCHEMA_VERSION);
    const [header, ...rows] = csvRows(ok(['export', 'products', '--data', file]));
    const col = header.indexOf('List price');
    // version 1 printed String(yuan); the same amounts now always have two decimals
    const want = v1.products.map((p) => (p.id === 'G0001' ? 588.5 : (p.price as number)));
    expect(rows.map((r) => r[col])).toEqual(want.map((y) => y.toFixed(2)));
    expect(rows.map((r) => Number(r[col]))).toEqual(want);
    const [cHeader, ...cRows] = csvRows(ok(['export', 'customers', '--data', file]));
    const qcol = cHeader.indexOf('Quantified value (yuan/yr)');
    expect(cRows.map((r) => Number(r[qcol]))).toEqual(v1.customers.map((c) => c.quantValue));

    // JSON: export, import into a fresh workspace, export again: identical
    const out = path.join(dir, 'products.json');
    ok(['export', 'products', '--format', 'json', '--out', out, '--data', file]);
    const fresh = path.join(dir, 'fresh.json');
    ok(['init', '--data', fresh]);
    const cats = path.join(dir, 'categories.json');
    ok(['export', 'categories', '--format', 'json', '--out', cats, '--data', file]);
    expect(runBin(['import', 'categories', cats, '--data', fresh]).code).toBe(0);
    expect(runBin(['import', 'products', out, '--data', fresh]).code).toBe(0);
    expect(listJson(fresh, 'products')).toEqual(utc(JSON.parse(fs.readFileSync(out, 'utf8'))));
    expect(onDisk(fresh).products.find((p) => p.id === 'G0001')!.price).toBe(58850);
  });

  it('replays a version 1 journal (yuan) before migrating, then stores fen', () => {
    const { file } = oldWorkspace();
    const order = {
      id: 'D0001', customerId: 'C0001', type: 'room', date: '2026-09-02', paymentStatus: 'paid', total: 0.1 + 0.2 + 1234,
      items: [{ description: '早餐 Breakfast', qty: 2, unitPrice: 128 }, { description: '房费', qty: 1, unitPrice: 978.3 }],
      stay: { roomType: '高级大床房', checkIn: '2026-09-01', checkOut: '2026-09-02', rooms: 1, rate: 978.3 },
      createdAt: '2026-09-02T00:00:00.000Z', updatedAt: '2026-09-02T00:00:00.000Z',
    };
    appendJournal(file, [{ op: 'put', e: 'orders', r: order }, { op: 'counters', c: { orders: 1 } }]);
    const listed = listJson(file, 'orders');
    // version 4: orders have a status, and lines that add up to the total (a line of the difference)
    const adjustment = { description: '差额调整 Adjustment (v3 total)', qty: 1, unitPrice: -978.3 };
    expect(listed).toEqual([{ ...order, total: 1234.3, status: 'confirmed', items: [...order.items, adjustment] }]);
    expect(onDisk(file).version).toBe(1); // read only: nothing written

    ok(['update', 'orders', 'D0001', '--notes', '已结账', '--data', file]);
    const ws = onDisk(file);
    expect(ws.version).toBe(SCHEMA_VERSION);
    expect(fs.existsSync(`${file}.journal`)).toBe(false);
    const stored = ws.orders[0] as Rec & { items: Rec[]; stay: Rec };
    expect([stored.total, stored.items.map((i) => i.unitPrice), stored.stay.rate]).toEqual([123430, [12800, 97830, -97830], 97830]);
    expect(listJson(file, 'orders')).toEqual([{ ...order, total: 1234.3, status: 'confirmed', items: [...order.items, adjustment], notes: '已结账', updatedAt: expect.any(String) }]);
    const [header, row] = csvRows(ok(['export', 'orders', '--data', file]));
    expect(row[header.indexOf('Total')]).toBe('1234.30');
    expect(JSON.parse(row[header.indexOf('Line items')])).toEqual([...order.items, adjustment]);
  });
});
