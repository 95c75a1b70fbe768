import http from 'node:http';
import { startTestService, type TestService } from '../support/service.js';

/** A GET whose Host header the client chooses, as any client may. */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
  });
}

const hrefs = (xml: string) => [...xml.matchAll(/<link [^>]*href="([^"]+)"/g)].map((m) => m[1]!);

describe('absolute links and PUBLIC_URL', () => {
  let configured: TestService;
  let plain: TestService;
  beforeAll(async () => {
    configured = await startTestService({ PUBLIC_URL: 'https://ledger.county.gov.cn/' });
    plain = await startTestService();
  }, 120_000);
  afterAll(async () => {
    await configured?.stop();
    await plain?.stop();
  });

  it("when PUBLIC_URL is set, then the feed's links are made from it whatever Host a client sends", async () => {
    const res = await getWithHost(`${configured.url}/v1/disclosures/feed.atom`, 'evil.example');
    expect(res.status).toBe(200);
    const links = hrefs(res.body);
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href.startsWith('https://ledger.county.gov.cn/')).toBe(true);
    expect(res.body).not.toContain('evil.example');
    // and so are the verify page's commands
    const page = await getWithHost(`${configured.url}/verify`, 'evil.example');
    expect(page.body).toContain('curl -s https://ledger.county.gov.cn/v1/ledger/keys');
    expect(page.body).not.toContain('evil.example');
  });

  it('when PUBLIC_URL is unset, then they follow the request, as they always did', async () => {
    const res = await getWithHost(`${plain.url}/v1/disclosures/feed.atom`, 'ledger.example:8443');
    expect(hrefs(res.body)).toContain('http://ledger.example:8443/v1/disclosures/feed.atom');
  });
});
