// Which role a typed word names (`server add-employee stu01 --role salesRep`): an instructor
// types the role's code, its stable built-in code, its Chinese or English name, or one word of
// it. A word two roles share ("sales") names neither: guessing would hand out the wrong rights.
import { BUILTIN_ROLES } from './builtin-roles.js';

type Role = { id: string; name?: unknown };

export type RoleLookup = { role: Role } | { ambiguous: Role[] } | { none: true };

export function findRole(roles: readonly Role[], text: string): RoleLookup {
  const want = text.trim().toLowerCase();
  if (!want) return { none: true };
  const name = (r: Role) => String(r.name ?? '').toLowerCase();
  const byId = roles.find((r) => r.id.toLowerCase() === want);
  if (byId) return { role: byId };
  const builtin = BUILTIN_ROLES.find((b) => b.code.toLowerCase() === want);
  const byCode = builtin && roles.find((r) => name(r) === builtin.name.toLowerCase());
  if (byCode) return { role: byCode };
  // the whole name, or either language's part of it (销售代表 / Sales representative)
  const whole = roles.filter((r) => {
    const n = name(r);
    const cut = n.indexOf(' ');
    return n === want || (cut > 0 && (n.slice(0, cut) === want || n.slice(cut + 1) === want));
  });
  if (whole.length === 1) return { role: whole[0] };
  const byWord = whole.length ? whole : roles.filter((r) => name(r).split(/\s+/).includes(want));
  if (byWord.length === 1) return { role: byWord[0] };
  return byWord.length ? { ambiguous: byWord } : { none: true };
}
