// Column widths follow what is on screen and the terminal: two spaces between columns, no
// column cut while another has room to spare, the widest cut first when room is short.
import { describe, expect, it } from 'vitest';
import { layoutColumns, type Column } from '../../src/tui/components/Table.js';
import { renderApp } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
import { valueLabel } from '../../src/domain/values.js';

const cols: Column[] = [
  { key: 'id', title: 'id', width: 5 },
  { key: 'name', title: 'name', minWidth: 8, drop: 0 },
  { key: 'stage', title: 'stage', minWidth: 8, drop: 0 },
  { key: 'phone', title: 'phone', minWidth: 11, drop: 1 },
  { key: 'city', title: 'city', minWidth: 4, drop: 2 },
];
const line = (w: number[]) => 2 + w.reduce((a, x) => a + x, 0) + 2 * (w.filter((x) => x > 0).length - 1);

describe('table layout', () => {
  it('gives content that fits its own width', () => {
    expect(layoutColumns(cols, 80, [5, 10, 18, 11, 4])).toEqual([5, 10, 18, 11, 4]);
  });

  it('cuts the widest columns first and gives the spare column back to a cut one', () => {
    const w = layoutColumns(cols, 60, [5, 30, 18, 11, 4]);
    expect(line(w)).toBe(60);
    expect(w[0]).toBe(5);
    expect(w[3]).toBe(11);
    // name (30) and stage (18) share the cut: neither keeps room the other needs
    expect([w[1], w[2]]).toEqual([15, 15]);
    const odd = layoutColumns(cols, 61, [5, 30, 18, 11, 4]);
    expect(line(odd)).toBe(61);
    expect([odd[1], odd[2]]).toEqual([16, 15]);
  });

  it('drops the least needed column when even the narrowest layout does not fit', () => {
    const w = layoutColumns(cols, 40, [5, 30, 18, 11, 4]);
    expect(w[4]).toBe(0);
    expect(line(w)).toBeLessThanOrEqual(40);
    expect(w[0]).toBe(5);
  });

  it('at 90 columns in zh-CN every stage is shown whole, two spaces after the kind', async () => {
    const ws = loadDemoWorkspace();
    const app = await renderApp({ ws: loadDemoWorkspace(), cols: 90, rows: 24 });
    const rows = app.lines().filter((l) => /^[> ] C\d{4}/.test(l));
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const c = ws.customers.find((x) => x.id === /C\d{4}/.exec(r)![0])!;
      const kind = valueLabel(ws.valueLists, 'customerKind', c.kind, 'zh');
      const stage = valueLabel(ws.valueLists, 'stage', c.stage, 'zh');
      expect(r).toContain(stage);
      expect(r).toMatch(new RegExp(`${kind} *  ${stage.replace(/[()]/g, '\\$&')}`));
    }
    app.unmount();
  });
});
