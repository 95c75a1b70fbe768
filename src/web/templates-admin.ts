import express, { Router, type Request, type Response } from 'express';
import type { DecisionTemplates } from '../app/decision-templates.js';
import type { DecisionTemplate } from '../domain/drafting/template.js';
import type { LedgerError } from '../errors.js';
import type { MessageKey } from './i18n.js';
import { decisionTypeOf } from '../http/decision-templates-api.js';
import { eventIdFor } from '../http/request.js';
import type { Validate } from '../http/validation.js';
import { decisionTemplateStream } from '../domain/drafting/agency-templates.js';
import type { PortalAssets } from './assets.js';
import { formErrorOf, formErrors } from './forms/errors.js';
import type { FormState } from './forms/fields.js';
import { pageContext, sendPage } from './layout.js';
import {
  templateBody,
  templateEditMain,
  templateFields,
  templateHref,
  templateListMain,
  partsOf,
  valuesOfTemplate,
  TEMPLATES_HREF,
} from './pages/template-form.js';
import { csrfField, portalPrincipal, requireCsrf, signedIn } from './session.js';

/** What the template screens read and write through: the same use case as the API. */
export interface TemplatesAdminDependencies {
  readonly templates: DecisionTemplates;
  readonly validate: Validate;
  readonly newId: () => string;
  /** Minutes east of UTC of an agency (`LEDGER_UTC_OFFSET`, `AGENCY_UTC_OFFSETS`): the history shows its times in the agency's local time. */
  readonly utcOffsetOf: (agency: string) => number;
}

const SET = 'urn:evidence-ledger:schema:command:set-decision-template';
/** A form of twenty parts and its remedies (the schema bounds the texts themselves). */
const parseForm = express.urlencoded({ extended: false, limit: 256 * 1024, parameterLimit: 100 });

function textValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>))
    if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  return values;
}

/**
 * The admin's screens of the agency's decision templates (文书模板): which template each decision type uses (the
 * agency's own or the default), and a form editing one as structured fields, without JavaScript. A save or a
 * return to the default is the same signed change as `PUT /v1/agencies/{agency}/decision-templates/{type}`.
 */
export function templatesAdminScreens(deps: TemplatesAdminDependencies, assets: PortalAssets): Router {
  const router = Router();

  router.get(TEMPLATES_HREF, signedIn('admin'), async (req, res) => {
    const ctx = pageContext(req, res, assets);
    const { items } = await deps.templates.list(portalPrincipal(res).agency);
    sendPage(res, ctx, {
      title: ctx.t('templates.title'),
      main: templateListMain(
        ctx,
        items.map(({ decisionType, source, version, template }) => ({
          decisionType,
          source,
          version,
          title: template.title,
        })),
      ),
    });
  });

  /** The edit screen: what was typed and the error, or else the template in force. */
  const render = async (req: Request, res: Response, state?: Partial<FormState>, status = 200) => {
    const ctx = pageContext(req, res, assets);
    const decisionType = decisionTypeOf(req.params.decisionType);
    const { agency } = portalPrincipal(res);
    const current = await deps.templates.one(agency, decisionType);
    const saved = Number(req.query.saved);
    sendPage(res, ctx, {
      title: ctx.t('templates.editTitle', { type: ctx.t(`decision.${decisionType}` as MessageKey) }),
      main: templateEditMain(ctx, {
        decisionType,
        source: current.source,
        version: current.version,
        state: {
          values: state?.values ?? valuesOfTemplate(current.template),
          ...(state?.error ? { error: state.error } : {}),
        },
        history: current.history,
        csrf: csrfField(res),
        utcOffsetMinutes: deps.utcOffsetOf(agency),
        ...(Number.isInteger(saved) && saved > 0 && state === undefined ? { saved } : {}),
      }),
      status,
    });
  };

  router.get(`${TEMPLATES_HREF}/:decisionType`, signedIn('admin'), (req, res) => render(req, res));

  const change = (reset: boolean) => async (req: Request, res: Response) => {
    const decisionType = decisionTypeOf(req.params.decisionType);
    const principal = portalPrincipal(res);
    const typed = textValues(req.body);
    // a return to the default keeps the form showing the template in force
    const { body, values } = reset ? { body: { template: null, reason: typed.reason ?? '' } } : templateBody(typed);
    res.locals.formValues = values;
    deps.validate(SET, body);
    const { template, reason } = body as { template: DecisionTemplate | null; reason: string };
    const eventId = eventIdFor(req, principal, decisionTemplateStream(principal.agency, decisionType), deps.newId);
    const result = await deps.templates.set(
      principal,
      { agency: principal.agency, decisionType, eventId },
      template,
      reason,
    );
    res.redirect(303, `${templateHref(decisionType)}?saved=${result.version}&consistentWith=${result.position}`);
  };
  const refused = formErrors((err: LedgerError, req: Request, res: Response) => {
    const ctx = pageContext(req, res, assets);
    const values = res.locals.formValues as Record<string, string> | undefined;
    const error = formErrorOf(ctx, err, templateFields(partsOf(values ?? {})));
    void render(req, res, { ...(values ? { values } : {}), error }, err.status).catch((e: unknown) => req.next?.(e));
  });

  router.post(`${TEMPLATES_HREF}/:decisionType`, signedIn('admin'), requireCsrf, parseForm, change(false), refused);
  router.post(
    `${TEMPLATES_HREF}/:decisionType/reset`,
    signedIn('admin'),
    requireCsrf,
    parseForm,
    change(true),
    refused,
  );

  return router;
}
