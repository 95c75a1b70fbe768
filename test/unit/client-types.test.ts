import { createClient } from '../../packages/client/src/index.js';

/**
 * The client's types refuse what the API refuses: `npm run typecheck` fails on any line below that compiles without
 * its `@ts-expect-error`. At run time, the requests go to a fetch that records them.
 */
describe('the typed client (packages/client/src/index.ts)', () => {
  it('when a request is built, then its path parameters, query and headers are sent as given, and a problem is an error', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const fake = (async (url: URL, init: RequestInit) => {
      sent.push({ url: String(url), init });
      return new Response(
        JSON.stringify({ type: '/problems/not_found', title: 'Not Found', status: 404, code: 'not_found' }),
        {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
        },
      );
    }) as unknown as typeof fetch;
    const client = createClient({ baseUrl: 'http://ledger.test/', token: () => 'T', fetch: fake });

    const read = await client.GET('/v1/cases/{caseId}', {
      params: { path: { caseId: 'c 1' }, query: { agency: 'county-justice' }, header: { 'x-purpose': 'review' } },
    });
    expect(read.error?.code).toBe('not_found');
    expect(read.data).toBeUndefined();
    expect(sent[0]!.url).toBe('http://ledger.test/v1/cases/c%201?agency=county-justice');
    const headers = new Headers(sent[0]!.init.headers);
    expect([headers.get('authorization'), headers.get('x-purpose')]).toEqual(['Bearer T', 'review']);

    // the lines below are checked by the type-checker; they are never run
    const typeChecks = async () => {
      // @ts-expect-error: no such path
      await client.GET('/v1/nothing');
      // @ts-expect-error: the path parameter is required
      await client.GET('/v1/cases/{caseId}', {});
      // @ts-expect-error: a body that is not an open-case command
      await client.POST('/v1/cases', { body: { title: 1 } });
      // @ts-expect-error: no POST on the feed
      await client.POST('/v1/events', {});
      const page = await client.GET('/v1/events', { params: { query: { after: '0' } } });
      // a log position is given as the integer a write answers, or as its digits
      await client.GET('/v1/events', { params: { query: { after: 0 } } });
      await client.GET('/v1/cases/{caseId}', { params: { path: { caseId: 'c-1' }, query: { consistentWith: 17 } } });
      // @ts-expect-error: not a position
      await client.GET('/v1/events', { params: { query: { after: true } } });
      const position: number | undefined = page.data?.events[0]?.position;
      // @ts-expect-error: the feed's next is a number
      const next: string | undefined = page.data?.next;
      return [position, next];
    };
    expect(typeof typeChecks).toBe('function');
  });

  it('when a medium or a bundle is sent, then its bytes go as they are with the content type given, not as JSON', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const fake = (async (url: URL, init: RequestInit) => {
      sent.push({ url: String(url), init });
      return new Response(JSON.stringify({ sha256: 'x'.repeat(64) }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    }) as unknown as typeof fetch;
    const client = createClient({ baseUrl: 'http://ledger.test', token: 'T', fetch: fake });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    await client.POST('/v1/media', { body: jpeg, headers: { 'content-type': 'image/jpeg' } });
    const tar = new Blob([new Uint8Array(1024)]);
    await client.POST('/v1/verify', { body: tar, headers: { 'content-type': 'application/x-tar' } });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(jpeg);
        controller.close();
      },
    });
    await client.POST('/v1/media', { body: stream, headers: { 'content-type': 'image/jpeg' } });
    expect(sent.map(({ url, init }) => [url, new Headers(init.headers).get('content-type')])).toEqual([
      ['http://ledger.test/v1/media', 'image/jpeg'],
      ['http://ledger.test/v1/verify', 'application/x-tar'],
      ['http://ledger.test/v1/media', 'image/jpeg'],
    ]);
    expect([sent[0]!.init.body, sent[1]!.init.body, sent[2]!.init.body]).toEqual([jpeg, tar, stream]);
    expect((sent[2]!.init as { duplex?: string }).duplex).toBe('half');
    // a JSON body is still JSON
    await client.POST('/v1/cases', {
      body: {
        caseId: 'c-1',
        itemCode: 'P-001',
        title: '案',
        openedOn: '2026-12-01',
        officers: ['a', 'b'],
        parties: [],
      },
    });
    expect([new Headers(sent[3]!.init.headers).get('content-type'), typeof sent[3]!.init.body]).toEqual([
      'application/json',
      'string',
    ]);

    // the lines below are checked by the type-checker; they are never run
    const typeChecks = async () => {
      // @ts-expect-error: a medium needs its content type
      await client.POST('/v1/media', { body: jpeg });
      // @ts-expect-error: a medium is bytes, not a JSON value
      await client.POST('/v1/media', { body: { a: 1 }, headers: { 'content-type': 'image/jpeg' } });
      // @ts-expect-error: a JSON operation takes no raw bytes
      await client.POST('/v1/cases', { body: jpeg });
    };
    expect(typeof typeChecks).toBe('function');
  });
});
