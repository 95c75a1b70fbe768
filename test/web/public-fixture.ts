import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { officerKeyPair } from '../support/officer-keys.js';

/**
 * A service with public content for the portal's page tests: two agencies with officers and items, and decisions
 * published, updated (at a time written in UTC) and withdrawn (at a UTC instant of the day before China's), by a party whose real name and identifiers must never show, and (in `pub-2`, the
 * updated one) a firm whose name is hostile markup. The service's clock starts at {@link START} (10:00 on 15 June 2026 in China) and ticks.
 */
export const START = Date.parse('2026-06-15T02:00:00Z');
export const TODAY = '2026-06-15';
export const COUNTY = 'county-justice';
export const CITY = 'city-market';
export const PERSON = {
  kind: 'person',
  name: '张三丰',
  idNumber: '140521199001011234',
  phone: '13912345678',
  address: '城关镇人民路18号',
};
export const HOSTILE = `<script>alert("x")</script>&'律所`;
export const SECRETS = ['张三丰', '140521199001011234', '13912345678', '人民路'];

export interface PublicFixture {
  readonly t: TestService;
  /** The event that published or last changed each case's disclosure, by case id. */
  readonly lastEvent: Record<string, string>;
  /** Its hash. */
  readonly lastHash: Record<string, string>;
}

export async function publicFixture(): Promise<PublicFixture> {
  const started = Date.now();
  const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };
  const t = await startTestService({}, { clock });
  const county = (await seedAgency(t, COUNTY, { officers: ['alice', 'bob'] })).officer;
  const { officer: city, admin: cityAdmin } = await seedAgency(t, CITY, {
    officers: ['carl', 'cora'],
    item: {
      code: 'L-001',
      category: 'licensing',
      major: { fineFenAtLeast: 1_000_000 },
      duties: '受理并审查律师事务所设立申请',
      powers: '准予或者不予设立许可',
    },
  });
  // a signing key, which the officer list folds away in carl's row
  const key = await t.call('POST', '/v1/officers/carl/keys', {
    token: cityAdmin,
    body: { publicKey: officerKeyPair().spki, validFrom: '2018-01-01' },
  });
  if (key.status !== 201) throw new Error(`registering carl's key: ${key.status}`);
  // a suspended officer, for the status filter
  const officer = {
    officerId: 'dora',
    name: '执法人员dora',
    agency: CITY,
    certificateNo: '1405-dora',
    validFrom: '2018-01-01',
    validTo: '2030-12-31',
    roles: ['officer'],
  };
  expect((await t.call('POST', '/v1/officers', { token: cityAdmin, body: officer })).status).toBe(201);
  const lastEvent: Record<string, string> = {};
  const lastHash: Record<string, string> = {};
  let position = 0;
  // a time of day in China, or an instant as written (the service's clock writes UTC)
  const at = (time: string) => (time.includes('T') ? time : `${TODAY}T${time}+08:00`);
  const act = async (token: string, caseId: string, type: string, data: unknown, time: string) => {
    const res = await t.call('POST', `/v1/cases/${caseId}/acts`, { token, body: { type, occurredAt: at(time), data } });
    if (res.status !== 201) throw new Error(`${type} on ${caseId}: ${res.status} ${JSON.stringify(res.body)}`);
    lastEvent[caseId] = res.body.eventId as string;
    lastHash[caseId] = res.body.hash as string;
    position = res.body.position as number;
  };
  const published = async (
    token: string,
    caseId: string,
    itemCode: string,
    officers: string[],
    documentNo: string,
    decision: Record<string, unknown>,
    times: readonly [decided: string, disclosed: string] = ['08:00:00', '08:30:00'],
  ) => {
    const body = {
      caseId,
      itemCode,
      title: '某案',
      openedOn: '2026-06-10',
      officers,
      parties: [PERSON, { kind: 'organization', name: caseId === 'pub-2' ? HOSTILE : '某某律师事务所' }],
    };
    const opened = await t.call('POST', '/v1/cases', { token, body });
    if (opened.status !== 201) throw new Error(`opening ${caseId}: ${opened.status}`);
    const legalBasis = '《律师法》第五十条 <第二款>';
    await act(
      token,
      caseId,
      'DecisionIssued',
      { ...decision, legalBasis, documentNo, decidedOn: '2026-06-12' },
      times[0],
    );
    await act(token, caseId, 'DecisionDisclosed', { publishedOn: TODAY }, times[1]);
  };
  await published(county, 'pub-1', 'P-001', ['alice', 'bob'], '县司罚〔2026〕1号', {
    decisionType: 'fine',
    fineFen: 500_000,
  });
  await published(county, 'pub-2', 'P-001', ['alice', 'bob'], '县司罚〔2026〕2号', { decisionType: 'warning' });
  // written in UTC: 09:00 in China
  await act(county, 'pub-2', 'DisclosureUpdated', { reason: '更正当事人名称' }, `${TODAY}T01:00:00Z`);
  // published early in the morning in China and withdrawn at 07:10 there, still the day before in UTC
  await published(county, 'pub-3', 'P-001', ['alice', 'bob'], '县司罚〔2026〕3号', { decisionType: 'warning' }, [
    '06:00:00',
    '06:30:00',
  ]);
  await act(county, 'pub-3', 'DisclosureWithdrawn', { reason: '决定已被复议撤销' }, '2026-06-14T23:10:00Z');
  await published(city, 'city-1', 'L-001', ['carl', 'cora'], '市许〔2026〕1号', { decisionType: 'license_granted' });
  // the pages read the read models: wait until they hold every write
  expect((await t.call('GET', `/v1/disclosures?consistentWith=${position}`)).status).toBe(200);
  return { t, lastEvent, lastHash };
}

/** A page as a browser asks for it: HTML, in the language of `headers` (none: the default). */
export async function getPage(
  t: TestService,
  route: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(t.url + route, { headers: { accept: 'text/html', ...headers } });
  return { status: res.status, text: await res.text(), headers: res.headers };
}
