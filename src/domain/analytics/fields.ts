// The customer fields the analytics write (`report rfm|pyramid --write`). A customer without
// them (the most, until a report writes them) shows no empty rows for them on the detail, so
// its related lists stay where they were.
export const REPORT_WRITTEN_FIELDS: ReadonlySet<string> = new Set(['rfmSegment', 'pyramidLayer']);
