import { startReplicas, until, type Replicas } from '../support/replicas.js';
import { seedAgency } from '../support/service.js';

/** `POST /v1/verify` on a replica whose read models lag behind the log another replica wrote. */
const AGENCY = 'county-justice';
let r: Replicas;

beforeAll(async () => {
  r = await startReplicas({ env: { READ_WAIT_MS: '800' } }); // the 503s below come after this wait
}, 60_000);
afterAll(async () => r?.stop());

async function post(url: string, bundle: Buffer): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(`${url}/v1/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-tar' },
    body: bundle,
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

describe('a bundle from one replica verified on another', () => {
  it('when the verifying replica has not applied the bundle checkpoint, then 503 not_caught_up, and once it has, valid', async () => {
    const lag = r.standIn.holdDelivery((index) => index >= r.subscriptionsOfA);
    const { officer } = await seedAgency(r.a, AGENCY);
    const opened = await r.a.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId: 'v-1',
        itemCode: 'P-001',
        title: '案',
        openedOn: new Date().toISOString().slice(0, 10),
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某公司' }],
      },
    });
    expect(opened.status).toBe(201);
    const res = await fetch(`${r.a.url}/v1/cases/v-1/bundle`, { headers: { authorization: `Bearer ${officer}` } });
    expect(res.status).toBe(200);
    const bundle = Buffer.from(await res.arrayBuffer());
    expect((await post(r.a.url, bundle)).body).toMatchObject({ valid: true });

    const early = await post(r.b.url, bundle);
    expect([early.status, early.body.code]).toEqual([503, 'not_caught_up']);
    expect(early.headers.get('retry-after')).not.toBeNull();

    lag.release();
    // the wait is short here (READ_WAIT_MS): on a busy machine the replica may need more than one to apply what was held
    let later = await post(r.b.url, bundle);
    await until('the lagging replica applies the checkpoint', async () => {
      if (later.status !== 503) return true;
      later = await post(r.b.url, bundle);
      return false;
    });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ valid: true, log: { consistent: true } });
  }, 60_000);
});
