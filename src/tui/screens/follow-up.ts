// Follow-up visits (回访) for the customers the list shows now (after a `/` filter): a form asks
// subject, due date, channel and owner (empty: each customer's owner), one question names the
// count, and the tasks are made in one save; "Created N" is said once they are on disk.
import { valueLabel } from '../../domain/values.js';
import { errorText } from '../../i18n/index.js';
import { alreadyOpen, createFollowUps } from '../../services/follow-up.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { needsWrite, type RecordCommand } from './records/commands.js';

export const followUpCommand: RecordCommand = {
  id: 'customers.followUp',
  keys: ['v'],
  description: 'help.followUp',
  footer: { label: 'hint.followUp', drop: 3 },
  in: ['list'],
  unavailable: (c) => needsWrite(c) ?? (c.rows?.length ? undefined : 'followUp.none'),
  run: ({ app, rows, back, setMode }) => {
    const { repo, t } = app;
    const ids = (rows ?? []).map((r) => r.id);
    const lists = repo.ws.valueLists;
    setMode({
      kind: 'form',
      entity: 'tasks',
      preset: { type: 'followup', status: 'open', subject: valueLabel(lists, 'taskType', 'followup', t.lang === 'en' ? 'en' : 'zh') },
      fields: ['subject', 'due', 'channel', 'ownerId'],
      title: `${t('followUp.title', { count: ids.length })}  ${t('followUp.ownerHint')}`,
      back,
      onValues: (v) => {
        const spec = { subject: String(v.subject), due: String(v.due ?? ''), channel: v.channel as string | undefined, ownerId: v.ownerId as string | undefined };
        if (!spec.due) return app.notify(errorText(t, 'tasks', { field: 'due', code: 'required' }, lists), 'error');
        const skipped = alreadyOpen(repo, ids, spec).size;
        if (skipped === ids.length) {
          setMode(back);
          return app.notify(t('followUp.nothingNew'), 'info');
        }
        setMode({
          kind: 'ask',
          text: t('followUp.confirm', { count: ids.length - skipped, subject: sanitizeLine(spec.subject), due: spec.due, skipped }),
          back,
          onYes: () => {
            const run = createFollowUps(repo, ids, spec);
            if (run.refused.length) {
              const first = run.refused[0];
              return app.notify(`${t('followUp.refused', { count: run.refused.length })} ${first.customerId}: ${first.errors.map((e) => errorText(t, 'tasks', e, lists)).join('; ')}`, 'error');
            }
            // one batch: the app saves once, then says it
            app.changed(t('followUp.created', { count: run.created.length, skipped: run.skipped.length }));
          },
        });
      },
    });
  },
};

export const addTaskCommand: RecordCommand = {
  id: 'customers.addTask',
  keys: ['w'],
  description: 'help.addTask',
  unavailable: (c) => needsWrite(c) ?? (c.record ? undefined : 'keys.noRecord'),
  run: ({ record, back, setMode }) =>
    setMode({
      kind: 'form',
      entity: 'tasks',
      preset: { customerId: record!.id, ownerId: record!.ownerId, status: 'open' },
      fields: ['subject', 'type', 'channel', 'contactId', 'ownerId', 'due', 'notes'],
      back,
    }),
};
