import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../support/cli.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { tempDirsForFile } from '../support/stored-folder.js';

// Erasure of an online application's applicant when the application opened no case (docs/privacy.md): a signed
// ApplicationDataErased names the legal ground, the application's data key is destroyed, and the applicant reads
// "[erased]" while every proof still verifies.

const tempDir = tempDirsForFile('application-erasure');
const AGENCY = 'county-justice';
const APPLICANT = {
  kind: 'person',
  name: '李四海',
  idNumber: '110101198802021234',
  phone: '13700001111',
  address: '新华街道幸福路9号',
};
/** The applicant's own words, which name the applicant too. */
const REQUEST = '本人李四海（住新华街道幸福路9号）申请律师执业证';
const SECRETS = [APPLICANT.name, APPLICANT.idNumber, APPLICANT.phone, APPLICANT.address, REQUEST];
const containsSecret = (bytes: Buffer | string) => SECRETS.filter((s) => Buffer.from(bytes).includes(s));

let dataDir: string;
let t: TestService | undefined;
let admin: string;
let officer: string;
let supervisor: string;
/** Refused, pending, and accepted (a case) applications. */
let refused: string;
let pending: string;
let accepted: string;

async function fileApplication(): Promise<string> {
  const res = await t!.call('POST', '/v1/applications', {
    body: { agency: AGENCY, itemCode: 'L-001', applicant: APPLICANT, request: REQUEST },
  });
  expect([res.status, res.body.detail]).toEqual([201, undefined]);
  return res.body.applicationId as string;
}

const erase = (applicationId: string, token: string, body: unknown = { ground: 'consent_withdrawn', reason: '撤回' }) =>
  t!.call('POST', `/v1/applications/${applicationId}/erasure`, { token, body });

async function queueItem(applicationId: string): Promise<any> {
  expect(await t!.service.readModelsCaughtUp()).toBe(true);
  const res = await t!.call('GET', '/v1/applications', { token: officer });
  expect(res.status).toBe(200);
  return res.body.items.find((a: { applicationId: string }) => a.applicationId === applicationId);
}

beforeAll(async () => {
  dataDir = tempDir();
  t = await startTestService({ LEDGER_DATA_DIR: dataDir });
  ({ admin, officer } = await seedAgency(t, AGENCY, { item: { code: 'L-001', category: 'licensing' } }));
  supervisor = t.token('sup', AGENCY, ['supervisor']);
  [refused, pending, accepted] = [await fileApplication(), await fileApplication(), await fileApplication()];
  const rejection = await t.call('POST', `/v1/applications/${refused}/rejection`, {
    token: officer,
    body: { reason: '材料不齐全', legalBasis: '《行政许可法》第三十二条' },
  });
  expect(rejection.status).toBe(201);
  const acceptance = await t.call('POST', `/v1/applications/${accepted}/acceptance`, {
    token: officer,
    body: { officers: ['alice', 'bob'] },
  });
  expect([acceptance.status, acceptance.body.detail]).toEqual([201, undefined]);
});
afterAll(async () => {
  await t?.stop();
});

describe('erasing an application that opened no case', () => {
  it('when the request is not an admin, or malformed, or names no application, then nothing is erased', async () => {
    expect((await erase(refused, officer)).status).toBe(403);
    expect((await erase(refused, admin, { ground: 'because', reason: '无' })).body.code).toBe('invalid_body');
    expect((await erase(refused, admin, { ground: 'consent_withdrawn' })).body.code).toBe('invalid_body');
    expect((await erase('not-a-uuid', admin)).status).toBe(404);
    expect((await erase('00000000-0000-4000-8000-000000000000', admin)).status).toBe(404);
    // another agency's admin does not see it
    expect((await erase(refused, t!.token('head', 'city-market', ['admin']))).status).toBe(404);
    expect((await queueItem(refused)).applicantName).toBe(APPLICANT.name);
  });

  it('when the application opened a case, then it is refused with application_became_case naming the case', async () => {
    const res = await erase(accepted, admin);
    expect([res.status, res.body.code, res.body.caseId]).toEqual([409, 'application_became_case', accepted]);
    expect((await queueItem(accepted)).applicantName).toBe(APPLICANT.name);
  });

  it('when the admin erases a refused application with the CLI, then its applicant reads [erased] and its key is gone', async () => {
    const keysFile = path.join(dataDir, 'data-keys.sqlite');
    const db = new Database(keysFile, { readonly: true });
    const row = db.prepare('SELECT wrapped FROM data_keys WHERE scope LIKE ?').get(`application-%${refused}`) as {
      wrapped: Buffer;
    };
    db.close();
    expect(fs.readFileSync(keysFile).includes(row.wrapped)).toBe(true);

    const erased = await runCli([
      'erase',
      '--application',
      refused,
      '--ground',
      'retention_expired',
      '--reason',
      '不予受理的申请保管期限届满（10年）',
      '--url',
      t!.url,
      '--token',
      admin,
    ]);
    expect([erased.code, erased.stderr]).toEqual([0, '']);
    expect(erased.stdout).toMatch(new RegExp(`^erased application ${refused}: event [0-9a-f-]{36} \\(hash `));
    expect(fs.readFileSync(keysFile).includes(row.wrapped)).toBe(false);

    const item = await queueItem(refused);
    expect(item.applicantName).toBe('[erased]');
    expect((await queueItem(pending)).applicantName).toBe(APPLICANT.name);

    const feed = await t!.call('GET', '/v1/events?after=0&types=ApplicationDataErased', { token: supervisor });
    expect(feed.body.events.map((e: any) => [e.event.stream.endsWith(refused), e.event.data])).toEqual([
      [true, { ground: 'retention_expired', reason: '不予受理的申请保管期限届满（10年）' }],
    ]);

    const again = await erase(refused, admin);
    expect([again.status, again.body.code]).toEqual([409, 'application_erased']);
    const cliAgain = await runCli(['erase', '--application', refused, '--ground', 'other_legal_ground']);
    expect(cliAgain.code).toBe(2); // no --reason: a usage error before anything is sent
  });

  it('when a pending application is erased, then it can still be refused but never accepted', async () => {
    const res = await erase(pending, admin);
    expect([res.status, res.body.detail]).toEqual([201, undefined]);
    expect(res.body).toMatchObject({ applicationId: pending, eventId: expect.any(String), hash: expect.any(String) });
    expect((await queueItem(pending)).applicantName).toBe('[erased]');
    const acceptance = await t!.call('POST', `/v1/applications/${pending}/acceptance`, {
      token: officer,
      body: { officers: ['alice', 'bob'] },
    });
    expect([acceptance.status, acceptance.body.code]).toEqual([409, 'application_erased']);
    expect((await t!.call('GET', `/v1/cases/${pending}`, { token: officer })).status).toBe(404);
    const rejection = await t!.call('POST', `/v1/applications/${pending}/rejection`, {
      token: officer,
      body: { reason: '申请人撤回申请', legalBasis: '《行政许可法》第三十二条' },
    });
    expect(rejection.status).toBe(201);
  });

  it('after the erasures, then no read shows the erased applicants, and the case bundle still verifies', async () => {
    expect(await t!.service.readModelsCaughtUp()).toBe(true);
    const queue = await t!.call('GET', '/v1/applications', { token: officer });
    // only the accepted application, whose case was not erased, still shows its applicant
    const shown = queue.body.items.filter((a: { applicantName: string }) => a.applicantName === APPLICANT.name);
    expect(shown.map((a: { applicationId: string }) => a.applicationId)).toEqual([accepted]);
    const events = await t!.call('GET', '/v1/events?after=0', { token: supervisor });
    expect(containsSecret(JSON.stringify(events.body))).toEqual([]); // sealed, as ever
    // never silently: supervision lists both erasures, the application's ground, by whom, and no personal data
    const erasures = await t!.call('GET', `/v1/audit/erasures?agency=${AGENCY}`, { token: supervisor });
    expect(erasures.status).toBe(200);
    const listed = erasures.body.items.filter((e: { kind: string }) => e.kind === 'application');
    expect(listed.map((e: { applicationId: string }) => e.applicationId).sort()).toEqual([pending, refused].sort());
    expect(listed[0]).toEqual({
      kind: 'application',
      applicationId: expect.any(String),
      agency: AGENCY,
      erasedAt: expect.any(String),
      by: expect.any(String),
      ground: expect.any(String),
      eventId: expect.any(String),
    });
    expect(containsSecret(JSON.stringify(erasures.body))).toEqual([]);
    const page = await t!.call('GET', '/supervise/retention', { token: supervisor });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`网上申请 ${refused}`);

    const res = await fetch(`${t!.url}/v1/cases/${accepted}/bundle`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(res.status).toBe(200);
    const bundleFile = path.join(tempDir(), 'case.tar');
    fs.writeFileSync(bundleFile, Buffer.from(await res.arrayBuffer()));
    const verified = await runCli(['verify', bundleFile]);
    // no --key: it passes against the keys it carries (consistent with itself)
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringMatching(/^consistent with itself only: case /)]);
  });

  it('after the erasures, then ledger check passes over the whole store', async () => {
    await t!.service.close();
    t = undefined;
    const checked = await runCli(['check'], { LEDGER_DATA_DIR: dataDir });
    expect([checked.code, checked.stdout]).toEqual([0, expect.stringMatching(/\S/)]);
  });
});
