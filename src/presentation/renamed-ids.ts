// A message composed before a save names the ids the records had then; a shared hotel may have
// given a new record the next free id because someone else's took it at the same moment.
/** `text` with each renamed id (a whole word: C0201, not C02010) replaced by the id saved. */
export function withIdsRenamed(text: string, renamed: ReadonlyMap<string, ReadonlyMap<string, string>>): string {
  const all = new Map<string, string>();
  for (const m of renamed.values()) for (const [from, to] of m) all.set(from, to);
  if (!all.size) return text;
  const escaped = [...all.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), (m) => all.get(m) ?? m);
}
