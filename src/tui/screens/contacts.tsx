// Contacts (联系人) across all customers (a contact's detail lists its anniversaries: domain/related.ts).
import type { ScreenConfig } from './records/RecordScreen.js';
import { needsBoth } from './records/commands.js';

export const contactsConfig: ScreenConfig = {
  entity: 'contacts',
  // widths follow the cells on screen; `drop` says which go first on a narrow terminal
  columns: (width, t) => [
    { key: 'id', title: t.lang === 'en' ? 'Code' : '编号', width: 5 },
    { key: 'name', title: t.lang === 'en' ? 'Name' : '姓名', minWidth: 6, drop: 0 },
    { key: 'customerId', title: t.lang === 'en' ? 'Customer' : '所属客户', minWidth: 8, drop: 0 },
    { key: 'title', title: t.lang === 'en' ? 'Title' : '职务', minWidth: 4, drop: 2 },
    { key: 'phone', title: t.lang === 'en' ? 'Mobile' : '手机', minWidth: 11, drop: 1 },
    ...(width >= 100 ? [{ key: 'email', title: t.lang === 'en' ? 'Email' : '邮箱', minWidth: 6, drop: 3 }] : []),
    { key: 'decisionRole', title: t.lang === 'en' ? 'Role' : '决策角色', minWidth: 4, drop: 2 },
  ],
  searchFields: ['id', 'name', 'phone', 'tel', 'email', 'wechat', 'title', 'customerId'],
  nameField: 'name',
  sortFields: ['id', 'name', 'customerId', 'decisionRole', 'updatedAt'],
  formFields: (entity) => (entity === 'contacts' ? ['name', 'customerId', 'gender', 'title', 'phone', 'tel', 'email', 'wechat', 'decisionRole', 'preferences', 'isPrimary', 'notes'] : entity === 'anniversaries' ? ['kind', 'date', 'remindDays', 'notes'] : undefined),
  commands: [
    {
      id: 'contacts.addAnniversary',
      keys: ['a'],
      description: 'help.addAnniversary',
      unavailable: needsBoth,
      run: ({ record: rec, back, setMode }) =>
        setMode({ kind: 'form', entity: 'anniversaries', preset: { customerId: rec!.customerId, contactId: rec!.id, kind: 'birthday' }, back }),
    },
  ],
};
