// p on a customer: redeem points for one of the hotel's rewards (loyalty.ts REWARDS) that the
// balance covers; the ledger line names the reward. Other amounts: `points redeem`, and a
// correction is an edit of the balance (a manual adjustment in the ledger).
import { REWARDS } from '../../domain/loyalty.js';
import { errorText, type MessageKey } from '../../i18n/index.js';
import { changePoints } from '../../services/loyalty.js';
import { needsBoth, type RecordCommand } from './records/commands.js';

const balanceOf = (rec: Record<string, unknown> | undefined) => (typeof rec?.points === 'number' ? rec.points : 0);

export const redeemCommand: RecordCommand = {
  id: 'customers.redeem',
  keys: ['p'],
  description: 'help.redeem',
  footer: { label: 'hint.redeem', drop: 3 },
  unavailable: (c): MessageKey | undefined => needsBoth(c) ?? (balanceOf(c.record) < Math.min(...REWARDS.map((r) => r.points)) ? 'points.tooFew' : undefined),
  run: (c) => {
    const { repo, t } = c.app;
    const rec = c.record!;
    const have = balanceOf(rec);
    const lang = t.lang === 'en' ? 'en' : 'zh';
    c.setMode({
      kind: 'pick',
      title: t('points.redeemTitle', { name: String(rec.name), points: String(have) }),
      items: REWARDS.filter((r) => r.points <= have).map((r) => ({ value: r.code, label: `${r[lang]}  ${r.points}`, keywords: lang === 'en' ? r.zh : r.en })),
      onPick: (code) => {
        const reward = REWARDS.find((r) => r.code === code)!;
        const p = changePoints(repo, rec.id, reward.points, reward[lang]);
        if (!p.ok) return c.app.notify(p.errors.map((e) => errorText(t, 'customers', e, repo.ws.valueLists)).join('; '), 'error');
        c.setMode(c.back);
        c.app.changed(t('points.redeemedTui', { id: rec.id, delta: String(reward.points), points: String(p.customer.points ?? 0) }));
      },
      back: c.back,
    });
  },
};
