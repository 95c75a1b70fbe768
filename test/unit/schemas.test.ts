import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { declareAnnotations, loadValidators } from '../../src/http/validation.js';
import { InvalidBody } from '../../src/errors.js';
import ajvFormats from 'ajv-formats';
import { envelopeShapeDefect } from '../../src/ledger/verify.js';
import { PUBLIC_EVENT_TYPES } from '../../src/domain/webhooks/subscriptions.js';
import { SUITES } from '../../src/ledger/suite.js';
import { BUNDLE_FAILURE_CODES } from '../../src/ledger/bundle-report.js';
import { seal, testSigner } from '../support/events.js';
import { testPrivateKey } from '../support/suite.js';

const schemaDir = path.resolve(__dirname, '../../schemas');
function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajvFormats.default(ajv); // a CommonJS module: its function is also its `default`
  declareAnnotations(ajv);
  return ajv;
}

const parsed = new Map<string, unknown>();
/** A schema file, read and parsed once for the whole file (Ajv does not change the schemas it is given). */
const readSchema = (file: string) => {
  if (!parsed.has(file)) parsed.set(file, JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')));
  return parsed.get(file) as object;
};

describe('JSON Schemas', () => {
  const files = (fs.readdirSync(schemaDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();

  it('when the schema folder is walked, then the files in its subfolders are found too', () => {
    expect(files).toEqual(expect.arrayContaining(['defs.schema.json', 'acts/CaseOpened.schema.json']));
  });

  it('when every schema is compiled as the service compiles it (strict, when first used), then none fails: a body is refused for what it holds, never a 500 for the schema', () => {
    const validate = loadValidators(schemaDir);
    const failed: string[] = [];
    for (const file of files) {
      const id = (readSchema(file) as { $id?: string }).$id;
      if (id === undefined) continue;
      try {
        validate(id, {});
      } catch (err) {
        if (!(err instanceof InvalidBody)) failed.push(`${file}: ${String(err)}`);
      }
    }
    expect(failed).toEqual([]);
  });

  it('when a request states free text, then the text must hold a non-space character: every string member of a command or an act is an id, a code, a date or a key of a pattern or format, or free text of the \\S pattern', () => {
    // strings that are neither: a key's PEM, a certificate's PEM, a token's subject (checked where they are read)
    const unpatterned = new Set(['publicKey', 'certificate', 'sub']);
    const loose: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${where}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      const member = where.split('/').pop()!;
      const typed = schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
      if (typed && !('pattern' in schema || 'format' in schema || 'enum' in schema || 'const' in schema)) {
        if (!unpatterned.has(member)) loose.push(where);
      }
      for (const [key, value] of Object.entries(schema)) walk(value, `${where}/${key}`);
    };
    for (const file of files.filter((f) => f.startsWith('commands/') || f.startsWith('acts/')))
      walk(readSchema(file), file);
    expect(loose).toEqual([]);
  });

  // Every file is added to one Ajv uncompiled, then each is compiled by its `$id`, with the schemas it may `$ref`
  // (defs, acts, commands) compiled once and shared, as the service compiles them.
  let shared: ReturnType<typeof newAjv> | undefined;
  const sharedAjv = () => {
    if (!shared) {
      shared = newAjv();
      for (const file of files) shared.addSchema(readSchema(file));
    }
    return shared;
  };
  it.each(files)('%s compiles under draft 2020-12 in strict mode', (file) => {
    const id = (readSchema(file) as { $id?: string }).$id;
    expect(id).toEqual(expect.any(String));
    expect(() => sharedAjv().getSchema(id!)).not.toThrow();
    expect(sharedAjv().getSchema(id!)).toEqual(expect.any(Function));
  });

  it.each(['commands/create-webhook.schema.json', 'commands/change-webhook.schema.json'])(
    'when %s describes eventTypes, then it lists the types a public payload may name, as the service refuses others',
    (file) => {
      type Property = { type?: string; description?: string; oneOf?: Property[] };
      const property = (readSchema(file) as { properties: { eventTypes: Property } }).properties.eventTypes;
      // on the property itself, where generated clients show it, not on a branch of its oneOf
      expect(property.oneOf?.some((branch) => branch.description !== undefined) ?? false).toBe(false);
      const named = /only the types that have a public record: ([^;.]+)/.exec(property.description ?? '')?.[1];
      expect(named?.split(', ').sort()).toEqual([...PUBLIC_EVENT_TYPES].sort());
    },
  );

  it('when the verification report names its failure, then the schema lists every code the verifier reports, in its order', () => {
    type Report = { properties: { failure: { properties: { code: { enum: string[] } } } } };
    const codes = (readSchema('responses/verify-report.schema.json') as Report).properties.failure.properties.code.enum;
    expect(codes).toEqual([...BUNDLE_FAILURE_CODES]);
  });

  describe('the event envelope schema and the ledger shape check agree', () => {
    const validate = newAjv().compile(
      JSON.parse(fs.readFileSync(path.join(schemaDir, 'event-envelope.schema.json'), 'utf8')),
    );
    const signer = testSigner();
    const [event] = seal('case-1', null, signer, 1, {
      media: [{ sha256: 'b'.repeat(64), size: 3, contentType: 'image/jpeg' }],
    });

    it('when the event is sealed by the ledger, then both accept it', () => {
      expect(validate(event)).toBe(true);
      expect(envelopeShapeDefect(event)).toBeUndefined();
    });

    it.each(Object.values(SUITES))('when the event is sealed in the $name suite, then both accept it', (suite) => {
      const [sealed] = seal('case-1', null, suite.signer(testPrivateKey(suite)), 1);
      expect(sealed!.sig.alg).toBe(suite.sigAlg);
      expect(validate(sealed)).toBe(true);
      expect(envelopeShapeDefect(sealed)).toBeUndefined();
    });

    const breakages: [string, (e: Record<string, any>) => void][] = [
      ['id not a UUID', (e) => (e.id = 'x')],
      ['negative revision', (e) => (e.revision = -1)],
      ['fractional revision', (e) => (e.revision = 0.5)],
      ['missing actor', (e) => delete e.actor],
      ['roles not an array', (e) => (e.actor.roles = 'officer')],
      ['data an array', (e) => (e.data = [])],
      ['media hash short', (e) => (e.media[0].sha256 = 'abc')],
      ['media size negative', (e) => (e.media[0].size = -1)],
      ['prev uppercase', (e) => (e.prev = 'A'.repeat(64))],
      ['hash missing', (e) => delete e.hash],
      ['sig missing', (e) => delete e.sig],
      ['sig value not base64', (e) => (e.sig.value = '***')],
      ['schemaVersion zero', (e) => (e.schemaVersion = 0)],
    ];
    it.each(breakages)('when the event has %s, then both reject it', (_name, change) => {
      const broken = JSON.parse(JSON.stringify(event));
      change(broken);
      expect(validate(broken)).toBe(false);
      expect(envelopeShapeDefect(broken)).toBeDefined();
    });
  });
});
