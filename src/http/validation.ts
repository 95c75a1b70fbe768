import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { InvalidBody, InvalidQuery } from '../errors.js';
import { bodyBoundsViolation, MAX_ARRAY_ITEMS, MAX_STRING_CHARS, type BoundsViolation } from '../ledger/json-bounds.js';

export { InvalidBody, InvalidQuery };

export type Validate = (schemaId: string, body: unknown) => void;

/**
 * Declares the annotations the schemas carry beyond JSON Schema's own (strict mode refuses unknown keywords):
 * `x-personal` marks personal data (`true`, or `{exceptWhere: {member: value}}`; docs/privacy.md). Annotations
 * only: they never change what validates.
 */
export function declareAnnotations(ajv: Pick<Ajv2020, 'addKeyword'>): void {
  ajv.addKeyword({ keyword: 'x-personal', schemaType: ['boolean', 'object'] });
}

const loaded = new Map<string, Validate>();

/**
 * Loads every schema under `dir` (formats on, no coercion, strict; each compiled once, when first used) and returns
 * the body check: first the bounds every body keeps (no lone surrogate, finite numbers, limited depth, strings,
 * arrays and objects), then the body's schema. The check of a folder is made once per process and shared (it holds
 * nothing of any one service), so the services a test suite starts one after the other do not each read and check
 * some two hundred schemas again.
 */
export function loadValidators(dir: string): Validate {
  const key = path.resolve(dir);
  let validate = loaded.get(key);
  if (!validate) {
    validate = makeValidators(key);
    loaded.set(key, validate);
  }
  return validate;
}

/** At most this many places a refused body breaks its schema are reported (`errors` of `invalid_body`). */
export const MAX_REPORTED_ERRORS = 20;

/**
 * What kind of fault a member has, for a client to word it: `missing` (absent, empty, or no item where one is
 * needed), `choice` (not one of the values allowed), `too_small`/`too_large` (a number past `limit`),
 * `too_short`/`too_long` (a text or list of more or fewer than `limit` characters or items), `format` (not written
 * as the member must be: a date, an id, a pattern), `type` (a text where a number is needed, say), `other`.
 */
export type BodyErrorKind =
  'missing' | 'choice' | 'too_small' | 'too_large' | 'too_short' | 'too_long' | 'format' | 'type' | 'other';

/** One place a body breaks its schema, as `invalid_body` reports it (RFC 9457's example extension `errors`). */
export interface BodyError {
  /** JSON Pointer to the member at fault; for a missing member, where it is missing (`/data/items`). */
  readonly pointer: string;
  /** Ajv's message: what is wrong, never the value. */
  readonly detail: string;
  readonly kind: BodyErrorKind;
  /** The bound passed, for `too_small`, `too_large`, `too_short`, `too_long`. */
  readonly limit?: number;
}

/** A body past the bounds every body is held to, as one of `invalid_body`'s errors: a text or list too long, or other. */
function boundsError({ pointer, reason }: BoundsViolation): BodyError {
  if (reason === `is longer than ${MAX_STRING_CHARS} characters`)
    return { pointer, detail: reason, kind: 'too_long', limit: MAX_STRING_CHARS };
  if (reason === `has more than ${MAX_ARRAY_ITEMS} items`)
    return { pointer, detail: reason, kind: 'too_long', limit: MAX_ARRAY_ITEMS };
  return { pointer, detail: reason, kind: 'other' };
}

/** Most allowed values an `enum` error lists: a longer list is said without them. */
const LISTED_CHOICES = 12;

/**
 * Ajv's message, but for a constant or a short list of choices, which it leaves unsaid ("must be equal to constant"):
 * then the values the schema allows (never the value sent).
 */
function detailOf(error: ErrorObject): string {
  const params = error.params as { allowedValue?: unknown; allowedValues?: unknown };
  if (error.keyword === 'const') return `must be ${JSON.stringify(params.allowedValue)}`;
  if (
    error.keyword === 'enum' &&
    Array.isArray(params.allowedValues) &&
    params.allowedValues.length <= LISTED_CHOICES
  ) {
    return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return error.message ?? 'is invalid';
}

/** The kind of fault (and its bound) an Ajv error reports. */
function faultOf(error: ErrorObject): { kind: BodyErrorKind; limit?: number } {
  const limit = (error.params as { limit?: unknown }).limit;
  const bound = typeof limit === 'number' ? { limit } : {};
  switch (error.keyword) {
    case 'required':
      return { kind: 'missing' };
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return limit === 1 ? { kind: 'missing' } : { kind: 'too_short', ...bound };
    case 'maxLength':
    case 'maxItems':
    case 'maxProperties':
      return { kind: 'too_long', ...bound };
    case 'minimum':
    case 'exclusiveMinimum':
      return { kind: 'too_small', ...bound };
    case 'maximum':
    case 'exclusiveMaximum':
      return { kind: 'too_large', ...bound };
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return { kind: 'choice' };
    case 'pattern':
    case 'format':
    case 'multipleOf':
      return { kind: 'format' };
    case 'type':
      return { kind: 'type' };
    default:
      return { kind: 'other' };
  }
}

/**
 * The schemas of `dir` in one Ajv instance, each compiled when first used: compiling all of them (responses
 * included, which only tests check against) took most of the service's start-up; test/unit/schemas.test.ts
 * compiles every one in strict mode.
 */
function schemaSet(dir: string, allErrors: boolean): (schemaId: string) => ValidateFunction {
  // validateSchema: false: the schemas are the project's own, each checked against draft 2020-12's meta-schema by
  // its tests (test/unit/schemas.test.ts); checking them again at every start cost more than compiling them
  const ajv = new Ajv2020({ strict: true, allErrors, coerceTypes: false, useDefaults: false, validateSchema: false });
  ajvFormats.default(ajv);
  declareAnnotations(ajv);
  for (const file of schemaFiles(dir)) ajv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
  const compiled = new Map<string, ValidateFunction>();
  return (schemaId) => {
    let validate = compiled.get(schemaId);
    if (!validate) {
      if (!schemaId.startsWith('urn:evidence-ledger:schema:')) throw new Error(`no schema ${schemaId}`);
      validate = ajv.getSchema(schemaId);
      if (!validate) throw new Error(`no schema ${schemaId}`);
      compiled.set(schemaId, validate);
    }
    return validate;
  };
}

/**
 * Every place `errors` (Ajv's, with `allErrors`) says a body breaks its schema, one per member: a missing member is
 * named where it is missing; of a member that matches none of `anyOf`'s or `oneOf`'s choices, only that (not what
 * each choice lacked); `if`'s "must match then" is left out (what `then` found is there).
 */
export function bodyErrors(errors: readonly ErrorObject[], body?: unknown): BodyError[] {
  const found = new Map<string, Omit<BodyError, 'pointer'>>();
  const alternatives = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if' || /\/(anyOf|oneOf)\/\d+\//.test(error.schemaPath)) continue;
    const missing =
      error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
    const pointer = missing === undefined ? memberPointer(error) : `${error.instancePath}/${pointerToken(missing)}`;
    if (!found.has(pointer)) {
      // a text, list or object left empty is missing, whatever its least length (a telephone of 3 characters, say);
      // so is a text of spaces alone that its pattern refuses (a reason must hold more than blanks)
      const value = valueAt(body, error.instancePath);
      const blank = error.keyword === 'pattern' && typeof value === 'string' && value !== '' && value.trim() === '';
      const empty = blank || (MIN_KEYWORDS.has(error.keyword) && isEmpty(value));
      const fault = empty ? { kind: 'missing' as const } : faultOf(error);
      found.set(pointer, { detail: blank ? 'must not be blank' : detailOf(error), ...fault });
    }
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') alternatives.add(pointer);
    if (found.size === MAX_REPORTED_ERRORS) break;
  }
  // a member that matches none of its choices, where what is wrong inside it is reported too (a choice reached
  // through a reference, whose own errors the pattern above cannot tell apart): the inner faults say more
  for (const pointer of alternatives) {
    if ([...found.keys()].some((other) => other.startsWith(`${pointer}/`))) found.delete(pointer);
  }
  return [...found].map(([pointer, fault]) => ({ pointer, ...fault }));
}

const MIN_KEYWORDS = new Set(['minLength', 'minItems', 'minProperties']);

const pointerToken = (name: string): string => name.replace(/~/g, '~0').replace(/\//g, '~1');

/** Where an error is: a member the schema does not allow is named itself (`/extra`), not the object holding it. */
function memberPointer(error: ErrorObject): string {
  const extra =
    error.keyword === 'additionalProperties'
      ? (error.params as { additionalProperty?: string }).additionalProperty
      : undefined;
  return extra === undefined ? error.instancePath : `${error.instancePath}/${pointerToken(extra)}`;
}

/** The value at a JSON Pointer of `value`, or undefined. */
function valueAt(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let at = value;
  for (const token of pointer.slice(1).split('/')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return at;
}

const isEmpty = (value: unknown): boolean =>
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

function makeValidators(dir: string): Validate {
  const validatorOf = schemaSet(dir, false);
  // a body refused is checked again for every error it has, by schemas compiled that way on the first refusal:
  // reporting all of them costs the bodies that pass nothing
  let everyError: ((schemaId: string) => ValidateFunction) | undefined;
  const corrections = correctionCheck(dir, validatorOf);
  return (schemaId, body) => {
    const validate = validatorOf(schemaId);
    // before the schema: what Ajv, the canonicalizer or the read models cannot take never reaches them
    const outside = bodyBoundsViolation(body);
    if (outside)
      throw new InvalidBody(`${outside.pointer || '(body)'}: ${outside.reason}`, {
        pointer: outside.pointer,
        errors: [boundsError(outside)],
      });
    if (validate(body)) {
      if (ACT_COMMANDS.has(schemaId)) checkCorrections(schemaId, body, corrections);
      return;
    }
    const [first] = validate.errors ?? [];
    const where = first?.instancePath || '(body)';
    everyError ??= schemaSet(dir, true);
    const all = everyError(schemaId);
    all(body);
    throw new InvalidBody(`${where}: ${first?.message ?? 'is invalid'}`, {
      pointer: first ? memberPointer(first) : '',
      errors: bodyErrors(all.errors ?? [], body),
    });
  };
}

/** The commands that carry acts, one (`record-act`) or several (`record-acts-batch`, in `acts`). */
const RECORD_ACT = 'urn:evidence-ledger:schema:command:record-act';
const ACT_COMMANDS = new Set([RECORD_ACT, 'urn:evidence-ledger:schema:command:record-acts-batch']);
const ACT_SCHEMA = 'urn:evidence-ledger:schema:act:';

/** What is wrong with the corrected members of a `RecordCorrected` (its `data.data`), or undefined. */
type CorrectionCheck = (members: Record<string, unknown>) => { pointer: string; reason: string } | undefined;

function checkCorrections(schemaId: string, body: unknown, check: CorrectionCheck): void {
  const acts = schemaId === RECORD_ACT ? [body] : ((body as { acts: unknown[] }).acts ?? []);
  acts.forEach((act, i) => {
    const { type, data } = act as { type: string; data: { data: Record<string, unknown> } };
    if (type !== 'RecordCorrected') return;
    const defect = check(data.data);
    if (!defect) return;
    const pointer = `${schemaId === RECORD_ACT ? '' : `/acts/${i}`}/data/data${defect.pointer}`;
    const errors: BodyError[] = [{ pointer, detail: defect.reason, kind: 'other' }];
    throw new InvalidBody(`${pointer}: ${defect.reason}`, { pointer, errors });
  });
}

/**
 * A correction states the corrected members in the shape of the act it corrects: they must all be members of one
 * act's data (by the act schemas of `dir/acts`), each valid as that act's schema says it (a date a date, an amount
 * whole fen), and at least one. Which act it corrects is the rules' business (`correction_target_unknown`); here the
 * members must at least be what some act could hold, so that no correction signs an impossible date or a member no
 * act has into the log.
 */
function correctionCheck(dir: string, validatorOf: (schemaId: string) => ValidateFunction): CorrectionCheck {
  let members: ReadonlyMap<string, ReadonlySet<string>> | undefined;
  const actMembers = () =>
    (members ??= new Map(
      fs
        .readdirSync(path.join(dir, 'acts'))
        .filter((f) => f.endsWith('.schema.json') && f !== 'RecordCorrected.schema.json')
        .map((f) => {
          const schema = JSON.parse(fs.readFileSync(path.join(dir, 'acts', f), 'utf8')) as {
            properties?: Record<string, unknown>;
          };
          return [f.slice(0, -'.schema.json'.length), new Set(Object.keys(schema.properties ?? {}))] as const;
        }),
    ));
  const escape = (name: string) => name.replaceAll('~', '~0').replaceAll('/', '~1');
  return (corrected) => {
    const names = Object.keys(corrected);
    if (names.length === 0) return { pointer: '', reason: 'names no member to correct' };
    const acts = [...actMembers()].filter(([, held]) => names.every((name) => held.has(name)));
    if (acts.length === 0) {
      const stray = names.find((name) => ![...actMembers().values()].some((held) => held.has(name)));
      return stray === undefined
        ? { pointer: '', reason: 'the members corrected are not those of one act' }
        : { pointer: `/${escape(stray)}`, reason: 'is a member of no act' };
    }
    let first: { pointer: string; reason: string } | undefined;
    for (const [type] of acts) {
      const broken = names.find((name) => !validatorOf(`${ACT_SCHEMA}${type}#/properties/${name}`)(corrected[name]));
      if (broken === undefined) return undefined;
      const [error] = validatorOf(`${ACT_SCHEMA}${type}#/properties/${broken}`).errors ?? [];
      first ??= {
        pointer: `/${escape(broken)}${error?.instancePath ?? ''}`,
        reason: `${error?.message ?? 'is invalid'} (as ${type} holds it)`,
      };
    }
    return first;
  };
}

function schemaFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(full);
    return entry.name.endsWith('.schema.json') ? [full] : [];
  });
}
