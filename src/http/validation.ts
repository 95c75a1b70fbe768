import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { InvalidBody, InvalidQuery } from '../errors.js';
import { boundsViolation } from '../ledger/json-bounds.js';

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

function makeValidators(dir: string): Validate {
  const ajv = new Ajv2020({ strict: true, allErrors: false, coerceTypes: false, useDefaults: false });
  ajvFormats.default(ajv);
  declareAnnotations(ajv);
  for (const file of schemaFiles(dir)) ajv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
  // each schema is compiled when first used: compiling all of them (responses included, which only tests check
  // against) took most of the service's start-up; test/unit/schemas.test.ts compiles every one in strict mode
  const compiled = new Map<string, ValidateFunction>();
  const validatorOf = (schemaId: string): ValidateFunction => {
    let validate = compiled.get(schemaId);
    if (!validate) {
      if (!schemaId.startsWith('urn:evidence-ledger:schema:')) throw new Error(`no schema ${schemaId}`);
      validate = ajv.getSchema(schemaId);
      if (!validate) throw new Error(`no schema ${schemaId}`);
      compiled.set(schemaId, validate);
    }
    return validate;
  };
  return (schemaId, body) => {
    const validate = validatorOf(schemaId);
    // before the schema: what Ajv, the canonicalizer or the read models cannot take never reaches them
    const outside = boundsViolation(body);
    if (outside)
      throw new InvalidBody(`${outside.pointer || '(body)'}: ${outside.reason}`, { pointer: outside.pointer });
    if (validate(body)) return;
    const [first] = validate.errors ?? [];
    const where = first?.instancePath || '(body)';
    throw new InvalidBody(`${where}: ${first?.message ?? 'is invalid'}`, { pointer: first?.instancePath ?? '' });
  };
}

function schemaFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(full);
    return entry.name.endsWith('.schema.json') ? [full] : [];
  });
}
