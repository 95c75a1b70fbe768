import fs from 'node:fs';
import path from 'node:path';
import { listCsv, SUPERVISION_TABLES, type ListTable } from '../../src/http/supervision-csv.js';
import { parseCsv } from '../support/csv.js';

type Schema = {
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  $ref?: string;
  $defs?: Record<string, Schema>;
};

const SCHEMAS = path.resolve(__dirname, '../../schemas/responses');
const FILES: Record<keyof typeof SUPERVISION_TABLES, string> = {
  overdueDisclosures: 'audit-overdue-disclosures',
  overdueReviews: 'audit-overdue-reviews',
  dueForErasure: 'audit-due-for-erasure',
  erasures: 'audit-erasures',
  overdueInspections: 'audit-overdue-inspections',
  missingRecordings: 'audit-missing-recordings',
  majorDecisions: 'audit-major-decisions',
  access: 'audit-access',
  deniedAccess: 'audit-denied-access',
  certificates: 'audit-certificates',
  reviewerRatio: 'audit-reviewer-ratio',
  warnings: 'audit-warnings',
  quarantine: 'audit-quarantine',
  devices: 'audit-devices',
  deviceRecordings: 'audit-device-recordings',
  overdueApplications: 'audit-overdue-applications',
  discretionDeviations: 'audit-discretion-deviations',
  evaluationWeakPoints: 'audit-evaluation-weak-points',
};

/** The shared definitions (`defs.schema.json`): an object defined there is entered like a local one. */
const SHARED = 'urn:evidence-ledger:schema:defs#/$defs/';
const DEFS = JSON.parse(fs.readFileSync(path.join(SCHEMAS, '..', 'defs.schema.json'), 'utf8')) as Schema;

/** A definition of another response's schema (`urn:evidence-ledger:schema:response:case-file#/$defs/…`), if `ref` is one. */
function responseDef(ref: string | undefined): Schema | undefined {
  const match = /^urn:evidence-ledger:schema:response:([a-z-]+)#\/\$defs\/(\w+)$/.exec(ref ?? '');
  if (!match) return undefined;
  const file = JSON.parse(fs.readFileSync(path.join(SCHEMAS, `${match[1]}.schema.json`), 'utf8')) as Schema;
  return file.$defs![match[2]!]!;
}

/**
 * The leaf members of an entry as dotted paths: objects with properties are entered (a local `$ref` to the file's
 * `$defs` too), the exploded list is entered through its items, anything else is one column. The ten review checks
 * are an open map of booleans in the schema; the table names each.
 */
function leaves(schema: Schema, root: Schema, explode: string | undefined, prefix = ''): string[] {
  const local = schema.$ref?.startsWith('#/$defs/')
    ? root.$defs![schema.$ref.slice('#/$defs/'.length)]!
    : schema.$ref?.startsWith(SHARED)
      ? DEFS.$defs![schema.$ref.slice(SHARED.length)]!
      : (responseDef(schema.$ref) ?? {});
  const properties = { ...local.properties, ...schema.properties };
  if (Object.keys(properties).length === 0) return [prefix];
  return Object.entries(properties).flatMap(([name, inner]) => {
    const at = prefix === '' ? name : `${prefix}.${name}`;
    if (at === explode && inner.items) return leaves(inner.items, root, undefined, at);
    const shared = inner.$ref?.startsWith(SHARED) && DEFS.$defs![inner.$ref.slice(SHARED.length)]!.properties;
    if (inner.properties || inner.$ref?.startsWith('#/$defs/') || shared || responseDef(inner.$ref))
      return leaves(inner, root, explode, at);
    return [at];
  });
}

describe('the CSV tables of the supervision views', () => {
  it.each(Object.entries(SUPERVISION_TABLES) as [keyof typeof SUPERVISION_TABLES, ListTable][])(
    'when the %s table is compared with its response schema, then it has a column for every member, no more',
    (name, table) => {
      const root = JSON.parse(fs.readFileSync(path.join(SCHEMAS, `${FILES[name]}.schema.json`), 'utf8')) as Schema;
      // a list the answer holds as a map (the weak points' `byRule`) is a row per key, the key in column `rule`
      const rows = (list: Schema): string[] =>
        list.items
          ? leaves(list.items, root, table.explode)
          : ['rule', ...leaves(list.additionalProperties as Schema, root, table.explode)];
      const expected = new Set(table.lists.flatMap((list) => rows(root.properties![list]!)));
      const columns = new Set(table.columns.map((c) => (c.startsWith('reviews.checks.') ? 'reviews.checks' : c)));
      expect([...columns].sort()).toEqual([...expected].sort());
    },
  );

  it('when an entry has a nested list, then each element is a row with the entry repeated; an empty list one row', () => {
    const table: ListTable = { name: 't', lists: ['items'], explode: 'acts', columns: ['caseId', 'acts.type', 'tags'] };
    const text = listCsv(table, {
      items: [
        { caseId: 'c-1', acts: [{ type: 'A' }, { type: 'B' }], tags: ['x', 'y'] },
        { caseId: '-c-2', acts: [] },
      ],
    });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      ['caseId', 'acts.type', 'tags'],
      ['c-1', 'A', 'x; y'],
      ['c-1', 'B', 'x; y'],
      ["'-c-2", '', ''],
    ]);
  });
});
