import { Router, type RequestHandler } from 'express';
import type { Principal } from '../app/auth.js';
import type { DecisionTemplates } from '../app/decision-templates.js';
import { DECISION_TYPES, type DecisionType } from '../domain/case/acts.js';
import { decisionTemplateStream } from '../domain/drafting/agency-templates.js';
import type { DecisionTemplate } from '../domain/drafting/template.js';
import { notFound } from '../domain/errors.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { pathId } from './query.js';
import { eventIdFor, ifMatch } from './request.js';
import type { Validate } from './validation.js';
import { written } from './written.js';

export interface DecisionTemplatesApiDependencies {
  readonly templates: DecisionTemplates;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  /** The public routes' rate limit. */
  readonly limited: RequestHandler;
}

/** The decision type named by the path; any other value is no template. */
export function decisionTypeOf(value: unknown): DecisionType {
  const type = String(value);
  if (!(DECISION_TYPES as readonly string[]).includes(type)) throw notFound(`no decision type ${type}`);
  return type as DecisionType;
}

/**
 * The agencies' decision templates (文书模板): anyone reads which template each decision type uses and its history;
 * the agency's admin records its own template of a type, or (a `null` template) the return to the shipped one.
 */
export function decisionTemplatesApi(deps: DecisionTemplatesApiDependencies): Router {
  const router = Router();
  const auth = authenticate(deps.verify);

  router.get('/v1/agencies/:agency/decision-templates', deps.limited, async (req, res) => {
    res.json(await deps.templates.list(pathId(req.params.agency, 'agency')));
  });

  router.get('/v1/agencies/:agency/decision-templates/:decisionType', deps.limited, async (req, res) => {
    const agency = pathId(req.params.agency, 'agency');
    res.json(await deps.templates.one(agency, decisionTypeOf(req.params.decisionType)));
  });

  router.put(
    '/v1/agencies/:agency/decision-templates/:decisionType',
    auth,
    requireRoles('admin'),
    jsonBody(),
    async (req, res) => {
      const agency = pathId(req.params.agency, 'agency');
      const decisionType = decisionTypeOf(req.params.decisionType);
      deps.validate('urn:evidence-ledger:schema:command:set-decision-template', req.body);
      const body = req.body as { template: DecisionTemplate | null; reason: string };
      const principal = principalOf(res);
      const eventId = eventIdFor(req, principal, decisionTemplateStream(agency, decisionType), deps.newId);
      const result = await deps.templates.set(
        principal,
        { agency, decisionType, eventId, expectedRevision: ifMatch(req) },
        body.template,
        body.reason,
      );
      res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
      res.json({ agency, decisionType, version: result.version, ...written(result) });
    },
  );

  return router;
}
