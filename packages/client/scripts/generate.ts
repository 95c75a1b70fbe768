import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';
import { buildOpenApi } from '../../../src/http/openapi.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository's `schemas/`, which the service's OpenAPI document is built from. */
export const SCHEMAS_DIR = path.resolve(HERE, '../../../schemas');
/** The committed output. */
export const SCHEMA_FILE = path.resolve(HERE, '../src/schema.d.ts');

const HEADER = `/**
 * The types of the Evidence Ledger HTTP API, generated from its OpenAPI document (\`GET /openapi.json\`, built by
 * \`buildOpenApi\` in src/http/openapi.ts) by openapi-typescript. Do not edit: run \`npm run client:generate\`.
 * test/unit/client-schema.test.ts fails when this file is not what the document gives.
 */

`;

/** `schema.d.ts` as the OpenAPI document of this checkout gives it, formatted as the repository formats code. */
export async function generateSchema(): Promise<string> {
  const document = buildOpenApi(SCHEMAS_DIR);
  // an object schema without properties (an act's `data`, checked against its type's schema by the service) is
  // `Record<string, unknown>`, not openapi-typescript's default `Record<string, never>`
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)) as Parameters<typeof openapiTS>[0], {
    emptyObjectsUnknown: true,
  });
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  return prettier.format(HEADER + astToString(ast), { ...options, filepath: SCHEMA_FILE });
}

/** `npm run client:generate`: writes the file; with `--stdout`, prints it instead (the up-to-date test). */
export async function writeSchema(toStdout: boolean): Promise<void> {
  const text = await generateSchema();
  if (toStdout) {
    process.stdout.write(text);
    return;
  }
  fs.writeFileSync(SCHEMA_FILE, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeSchema(process.argv.includes('--stdout')).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
