// Customers (客户): the list (its detail lists contacts and anniversaries: domain/related.ts), the lifecycle moves of
// seed 004, and quick adds of a contact or an anniversary.
import { allowedTransitions, isStage } from '../../domain/lifecycle.js';
import { valueLabelT, errorText } from '../../i18n/index.js';
import type { ScreenConfig } from './records/RecordScreen.js';
import { needsBoth, notPermitted } from './records/commands.js';
import { redeemCommand } from './points.js';
import { addTaskCommand, followUpCommand } from './follow-up.js';

export const customersConfig: ScreenConfig = {
  entity: 'customers',
  // widths follow the cells on screen; `drop` says which go first on a narrow terminal
  columns: (width, t) => [
    { key: 'id', title: t.lang === 'en' ? 'Code' : '编号', width: 5 },
    { key: 'name', title: t.lang === 'en' ? 'Name' : '客户名称', minWidth: 8, drop: 0 },
    { key: 'kind', title: t.lang === 'en' ? 'Kind' : '类型', minWidth: 4, drop: 2 },
    { key: 'stage', title: t.lang === 'en' ? 'Stage' : '客户阶段', minWidth: 8, drop: 0 },
    { key: 'phone', title: t.lang === 'en' ? 'Mobile' : '手机', minWidth: 11, drop: 1 },
    ...(width >= 100 ? [{ key: 'company', title: t.lang === 'en' ? 'Company' : '公司', minWidth: 6, drop: 3 }] : []),
    { key: 'city', title: t.lang === 'en' ? 'City' : '城市', minWidth: 4, drop: 2 },
  ],
  searchFields: ['id', 'name', 'phone', 'tel', 'company', 'city', 'email', 'wechat'],
  nameField: 'name',
  sortFields: ['id', 'name', 'stage', 'city', 'updatedAt'],
  formFields: (entity) => (entity === 'anniversaries' ? ['kind', 'date', 'contactId', 'remindDays', 'notes'] : entity === 'contacts' ? ['name', 'gender', 'title', 'phone', 'tel', 'email', 'wechat', 'decisionRole', 'preferences', 'isPrimary', 'notes'] : undefined),
  // editing a customer, the stage offers where it is and the moves seed 004 allows from there
  formChoices: (entity, field, rec) => {
    if (entity !== 'customers' || field !== 'stage' || !rec) return undefined;
    const from = String(rec.stage);
    return isStage(from) ? [from, ...allowedTransitions(from)] : undefined;
  },
  emptyHint: ['app.welcome', 'app.welcomeHint'],
  commands: [
    {
      id: 'customers.stage',
      keys: ['t'],
      description: 'help.stage',
      footer: { label: 'hint.stage', drop: 2 },
      unavailable: (c) => needsBoth(c) ?? notPermitted(c, 'edit', { entity: 'customers', rec: c.record }),
      run: ({ app, record: rec, back, setMode }) => {
        const { repo, t } = app;
        const from = String(rec!.stage);
        const lists = repo.ws.valueLists;
        const allowed = isStage(from) ? allowedTransitions(from) : [];
        setMode({
          kind: 'pick',
          title: t('stage.title', { name: String(rec!.name), from: valueLabelT(t, lists, 'stage', from) }),
          items: allowed.map((s) => ({ value: s, label: valueLabelT(t, lists, 'stage', s) })),
          onPick: (to) => {
            const r = repo.update('customers', rec!.id, { stage: to });
            if (!r.ok) return app.notify(r.errors.map((e) => errorText(t, 'customers', e, lists)).join('; '), 'error');
            app.changed(t('stage.moved', { id: rec!.id, to: valueLabelT(t, lists, 'stage', to) }));
          },
          back,
        });
      },
    },
    {
      id: 'customers.addContact',
      keys: ['c'],
      description: 'help.addContact',
      unavailable: (c) => needsBoth(c) ?? notPermitted(c, 'create', { entity: 'contacts', rec: { customerId: c.record!.id } }),
      run: ({ record: rec, back, setMode }) => setMode({ kind: 'form', entity: 'contacts', preset: { customerId: rec!.id }, back }),
    },
    {
      id: 'customers.addAnniversary',
      keys: ['a'],
      description: 'help.addAnniversary',
      unavailable: (c) => needsBoth(c) ?? notPermitted(c, 'create', { entity: 'anniversaries', rec: { customerId: c.record!.id } }),
      run: ({ record: rec, back, setMode }) =>
        setMode({ kind: 'form', entity: 'anniversaries', preset: { customerId: rec!.id, kind: rec!.kind === 'individual' ? 'birthday' : 'founding' }, back }),
    },
    redeemCommand,
    addTaskCommand,
    followUpCommand,
  ],
};
