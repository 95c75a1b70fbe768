import express, { type Request, type Response, type Router } from 'express';
import type { OfficerKeyRequest } from '../../app/officer-key-material.js';
import type { OfficerRoster } from '../../app/officer-roster.js';
import type { RegistryService } from '../../app/registry-service.js';
import { conflict, notFound } from '../../domain/errors.js';
import { officerStream } from '../../domain/registry/officers.js';
import type { LedgerError } from '../../errors.js';
import type { Validate } from '../../http/validation.js';
import type { PortalAssets } from '../assets.js';
import { fieldsBody, fieldText } from '../forms/acts.js';
import { formErrorOf, formErrors } from '../forms/errors.js';
import { errorSummary, field, refusalWithoutForm, type FieldSpec, type FormState } from '../forms/fields.js';
import {
  SUBMISSION_FIELD,
  submissionField,
  submissionKey,
  retriedValues,
  submissionEventId,
} from '../forms/submission.js';
import { html } from '../html.js';
import { pageContext, sendPage } from '../layout.js';
import { keyRegistrationHref, ROSTER_PATH } from '../links.js';
import { officerOfPath } from './officer-roster.js';
import { csrfField, portalPrincipal, requireCsrf, signedIn } from '../session.js';

export interface KeyRegistrationPageDependencies {
  readonly roster: Pick<OfficerRoster, 'one'>;
  readonly registry: Pick<RegistryService, 'registerOfficerKey'>;
  readonly validate: Validate;
  readonly newId: () => string;
  readonly assets: PortalAssets;
}

const parseForm = express.urlencoded({ extended: false, limit: 64 * 1024, parameterLimit: 20 });

/** The fields of `POST /v1/officers/{officerId}/keys`. */
const KEY_FIELDS: readonly FieldSpec[] = [
  { name: 'publicKey', label: 'keyForm.publicKey', kind: 'textarea', hint: 'keyForm.publicKey.hint' },
  {
    name: 'certificate',
    label: 'keyForm.certificate',
    kind: 'textarea',
    optional: true,
    hint: 'keyForm.certificate.hint',
  },
  { name: 'validFrom', label: 'keyForm.validFrom', kind: 'date', optional: true, hint: 'keyForm.validFrom.hint' },
  { name: 'validTo', label: 'keyForm.validTo', kind: 'date', optional: true, hint: 'keyForm.validTo.hint' },
];

/**
 * `/admin/officers/{officerId}/keys`: the agency's administrator registers an officer's own Ed25519 signing key (its
 * PEM or base64 SubjectPublicKeyInfo, optionally with an X.509 certificate of it, and the days it may sign for), with
 * the schema, use case and rules of `POST /v1/officers/{officerId}/keys` (`OfficerKeyRegistered`, the key claimed for
 * the officer). A retired officer takes no key (404; a form sent after the retirement is told so, 409, as the API);
 * the officer's page, read after it, names the key.
 */
export function registerKeyRegistrationPage(router: Router, deps: KeyRegistrationPageDependencies): void {
  const render = async (req: Request, res: Response, state: FormState | undefined, status = 200) => {
    const ctx = pageContext(req, res, deps.assets);
    const officer = await officerOfPath(deps.roster, req, res);
    const title = ctx.t('keyForm.title', { name: officer.name });
    const back = html`<p>
      <a href="${ROSTER_PATH}/${encodeURIComponent(officer.officerId)}">${ctx.t('amend.back')}</a>
    </p>`;
    if (officer.status === 'retired') {
      // retired after the form was shown: the refusal (409, as the API answers) with the way back, and no form
      if (!state?.error) throw notFound('no such officer taking keys');
      return sendPage(res, ctx, { title, main: refusalWithoutForm(ctx, title, state.error, back), status });
    }
    const shown = state ?? { values: { [SUBMISSION_FIELD]: deps.newId() } };
    const main = html`<h1>${title}</h1>
      <p class="lead">${ctx.t('keyForm.lead')}</p>
      ${errorSummary(ctx, shown)}
      <form method="post" action="${keyRegistrationHref(officer.officerId)}" novalidate>
        ${csrfField(res)} ${submissionField(shown)} ${KEY_FIELDS.map((spec) => field(ctx, spec, shown))}
        <button type="submit">${ctx.t('keyForm.submit')}</button>
      </form>
      ${back}`;
    sendPage(res, ctx, { title, main, status });
  };

  router.get(`${ROSTER_PATH}/:officerId/keys`, signedIn('admin'), (req, res) => render(req, res, undefined));

  router.post(
    `${ROSTER_PATH}/:officerId/keys`,
    signedIn('admin'),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const officer = await officerOfPath(deps.roster, req, res);
      if (officer.status === 'retired')
        throw conflict('officer_retired', 'the officer is retired: no key is registered');
      const sent = (req.body ?? {}) as Record<string, unknown>;
      const values = Object.fromEntries(
        [...KEY_FIELDS.map((f) => f.name), SUBMISSION_FIELD].map((name) => [name, fieldText(sent, name)]),
      );
      res.locals.formValues = values;
      const body = fieldsBody(KEY_FIELDS, values);
      deps.validate('urn:evidence-ledger:schema:command:register-officer-key', body);
      const principal = portalPrincipal(res);
      const key = submissionKey(values);
      const stream = officerStream(principal.agency, officer.officerId);
      const eventId = submissionEventId(principal, stream, key, deps.newId);
      const result = await deps.registry.registerOfficerKey(
        principal,
        officer.officerId,
        body as unknown as OfficerKeyRequest,
        eventId,
      );
      const page = `${ROSTER_PATH}/${encodeURIComponent(officer.officerId)}`;
      res.redirect(303, `${page}?keyRegistered=${result.keyId}&consistentWith=${result.position}`);
    },
    formErrors((err: LedgerError, req: Request, res: Response) => {
      const ctx = pageContext(req, res, deps.assets);
      const values = (res.locals.formValues ?? {}) as FormState['values'];
      const kept = retriedValues(err.code, values, deps.newId);
      const error =
        err.code === 'officer_retired' ? { message: ctx.t('keyForm.retired') } : formErrorOf(ctx, err, KEY_FIELDS);
      void render(req, res, { values: kept, error }, err.status).catch((e: unknown) => req.next?.(e));
    }),
  );
}
