/** Where the command writes and what it knows of its surroundings; the bin gives process's, tests their own. */
import type { Locale } from '@caseledger/core';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True on a terminal: progress rewrites one line. */
  readonly interactive: boolean;
  readonly now: () => number;
  /** The environment's language (`localeFromEnvironment(process.env)`), used when `--lang` is not given; English when absent. */
  readonly locale?: Locale;
}
