// The reasons the system writes into a ledger or a history (`orders:D0012`, `opening`,
// `points:redeem`) read as words in the reader's language; a person's own words stay as typed.
import type { T } from '../i18n/index.js';
import { sanitizeLine } from '../text/sanitize.js';

const FIXED = {
  opening: 'reason.opening',
  manual: 'reason.manual',
  'points:redeem': 'reason.redeem',
  'points:adjust': 'reason.adjust',
  'tiers:recheck': 'reason.recheck',
} as const;

const BY_RECORD = { orders: 'reason.order', leads: 'reason.lead' } as const;

export function reasonText(t: T, code: string): string {
  if (code in FIXED) return t(FIXED[code as keyof typeof FIXED]);
  const m = /^(orders|leads):([A-Za-z0-9_-]{1,20})$/.exec(code);
  if (m) return t(BY_RECORD[m[1] as keyof typeof BY_RECORD], { id: m[2] });
  return sanitizeLine(code);
}
