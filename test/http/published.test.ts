import { FLOW_CHART, POST_BOARD, REVIEW_CHART, SERVICE_GUIDE } from '../support/published.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const COUNTY = 'county-justice';
const CITY = 'city-market';
const LIST = `/v1/agencies/${COUNTY}/inspection-list`;

const ENTRY = {
  subject: '县司法局律师工作股',
  basis: '《律师事务所管理办法》第六十四条',
  targets: '本县律师事务所',
  content: '执业信息公示、执业档案管理',
  ratioBasisPoints: 500,
  method: '现场检查、书面检查',
  frequency: '每年一次',
};

let t: TestService;
let admin: string;
let cityAdmin: string;

beforeAll(async () => {
  t = await startTestService();
  admin = (await seedAgency(t, COUNTY, { item: { code: 'I-001', category: 'inspection' } })).admin;
  cityAdmin = (await seedAgency(t, CITY)).admin;
});
afterAll(() => t.stop());

/** The public answer for a path, once the read models hold the write at `position`. */
const read = (path: string, position: number) =>
  t.call('GET', `${path}${path.includes('?') ? '&' : '?'}consistentWith=${position}`);

describe('the random-inspection list over HTTP (随机抽查事项清单)', () => {
  it('when the admin publishes an entry and then a new version, then anyone reads the current version and its history, and each version in full', async () => {
    const first = await t.call('PUT', `${LIST}/RC-01`, { token: admin, body: { ...ENTRY, note: '首次公布' } });
    expect([first.status, first.body]).toMatchObject([201, { agency: COUNTY, id: 'RC-01', version: 1, revision: 0 }]);
    expect(first.headers.get('etag')).toBe('"0"');
    const second = await t.call('PUT', `${LIST}/RC-01`, {
      token: admin,
      body: { ...ENTRY, ratioBasisPoints: 1000, itemCode: 'I-001', note: '比例提高' },
      headers: { 'if-match': '"0"' },
    });
    expect([second.status, second.body.version]).toEqual([201, 2]);

    const doc = await read(`${LIST}/RC-01`, second.body.position);
    expect(doc.status).toBe(200);
    expect(doc.body).toMatchObject({
      id: 'RC-01',
      agency: COUNTY,
      version: 2,
      status: 'current',
      document: { ...ENTRY, ratioBasisPoints: 1000, itemCode: 'I-001' },
    });
    expect(doc.body.history.map((h: any) => [h.version, h.changed, h.note])).toEqual([
      [2, ['itemCode', 'ratioBasisPoints'], '比例提高'],
      [1, [], '首次公布'],
    ]);
    const v1 = await t.call('GET', `${LIST}/RC-01/versions/1`);
    expect([v1.status, v1.body.document]).toEqual([200, ENTRY]);
    const list = await t.call('GET', LIST);
    expect(list.body.items.map((i: any) => [i.id, i.version])).toEqual([['RC-01', 2]]);
    // another agency's list is its own
    expect((await t.call('GET', `/v1/agencies/${CITY}/inspection-list`)).body.items).toEqual([]);
  });

  it('when a publication is retried with its Idempotency-Key, then the original answers; the key with another document is refused', async () => {
    const headers = { 'idempotency-key': 'rc-02-v1' };
    const body = { ...ENTRY, frequency: '每半年一次' };
    const first = await t.call('PUT', `${LIST}/RC-02`, { token: admin, body, headers });
    const retry = await t.call('PUT', `${LIST}/RC-02`, { token: admin, body, headers });
    expect([first.status, retry.status, retry.body]).toEqual([201, 200, first.body]);
    const other = await t.call('PUT', `${LIST}/RC-02`, { token: admin, body: ENTRY, headers });
    expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
  });

  it('when an entry is withdrawn, then it leaves the current list, stays readable as withdrawn, and takes no new version', async () => {
    const put = await t.call('PUT', `${LIST}/RC-03`, { token: admin, body: ENTRY });
    const out = await t.call('POST', `${LIST}/RC-03/withdrawal`, { token: admin, body: { reason: '事项取消' } });
    expect([put.status, out.status, out.body.version]).toEqual([201, 201, 1]);
    const doc = await read(`${LIST}/RC-03`, out.body.position);
    expect(doc.body).toMatchObject({ status: 'withdrawn', withdrawalReason: '事项取消', version: 1 });
    const current = await t.call('GET', LIST);
    expect(current.body.items.map((i: any) => i.id)).not.toContain('RC-03');
    const withdrawn = await t.call('GET', `${LIST}?status=withdrawn`);
    expect(withdrawn.body.items.map((i: any) => i.id)).toEqual(['RC-03']);
    const again = await t.call('PUT', `${LIST}/RC-03`, { token: admin, body: { ...ENTRY, frequency: '每月' } });
    expect([again.status, again.body.code]).toEqual([409, 'document_withdrawn']);
  });

  it.each([
    ['a required field is missing', 'RC-B1', (({ basis: _b, ...rest }) => rest)(ENTRY)],
    ['a field is empty', 'RC-B2', { ...ENTRY, subject: '' }],
    ['an unknown field is added', 'RC-B3', { ...ENTRY, secret: 'x' }],
    ['the ratio is a string', 'RC-B4', { ...ENTRY, ratioBasisPoints: '500' }],
    ['the ratio is above every target', 'RC-B5', { ...ENTRY, ratioBasisPoints: 10_001 }],
    ['the item code is not an identifier', 'RC-B6', { ...ENTRY, itemCode: 'a b' }],
  ])('when %s, then 400 invalid_body and nothing is recorded', async (_name, id, body) => {
    const res = await t.call('PUT', `${LIST}/${id}`, { token: admin, body });
    expect([res.status, res.body.code]).toEqual([400, 'invalid_body']);
    // the stream is still empty: a write that asks that none exist yet succeeds, as version 1
    const check = await t.call('PUT', `${LIST}/${id}`, {
      token: admin,
      body: ENTRY,
      headers: { 'if-none-match': '*' },
    });
    expect([check.status, check.body.version, check.body.revision]).toEqual([201, 1, 0]);
  });

  it('when the writer is not the agency admin, or names an item the agency does not list, then nothing is recorded', async () => {
    const officer = t.token('alice', COUNTY, ['officer']);
    const cases: [string | undefined, object, number, string][] = [
      [undefined, ENTRY, 401, 'unauthenticated'],
      [officer, ENTRY, 403, 'forbidden'],
      [cityAdmin, ENTRY, 403, 'forbidden'],
      [admin, { ...ENTRY, itemCode: 'NO-SUCH' }, 422, 'item_unknown'],
    ];
    for (const [token, body, status, code] of cases) {
      const res = await t.call('PUT', `${LIST}/RC-04`, { ...(token ? { token } : {}), body });
      expect([res.status, res.body.code]).toEqual([status, code]);
    }
    const missing = await t.call('POST', `${LIST}/RC-04/withdrawal`, { token: admin, body: { reason: 'x' } });
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);
    expect((await t.call('GET', `${LIST}/RC-04`)).status).toBe(404);
  });

  it('when a document, a version or a path that names none is read, then 404', async () => {
    for (const path of [
      `${LIST}/nothing`,
      `${LIST}/RC-01/versions/99`,
      `${LIST}/RC-01/versions/0`,
      `${LIST}/RC-01/versions/x`,
    ])
      expect([path, (await t.call('GET', path)).status]).toEqual([path, 404]);
    const bad = await t.call('GET', `${LIST}?status=gone`);
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_query']);
  });
});

describe('flow charts, service guides and post boards over HTTP', () => {
  const base = `/v1/agencies/${COUNTY}`;
  beforeAll(async () => {
    const item = {
      code: 'L-001',
      agency: COUNTY,
      name: '律师事务所设立许可',
      category: 'licensing',
      legalBasis: '《律师法》',
    };
    expect((await t.call('POST', '/v1/items', { token: admin, body: item })).status).toBe(201);
  });

  it('when each kind is published, then anyone reads it back at version 1', async () => {
    const writes: [string, object][] = [
      [`${base}/flow-charts/L-001`, FLOW_CHART],
      [`${base}/service-guides/L-001`, SERVICE_GUIDE],
      [`${base}/post-boards/W-3`, POST_BOARD],
    ];
    for (const [path, document] of writes) {
      const put = await t.call('PUT', path, { token: admin, body: document });
      expect([path, put.status, put.body.version]).toEqual([path, 201, 1]);
      const got = await read(path, put.body.position);
      expect([path, got.status, got.body.document]).toEqual([path, 200, document]);
    }
  });

  it('when a service guide is published for an item that is not a licensing item, or unknown, then it is refused and nothing is recorded', async () => {
    const penalty = await t.call('PUT', `${base}/service-guides/I-001`, { token: admin, body: SERVICE_GUIDE });
    expect([penalty.status, penalty.body.code]).toEqual([422, 'item_not_licensing']);
    const unknown = await t.call('PUT', `${base}/service-guides/NO-SUCH`, { token: admin, body: SERVICE_GUIDE });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'item_unknown']);
    const chart = await t.call('PUT', `${base}/flow-charts/NO-SUCH`, { token: admin, body: FLOW_CHART });
    expect([chart.status, chart.body.code]).toEqual([422, 'item_unknown']);
    for (const path of [
      `${base}/service-guides/I-001`,
      `${base}/service-guides/NO-SUCH`,
      `${base}/flow-charts/NO-SUCH`,
    ])
      expect([path, (await t.call('GET', path)).status]).toEqual([path, 404]);
  });

  it('when a flow chart is not a well-formed flow, then 422 flow_chart_invalid names the node and nothing is recorded', async () => {
    const orphan = {
      ...FLOW_CHART,
      nodes: [...FLOW_CHART.nodes, { id: 'orphan', kind: 'step', label: '孤立' }],
      edges: [...FLOW_CHART.edges, { from: 'orphan', to: 'grant' }],
    };
    const path = `${base}/flow-charts/I-001`;
    const res = await t.call('PUT', path, { token: admin, body: orphan });
    expect([res.status, res.body.code, res.body.node]).toEqual([422, 'flow_chart_invalid', 'orphan']);
    const bad = await t.call('PUT', path, { token: admin, body: { ...FLOW_CHART, nodes: 'start → end' } });
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_body']);
    const check = await t.call('PUT', path, { token: admin, body: FLOW_CHART, headers: { 'if-none-match': '*' } });
    expect([check.status, check.body.version]).toEqual([201, 1]);
    // once it exists, a creation is a conflict, and nothing is written
    const again = await t.call('PUT', path, { token: admin, body: FLOW_CHART, headers: { 'if-none-match': '*' } });
    expect([again.status, again.body.code]).toEqual([409, 'revision_conflict']);
  });

  it('when a post board names an officer the agency has not registered, then it is refused', async () => {
    const res = await t.call('PUT', `${base}/post-boards/W-9`, {
      token: admin,
      body: { ...POST_BOARD, officerId: 'nobody' },
    });
    expect([res.status, res.body.code]).toEqual([422, 'officer_unknown']);
  });
});

describe('the legal review flow chart over HTTP (重大执法决定法制审核流程图)', () => {
  const charts = `/v1/agencies/${COUNTY}/review-charts`;

  it('when the admin publishes the review procedure under an id of its own, then anyone reads it and finds it listed; no item is needed', async () => {
    const put = await t.call('PUT', `${charts}/standard`, {
      token: admin,
      body: { ...REVIEW_CHART, note: '首次公布' },
    });
    expect([put.status, put.body.version]).toEqual([201, 1]);
    const got = await read(`${charts}/standard`, put.body.position);
    expect([got.status, got.body.document]).toEqual([200, REVIEW_CHART]);
    const list = await read(charts, put.body.position);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual(['standard']);
  });

  it('when the chart is not a well-formed flow, or the writer is not the agency admin, then nothing is recorded', async () => {
    const stuck = { ...REVIEW_CHART, edges: REVIEW_CHART.edges.filter((e) => e.from !== 'coordinate') };
    const bad = await t.call('PUT', `${charts}/other`, { token: admin, body: stuck });
    expect([bad.status, bad.body.code, bad.body.node]).toEqual([422, 'flow_chart_invalid', 'coordinate']);
    const officer = t.token('alice', COUNTY, ['officer']);
    for (const token of [officer, cityAdmin]) {
      const res = await t.call('PUT', `${charts}/other`, { token, body: REVIEW_CHART });
      expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
    }
    expect((await t.call('GET', `${charts}/other`)).status).toBe(404);
  });
});
