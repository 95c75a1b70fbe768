import { Router, type Request, type RequestHandler } from 'express';
import type { Principal } from '../app/auth.js';
import { recordedEvent } from '../app/command-handler.js';
import type { WorkingDayCalendars } from '../app/working-day-calendars.js';
import { dateAtOffset } from '../domain/actor.js';
import { CALENDAR_STREAM, type CalendarYear } from '../domain/calendar/recorded-years.js';
import { notFound } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { consistencyOf } from './consistency.js';
import { eventIdFor, ifMatch } from './request.js';
import { sendList } from './supervision-api.js';
import { SUPERVISION_TABLES } from './supervision-csv.js';
import type { Validate } from './validation.js';

export interface CalendarApiDependencies {
  readonly calendars: Pick<
    WorkingDayCalendars,
    'requireKeeper' | 'record' | 'refresh' | 'year' | 'warnings' | 'coveredYears'
  >;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  readonly clock: Clock;
  /** The UTC offset of an agency, in minutes: whose "today" the warnings are for. */
  readonly utcOffsetOf: (agency: string) => number;
  /** The public routes' rate limit. */
  readonly limited: RequestHandler;
}

/**
 * The working-day calendar deadlines are counted on: read by anyone (the State Council's schedule is public), a
 * year recorded as a signed event by an admin of the agency that keeps the calendar (`PUT /v1/calendar/{year}`;
 * anyone else is refused before the body is read), and the warnings supervisors see while a year's schedule is
 * missing (`GET /v1/audit/warnings`).
 */
export function calendarApi(deps: CalendarApiDependencies): Router {
  const { calendars, verify, validate, newId, clock, limited } = deps;
  const router = Router();
  const today = (agency: string) => dateAtOffset(clock.now(), deps.utcOffsetOf(agency));

  /** `?consistentWith=`: a year another replica recorded is read from the log before the subscription brings it. */
  const reread = async (req: Request) => {
    if (consistencyOf(req) !== undefined) await calendars.refresh();
  };

  router.get('/v1/calendar', limited, async (req, res) => {
    await reread(req);
    const years = calendars.coveredYears.map((year) => ({ year, basis: calendars.year(year)!.basis }));
    res.json({ years });
  });

  router.get('/v1/calendar/:year', limited, async (req, res) => {
    const year = yearOf(req);
    await reread(req);
    const view = calendars.year(year);
    if (!view)
      throw notFound(
        `the working-day calendar has no schedule for ${year}: working days are Monday to Friday, less 1 January, 1–2 May and 1–3 October`,
      );
    res.json(view);
  });

  const keeperOnly: RequestHandler = (_req, res, next) => {
    calendars.requireKeeper(principalOf(res));
    next();
  };

  router.put(
    '/v1/calendar/:year',
    authenticate(verify),
    requireRoles('admin'),
    keeperOnly,
    jsonBody(),
    async (req, res) => {
      const year = yearOf(req);
      validate('urn:evidence-ledger:schema:command:record-calendar-year', req.body);
      const principal = principalOf(res);
      const actor = { sub: principal.sub, agency: principal.agency, roles: [...principal.roles] };
      const eventId = eventIdFor(req, principal, CALENDAR_STREAM, newId);
      const result = await calendars.record(actor, year, req.body as CalendarYear, eventId, ifMatch(req));
      const event = recordedEvent(result, 'RecordCalendarYear');
      res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
      res.json({ eventId: event.id, year, revision: event.revision, position: result.position, hash: event.hash });
    },
  );

  router.get('/v1/audit/warnings', authenticate(verify), requireRoles('supervisor'), async (req, res) => {
    await reread(req);
    const answer = { items: calendars.warnings(today(principalOf(res).agency)) };
    sendList(req, res, SUPERVISION_TABLES.warnings, answer);
  });

  return router;
}

/** The year of the path, four digits; anything else names no year of the calendar (`404 not_found`). */
function yearOf(req: Request): number {
  const raw = String(req.params.year);
  if (!/^\d{4}$/.test(raw)) throw notFound('no such year: a year of the calendar is four digits');
  return Number(raw);
}
