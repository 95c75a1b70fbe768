import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { accessStream } from '../../src/app/access-log.js';
import { computeEventHash } from '../../src/ledger/envelope.js';
import { runCli } from '../support/cli.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { tempDirsForFile } from '../support/stored-folder.js';
import { asVideo } from '../support/media-bytes.js';

// The erasure tour of docs/privacy.md: a case's personal fields are sealed in its signed events; erasing the case
// destroys its data key, after which every read shows "[erased]" while every proof still verifies.

const tempDir = tempDirsForFile('erasure');
const AGENCY = 'county-justice';
const CASE = 'er-1';
const OTHER_CASE = 'er-2';
const today = new Date().toISOString().slice(0, 10);
/** A time of the day (`HH:MM...`) on the UTC date as minutes and seconds after midnight in China: already past. */
const at = (time: string) => `${today}T00:${time.slice(0, 2)}:${time.slice(3, 5)}+08:00`;
const PERSON = {
  kind: 'person',
  name: '张三丰',
  idNumber: '140521199001011234',
  phone: '13912345678',
  address: '城关镇人民路18号',
};
const FIRM = { kind: 'organization', name: '某某律师事务所' };
/** Free text that names the person: sealed too, and forgotten by the similar-case search on erasure. */
const TITLE = '张三丰冒用律师名义执业案';
const FINDINGS = '张三丰在城关镇琉璃巷冒用律师名义代写诉状，署名𠮷祥';
/**
 * Two characters of the findings as UTF-8, the first outside the Basic Multilingual Plane (four bytes, unlike every
 * other character of these texts): the full-text index keeps its three-character runs whole, so that these bytes
 * are found in the read-model file exactly while the index holds the runs.
 */
const INDEXED_RUN = Buffer.from('𠮷祥', 'utf8');
const EVIDENCE = '张三丰书写的诉状三份';
const CORRECTION = '地点笔误，应为张三丰家中';
/** What a seizure took and what a demolition pulled down: whose, and where. */
const SEIZED = '张三丰所有的打印机一台';
const DEMOLISHED = '张三丰在琉璃巷5号搭建的违章棚屋';
/** What an officer notes on showing the certificate, tells the party, and serves: each may name the party. */
const CREDENTIALS_NOTE = '向张三丰出示执法证，张三丰拒绝签字';
const GROUNDS = '张三丰涉嫌冒用律师名义代写诉状';
const RIGHTS = '已告知张三丰陈述、申辩和申请回避的权利';
const SERVED = '送达张三丰的行政处罚决定书';
/** Why the handling departs from the discretion benchmark (the party's circumstances), and a review's materials. */
const PROPOSAL_REASON = '张三丰系初犯且家庭困难，拟从轻';
const DECISION_REASON = '张三丰已主动改正，从轻处理';
const MATERIAL = '张三丰的询问笔录';
const SECRETS = [
  PERSON.name,
  PERSON.idNumber,
  PERSON.phone,
  PERSON.address,
  TITLE,
  FINDINGS,
  EVIDENCE,
  CORRECTION,
  SEIZED,
  DEMOLISHED,
  CREDENTIALS_NOTE,
  GROUNDS,
  RIGHTS,
  SERVED,
  PROPOSAL_REASON,
  DECISION_REASON,
  MATERIAL,
];
const containsSecret = (bytes: Buffer | string) => SECRETS.filter((s) => Buffer.from(bytes).includes(s));

let dataDir: string;
let t: TestService | undefined;
let admin: string;
let officer: string;
let supervisor: string;
/** What the public record showed and what a party was given, before the erasure. */
let statementFile: string;
let keyFile: string;
let commitment: string;
let openedEventId: string;
/** The video of the seizure and the demolition: a medium of the case. */
let recording: string;

/** The read-model file's bytes once its write-ahead log is checkpointed into it (and emptied). */
function readModelBytes(): Buffer {
  const file = path.join(dataDir, 'read-models.sqlite');
  const db = new Database(file);
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    expect(result!.busy).toBe(0);
  } finally {
    db.close();
  }
  return fs.readFileSync(file);
}

async function bundleBytes(token: string): Promise<Buffer> {
  const res = await fetch(`${t!.url}/v1/cases/${CASE}/bundle`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  dataDir = tempDir();
  t = await startTestService({ LEDGER_DATA_DIR: dataDir });
  ({ admin, officer } = await seedAgency(t, AGENCY));
  supervisor = t.token('sup', AGENCY, ['supervisor']);
  const opened = await t.call('POST', '/v1/cases', {
    token: officer,
    body: {
      caseId: CASE,
      itemCode: 'P-001',
      title: TITLE,
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [PERSON, FIRM],
    },
  });
  expect([opened.status, opened.body.detail]).toEqual([201, undefined]);
  openedEventId = opened.body.eventId;
  // seizures and demolitions are recorded on video
  const video = await fetch(`${t.url}/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officer}`, 'content-type': 'video/mp4' },
    body: new Uint8Array(asVideo('a recording of the seizure and the demolition')),
  });
  expect(video.status).toBe(201);
  recording = ((await video.json()) as { sha256: string }).sha256;
  for (const act of [
    {
      type: 'OnSiteInspectionRecorded',
      occurredAt: at('09:00:00'),
      data: { location: '琉璃巷', findings: FINDINGS, credentialsShown: true, partyNotified: true },
    },
    { type: 'EvidenceCollected', occurredAt: at('09:30:00'), data: { description: EVIDENCE } },
    { type: 'CredentialsShown', occurredAt: at('09:31:00'), data: { note: CREDENTIALS_NOTE } },
    { type: 'PartyNotified', occurredAt: at('09:32:00'), data: { grounds: GROUNDS, rights: RIGHTS } },
    {
      type: 'PropertySeized',
      occurredAt: at('09:35:00'),
      data: { items: SEIZED, legalBasis: '《行政强制法》第九条' },
      media: [recording],
    },
    {
      type: 'ForcedDemolition',
      occurredAt: at('09:36:00'),
      data: { target: DEMOLISHED, legalBasis: '《行政强制法》第四十四条' },
      media: [recording],
    },
    {
      type: 'LegalReviewRequested',
      occurredAt: at('09:50:00'),
      data: {
        proposed: { decisionType: 'warning', legalBasis: '《律师法》第五十条', deviationReason: PROPOSAL_REASON },
        materials: ['调查终结报告', MATERIAL],
      },
    },
    {
      type: 'DecisionIssued',
      occurredAt: at('10:00:00'),
      data: {
        decisionType: 'warning',
        legalBasis: '《律师法》第五十条',
        documentNo: '司罚〔2019〕1号',
        decidedOn: today,
        deviationReason: DECISION_REASON,
      },
    },
    { type: 'DocumentServed', occurredAt: at('10:30:00'), data: { document: SERVED, method: 'direct' } },
    { type: 'DecisionDisclosed', occurredAt: at('11:00:00'), data: { publishedOn: today } },
  ]) {
    expect((await t.call('POST', `/v1/cases/${CASE}/acts`, { token: officer, body: act })).status).toBe(201);
  }
  await t.service.readModelsCaughtUp(); // the case file is a read model
  const inspection = (await t.call('GET', `/v1/cases/${CASE}`, { token: officer })).body.timeline[1].eventId;
  const correction = {
    type: 'RecordCorrected',
    occurredAt: at('09:40:00'),
    data: { corrects: inspection, reason: CORRECTION, data: { location: '琉璃巷3号张三丰家中' } },
  };
  expect((await t.call('POST', `/v1/cases/${CASE}/acts`, { token: officer, body: correction })).status).toBe(201);
  // a second decided case, alike in its title and findings, from which the similar-case search is run
  const other = await t.call('POST', '/v1/cases', {
    token: officer,
    body: {
      caseId: OTHER_CASE,
      itemCode: 'P-001',
      title: '冒用律师名义执业案',
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [FIRM],
    },
  });
  expect(other.status).toBe(201);
  for (const act of [
    {
      type: 'OnSiteInspectionRecorded',
      occurredAt: at('09:00:00'),
      data: {
        location: '城关镇',
        findings: '在琉璃巷冒用律师名义代写诉状',
        credentialsShown: true,
        partyNotified: true,
      },
    },
    {
      type: 'DecisionIssued',
      occurredAt: at('10:00:00'),
      data: {
        decisionType: 'warning',
        legalBasis: '《律师法》第五十五条',
        documentNo: '司罚〔2019〕2号',
        decidedOn: today,
      },
    },
  ]) {
    expect((await t.call('POST', `/v1/cases/${OTHER_CASE}/acts`, { token: officer, body: act })).status).toBe(201);
  }
  expect(await t.service.readModelsCaughtUp()).toBe(true);
});
afterAll(async () => {
  await t?.stop();
});

describe('personal fields sealed, then erased by destroying the case key', () => {
  it('when a case is opened, then its signed event and the log file hold the personal fields only sealed', async () => {
    const events = await t!.call('GET', `/v1/cases/${CASE}/events`, { token: officer });
    expect(events.status).toBe(200);
    const first = events.body.events[0];
    expect(containsSecret(JSON.stringify(first.data))).toEqual([]);
    expect(first.data.parties[0].name).toMatchObject({ sealed: 'aes-256-gcm/v1' });
    expect(first.data.parties[1].name).toBe(FIRM.name); // an organisation's name is not personal data
    // the opened values travel beside the signed event, not in it
    expect(first.personal).toEqual({
      '/title': TITLE,
      '/parties/0/name': PERSON.name,
      '/parties/0/idNumber': PERSON.idNumber,
      '/parties/0/phone': PERSON.phone,
      '/parties/0/address': PERSON.address,
    });
    expect(containsSecret(fs.readFileSync(path.join(dataDir, 'events.sqlite')))).toEqual([]);
    const signed = (type: string) => events.body.events.find((e: { type: string }) => e.type === type);
    expect(signed('PropertySeized').data.items).toMatchObject({ sealed: 'aes-256-gcm/v1' });
    expect(signed('ForcedDemolition').data.target).toMatchObject({ sealed: 'aes-256-gcm/v1' });
    expect(signed('CredentialsShown').data.note).toMatchObject({ sealed: 'aes-256-gcm/v1' });
    expect(signed('PartyNotified').data.grounds).toMatchObject({ sealed: 'aes-256-gcm/v1' });
    expect(signed('PartyNotified').data.rights).toMatchObject({ sealed: 'aes-256-gcm/v1' });
    expect(signed('DocumentServed').data).toMatchObject({ document: { sealed: 'aes-256-gcm/v1' }, method: 'direct' });
    expect(signed('LegalReviewRequested').data).toMatchObject({
      proposed: { decisionType: 'warning', deviationReason: { sealed: 'aes-256-gcm/v1' } },
      materials: { sealed: 'aes-256-gcm/v1' },
    });
    expect(signed('DecisionIssued').data).toMatchObject({
      decisionType: 'warning',
      deviationReason: { sealed: 'aes-256-gcm/v1' },
    });
    expect(containsSecret(JSON.stringify(events.body.events.map((e: { data: unknown }) => e.data)))).toEqual([]);
    const file = await t!.call('GET', `/v1/cases/${CASE}`, { token: officer });
    expect(file.body.parties[0]).toEqual(PERSON);
    expect(file.body.title).toBe(TITLE);
    expect(file.body.timeline[1].data).toMatchObject({ location: '琉璃巷', findings: FINDINGS });
    expect(file.body.timeline[1].corrections).toMatchObject([
      { reason: CORRECTION, data: { location: '琉璃巷3号张三丰家中' } },
    ]);
    expect(file.body.evidence.map((e: { description: string }) => e.description)).toEqual([EVIDENCE]);
    const act = (type: string) => file.body.timeline.find((e: { type: string }) => e.type === type);
    expect(act('PropertySeized').data).toMatchObject({ items: SEIZED });
    expect(act('ForcedDemolition').data).toMatchObject({ target: DEMOLISHED });
    expect(act('CredentialsShown').data).toMatchObject({ note: CREDENTIALS_NOTE });
    expect(act('PartyNotified').data).toMatchObject({ grounds: GROUNDS, rights: RIGHTS });
    expect(act('DocumentServed').data).toMatchObject({ document: SERVED, method: 'direct' });
    expect(act('LegalReviewRequested').data).toMatchObject({
      proposed: { deviationReason: PROPOSAL_REASON },
      materials: ['调查终结报告', MATERIAL],
    });
    expect(act('DecisionIssued').data).toMatchObject({ deviationReason: DECISION_REASON });
    const similar = await t!.call('GET', `/v1/cases/${OTHER_CASE}/similar`, { token: officer });
    expect(similar.body.items.map((c: { caseId: string }) => c.caseId)).toContain(CASE);
  });

  it('when the public record is read, then it shows the masked name with the commitment a party can prove', async () => {
    const list = await t!.call('GET', '/v1/disclosures');
    const entry = list.body.items.find((i: { caseId: string }) => i.caseId === CASE);
    expect(entry.parties).toEqual([
      { kind: 'person', name: '张**' },
      { kind: 'organization', name: FIRM.name },
    ]);
    expect(entry.redactions).toHaveLength(1);
    expect(entry.redactions[0]).toMatchObject({ eventId: openedEventId, path: '/parties/0/name' });
    commitment = entry.redactions[0].commitment;

    const opening = await t!.call(
      'GET',
      `/v1/cases/${CASE}/openings?eventId=${openedEventId}&path=${encodeURIComponent('/parties/0/name')}`,
      { token: officer },
    );
    expect(opening.status).toBe(200);
    expect(opening.body).toMatchObject({ value: PERSON.name, commitment, path: '/parties/0/name' });
    // a path the event does not seal: 404, and nothing is recorded (nothing was opened)
    const trail = async () => (await t!.service.events.readStream(accessStream(AGENCY, CASE))).length;
    const recorded = await trail();
    expect(recorded).toBeGreaterThan(0);
    const none = await t!.call(
      'GET',
      `/v1/cases/${CASE}/openings?eventId=${openedEventId}&path=${encodeURIComponent('/data/nope')}`,
      { token: officer },
    );
    expect([none.status, none.body.code]).toEqual([404, 'not_found']);
    expect(await trail()).toBe(recorded);
    // the access log is a read model: it shows the opening once the projections have applied its access event
    expect(await t!.service.readModelsCaughtUp()).toBe(true);
    const access = await t!.call('GET', `/v1/audit/access?caseId=${CASE}`, { token: supervisor });
    expect(access.body.items.map((i: { action: string }) => i.action)).toContain('read_opening');

    const events = await t!.call('GET', `/v1/cases/${CASE}/events`, { token: officer });
    // the event as the page serves it, less the opened fields it serves beside it
    const { personal: _opened, ...event } = events.body.events[0];
    statementFile = path.join(tempDir(), 'statement.json');
    fs.writeFileSync(
      statementFile,
      JSON.stringify({ event, path: '/parties/0/name', salt: opening.body.salt, value: PERSON.name }),
    );
    // checked as a court would: with the ledger's published event key and the commitment the public entry shows
    keyFile = path.join(path.dirname(statementFile), 'ledger-key.pem');
    fs.writeFileSync(keyFile, t!.service.keys.eventSigner.publicKey.export({ type: 'spki', format: 'pem' }));
    const trusted = ['--key', keyFile, '--commitment', commitment];
    const verified = await runCli(['verify-disclosure', statementFile, ...trusted, '--published', '张**']);
    expect([verified.code, verified.stdout]).toEqual([
      0,
      `VALID event ${event.id} (hash ${event.hash}), signed by the key given ${event.sig.keyId}\n` +
        `  the value at /parties/0/name is the one sealed in it: commitment ${commitment} (the one the public record shows)\n`,
    ]);
    // without a key it is consistent with itself only, and says so first
    const unkeyed = await runCli(['verify-disclosure', statementFile]);
    expect([unkeyed.code, unkeyed.stdout]).toEqual([0, expect.stringMatching(/^CONSISTENT WITH ITSELF ONLY: /)]);
    // another value (or another mask, or another public commitment) does not match
    const forged = path.join(path.dirname(statementFile), 'forged.json');
    fs.writeFileSync(
      forged,
      JSON.stringify({ event, path: '/parties/0/name', salt: opening.body.salt, value: '张三' }),
    );
    expect((await runCli(['verify-disclosure', forged])).stdout).toContain('INVALID commitment_mismatch');
    expect((await runCli(['verify-disclosure', statementFile, '--published', '李**'])).code).toBe(1);
    const otherCommitment = await runCli(['verify-disclosure', statementFile, '--key', keyFile, '--commitment', 'x']);
    expect([otherCommitment.code, otherCommitment.stdout]).toEqual([
      1,
      expect.stringContaining('INVALID commitment_not_published'),
    ]);
    // one commitment in 64 begins with "-", as its page shows it: read as the commitment, not as a missing value
    const dashed = `-${commitment.slice(1)}`;
    const withDash = await runCli(['verify-disclosure', statementFile, '--key', keyFile, '--commitment', dashed]);
    expect([withDash.code, withDash.stdout, withDash.stderr]).toEqual([
      1,
      expect.stringContaining('INVALID commitment_not_published'),
      '',
    ]);
    // anything else beginning with "-" after it is still a value forgotten
    const forgotten = await runCli(['verify-disclosure', statementFile, '--commitment', '--published', '张**']);
    expect([forgotten.code, forgotten.stderr]).toEqual([2, expect.stringContaining("'--commitment=-XYZ'")]);
    // the event changed and its hash made again, as anyone can: only the signature catches it, given the key
    const { hash: _hash, sig, position: _position, ...envelope } = event;
    const rehashed = { ...envelope, occurredAt: at('00:01') };
    const resealed = path.join(path.dirname(statementFile), 'resealed.json');
    fs.writeFileSync(
      resealed,
      JSON.stringify({
        event: { ...rehashed, hash: computeEventHash(rehashed as never), sig },
        path: '/parties/0/name',
        salt: opening.body.salt,
        value: PERSON.name,
      }),
    );
    const resealedChecked = await runCli(['verify-disclosure', resealed, '--key', keyFile]);
    expect([resealedChecked.code, resealedChecked.stdout]).toEqual([
      1,
      expect.stringContaining('INVALID signature_invalid'),
    ]);
    expect((await runCli(['verify-disclosure', resealed])).stdout).toMatch(/^CONSISTENT WITH ITSELF ONLY: /);
  });

  it('when an officer asks to erase, then 403 and nothing changes', async () => {
    const res = await t!.call('POST', `/v1/cases/${CASE}/erasure`, {
      token: officer,
      body: { ground: 'retention_expired', reason: '保管期限届满' },
    });
    expect(res.status).toBe(403);
    expect((await t!.call('GET', `/v1/cases/${CASE}`, { token: officer })).body.parties[0].name).toBe(PERSON.name);
  });

  it('when the admin erases the case, then every route, the CLI and a fresh bundle show no personal data', async () => {
    const keysFile = path.join(dataDir, 'data-keys.sqlite');
    const db = new Database(keysFile, { readonly: true });
    const wrapped = (db.prepare('SELECT wrapped FROM data_keys').get() as { wrapped: Buffer }).wrapped;
    db.close();
    expect(fs.readFileSync(keysFile).includes(wrapped)).toBe(true);
    // the decided case's text is in the similar-case search's full-text index (and in its row)
    expect(readModelBytes().includes(INDEXED_RUN)).toBe(true);

    const erased = await runCli([
      'erase',
      '--case',
      CASE,
      '--ground',
      'retention_expired',
      '--reason',
      '保管期限届满（30年）',
      '--url',
      t!.url,
      '--token',
      admin,
    ]);
    expect([erased.code, erased.stderr]).toEqual([0, '']);
    expect(await t!.service.readModelsCaughtUp()).toBe(true);
    // the key's bytes are gone from the key file
    expect(fs.readFileSync(keysFile).includes(wrapped)).toBe(false);
    // and the text's runs from the read-model file, full-text index included, once its log is checkpointed
    expect(readModelBytes().includes(INDEXED_RUN)).toBe(false);

    const file = await t!.call('GET', `/v1/cases/${CASE}`, { token: officer });
    expect(file.body.parties).toEqual([
      { kind: 'person', name: '[erased]', idNumber: '[erased]', phone: '[erased]', address: '[erased]' },
      FIRM,
    ]);
    expect(file.body.erased).toMatchObject({ ground: 'retention_expired' });
    expect(file.body.title).toBe('[erased]');
    expect(file.body.timeline[1].data).toMatchObject({ location: '[erased]', findings: '[erased]' });
    expect(file.body.timeline[1].corrections).toMatchObject([{ reason: '[erased]', data: '[erased]' }]);
    expect(file.body.evidence.map((e: { description: string }) => e.description)).toEqual(['[erased]']);
    const act = (type: string) => file.body.timeline.find((e: { type: string }) => e.type === type);
    expect(act('PropertySeized').data).toMatchObject({ items: '[erased]' });
    expect(act('ForcedDemolition').data).toMatchObject({ target: '[erased]' });
    expect(act('CredentialsShown').data).toMatchObject({ note: '[erased]' });
    expect(act('PartyNotified').data).toMatchObject({ grounds: '[erased]', rights: '[erased]' });
    expect(act('DocumentServed').data).toMatchObject({ document: '[erased]', method: 'direct' });
    expect(act('LegalReviewRequested').data).toMatchObject({
      proposed: { decisionType: 'warning', deviationReason: '[erased]' },
      materials: '[erased]',
    });
    expect(act('DecisionIssued').data).toMatchObject({ decisionType: 'warning', deviationReason: '[erased]' });
    const listed = await t!.call('GET', '/v1/cases', { token: officer });
    expect(listed.body.items.find((c: { caseId: string }) => c.caseId === CASE).title).toBe('[erased]');
    // the similar-case search forgot the case's title and findings: it no longer finds it by their words
    const similar = await t!.call('GET', `/v1/cases/${OTHER_CASE}/similar`, { token: officer });
    expect(similar.status).toBe(200);
    expect(similar.body.items.map((c: { caseId: string }) => c.caseId)).not.toContain(CASE);
    expect(file.body.timeline.at(-1).type).toBe('CaseDataErased');
    expect(containsSecret(JSON.stringify(file.body))).toEqual([]);

    const events = await t!.call('GET', `/v1/cases/${CASE}/events`, { token: officer });
    expect(Object.values(events.body.events[0].personal)).toEqual(Array(5).fill('[erased]'));
    expect(events.body.events[1].personal).toEqual({ '/location': '[erased]', '/findings': '[erased]' });
    expect(events.body.events.at(-1)).toMatchObject({
      type: 'CaseDataErased',
      data: { ground: 'retention_expired', reason: '保管期限届满（30年）' },
    });
    expect(containsSecret(JSON.stringify(events.body))).toEqual([]);

    const list = await t!.call('GET', '/v1/disclosures');
    const entry = list.body.items.find((i: { caseId: string }) => i.caseId === CASE);
    expect(entry.parties[0]).toEqual({ kind: 'person', name: '[erased]' });
    expect(entry.redactions[0].commitment).toBe(commitment); // the public record still carries the commitment
    const feed = await t!.call('GET', '/v1/disclosures/feed.atom');
    expect(containsSecret(String(feed.body))).toEqual([]);

    const opening = await t!.call(
      'GET',
      `/v1/cases/${CASE}/openings?eventId=${openedEventId}&path=${encodeURIComponent('/parties/0/name')}`,
      { token: officer },
    );
    expect([opening.status, opening.body.code]).toEqual([409, 'case_erased']);
    const again = await t!.call('POST', `/v1/cases/${CASE}/erasure`, {
      token: admin,
      body: { ground: 'retention_expired', reason: '再次' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'case_erased']);
    // a document served names what was served, sealed under the key: none can be recorded on the erased case
    const served = await t!.call('POST', `/v1/cases/${CASE}/acts`, {
      token: officer,
      body: { type: 'DocumentServed', occurredAt: at('11:30:00'), data: { document: SERVED, method: 'direct' } },
    });
    expect([served.status, served.body.code]).toEqual([409, 'case_erased']);
    // nor is a decision document drafted of it, with or without facts: its party would be printed as [erased]
    const decision = { decisionType: 'warning', legalBasis: '《律师法》第五十条', documentNo: '县司罚〔2026〕9号' };
    for (const extra of [{}, { facts: '经查' }]) {
      const drafted = await t!.call('POST', `/v1/cases/${CASE}/drafts`, {
        token: officer,
        body: { ...decision, decidedOn: today, ...extra },
      });
      expect([drafted.status, drafted.body.code]).toEqual([409, 'case_erased']);
    }
    // nor is an update of its publication: its reason, published, can no longer be checked against the party's name
    const updated = await t!.call('POST', `/v1/cases/${CASE}/acts`, {
      token: officer,
      body: { type: 'DisclosureUpdated', occurredAt: at('11:40:00'), data: { reason: '更正公示内容' } },
    });
    expect([updated.status, updated.body.code]).toEqual([409, 'case_erased']);

    // media are not sealed: erasure leaves them as uploaded, readable and in the bundle (docs/privacy.md)
    const medium = await fetch(`${t!.url}/v1/media/${recording}`, { headers: { authorization: `Bearer ${officer}` } });
    expect([medium.status, Buffer.from(await medium.arrayBuffer())]).toEqual([
      200,
      asVideo('a recording of the seizure and the demolition'),
    ]);
    const bundle = await bundleBytes(officer);
    expect(bundle.includes('a recording of the seizure and the demolition')).toBe(true);
    expect(containsSecret(bundle)).toEqual([]);
    const bundleFile = path.join(tempDir(), 'case.tar');
    fs.writeFileSync(bundleFile, bundle);
    const verified = await runCli(['verify', bundleFile]);
    // no --key: it passes against the keys it carries (consistent with itself)
    expect([verified.code, verified.stdout]).toEqual([
      0,
      expect.stringMatching(/^consistent with itself only: case er-1 /),
    ]);
  });

  it('after the erasure, then the disclosure statement still verifies against the signed event', async () => {
    const verified = await runCli(['verify-disclosure', statementFile, '--key', keyFile, '--published', '张**']);
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringMatching(/^VALID event /)]);
  });

  it('after the erasure, then ledger check passes over the whole store', async () => {
    await t!.service.close();
    t = undefined;
    const checked = await runCli(['check'], { LEDGER_DATA_DIR: dataDir });
    expect([checked.code, checked.stdout]).toEqual([0, expect.stringMatching(/\S/)]);
  });
});
