// Where a grade (定级) is chosen, each of A-D says what it means.
import { describe, expect, it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { emptyWorkspace } from '../../src/domain/workspace.js';
import { editableFields } from '../../src/domain/entities.js';

describe('grade meanings in the form', () => {
  it('the grade options of a new customer show A-D with their meaning', async () => {
    const app = await renderApp({ ws: emptyWorkspace('2026-10-01T00:00:00.000Z'), cols: 100, rows: 30 });
    await press(app, 'record.new');
    const steps = editableFields('customers').findIndex((f) => f.name === 'grade');
    await press(app, ...Array<string>(steps).fill('form.next'), 'form.enter');
    const f = app.frame();
    expect(f).toContain('A  最高：消费多且稳定，专人维护');
    expect(f).toContain('D  较低：消费少或近期未消费，低成本维护');
    app.unmount();
  });
});
