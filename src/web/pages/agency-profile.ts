import express, { type Request, type Response, type Router } from 'express';
import type { AgencyProfileBody, AgencyProfiles } from '../../app/agency-profiles.js';
import {
  AGENCY_PROFILE_MEMBERS,
  agencyProfileStream,
  type AgencyProfile,
} from '../../domain/registry/agency-profile.js';
import type { LedgerError } from '../../errors.js';
import type { Validate } from '../../http/validation.js';
import type { PortalAssets } from '../assets.js';
import { fieldsBody, fieldText } from '../forms/acts.js';
import { formErrorOf, formErrors } from '../forms/errors.js';
import { errorSummary, field, type FieldSpec, type FormState } from '../forms/fields.js';
import {
  retriedValues,
  SUBMISSION_FIELD,
  submissionEventId,
  submissionField,
  submissionKey,
} from '../forms/submission.js';
import { html, type Html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { csrfField, portalPrincipal, requireCsrf, signedIn } from '../session.js';
import { dataTable } from './data-table.js';
import { enumerationSeparator, localMinuteWithOffset } from './labels.js';

/** An agency's profile and its versions as `GET /v1/agencies/{agency}/profile` answers them. */
type ProfileRead = Awaited<ReturnType<AgencyProfiles['profile']>>;

export interface AgencyProfilePageDependencies {
  readonly profiles: Pick<AgencyProfiles, 'profile' | 'set'>;
  readonly validate: Validate;
  readonly newId: () => string;
  /** Minutes east of UTC of an agency's local time, in which the versions' times are shown. */
  readonly utcOffsetOf: (agency: string) => number;
  readonly assets: PortalAssets;
}

/** Where an agency's administrator records what the agency publishes of itself. */
export const AGENCY_PROFILE_PATH = '/admin/agency-profile';

const SET_AGENCY_PROFILE = 'urn:evidence-ledger:schema:command:set-agency-profile';
/**
 * The profile as the form showed it (a hidden copy): a member the administrator left as shown takes what the profile
 * holds when the form is sent, so that what another administrator changed meanwhile is not undone, as the amendment
 * forms do.
 */
const SHOWN_FIELD = '_shown';

/** The hidden copy of the profile's members as shown. */
const shownCopy = (members: Readonly<Record<string, string>>): string =>
  Buffer.from(JSON.stringify(members), 'utf8').toString('base64url');

/** The members the hidden copy holds, when it is one the form was given (each a string); else undefined. */
function shownMembers(text: string): Record<string, string> | undefined {
  if (text === '' || text.length > 16 * 1024 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const copy = value as Record<string, unknown>;
    if (!AGENCY_PROFILE_MEMBERS.every((m) => typeof copy[m] === 'string')) return undefined;
    return Object.fromEntries(AGENCY_PROFILE_MEMBERS.map((m) => [m, copy[m] as string]));
  } catch {
    return undefined; // not the form's copy: the profile as it is now
  }
}
const parseForm = express.urlencoded({ extended: false, limit: 16 * 1024, parameterLimit: 20 });

/** The form's fields, named as the API's body names its members. */
export const AGENCY_PROFILE_FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: 'agencyProfile.name', kind: 'text', hint: 'agencyProfile.name.hint' },
  {
    name: 'address',
    label: 'agencies.address',
    kind: 'text',
    hint: 'agencyProfile.address.hint',
    optional: true,
  },
  { name: 'hours', label: 'agencies.hours', kind: 'text', hint: 'agencyProfile.hours.hint', optional: true },
  {
    name: 'telephone',
    label: 'agencies.telephone',
    kind: 'text',
    hint: 'agencyProfile.telephone.hint',
    optional: true,
  },
  {
    name: 'supervisionTelephone',
    label: 'agencies.supervisionTelephone',
    kind: 'text',
    hint: 'agencyProfile.supervisionTelephone.hint',
    optional: true,
  },
  {
    name: 'reason',
    label: 'agencyProfile.reason',
    kind: 'textarea',
    hint: 'agencyProfile.reason.hint',
    optional: true,
  },
];

/** The profile's members as the form shows them (empty where it has none). */
function profileValues(read: ProfileRead): Record<string, string> {
  const profile = (read.profile ?? {}) as Readonly<Record<string, string | undefined>>;
  return Object.fromEntries(AGENCY_PROFILE_MEMBERS.map((m) => [m, profile[m] ?? '']));
}

const MEMBER_LABELS = {
  name: 'agencyProfile.name',
  address: 'agencies.address',
  hours: 'agencies.hours',
  telephone: 'agencies.telephone',
  supervisionTelephone: 'agencies.supervisionTelephone',
} as const;

/** What a version changed from the one before it (every member it has, for the first), by their labels. */
function changedMembers(ctx: PageContext, before: AgencyProfile | undefined, after: AgencyProfile): string {
  const changed = AGENCY_PROFILE_MEMBERS.filter((m) => before?.[m] !== after[m]);
  return changed.map((m) => ctx.t(MEMBER_LABELS[m])).join(enumerationSeparator(ctx));
}

/** The profile as it stands, a member per line, in the form's order. */
function currentProfile(ctx: PageContext, read: ProfileRead): Html {
  const profile = read.profile;
  if (!profile) return html`<p>${ctx.t('agencyProfile.none', { agency: read.agency })}</p>`;
  const shown = (['name', 'address', 'hours', 'telephone', 'supervisionTelephone'] as const).filter(
    (m) => profile[m] !== undefined,
  );
  return html`<dl class="fields" id="agency-profile">
    ${shown.map(
      (m) =>
        html`<dt>${ctx.t(MEMBER_LABELS[m])}</dt>
          <dd>${profile[m]}</dd>`,
    )}
  </dl>`;
}

function profileMain(ctx: PageContext, read: ProfileRead, state: FormState, csrf: Html, offset: number): Html {
  const saved = ctx.query.get('saved') !== null && state.error === undefined;
  return html`<h1>${ctx.t('agencyProfile.title')}</h1>
    <p class="lead">${ctx.t('agencyProfile.lead')}</p>
    ${saved && html`<p class="notice" role="status">${ctx.t('agencyProfile.saved')}</p>`}
    <section aria-labelledby="current-profile">
      <h2 id="current-profile">${ctx.t('agencyProfile.current')}</h2>
      ${currentProfile(ctx, read)}
    </section>
    <section aria-labelledby="change-profile">
      <h2 id="change-profile">${ctx.t('agencyProfile.change')}</h2>
      ${errorSummary(ctx, state)}
      <form method="post" action="${AGENCY_PROFILE_PATH}" novalidate>
        ${csrf} ${submissionField(state)}
        ${
          typeof state.values[SHOWN_FIELD] === 'string' &&
          html`<input type="hidden" name="${SHOWN_FIELD}" value="${state.values[SHOWN_FIELD]}" autocomplete="off" />`
        }
        ${AGENCY_PROFILE_FIELDS.map((spec) => field(ctx, spec, state))}
        <button type="submit">${ctx.t('agencyProfile.submit')}</button>
      </form>
    </section>
    <section aria-labelledby="profile-history">
      <h2 id="profile-history">${ctx.t('agencyProfile.history')}</h2>
      ${dataTable(
        ctx,
        [
          'agencyProfile.version',
          'agencyProfile.name',
          'agencyProfile.changed',
          'agencyProfile.reason',
          'agencyProfile.recordedAt',
          'agencyProfile.hash',
        ],
        read.history
          .map((h, i) => ({ h, changed: changedMembers(ctx, read.history[i - 1]?.profile, h.profile) }))
          .reverse()
          .map(
            ({ h, changed }) =>
              html`<tr>
                <td>${h.version}</td>
                <td>${h.profile.name}</td>
                <td>${changed}</td>
                <td>${h.reason ?? '—'}</td>
                <td>
                  <time datetime="${h.recordedAt}">${localMinuteWithOffset(h.recordedAt, offset)}</time>
                </td>
                <td><code>${h.hash.slice(0, 16)}…</code></td>
              </tr>`,
          ),
        'agencyProfile.history.none',
      )}
    </section>`;
}

/**
 * `/admin/agency-profile`: the agency's administrator sees what the agency publishes of itself (its name, office
 * address, hours, telephones) and every version, and records a new one, the form filled in with the current, through
 * the same schema, use case and rules as `PUT /v1/agencies/{agency}/profile`; each is a signed `AgencyProfileSet`. A
 * form sent twice records once (its submission key is the request's idempotency key).
 */
export function registerAgencyProfilePage(router: Router, deps: AgencyProfilePageDependencies): void {
  const render = async (req: Request, res: Response, state: FormState, status = 200) => {
    const ctx = pageContext(req, res, deps.assets);
    const read = await deps.profiles.profile(portalPrincipal(res).agency);
    // shown afresh: filled in with the profile, and its copy; shown again with an error: as typed, with its copy
    const fresh = state.error === undefined && Object.keys(state.values).length <= 1;
    const members = profileValues(read);
    const values = fresh ? { ...members, ...state.values, [SHOWN_FIELD]: shownCopy(members) } : state.values;
    sendPage(res, ctx, {
      title: ctx.t('agencyProfile.title'),
      main: profileMain(ctx, read, { ...state, values }, csrfField(res), deps.utcOffsetOf(read.agency)),
      status,
    });
  };

  router.get(AGENCY_PROFILE_PATH, signedIn('admin'), async (req, res) => {
    await render(req, res, { values: { [SUBMISSION_FIELD]: deps.newId() } });
  });

  router.post(
    AGENCY_PROFILE_PATH,
    signedIn('admin'),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const principal = portalPrincipal(res);
      const sent = (req.body ?? {}) as Record<string, unknown>;
      const values: Record<string, string> = {
        [SUBMISSION_FIELD]: fieldText(sent, SUBMISSION_FIELD),
        [SHOWN_FIELD]: fieldText(sent, SHOWN_FIELD),
      };
      // a line's white space at either end is no part of it (the schema refuses it): typed by mistake, left out
      for (const spec of AGENCY_PROFILE_FIELDS) {
        const typed = fieldText(sent, spec.name);
        values[spec.name] = spec.kind === 'text' ? typed.trim() : typed;
      }
      res.locals.formValues = values;
      // what the administrator changed from the profile as shown, over the profile as it is now: a member changed
      // meanwhile by someone else, and left as shown here, keeps their change
      const now = profileValues(await deps.profiles.profile(principal.agency));
      const shown = shownMembers(values[SHOWN_FIELD]!) ?? now;
      const merged = { ...values };
      for (const member of AGENCY_PROFILE_MEMBERS) if (values[member] === shown[member]) merged[member] = now[member]!;
      const body = { agency: principal.agency, ...fieldsBody(AGENCY_PROFILE_FIELDS, merged) };
      deps.validate(SET_AGENCY_PROFILE, body);
      const stream = agencyProfileStream(principal.agency);
      const eventId = submissionEventId(principal, stream, submissionKey(values), deps.newId);
      const result = await deps.profiles.set(principal, body as AgencyProfileBody, eventId);
      // the page names the agency by the profile's name: shown once the read models hold it
      res.redirect(303, `${AGENCY_PROFILE_PATH}?saved=1&consistentWith=${result.position}`);
    },
    formErrors((err: LedgerError, req: Request, res: Response) => {
      const ctx = pageContext(req, res, deps.assets);
      const values = retriedValues(err.code, (res.locals.formValues ?? {}) as FormState['values'], deps.newId);
      const state = { values, error: formErrorOf(ctx, err, AGENCY_PROFILE_FIELDS) };
      void render(req, res, state, err.status).catch((e: unknown) => req.next?.(e));
    }),
  );
}
