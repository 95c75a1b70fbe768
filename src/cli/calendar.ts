import path from 'node:path';
import { parseArgs } from 'node:util';
import { print, readTextFile, UsageError, type CliIo } from './io.js';
import { bearerToken, sendJson, serviceBase } from './service-call.js';

export const calendarHelp = `Usage: ledger calendar import FILE [--year YYYY] [--url URL] [--token TOKEN]

Records the official holidays and make-up working days of one or more years (the State Council's annual notice)
through a running service (PUT /v1/calendar/{year}). Each year becomes a signed event in the working-day-calendar
stream, and deadlines are counted on it from then on (other replicas within about a second). Supervisors see a
warning (GET /v1/audit/warnings) from 1 December while next year's schedule is missing.

The calendar is one for every agency of the service: only an admin of the agency the service names in
CALENDAR_AGENCY may record a year. Anyone else, and everyone while CALENDAR_AGENCY is unset, is refused
(403 calendar_not_yours); the import then stops at the first year and says why.

FILE is JSON, either one year:
  {"year": 2027, "source": "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）",
   "url": "https://www.gov.cn/…", "holidays": [{"name": "元旦", "days": ["2027-01-01"]}, …],
   "workdays": ["2027-02-06"]}
or several, in the layout of the schedule file the service ships (src/domain/calendar/cn-official-schedule.json):
  {"years": {"2027": {"notices": ["<title and number>", "https://…"], "holidays": […], "workdays": […]}}}

Options:
  --year YYYY       only this year of FILE
  --url URL         the service [default: http://localhost:$PORT, PORT defaulting to 8080]
  --token TOKEN     the bearer token of an admin of that agency [default: $LEDGER_TOKEN]

Exit codes: 0 every year recorded (or recorded already as FILE says it), 1 a year refused or the service
unreachable, 2 usage error.

Example:
  # the service was started with CALENDAR_AGENCY=county-justice
  export LEDGER_TOKEN=$(npx ledger token --sub head --agency county-justice --roles admin)
  npx ledger calendar import holidays-2027.json
`;

interface YearBody {
  readonly holidays: unknown;
  readonly workdays: unknown;
  readonly source: string;
  readonly url?: string;
}

export async function calendar(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      year: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
    },
  });
  if (values.help) {
    print(io.stdout, calendarHelp);
    return 0;
  }
  const [action, file, ...rest] = positionals;
  if (action !== 'import')
    throw new UsageError(action ? `unknown action "${action}"` : 'an action is required: import');
  if (file === undefined) throw new UsageError('the schedule FILE is required');
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) {
    throw new UsageError(`--year ${values.year} is not a four-digit year`);
  }
  const token = bearerToken(values.token, io, 'an admin');
  const base = serviceBase(values.url, io);
  let years: Map<string, YearBody>;
  try {
    years = yearsIn(JSON.parse(readTextFile(path.resolve(io.cwd, file), file)));
  } catch (err) {
    const { message } = err as Error;
    print(io.stderr, `ledger calendar import: ${message.startsWith('cannot read ') ? message : `${file}: ${message}`}`);
    return 1;
  }
  if (values.year !== undefined) {
    const only = years.get(values.year);
    if (!only) {
      print(io.stderr, `ledger calendar import: ${file} has no year ${values.year}`);
      return 1;
    }
    years = new Map([[values.year, only]]);
  }
  for (const [year, body] of years) {
    const url = `${base}/v1/calendar/${year}`;
    const answer = await sendJson(io, `ledger calendar import: ${year}`, { method: 'PUT', url, token, body }, [
      'version_unchanged',
    ]);
    if (!answer) return 1;
    if (answer.code === 'version_unchanged') {
      // an import run again (after a failure part-way, or of a file with years recorded before) goes on
      print(io.stdout, `${year} unchanged: the schedule recorded for it already says this`);
      continue;
    }
    print(io.stdout, `${year} recorded: event ${String(answer.eventId)} at position ${String(answer.position)}`);
  }
  return 0;
}

/** The years of a schedule file, each as the body of `PUT /v1/calendar/{year}`; throws naming what is missing. */
function yearsIn(json: unknown): Map<string, YearBody> {
  const file = (json ?? {}) as Record<string, unknown>;
  if (typeof file.year === 'number') {
    const { year, ...body } = file;
    if (typeof body.source !== 'string') throw new Error('"source" (the notice) is missing');
    return new Map([[String(year), body as unknown as YearBody]]);
  }
  if (typeof file.years !== 'object' || file.years === null) {
    throw new Error('neither one year ("year", "holidays", …) nor several ("years")');
  }
  const years = new Map<string, YearBody>();
  for (const [year, entry] of Object.entries(file.years as Record<string, Record<string, unknown>>)) {
    const notices = Array.isArray(entry.notices) ? (entry.notices as unknown[]).map(String) : [];
    const url = notices.find((n) => n.startsWith('https://'));
    const source = typeof entry.source === 'string' ? entry.source : notices.find((n) => n !== url);
    if (source === undefined) throw new Error(`${year}: no notice ("source" or "notices") is named`);
    years.set(year, {
      holidays: entry.holidays,
      workdays: entry.workdays,
      source,
      ...(typeof entry.url === 'string' ? { url: entry.url } : url === undefined ? {} : { url }),
    });
  }
  return years;
}
