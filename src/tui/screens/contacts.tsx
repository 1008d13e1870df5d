// Contacts (联系人) across all customers (a contact's detail lists its anniversaries: domain/related.ts).
import type { ScreenConfig } from './records/RecordScreen.js';
import { needsBoth } from './records/commands.js';

export const contactsConfig: ScreenConfig = {
  entity: 'contacts',
  columns: (width, t) => [
    { key: 'id', title: t.lang === 'en' ? 'Code' : '编号', width: 5 },
    { key: 'name', title: t.lang === 'en' ? 'Name' : '姓名', width: 12 },
    { key: 'customerId', title: t.lang === 'en' ? 'Customer' : '所属客户', width: 'flex', minWidth: 12 },
    { key: 'title', title: t.lang === 'en' ? 'Title' : '职务', width: 10 },
    { key: 'phone', title: t.lang === 'en' ? 'Mobile' : '手机', width: 13 },
    ...(width >= 100 ? [{ key: 'email', title: t.lang === 'en' ? 'Email' : '邮箱', width: 'flex' as const, minWidth: 10 }] : []),
    { key: 'decisionRole', title: t.lang === 'en' ? 'Role' : '决策角色', width: 8 },
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
