import { startReplicas, until, type Replicas } from '../support/replicas.js';
import { seedAgency } from '../support/service.js';

/**
 * The public's progress lookup (/apply/progress) names the agency by its code or by the name its profile records.
 * Given the position of the profile's write, a replica whose read models have not applied it waits, then answers
 * `503` (the page saying the record is being processed): never "not found" for a name it has not read yet.
 */
const AGENCY = 'county-justice';
const NAME = '某县司法局';
let r: Replicas;

beforeAll(async () => {
  r = await startReplicas({ env: { READ_WAIT_MS: '800' } }); // the 503 below comes after this wait
}, 60_000);
afterAll(async () => r?.stop());

it('when the lookup names the agency by a name the replica has not applied yet, then it waits and answers 503, and once applied, the progress', async () => {
  const { admin } = await seedAgency(r.a, AGENCY, { item: { code: 'L-001', category: 'licensing' } });
  const form = new FormData();
  form.set(
    'application',
    JSON.stringify({
      agency: AGENCY,
      itemCode: 'L-001',
      applicant: { kind: 'person', name: '王小明', phone: '13800000000' },
      request: '申请律师执业证',
    }),
  );
  const filing = await fetch(`${r.a.url}/v1/applications`, { method: 'POST', body: form });
  const filed = (await filing.json()) as { applicationId: string; lookupCode: string; position: number };
  expect(filing.status).toBe(201);
  // the replica has the filing, and then lags behind the profile
  await until('replica B applies the filing', async () => {
    const seen = await r.b.call('GET', `/v1/applications/${AGENCY}/${filed.applicationId}/progress`, {
      headers: { 'x-lookup-code': filed.lookupCode },
    });
    return seen.status === 200;
  });
  const lag = r.standIn.holdDelivery((index) => index >= r.subscriptionsOfA);
  const profile = { agency: AGENCY, name: NAME, address: '某县人民路1号', telephone: '0000-1234567' };
  const put = await r.a.call('PUT', `/v1/agencies/${AGENCY}/profile`, { token: admin, body: profile });
  expect(put.status).toBe(201);

  const opened = await fetch(`${r.b.url}/apply/progress`, { headers: { accept: 'text/html' } });
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await opened.text())?.[1] ?? '';
  const lookup = () =>
    fetch(`${r.b.url}/apply/progress`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', cookie },
      body: new URLSearchParams({
        _csrf: token,
        consistentWith: String(put.body.position),
        agency: NAME,
        id: filed.applicationId,
        code: filed.lookupCode,
      }),
    });
  const waited = await lookup();
  expect([waited.status, waited.headers.get('retry-after')]).toEqual([503, '1']);
  expect(await waited.text()).not.toContain('未找到该申请');

  lag.release();
  let found = await lookup();
  // the wait is short here (READ_WAIT_MS): on a busy machine the replica may need more than one to apply what was held
  await until('the lagging replica applies the profile', async () => {
    if (found.status !== 503) return true;
    found = await lookup();
    return false;
  });
  expect(found.status).toBe(200);
  expect(await found.text()).toMatch(/<strong id="progress-status">已提交，待受理<\/strong>/);
}, 60_000);
