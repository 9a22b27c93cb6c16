/** Run the command as a test does: outputs collected, a clock that starts at a fixed instant and moves `step` ms each time it is read. */
import type { Locale } from '@caseledger/core';
import { run } from '../../src/index.js';

export interface CliRunOptions {
  readonly interactive?: boolean;
  readonly step?: number;
  /** The environment's language (`CliIo.locale`). */
  readonly locale?: Locale;
  readonly startsAt?: string;
}

export const runCli = async (argv: ReadonlyArray<string>, options: CliRunOptions = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  let clock = Date.parse(options.startsAt ?? '2026-11-20T12:00:00+08:00');
  const code = await run(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    interactive: options.interactive ?? false,
    now: () => {
      clock += options.step ?? 0;
      return clock;
    },
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), errLines: err };
};
