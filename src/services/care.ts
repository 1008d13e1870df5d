// Care tasks from anniversaries, made through the Repo so they carry the acting employee and
// its checks; idempotent (each occurrence once), so the app's start and a cron job may both run it.
import { careDue, todayIn, type CareAnniversary } from '../domain/care.js';
import { valueLabel } from '../domain/values.js';
import type { EntityRecord } from '../domain/workspace.js';
import type { FieldError } from '../domain/errors.js';
import type { Repo } from './repo.js';

export interface CareRun {
  today: string;
  created: EntityRecord[];
  refused: { anniversaryId: string; errors: FieldError[] }[];
}

/** Makes the care tasks due on `today` (default: today in the machine's zone). */
export function generateCareTasks(repo: Repo, opts: { now: Date; today?: string; lang?: 'en' | 'zh' }): CareRun {
  const today = opts.today ?? todayIn(opts.now, repo.ws.settings.timeZone);
  const lang = opts.lang ?? (repo.ws.settings.lang === 'en' ? 'en' : 'zh');
  const existingKeys = new Set<string>();
  // every care task made so far counts, also those the acting employee may not see: never twice
  for (const t of repo.unscoped('tasks')) if (t.careKey) existingKeys.add(String(t.careKey));
  const plans = careDue({ anniversaries: repo.all('anniversaries') as unknown as CareAnniversary[], existingKeys, today });
  const run: CareRun = { today, created: [], refused: [] };
  for (const p of plans) {
    const customer = repo.get('customers', p.customerId);
    const contact = p.contactId ? repo.get('contacts', p.contactId) : undefined;
    const who = String(contact?.name ?? customer?.name ?? p.customerId);
    const r = repo.create('tasks', {
      subject: `${valueLabel(repo.ws.valueLists, 'anniversaryKind', p.kind, lang)} · ${who}`,
      type: 'care',
      status: 'open',
      customerId: p.customerId,
      contactId: p.contactId,
      ownerId: customer?.ownerId,
      due: p.due,
      careKey: p.careKey,
    });
    if (r.ok) run.created.push(r.value);
    else run.refused.push({ anniversaryId: p.anniversaryId, errors: r.errors });
  }
  return run;
}
