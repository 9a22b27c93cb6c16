/**
 * The public holidays and make-up working days (调休) of the People's Republic of China, as the
 * State Council publishes them each year, for the business calendar (T-2). Each year is data with
 * the notice it comes from; a year not yet published is refused by name, never guessed.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type BusinessCalendar, type CalendarError, type Weekday, makeCalendar } from '../calendar.js';

export interface HolidayNotice {
  /** The notice's title, as published. */
  readonly title: string;
  readonly issuedBy: string;
  /** The notice's date (YYYY-MM-DD) and document number where the published text gives one. */
  readonly issuedOn: string;
  readonly documentNumber?: string;
  /** Where the text was read. */
  readonly source: string;
}

export interface HolidayYear {
  readonly year: number;
  readonly notice: HolidayNotice;
  /** Days off, weekends inside a holiday included. */
  readonly holidays: ReadonlyArray<string>;
  /** Weekend days that are worked. */
  readonly makeUpWorkingDays: ReadonlyArray<string>;
}

const days = (from: string, to: string): ReadonlyArray<string> => {
  const out: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) out.push(new Date(ms).toISOString().slice(0, 10));
  return out;
};

/** The years published so far. */
export const chinaHolidayYears: ReadonlyArray<HolidayYear> = [
  {
    year: 2025,
    notice: {
      title: '国务院办公厅关于2025年部分节假日安排的通知',
      issuedBy: '国务院办公厅 (General Office of the State Council)',
      issuedOn: '2024-11-12',
      documentNumber: '国办发明电〔2024〕12号',
      source: 'Xinhua, 2024-11-12, reprinting the notice',
    },
    holidays: [
      '2025-01-01', // 元旦
      ...days('2025-01-28', '2025-02-04'), // 春节
      ...days('2025-04-04', '2025-04-06'), // 清明节
      ...days('2025-05-01', '2025-05-05'), // 劳动节
      ...days('2025-05-31', '2025-06-02'), // 端午节
      ...days('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    makeUpWorkingDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    notice: {
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      issuedBy: '国务院办公厅 (General Office of the State Council)',
      issuedOn: '2025-11-04',
      source: 'Xinhua, 2025-11-04, reprinting the notice (the reprint gives no document number)',
    },
    holidays: [
      ...days('2026-01-01', '2026-01-03'), // 元旦
      ...days('2026-02-15', '2026-02-23'), // 春节
      ...days('2026-04-04', '2026-04-06'), // 清明节
      ...days('2026-05-01', '2026-05-05'), // 劳动节
      ...days('2026-06-19', '2026-06-21'), // 端午节
      ...days('2026-09-25', '2026-09-27'), // 中秋节
      ...days('2026-10-01', '2026-10-07'), // 国庆节
    ],
    makeUpWorkingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

export type ChinaCalendarError =
  CalendarError | { readonly code: 'HOLIDAYS_NOT_PUBLISHED'; readonly message: string; readonly year: number; readonly published: ReadonlyArray<number> };

/**
 * A business calendar in Asia/Shanghai with the official holidays and make-up working days of the
 * given years (default: every year published). Deadlines that fall in a year not loaded count only
 * weekends: load every year a case can reach.
 */
export const chinaCalendar = (
  years: ReadonlyArray<number> = chinaHolidayYears.map((y) => y.year),
  weekendDays: ReadonlyArray<Weekday> = ['saturday', 'sunday'],
): E.Either<ChinaCalendarError, BusinessCalendar> => {
  const chosen: HolidayYear[] = [];
  for (const year of years) {
    const found = chinaHolidayYears.find((y) => y.year === year);
    if (found === undefined) {
      const published = chinaHolidayYears.map((y) => y.year);
      return E.left({
        code: 'HOLIDAYS_NOT_PUBLISHED',
        message: `The holidays of ${year} are not in this version of caseledger (published: ${published.join(', ')}); give them as a calendar file once the State Council has published them.`,
        year,
        published,
      });
    }
    chosen.push(found);
  }
  return makeCalendar({
    timeZone: 'Asia/Shanghai',
    weekendDays,
    holidays: chosen.flatMap((y) => y.holidays),
    makeUpWorkingDays: chosen.flatMap((y) => y.makeUpWorkingDays),
  });
};
