import express, { Router, type Request, type Response } from 'express';
import type { Principal } from '../app/auth.js';
import type { CaseFileReads } from '../app/case-file-reads.js';
import { recordedEvent } from '../app/command-handler.js';
import type { DecisionDrafts } from '../app/decision-drafts.js';
import type { DiscretionReads } from '../app/discretion-reads.js';
import type { ActRequest, CaseService } from '../app/case-service.js';
import { dateAtOffset } from '../domain/actor.js';
import { caseStream } from '../domain/case/acts.js';
import { conflict, notFound } from '../domain/errors.js';
import { LedgerError } from '../errors.js';
import { consistencyOf } from '../http/consistency.js';
import { receiveMedium, type MediaApiDependencies } from '../http/media-api.js';
import { requestId } from '../http/request.js';
import { listingOf } from '../http/retrieval.js';
import type { Validate } from '../http/validation.js';
import type { Clock } from '../ports/clock.js';
import type { PortalAssets } from './assets.js';
import { actForm, fieldsBody, fieldText, officersOf, yuanText } from './forms/acts.js';
import { formErrorOf, formErrors } from './forms/errors.js';
import type { FormState } from './forms/fields.js';
import { multipartBoundary, readMultipart } from './forms/multipart.js';
import {
  AGAIN_FIELD,
  againKey,
  SUBMISSION_FIELD,
  submissionKey,
  submissionEventId,
  retriedValues,
} from './forms/submission.js';
import { RecentActs, type ActContent } from './forms/recent-acts.js';
import { pageContext, sendPage } from './layout.js';
import { caseHref } from './links.js';
import { actFormMain, allFields, passedProposal } from './pages/act-form.js';
import { ERASED } from '../ledger/read-markers.js';
import { OPEN_CASE_FIELDS, openCaseMain, PARTY_FIELDS } from './pages/open-case.js';
import { label, localMinuteWithOffset, personShown } from './pages/labels.js';
import { listPaging } from './pages/paging.js';
import { pager } from './pages/public-parts.js';
import { reviewQueueMain, workMain } from './pages/work-lists.js';
import { csrfField, formPageIs, portalPrincipal, requireCsrf, signedIn } from './session.js';
import { ID_PATTERN } from '../domain/streams.js';

/** What the officers' and reviewers' forms write through: the API's command handler, schemas and media upload. */
export interface WorkDependencies {
  readonly cases: CaseService;
  readonly files: CaseFileReads;
  readonly validate: Validate;
  readonly newId: () => string;
  readonly clock: Clock;
  /** Minutes east of UTC of an agency's local time: the forms' times are typed in it. */
  readonly utcOffsetOf: (agency: string) => number;
  readonly upload: Pick<MediaApiDependencies, 'blobs' | 'holdings' | 'maxBytes'>;
  /** The fines of similar past decisions shown on the proposal, decision and review screens. */
  readonly discretion?: Pick<DiscretionReads, 'similarFines'>;
  /** The drafts a decision is issued from (`?draft=` on the decision form). */
  readonly drafts?: Pick<DecisionDrafts, 'find'>;
}

/** The screens that show the fines of similar past decisions beside the form. */
const FINE_SCREENS = new Set(['LegalReviewRequested', 'DecisionIssued', 'LegalReviewCompleted']);

const OPEN_CASE = 'urn:evidence-ledger:schema:command:open-case';
const RECORD_ACT = 'urn:evidence-ledger:schema:command:record-act';

type Values = Record<string, string | string[]>;

const parseForm = express.urlencoded({ extended: false, limit: 256 * 1024, parameterLimit: 300 });

/** How many cases a page of the start page (`/work`) and of the review queue (`/reviews`) lists. */
export const WORK_LIST_ROWS = 50;

/** `+08:00` for 480 minutes east of UTC. */
function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A `datetime-local` value (`2026-03-02T09:30`) as the agency's local time; anything else is left for the schema. */
function occurredAtOf(typed: string, offsetMinutes: number): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(typed) ? `${typed}:00${offsetText(offsetMinutes)}` : typed;
}

const actorOf = (p: Principal) => ({ sub: p.sub, agency: p.agency, roles: [...p.roles] });

/**
 * The officers' and reviewers' forms: open a case, record an act (with its recording uploaded in the same form),
 * request and complete a legal review, resolve a disagreement, decide and publish. Each form posts here; the body is
 * built as the API's, checked by the API's JSON Schema, and handed to the same command handler (`CaseService`), so
 * the rules and their refusals are the API's. A refusal shows the form again, with what was typed and the reason in
 * plain words; success goes to the case page (303), showing the act just recorded.
 */
export function workScreens(deps: WorkDependencies, assets: PortalAssets): Router {
  const router = Router();
  const nowLocal = (agency: string) => {
    const offset = deps.utcOffsetOf(agency);
    return new Date(deps.clock.now().getTime() + offset * 60_000).toISOString().slice(0, 16);
  };
  const today = (agency: string) => dateAtOffset(deps.clock.now(), deps.utcOffsetOf(agency));
  /** An instant a refusal names, as the agency's forms show times: the minute in its time, the offset written. */
  const agencyTime = (agency: string) => (instant: string) => localMinuteWithOffset(instant, deps.utcOffsetOf(agency));
  const recentActs = new RecentActs(() => deps.clock.now().getTime());
  /**
   * The same act (or opening), by the same reader, a moment ago, under another submission key: the form sent again
   * after going back to it, `409 possible_duplicate`; recorded only once the reader, warned, sends it as it stands.
   */
  const checkRepeated = (
    reader: string,
    scope: string,
    act: ActContent,
    eventId: string,
    values: Values,
    agency: string,
  ): void => {
    // an act a case has once (its decision, publication, closing) sent again is the rules' to refuse, saying why
    if (ONCE_PER_CASE.has(act.type)) return;
    const earlier = recentActs.find(reader, scope, act);
    if (!earlier || earlier.eventId === eventId || againKey(values) === earlier.eventId) return;
    const at = new Date(earlier.recordedAt + deps.utcOffsetOf(agency) * 60_000).toISOString().slice(11, 16);
    throw conflict('possible_duplicate', `the same was recorded at ${at}`, { eventId: earlier.eventId, at });
  };

  // the start page's cases and the review queue, a page at a time: `?cursor=` goes on, `?limit=` another size
  router.get('/work', signedIn(), async (req, res) => {
    const ctx = pageContext(req, res, assets);
    const principal = portalPrincipal(res);
    const { paging, params } = listPaging(req, WORK_LIST_ROWS);
    const cases = await deps.files.list({ principal, agency: principal.agency, ...listingOf(req, res) }, paging);
    const more = pager(ctx, '/work', params, cases.next, { label: 'work.myCases' });
    sendPage(res, ctx, { title: ctx.t('work.title'), main: workMain(ctx, principal, cases.items, more) });
  });

  router.get('/reviews', signedIn('reviewer'), async (req, res) => {
    const ctx = pageContext(req, res, assets);
    const { paging, params } = listPaging(req, WORK_LIST_ROWS);
    const pending = await deps.files.pendingReviews(
      { principal: portalPrincipal(res), ...listingOf(req, res) },
      paging,
    );
    const more = pager(ctx, '/reviews', params, pending.next, { label: 'review.queue.title' });
    sendPage(res, ctx, { title: ctx.t('review.queue.title'), main: reviewQueueMain(ctx, pending.items, more) });
  });

  /** The first event's id: derived from the form's submission key, so that the form sent again finds it. */
  const eventIdOf = (principal: Principal, stream: string, key: string | undefined) =>
    submissionEventId(principal, stream, key, deps.newId);

  /**
   * What a refused form shows again: what was typed, with its submission key, except after the key recorded other
   * content (the form was sent, then changed and sent again): a fresh key lets the user send it once more on purpose.
   */
  const retryValues = (err: LedgerError, typed: Values | undefined): Values =>
    err.code === 'possible_duplicate' && typeof err.details.eventId === 'string'
      ? { ...typed, [AGAIN_FIELD]: err.details.eventId }
      : retriedValues(err.code, typed ?? {}, deps.newId);

  const renderOpen = (req: Request, res: Response, state: FormState, status = 200) => {
    const ctx = pageContext(req, res, assets);
    sendPage(res, ctx, { title: ctx.t('open.title'), main: openCaseMain(ctx, state, csrfField(res)), status });
  };

  router.get('/cases/new', signedIn('officer'), (req, res) => {
    const principal = portalPrincipal(res);
    const values = { openedOn: today(principal.agency), officers: principal.sub, [SUBMISSION_FIELD]: deps.newId() };
    renderOpen(req, res, { values });
  });

  router.post(
    '/cases',
    formPageIs('/cases/new'),
    signedIn('officer'),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const principal = portalPrincipal(res);
      const values = formValues(req.body);
      res.locals.formValues = values;
      const typed = (name: string) => fieldText(values, name);
      const party = fieldsBody(PARTY_FIELDS, values).parties as Record<string, unknown> | undefined;
      const body = {
        ...(typed('caseId') === '' ? {} : { caseId: typed('caseId') }),
        itemCode: typed('itemCode'),
        title: typed('title'),
        openedOn: typed('openedOn'),
        officers: officersOf(typed('officers')),
        parties: party ? Object.values(party) : [],
      };
      deps.validate(OPEN_CASE, body);
      // sent twice, the form opens one case: without a case number, the case is named by the form's submission key
      // (a time-ordered id, as a fresh one would be, so the agency's case list keeps its order)
      const key = submissionKey(values);
      const caseId = body.caseId ?? key ?? deps.newId();
      const act: ActRequest<'CaseOpened'> = {
        type: 'CaseOpened',
        occurredAt: deps.clock.now().toISOString(),
        data: { ...(body as Omit<ActRequest<'CaseOpened'>['data'], 'caseId'>), caseId },
        media: [],
      };
      const eventId = eventIdOf(principal, caseStream(principal.agency, caseId), key);
      // a case without a case number opened by the same reader a moment ago saying the same, under another key: the
      // form sent again after going back to it (a case number typed again is refused as the case's anyway)
      const opening = { type: act.type, data: body, media: [] };
      const scope = `opening:${principal.agency}`;
      if (body.caseId === undefined) checkRepeated(principal.sub, scope, opening, eventId, values, principal.agency);
      const result = await deps.cases.record(caseId, actorOf(principal), act, { eventId });
      if (result.created) recentActs.recorded(principal.sub, scope, opening, recordedEvent(result, act.type).id);
      res.redirect(303, `${caseHref({ agency: principal.agency, caseId })}?consistentWith=${result.position}`);
    },
    formErrors((err: LedgerError, req: Request, res: Response) => {
      const ctx = pageContext(req, res, assets);
      const fields = [...OPEN_CASE_FIELDS, ...PARTY_FIELDS];
      const { agency } = portalPrincipal(res);
      const error = formErrorOf(ctx, err, fields, agencyTime(agency), (id) => personShown(ctx, agency, id));
      const state = { values: retryValues(err, res.locals.formValues), error };
      renderOpen(req, res, state, err.status);
    }),
  );

  /** The case and act type of the path, for the principal's own agency (acts are recorded on its cases only). */
  const target = (req: Request, res: Response) => {
    const principal = portalPrincipal(res);
    const agency = String(req.params.agency);
    const caseId = String(req.params.caseId);
    const type = String(req.params.type);
    const form = actForm(type);
    if (!form || !ID_PATTERN.test(caseId) || agency !== principal.agency) throw notFound('no such form');
    return { principal, agency, caseId, type, form };
  };

  const renderAct = (req: Request, res: Response, view: { state: FormState; status?: number }) => {
    const { agency, caseId, type } = target(req, res);
    const ctx = pageContext(req, res, assets);
    const csrfToken = res.locals.csrfToken as string | undefined;
    sendPage(res, ctx, {
      title: label(ctx, 'act', type),
      main: actFormMain(ctx, {
        agency,
        caseId,
        type,
        state: view.state,
        csrf: csrfField(res),
        ...(csrfToken ? { csrfToken } : {}),
        ...(res.locals.caseFile ? { file: res.locals.caseFile } : {}),
        ...(res.locals.similarFines ? { similarFines: res.locals.similarFines } : {}),
      }),
      scripts: ['forms.js'],
      status: view.status ?? 200,
    });
  };

  /**
   * A decision issued from a draft: the form filled with the decision the draft proposes, and the drafted PDF as the
   * issued document (among the act's media, its SHA-256 as `documentSha256`). The officer still submits the act.
   */
  const draftValues = async (agency: string, caseId: string, draftId: string): Promise<Values> => {
    const draft = ID_PATTERN.test(draftId) && deps.drafts ? await deps.drafts.find(agency, draftId) : undefined;
    if (draft?.caseId !== caseId) throw notFound('no such draft');
    const given = (name: string, value: string | undefined): Values => (value === undefined ? {} : { [name]: value });
    return {
      'data.decisionType': draft.decisionType,
      'data.documentNo': draft.documentNo,
      ...given('data.fineFen', draft.fineFen === undefined ? undefined : yuanText(draft.fineFen)),
      ...given('data.legalBasis', draft.legalBasis),
      ...given('data.decidedOn', draft.decidedOn),
      'data.documentSha256': draft.pdf.sha256,
      media: [draft.pdf.sha256],
      draft: draftId,
    };
  };

  /** A decision's fields filled in with a proposal: its type, fine (in yuan), legal basis, circumstance and reason. */
  const proposalValues = (
    proposal: ReturnType<typeof passedProposal>,
    /** What the discretion benchmark found of the case's latest proposal: the reason it gave for leaving the range. */
    discretion: { readonly fineFen: number; readonly deviationReason?: string } | undefined,
  ): Values => {
    if (!proposal) return {};
    const given = (name: string, value: string | undefined): Values => (value === undefined ? {} : { [name]: value });
    // the review's copy of the proposal keeps no reason: the latest proposal's finding does (the one reviewed, no
    // newer request waiting), for the same fine
    const reason =
      proposal.deviationReason ?? (discretion?.fineFen === proposal.fineFen ? discretion?.deviationReason : undefined);
    return {
      'data.decisionType': proposal.decisionType,
      ...given('data.fineFen', proposal.fineFen === undefined ? undefined : yuanText(proposal.fineFen)),
      'data.legalBasis': proposal.legalBasis,
      ...given('data.circumstance', proposal.circumstance),
      // a reason erased with the case's personal data is not carried over
      ...given('data.deviationReason', reason === undefined || reason === ERASED ? undefined : reason),
    };
  };

  /**
   * The case the form shows beside it (its title, status, a pending proposal) and, on the fine screens, the fines of
   * similar decisions: reading the case is a retrieval, recorded as the API records one.
   */
  const showCase = async (req: Request, res: Response) => {
    const { principal, agency, caseId, type } = target(req, res);
    const consistentWith = consistencyOf(req);
    const file = await deps.files.file({
      principal,
      agency,
      caseId,
      action: 'read_case',
      requestId: requestId(res),
      ...(consistentWith === undefined ? {} : { consistentWith }),
    });
    res.locals.caseFile = file;
    if (deps.discretion && FINE_SCREENS.has(type)) {
      res.locals.similarFines = await deps.discretion.similarFines({ principal, agency, itemCode: file.itemCode });
    }
    return file;
  };

  router.get('/cases/:agency/:caseId/acts/:type', signedIn(), async (req, res) => {
    const { agency, caseId, type, form } = target(req, res);
    const file = await showCase(req, res);
    const day = today(agency);
    const values: Values = {
      occurredAt: nowLocal(agency),
      officers: file.officers.join(', '),
      [SUBMISSION_FIELD]: deps.newId(),
    };
    for (const name of ['heldOn', 'decidedOn', 'publishedOn', 'closedOn']) values[`data.${name}`] = day;
    const draftId = req.query.draft;
    if (form.document && typeof draftId === 'string' && draftId !== '') {
      const drafted = await draftValues(agency, caseId, draftId);
      // the circumstance and the reason for a fine outside its range, which a draft does not hold: the passed
      // proposal's, when the draft proposes the same type and fine
      const passed = file.decision === undefined ? proposalValues(passedProposal(file), file.discretion?.proposal) : {};
      const same = (name: string) => passed[name] === drafted[name];
      const extra = Object.fromEntries(
        same('data.decisionType') && same('data.fineFen')
          ? Object.entries(passed).filter(([name]) => name === 'data.circumstance' || name === 'data.deviationReason')
          : [],
      );
      Object.assign(values, drafted, extra);
    } else if (type === 'DecisionIssued' && file.decision === undefined) {
      // the decision as the legal review passed it: what the officer records, unless the review is asked again
      Object.assign(values, proposalValues(passedProposal(file), file.discretion?.proposal));
    }
    renderAct(req, res, { state: { values } });
  });

  router.post(
    '/cases/:agency/:caseId/acts/:type',
    signedIn(),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const { principal, agency, caseId, type, form } = target(req, res);
      const offset = deps.utcOffsetOf(agency);
      const document = (values: Values) => (form.document ? fieldText(values, 'data.documentSha256') : '');
      const bodyOf = (values: Values, uploaded: string[]) => ({
        type,
        occurredAt: occurredAtOf(fieldText(values, 'occurredAt'), offset),
        ...(form.officers ? { officers: officersOf(fieldText(values, 'officers')) } : {}),
        data: {
          ...((fieldsBody(form.fields, values).data as Record<string, unknown> | undefined) ?? {}),
          ...(document(values) === '' ? {} : { documentSha256: document(values) }),
        },
        media: [...new Set([...[values.media ?? []].flat().filter(Boolean), ...uploaded])],
      });
      const uploaded: string[] = [];
      const boundary = multipartBoundary(req.get('content-type'));
      let values: Values;
      if (boundary && form.medium) {
        values = await readMultipart(req, boundary, async (file, before) => {
          res.locals.formValues = formValues(before);
          if (file.name !== 'medium') throw notFound('no such field');
          // the act is checked before anything is stored: a form with invalid input changes nothing
          deps.validate(RECORD_ACT, bodyOf(formValues(before), []));
          // taken as evidence: a recording, a photo or a PDF, each what it is declared to be
          const { stored } = await receiveMedium(deps.upload, principal, file.body, {
            contentType: file.contentType,
            evidence: true,
          });
          uploaded.push(stored.sha256);
          res.locals.formValues = { ...formValues(before), media: [...[before.media ?? []].flat(), stored.sha256] };
        });
      } else values = formValues(req.body);
      res.locals.formValues = { ...values, media: [...[values.media ?? []].flat(), ...uploaded] };
      const body = bodyOf(values, uploaded);
      deps.validate(RECORD_ACT, body);
      const act = { ...body, media: body.media } as unknown as ActRequest;
      const stream = caseStream(agency, caseId);
      const eventId = eventIdOf(principal, stream, submissionKey(values));
      checkRepeated(principal.sub, stream, body, eventId, values, agency);
      const result = await deps.cases.record(caseId, actorOf(principal), act, { eventId });
      if (result.created) recentActs.recorded(principal.sub, stream, body, recordedEvent(result, act.type).id);
      res.redirect(
        303,
        `${caseHref({ agency, caseId })}?consistentWith=${result.position}#act-${recordedEvent(result, act.type).id}`,
      );
    },
    formErrors(async (err: LedgerError, req: Request, res: Response) => {
      const { form } = target(req, res);
      const ctx = pageContext(req, res, assets);
      if (!req.complete) res.set('Connection', 'close');
      const agency = String(req.params.agency);
      const error = formErrorOf(ctx, err, allFields(form), agencyTime(agency), (id) => personShown(ctx, agency, id));
      const state = { values: retryValues(err, res.locals.formValues), error };
      // the form comes back beside the case, as it was first shown; a case the read side has not read yet (opened
      // a moment ago, by the API or on another replica) or cannot read in time leaves the form alone, still saying
      // why the act was refused
      await showCase(req, res).catch((failure: unknown) => {
        if (!(failure instanceof LedgerError) || (failure.status !== 404 && failure.status !== 503)) throw failure;
      });
      renderAct(req, res, { state, status: err.status });
    }),
  );

  return router;
}

/**
 * Acts a case has at most once: a second one is never "the same again" to confirm (`possible_duplicate`), but an act
 * the case's status refuses, which the rules say (`act_out_of_order`, naming the status).
 */
const ONCE_PER_CASE = new Set(['DecisionIssued', 'DecisionDisclosed', 'DisclosureExempted', 'CaseClosed']);

/** A parsed form body as field values (text or repeated text), without the CSRF token. */
function formValues(body: unknown): Values {
  const values: Values = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === '_csrf') continue;
    if (typeof value === 'string') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((v): v is string => typeof v === 'string');
  }
  return values;
}
