// One kind of `report`: its own flags (added to `report <kind>`'s yargs) and its handler.
// report-kinds.ts lists them; report.ts dispatches by the table.
import type { Argv } from 'yargs';
import type { T } from '../../i18n/index.js';
import type { CliIO } from '../io.js';
import type { GlobalArgs } from '../open.js';

export type ReportArgs = GlobalArgs & {
  kind: string;
  owner?: string;
  from?: string;
  to?: string;
  asOf?: string;
  csv?: boolean;
  [flag: string]: unknown;
};

export interface ReportKind {
  kind: string;
  /** flags of this kind only (the shared ones are in report-common.ts) */
  options?: (y: Argv, t: T) => Argv;
  run: (args: ReportArgs, io: CliIO, t0: T) => Promise<number>;
}
