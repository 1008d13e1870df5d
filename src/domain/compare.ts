// Code-unit order for codes and ISO dates ("C0012", "2026-09-01"), where it is the same order
// as any collation. `localeCompare` would load ICU's collator, 3 MB resident per student, for
// strings that have no language.
export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
