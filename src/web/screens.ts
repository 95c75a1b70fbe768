import { Router, type Request } from 'express';
import { listingOf } from '../http/retrieval.js';
import type { Logger } from 'pino';
import type { BundleReads } from '../app/bundle-reads.js';
import type { CaseFileReads } from '../app/case-file-reads.js';
import { canRead } from '../app/case-reads.js';
import type { MediaReads } from '../app/media-reads.js';
import type { RegistryService } from '../app/registry-service.js';
import type { SupervisionReads } from '../app/supervision-reads.js';
import { dateAtOffset } from '../domain/actor.js';
import { notFound } from '../domain/errors.js';
import { id, queryPurpose, single, year } from '../http/query.js';
import { sendBundle } from '../http/bundle-api.js';
import { consistencyOf } from '../http/consistency.js';
import { sendMedium } from '../http/media-api.js';
import { purpose, requestId } from '../http/request.js';
import type { PortalAssets } from './assets.js';
import type { Html } from './html.js';
import { pageContext, sendPage } from './layout.js';
import { caseFileMain, type AccessRow } from './pages/case-file.js';
import { pager } from './pages/public-parts.js';
import { caseHref } from './links.js';
import { caseActions } from './pages/case-actions.js';
import { superviseMain } from './pages/supervise.js';
import { registerRetentionPage } from './pages/supervise-retention.js';
import { registerOverdueInspectionsPage } from './pages/supervise-inspections.js';
import { registerOverdueReviewsPage } from './pages/supervise-reviews.js';
import { registerSupervisionListPages } from './pages/supervise-lists.js';
import { registerReviewSettingsPage } from './pages/review-settings.js';
import { registerAgencyProfilePage, type AgencyProfilePageDependencies } from './pages/agency-profile.js';
import { registerOfficerRosterPage, type OfficerRosterPageDependencies } from './pages/officer-roster.js';
import { registerItemAdminPage, type ItemAdminPageDependencies } from './pages/item-admin.js';
import { registerRegistrationPages, type RegistrationPageDependencies } from './pages/registration.js';
import { registerAmendmentPages, type AmendmentPageDependencies } from './pages/amendments.js';
import { registerKeyRegistrationPage, type KeyRegistrationPageDependencies } from './pages/key-registration.js';
import { portalPrincipal, signedIn } from './session.js';
import { workScreens, type WorkDependencies } from './work.js';
import { ownEvaluation, qualityScreens, type QualityDependencies } from './quality.js';
import { draftingScreens, type DraftingDependencies } from './drafting.js';
import { templatesAdminScreens, type TemplatesAdminDependencies } from './templates-admin.js';
import { ID_PATTERN } from '../domain/streams.js';

/** What the signed-in screens read and write through: the same application reads and commands as the API. */
export interface ScreensDependencies {
  readonly files: CaseFileReads;
  readonly supervision: SupervisionReads;
  readonly bundles: Pick<BundleReads, 'export'>;
  readonly media: MediaReads;
  readonly log: Logger;
  /** The officers' and reviewers' forms' commands. */
  readonly work: WorkDependencies;
  /** The supervisors' screens of fines outside their benchmark, evaluations and weak points. */
  readonly quality?: QualityDependencies;
  /** The officers' drafting screen of decision documents. */
  readonly drafting?: DraftingDependencies;
  /** The agencies' review time limits: set by an administrator, shown to supervisors. */
  readonly registry?: Pick<RegistryService, 'reviewSettings' | 'setReviewSettings'>;
  /** The admin's screens of the agency's decision templates. */
  readonly templates?: TemplatesAdminDependencies;
  /**
   * The people on an agency's officer list, by id: their names, with which the dashboard's live feed names who
   * recorded each act (else by id).
   */
  readonly peopleOf?: (agency: string) => Readonly<Record<string, string>>;
  /** The admin's screen of the agency's officers: their standing, suspended, reinstated or retired. */
  readonly roster?: Pick<OfficerRosterPageDependencies, 'roster' | 'registry'>;
  /** The admin's screen of the agency's enforcement items: listed, and retired with a reason. */
  readonly items?: Pick<ItemAdminPageDependencies, 'items' | 'registry'>;
  /** The admin's forms registering an officer and an enforcement item. */
  readonly registration?: Pick<RegistrationPageDependencies, 'registry'>;
  /** The admin's forms amending a registered officer and enforcement item. */
  readonly amendments?: Pick<AmendmentPageDependencies, 'roster' | 'items' | 'registry'>;
  /** The admin's form of what the agency publishes of itself (its name, address, hours, telephones). */
  readonly agencyProfile?: Omit<AgencyProfilePageDependencies, 'assets'>;
  /** The admin's form registering an officer's own signing key. */
  readonly officerKeys?: Pick<KeyRegistrationPageDependencies, 'roster' | 'registry'>;
}

/** How many rows each list of the dashboard shows (its counter says `+` when there are more). */
export const DASHBOARD_ROWS = 10;

/** `?year=` of the dashboard's charts, this year (`today`'s) when absent. */
function yearOf(raw: unknown, today: string): number {
  return (raw === '' ? undefined : year(raw)) ?? Number(today.slice(0, 4));
}

/** How many of the latest retrievals the case page lists; `?accessCursor=` (the next page's link) goes on. */
export const CASE_ACCESS_SHOWN = 20;

/** The case named by the path (`/cases/{agency}/{caseId}`), as the API's `?agency=` and `{caseId}` would name it. */
function caseOfPath(req: Request): { agency: string; caseId: string } {
  const agency = String(req.params.agency);
  const caseId = String(req.params.caseId);
  if (!ID_PATTERN.test(agency) || !ID_PATTERN.test(caseId)) throw notFound('no such case');
  return { agency, caseId };
}

/**
 * The screens of signed-in users: the case file, its media and bundle, the officers' and reviewers' forms, the
 * supervision dashboard. Every read and write goes through the application use case the API calls (scope, access
 * records and rules live there once); the routes parse, call and render.
 */
export function signedInScreens(deps: ScreensDependencies, assets: PortalAssets): Router {
  const router = Router();
  router.use(workScreens(deps.work, assets));
  if (deps.quality) router.use(qualityScreens(deps.quality, assets));
  registerRetentionPage(router, { supervision: deps.supervision, utcOffsetOf: deps.work.utcOffsetOf, assets });
  registerOverdueInspectionsPage(router, { supervision: deps.supervision, assets });
  registerSupervisionListPages(router, { supervision: deps.supervision, utcOffsetOf: deps.work.utcOffsetOf, assets });
  if (deps.drafting) router.use(draftingScreens(deps.drafting, assets));
  if (deps.registry) {
    const { registry } = deps;
    registerOverdueReviewsPage(router, { supervision: deps.supervision, registry, assets });
    registerReviewSettingsPage(router, {
      registry,
      validate: deps.work.validate,
      newId: deps.work.newId,
      utcOffsetOf: deps.work.utcOffsetOf,
      assets,
    });
  }
  if (deps.agencyProfile) registerAgencyProfilePage(router, { ...deps.agencyProfile, assets });
  if (deps.templates) router.use(templatesAdminScreens(deps.templates, assets));
  if (deps.roster) {
    registerOfficerRosterPage(router, {
      ...deps.roster,
      validate: deps.work.validate,
      newId: deps.work.newId,
      clock: deps.work.clock,
      utcOffsetOf: deps.work.utcOffsetOf,
      assets,
    });
  }
  if (deps.items) {
    registerItemAdminPage(router, { ...deps.items, validate: deps.work.validate, newId: deps.work.newId, assets });
  }
  if (deps.registration) {
    const { validate, newId } = deps.work;
    registerRegistrationPages(router, { ...deps.registration, validate, newId, assets });
  }
  if (deps.amendments) {
    const { validate, newId } = deps.work;
    registerAmendmentPages(router, { ...deps.amendments, validate, newId, assets });
  }
  if (deps.officerKeys) {
    const { validate, newId } = deps.work;
    registerKeyRegistrationPage(router, { ...deps.officerKeys, validate, newId, assets });
  }

  router.get('/cases/:agency/:caseId', signedIn(), async (req, res) => {
    const ctx = pageContext(req, res, assets);
    const principal = portalPrincipal(res);
    const consistentWith = consistencyOf(req);
    // the header integrations send (x-purpose), or the page's own form (?purpose=), which a browser can send
    const why = purpose(req) ?? queryPurpose(req);
    const accessAfter = single(req.query.accessCursor === '' ? undefined : req.query.accessCursor, 'accessCursor');
    const where = caseOfPath(req);
    // A supervisor's trail is read before the file, so that a cursor that is not one (malformed) is refused (400)
    // before the retrieval is recorded; of a case outside the reader's scope no trail is read: the file's read
    // answers 404, whatever the cursor.
    const trail =
      principal.roles.includes('supervisor') && canRead(principal, where.agency)
        ? await deps.supervision.access(
            {
              principal,
              ...where,
              ...listingOf(req, res),
              ...(consistentWith === undefined ? {} : { consistentWith }),
            },
            { limit: CASE_ACCESS_SHOWN, ...(accessAfter === undefined ? {} : { after: accessAfter }) },
          )
        : undefined;
    const file = await deps.files.file({
      ...where,
      principal,
      action: 'read_case',
      requestId: requestId(res),
      ...(why === undefined ? {} : { purpose: why }),
      ...(consistentWith === undefined ? {} : { consistentWith }),
    });
    let access: { rows: AccessRow[]; more: Html } | undefined;
    if (trail) {
      const params: Record<string, string> = accessAfter === undefined ? {} : { accessCursor: accessAfter };
      const more = pager(ctx, caseHref(file), params, trail.next, { cursor: 'accessCursor', label: 'case.access' });
      access = { rows: trail.items, more };
    }
    // a supervisor who evaluated the closed file is offered to amend their evaluation rather than to evaluate
    const evaluated =
      file.status === 'closed' &&
      principal.roles.includes('supervisor') &&
      deps.quality !== undefined &&
      ownEvaluation(deps.quality.evaluationReads.ofRetrievedCase(file.agency, file.caseId), principal, file.agency) !==
        undefined;
    sendPage(res, ctx, {
      title: `${file.title} · ${ctx.t('case.title')}`,
      main: caseFileMain(ctx, {
        file,
        actions: caseActions(ctx, principal, file, evaluated),
        utcOffsetMinutes: deps.work.utcOffsetOf(file.agency),
        ...(access ? { access } : {}),
      }),
    });
  });

  router.get('/supervise', signedIn('supervisor'), async (req, res) => {
    const ctx = pageContext(req, res, assets);
    const principal = portalPrincipal(res);
    const agency = id(req.query.agency === '' ? undefined : req.query.agency, 'agency');
    const year = yearOf(req.query.year, dateAtOffset(deps.work.clock.now(), deps.work.utcOffsetOf(principal.agency)));
    const query = { principal, ...listingOf(req, res), ...(agency === undefined ? {} : { agency }) };
    const page = { limit: DASHBOARD_ROWS };
    const s = deps.supervision;
    const [overdue, overdueReviews, missing, major, certificates, ratio, monthly] = await Promise.all([
      s.overdueDisclosures(query, page),
      s.overdueReviews(query, page),
      s.missingRecordings(query, page),
      s.majorDecisions(query, page),
      s.certificates(query),
      s.reviewerRatio(query),
      s.monthly({ ...query, year }),
    ]);
    const agencies = [...new Set([principal.agency, ...principal.supervises])];
    sendPage(res, ctx, {
      title: ctx.t('nav.supervise'),
      main: superviseMain(ctx, principal, {
        agencies,
        ...(agency === undefined ? {} : { agency }),
        year,
        overdue,
        overdueReviews,
        missing,
        major,
        certificates,
        ratio,
        monthly,
        utcOffsetOf: deps.work.utcOffsetOf,
        ...(deps.peopleOf ? { people: Object.fromEntries(agencies.map((a) => [a, deps.peopleOf!(a)])) } : {}),
      }),
      scripts: ['dashboard.js'],
    });
  });

  router.get('/cases/:agency/:caseId/bundle', signedIn(), async (req, res) => {
    const retrieval = { ...caseOfPath(req), principal: portalPrincipal(res), action: 'read_bundle' as const };
    await sendBundle(deps, res, { ...retrieval, requestId: requestId(res) });
  });

  // the media of case pages, for the browser's <video>/<audio>/<img> that carry the session, not a bearer token
  router.get('/media/:sha256', signedIn(), sendMedium({ reads: deps.media, log: deps.log }));

  return router;
}
