import fs from 'node:fs';
import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { children, parseXml, textOf, XmlError, type XmlElement } from '../support/xml.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const TOMBSTONES = 'http://purl.org/atompub/tombstones/1.0';
const COUNTY = 'county-justice';
const CITY = 'city-market';
const today = new Date().toISOString().slice(0, 10);
/** A time of the day (`HH:MM...`) on the UTC date as minutes and seconds after midnight in China: already past. */
const at = (time: string) => `${today}T00:${time.slice(0, 2)}:${time.slice(3, 5)}+08:00`;
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));

let t: TestService;
let county: string;
let city: string;

/** Personal data that must never reach a public answer. */
const PERSON = {
  kind: 'person',
  name: '张三丰',
  idNumber: '140521199001011234',
  phone: '13912345678',
  address: '城关镇人民路18号',
};
const FIRM = { kind: 'organization', name: 'A&B <律师> "事务所"' };
/** The duties and powers (职责、权限) the item list publishes for the licensing item. */
const LICENSING_DUTIES = '受理并审查律师事务所设立申请';
const LICENSING_POWERS = '准予或者不予设立许可';
const SECRETS = ['张三丰', '140521199001011234', '13912345678', '人民路', 'idNumber', 'phone', 'address'];

beforeAll(async () => {
  t = await startTestService();
  county = (await seedAgency(t, COUNTY)).officer;
  city = (
    await seedAgency(t, CITY, {
      officers: ['carl', 'cora'],
      item: { code: 'L-001', category: 'licensing', duties: LICENSING_DUTIES, powers: LICENSING_POWERS },
    })
  ).officer;
});
afterAll(() => t.stop());

/** Opens a case and records acts as `token`'s officer; returns the last write's log position. */
async function caseWith(
  token: string,
  caseId: string,
  itemCode: string,
  officers: string[],
  acts: { type: string; occurredAt: string; data: unknown }[],
): Promise<number> {
  const opened = await t.call('POST', '/v1/cases', {
    token,
    body: { caseId, itemCode, title: '某案', openedOn: today, officers, parties: [PERSON, FIRM] },
  });
  expect(opened.status).toBe(201);
  let position = opened.body.position as number;
  for (const act of acts) position = await record(token, caseId, act);
  return position;
}

async function record(token: string, caseId: string, act: { type: string; occurredAt: string; data: unknown }) {
  const res = await t.call('POST', `/v1/cases/${caseId}/acts`, { token, body: act });
  expect([act.type, res.status]).toEqual([act.type, 201]);
  return res.body.position as number;
}

const decide = (
  documentNo: string,
  decision: Record<string, unknown> = { decisionType: 'fine', fineFen: 500_000 },
) => ({
  type: 'DecisionIssued',
  occurredAt: at('10:00:00'),
  data: { ...decision, legalBasis: '《律师法》第五十条 & <第二款>', documentNo, decidedOn: today },
});
const disclose = { type: 'DecisionDisclosed', occurredAt: at('11:00:00'), data: { publishedOn: today } };

async function feed(query = ''): Promise<{ feed: XmlElement; res: Awaited<ReturnType<TestService['call']>> }> {
  const res = await t.call('GET', `/v1/disclosures/feed.atom${query}`);
  expect(res.status).toBe(200);
  expect(typeof res.body).toBe('string');
  return { feed: parseXml(res.body as string), res };
}

const entryIds = (f: XmlElement) => children(f, ATOM, 'entry').map((e) => textOf(children(e, ATOM, 'id')[0]));
/** The Atom id of an agency's case's publication. */
const idOf = (caseId: string, agency = COUNTY) => `urn:evidence-ledger:disclosure:${agency}:${caseId}`;
const entryOf = (f: XmlElement, caseId: string, agency = COUNTY) =>
  children(f, ATOM, 'entry').find((e) => textOf(children(e, ATOM, 'id')[0]) === idOf(caseId, agency));

describe('the public disclosure feed', () => {
  let position: number;

  beforeAll(async () => {
    position = await caseWith(county, 'pub-1', 'P-001', ['alice', 'bob'], [decide('县司罚〔2026〕1号'), disclose]);
    // decided, never published: on no public list
    await caseWith(county, 'pub-quiet', 'P-001', ['alice', 'bob'], [decide('县司罚〔2026〕9号')]);
  });

  it('when a decision is disclosed, then the JSON list shows it without a token, redacted, in the contract shape', async () => {
    const res = await t.call('GET', `/v1/disclosures?consistentWith=${position}`);
    expect(res.status).toBe(200);
    expect(() => validate('urn:evidence-ledger:schema:response:disclosure-list', res.body)).not.toThrow();
    const item = res.body.items.find((i: { caseId: string }) => i.caseId === 'pub-1');
    expect(item).toEqual({
      caseId: 'pub-1',
      agency: COUNTY,
      itemCode: 'P-001',
      itemName: '未按规定公示执业信息',
      category: 'penalty',
      decisionType: 'fine',
      fineFen: 500_000,
      legalBasis: '《律师法》第五十条 & <第二款>',
      documentNo: '县司罚〔2026〕1号',
      decidedOn: today,
      publishedOn: today,
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      parties: [
        { kind: 'person', name: '张**' },
        { kind: 'organization', name: FIRM.name },
      ],
      // what the decision's page shows of the publication: its deadline, whether it was met, its updates
      dueBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      onTime: true,
      updates: [],
      // the masked name's sealed original: the event, the field and the commitment a party can prove against
      redactions: [
        {
          eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          path: '/parties/0/name',
          commitment: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        },
      ],
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(res.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain('pub-quiet');
    for (const secret of SECRETS) expect(JSON.stringify(res.body)).not.toContain(secret);
    // the decision's page names the sealed field by what it holds, beside the pointer a party's proof names
    const page = await fetch(`${t.url}/disclosures/${COUNTY}/pub-1`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('<td>第 1 位当事人的名称 <code>/parties/0/name</code></td>');
    expect(res.headers.get('ratelimit-policy')).toBe(
      '"requests";q=600;w=60, "bytes";q=1073741824;qu="content-bytes";w=60',
    );
    expect(res.headers.get('ratelimit')).toMatch(/^"requests";r=\d+;t=\d+, "bytes";r=1073741824;t=0$/);
  });

  it('when the Atom feed is read, then it is well-formed Atom 1.0 with the entry, escaped and redacted', async () => {
    const { feed: f, res } = await feed(`?consistentWith=${position}`);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect([f.ns, f.name]).toEqual([ATOM, 'feed']);
    for (const required of ['id', 'title', 'updated', 'author']) {
      expect([required, children(f, ATOM, required).length]).toEqual([required, 1]);
    }
    expect(textOf(children(f, ATOM, 'updated')[0])).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    );
    const self = children(f, ATOM, 'link').find((l) => l.attrs.rel === 'self');
    expect(self?.attrs.href).toBe(`${t.url}/v1/disclosures/feed.atom`);
    const entry = entryOf(f, 'pub-1')!;
    expect(entry).toBeDefined();
    for (const required of ['id', 'title', 'updated', 'published', 'author', 'content', 'summary']) {
      expect([required, children(entry, ATOM, required).length]).toEqual([required, 1]);
    }
    expect(textOf(children(entry, ATOM, 'published')[0])).toBe(`${today}T00:00:00+08:00`);
    // the entry links its page on the portal, which answers
    const page = children(entry, ATOM, 'link').find((l) => l.attrs.rel === 'alternate');
    expect(page?.attrs).toEqual({ rel: 'alternate', type: 'text/html', href: `${t.url}/disclosures/${COUNTY}/pub-1` });
    expect((await fetch(page!.attrs.href!, { headers: { accept: 'text/html' } })).status).toBe(200);
    expect(textOf(children(children(entry, ATOM, 'author')[0]!, ATOM, 'name')[0])).toBe(COUNTY);
    const content = textOf(children(entry, ATOM, 'content')[0]);
    // the characters XML must escape come back intact through a parser
    expect(content).toContain(FIRM.name);
    expect(content).toContain('《律师法》第五十条 & <第二款>');
    expect(content).toContain('张**');
    expect(content).toContain('5000.00');
    expect(res.body).toContain('A&amp;B &lt;律师&gt;');
    for (const secret of SECRETS) expect(res.body).not.toContain(secret);
    expect(entryIds(f)).not.toContain(idOf('pub-quiet'));
  });

  it('when the publication is updated, then the feed replaces the entry: same id, later updated', async () => {
    const before = entryOf((await feed(`?consistentWith=${position}`)).feed, 'pub-1')!;
    const updated = await record(county, 'pub-1', {
      type: 'DisclosureUpdated',
      occurredAt: at('12:00:00'),
      data: { reason: '更正当事人名称' },
    });
    const { feed: f } = await feed(`?consistentWith=${updated}`);
    expect(entryIds(f).filter((id) => id === idOf('pub-1'))).toHaveLength(1);
    const after = entryOf(f, 'pub-1')!;
    const updatedOf = (e: XmlElement) => textOf(children(e, ATOM, 'updated')[0]);
    expect(Date.parse(updatedOf(after))).toBeGreaterThan(Date.parse(updatedOf(before)));
    // the newest change comes first
    expect(entryIds(f)[0]).toBe(idOf('pub-1'));
  });

  it('when the publication is withdrawn, then it leaves the list and the feed has a tombstone for it', async () => {
    const pos = await caseWith(county, 'pub-2', 'P-001', ['alice', 'bob'], [decide('县司罚〔2026〕2号'), disclose]);
    const listed = await t.call('GET', `/v1/disclosures?consistentWith=${pos}`);
    expect(listed.body.items.map((i: { caseId: string }) => i.caseId)).toContain('pub-2');
    const withdrawn = await record(county, 'pub-2', {
      type: 'DisclosureWithdrawn',
      occurredAt: at('15:00:00'),
      data: { reason: '决定已被复议撤销' },
    });

    const res = await t.call('GET', `/v1/disclosures?consistentWith=${withdrawn}`);
    expect(() => validate('urn:evidence-ledger:schema:response:disclosure-list', res.body)).not.toThrow();
    expect(res.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain('pub-2');
    expect(res.body.withdrawals).toEqual([
      {
        caseId: 'pub-2',
        agency: COUNTY,
        itemCode: 'P-001',
        itemName: '未按规定公示执业信息',
        documentNo: '县司罚〔2026〕2号',
        publishedOn: today,
        withdrawnAt: at('15:00:00'),
        reason: '决定已被复议撤销',
        eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);

    const { feed: f } = await feed(`?consistentWith=${withdrawn}`);
    expect(entryIds(f)).not.toContain(idOf('pub-2'));
    const tombstones = children(f, TOMBSTONES, 'deleted-entry');
    expect(tombstones.map((d) => d.attrs)).toEqual([{ ref: idOf('pub-2'), when: at('15:00:00') }]);
    expect(textOf(children(tombstones[0]!, TOMBSTONES, 'comment')[0])).toContain('决定已被复议撤销');
    expect(entryIds(f)).toContain(idOf('pub-1'));
  });

  it('when filtered by agency, category or publication dates, then JSON and Atom show only matching decisions', async () => {
    const pos = await caseWith(
      city,
      'pub-city',
      'L-001',
      ['carl', 'cora'],
      [decide('市许〔2026〕1号', { decisionType: 'license_granted' }), disclose],
    );
    const ids = async (query: string) => {
      const res = await t.call('GET', `/v1/disclosures?consistentWith=${pos}&${query}`);
      expect([query, res.status]).toEqual([query, 200]);
      return res.body.items.map((i: { caseId: string }) => i.caseId).sort();
    };
    expect(await ids(`agency=${CITY}`)).toEqual(['pub-city']);
    expect(await ids('category=licensing')).toEqual(['pub-city']);
    expect(await ids('decisionType=license_granted')).toEqual(['pub-city']);
    expect(await ids('decisionType=fine')).toEqual(['pub-1']);
    expect(await ids('decisionType=warning')).toEqual([]);
    expect(await ids(`agency=${COUNTY}`)).toEqual(['pub-1']);
    expect(await ids(`from=${today}&to=${today}`)).toEqual(['pub-1', 'pub-city']);
    expect(await ids('to=2000-01-01')).toEqual([]);
    const { feed: f } = await feed(`?agency=${CITY}`);
    expect(entryIds(f)).toEqual([idOf('pub-city', CITY)]);
    expect(children(f, TOMBSTONES, 'deleted-entry')).toEqual([]);
    expect(textOf(children(f, ATOM, 'id')[0])).not.toBe(textOf(children((await feed()).feed, ATOM, 'id')[0]));
  });

  it('when searched with q or filtered by item, then JSON and Atom keep the decisions whose published text matches every word', async () => {
    const ids = async (query: string) => {
      const res = await t.call('GET', `/v1/disclosures?${query}`);
      expect([query, res.status]).toEqual([query, 200]);
      return res.body.items.map((i: { caseId: string }) => i.caseId).sort();
    };
    expect(await ids(`q=${encodeURIComponent('县司罚〔2026〕1号')}`)).toEqual(['pub-1']);
    expect(await ids(`q=${encodeURIComponent('市许')}`)).toEqual(['pub-city']);
    // a person's name is sealed in the log: neither its masked form nor the real name is in the searched text
    expect(await ids(`q=${encodeURIComponent('张**')}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('张三丰')}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('140521199001011234')}`)).toEqual([]);
    // every word must match: the item code and the firm's name
    expect(await ids(`q=${encodeURIComponent('l-001 律师')}`)).toEqual(['pub-city']);
    expect(await ids(`q=${encodeURIComponent('L-001 不存在')}`)).toEqual([]);
    // control characters separate words as spaces do: a NUL is no word that every text contains
    expect(await ids(`q=%00${encodeURIComponent('市许')}`)).toEqual(['pub-city']);
    expect(await ids(`q=${encodeURIComponent('市许')}%00%1B${encodeURIComponent('不存在')}`)).toEqual([]);
    expect(await ids('itemCode=P-001')).toEqual(['pub-1']);
    // as a Chinese input method types them: full-width digits, letters and punctuation, other brackets
    expect(await ids(`q=${encodeURIComponent('县司罚(2026)1号')}`)).toEqual(['pub-1']);
    expect(await ids(`q=${encodeURIComponent('县司罚［２０２６］１号')}`)).toEqual(['pub-1']);
    expect(await ids(`q=${encodeURIComponent('Ｐ－００１')}`)).toEqual(['pub-1']);
    expect(await ids(`q=${encodeURIComponent('ｌ－００１　律师')}`)).toEqual(['pub-city']);
    const { feed: f } = await feed(`?q=${encodeURIComponent('市许〔2026〕1号')}`);
    expect(entryIds(f)).toEqual([idOf('pub-city', CITY)]);
    const withdrawn = await t.call('GET', `/v1/disclosures?q=${encodeURIComponent('〔2026〕2号')}`);
    expect(withdrawn.body.withdrawals.map((w: { caseId: string }) => w.caseId)).toEqual(['pub-2']);
  });

  it('when a search is too long or has too many words, then 400 invalid_query', async () => {
    for (const q of ['x'.repeat(101), Array.from({ length: 9 }, (_, i) => `w${i}`).join(' ')]) {
      const res = await t.call('GET', `/v1/disclosures?q=${encodeURIComponent(q)}`);
      expect([res.status, res.body.code]).toEqual([400, 'invalid_query']);
    }
  });

  it('when paged, then each page holds at most limit entries and next leads to the rest, without repeats', async () => {
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const res = await t.call('GET', `/v1/disclosures?limit=1${next ? `&cursor=${next}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...res.body.items.map((i: { caseId: string }) => i.caseId));
      next = res.body.next;
    } while (next);
    expect(seen.sort()).toEqual(['pub-1', 'pub-city']);

    const first = await feed('?limit=1');
    expect(children(first.feed, ATOM, 'entry').length + children(first.feed, TOMBSTONES, 'deleted-entry').length).toBe(
      1,
    );
    const nextLink = children(first.feed, ATOM, 'link').find((l) => l.attrs.rel === 'next');
    expect(nextLink?.attrs.href).toMatch(/\/v1\/disclosures\/feed\.atom\?limit=1&cursor=/);
    const second = await feed(new URL(nextLink!.attrs.href!).search);
    expect(entryIds(second.feed)).not.toEqual(entryIds(first.feed));
  });

  it('when a query is malformed, then 400 invalid_query', async () => {
    for (const query of [
      'limit=0',
      'limit=201',
      'cursor=nonsense',
      'from=2026-13-01',
      'category=parking',
      'decisionType=parking_ticket',
      'agency=a/b',
    ]) {
      for (const route of ['/v1/disclosures', '/v1/disclosures/feed.atom']) {
        const res = await t.call('GET', `${route}?${query}`);
        expect([route, query, res.status, res.body.code]).toEqual([route, query, 400, 'invalid_query']);
      }
    }
  });
});

describe('a feed filtered by decision type', () => {
  const AGENCY = 'typed-bureau';
  let officer: string;
  beforeAll(async () => {
    ({ officer } = await seedAgency(t, AGENCY, { officers: ['tai', 'tang'] }));
  });

  it('when a decision of that type is updated and another withdrawn, then the filtered feed and JSON list keep both, and another type keeps neither', async () => {
    const warning = { decisionType: 'warning' };
    await caseWith(officer, 'typed-upd', 'P-001', ['tai', 'tang'], [decide('县司告〔2026〕11号', warning), disclose]);
    const reason = { reason: '更正文书号' };
    await record(officer, 'typed-upd', { type: 'DisclosureUpdated', occurredAt: at('12:00:00'), data: reason });
    await caseWith(officer, 'typed-wd', 'P-001', ['tai', 'tang'], [decide('县司告〔2026〕12号', warning), disclose]);
    const withdrawn = await record(officer, 'typed-wd', {
      type: 'DisclosureWithdrawn',
      occurredAt: at('15:00:00'),
      data: { reason: '决定已被复议撤销' },
    });

    const filtered = (type: string) => `?agency=${AGENCY}&decisionType=${type}&consistentWith=${withdrawn}`;
    const { feed: f } = await feed(filtered('warning'));
    expect(entryIds(f)).toEqual([idOf('typed-upd', AGENCY)]);
    const tombstones = children(f, TOMBSTONES, 'deleted-entry').map((d) => d.attrs.ref);
    expect(tombstones).toEqual([idOf('typed-wd', AGENCY)]);
    const listed = await t.call('GET', `/v1/disclosures${filtered('warning')}`);
    expect(() => validate('urn:evidence-ledger:schema:response:disclosure-list', listed.body)).not.toThrow();
    expect(listed.body.items.map((i: { caseId: string }) => i.caseId)).toEqual(['typed-upd']);
    expect(listed.body.withdrawals.map((w: { caseId: string }) => w.caseId)).toEqual(['typed-wd']);
    // the notice names no decision: the type only selects it
    expect(listed.body.withdrawals[0]).not.toHaveProperty('decisionType');

    const other = await feed(filtered('fine'));
    expect(entryIds(other.feed)).toEqual([]);
    expect(children(other.feed, TOMBSTONES, 'deleted-entry')).toEqual([]);
    // with no entry the feed was last updated with its checkpoint entry, if it has one, never when it is read: the
    // same document, whose ETag answers If-None-Match
    const updatedOf = (f: XmlElement) => textOf(children(f, ATOM, 'updated')[0]);
    const checkpointUpdated = children(other.feed, ATOM, 'entry').map((e) => textOf(children(e, ATOM, 'updated')[0]));
    expect(updatedOf(other.feed)).toBe(checkpointUpdated[0] ?? '1970-01-01T00:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await t.call('GET', `/v1/disclosures/feed.atom${filtered('fine')}`, {
      headers: { 'if-none-match': other.res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    const none = await t.call('GET', `/v1/disclosures${filtered('fine')}`);
    expect([none.body.items, none.body.withdrawals]).toEqual([[], []]);
  });
});

describe('a case id two agencies both use', () => {
  const EAST = 'twin-east';
  const WEST = 'twin-west';

  it('when both publish a decision under it and one withdraws, then the feed tells the two apart: two entry ids, a tombstone for one', async () => {
    const east = (await seedAgency(t, EAST, { officers: ['ed', 'eve'] })).officer;
    const west = (await seedAgency(t, WEST, { officers: ['wu', 'wei'] })).officer;
    const warning = { decisionType: 'warning' };
    await caseWith(east, 'twin', 'P-001', ['ed', 'eve'], [decide('东告〔2026〕1号', warning), disclose]);
    const pos = await caseWith(west, 'twin', 'P-001', ['wu', 'wei'], [decide('西告〔2026〕1号', warning), disclose]);
    const both = await feed(`?decisionType=warning&consistentWith=${pos}`);
    const ids = entryIds(both.feed).filter((id) => id.endsWith(':twin'));
    expect(ids.sort()).toEqual([idOf('twin', EAST), idOf('twin', WEST)]);

    const withdrawn = await record(west, 'twin', {
      type: 'DisclosureWithdrawn',
      occurredAt: at('15:00:00'),
      data: { reason: '决定已被复议撤销' },
    });
    const { feed: f } = await feed(`?decisionType=warning&consistentWith=${withdrawn}`);
    expect(entryIds(f).filter((id) => id.endsWith(':twin'))).toEqual([idOf('twin', EAST)]);
    const tombstones = children(f, TOMBSTONES, 'deleted-entry').map((d) => d.attrs.ref);
    expect(tombstones.filter((ref) => ref?.endsWith(':twin'))).toEqual([idOf('twin', WEST)]);
  });
});

describe("an agency's recorded name", () => {
  it('when an agency records its profile, then the feed names it by its name (author, 执法机关, the tombstone’s by) while the entry ids keep its code', async () => {
    const NORTH = 'named-north';
    const { admin, officer } = await seedAgency(t, NORTH, { officers: ['nan', 'nie'] });
    const warning = { decisionType: 'warning' };
    await caseWith(officer, 'n-1', 'P-001', ['nan', 'nie'], [decide('北告〔2026〕1号', warning), disclose]);
    await caseWith(officer, 'n-2', 'P-001', ['nan', 'nie'], [decide('北告〔2026〕2号', warning), disclose]);
    await record(officer, 'n-2', { type: 'DisclosureWithdrawn', occurredAt: at('15:00:00'), data: { reason: '撤销' } });
    const before = await feed(`?agency=${NORTH}&consistentWith=${await t.service.events.headPosition()}`);
    const authorOf = (e: XmlElement) => textOf(children(children(e, ATOM, 'author')[0]!, ATOM, 'name')[0]);
    expect(authorOf(entryOf(before.feed, 'n-1', NORTH)!)).toBe(NORTH);

    const set = await t.call('PUT', `/v1/agencies/${NORTH}/profile`, {
      token: admin,
      body: { agency: NORTH, name: '北区<综合>执法局' },
    });
    expect(set.status).toBe(201);
    const { feed: f, res } = await feed(`?agency=${NORTH}&consistentWith=${set.body.position}`);
    const entry = entryOf(f, 'n-1', NORTH)!;
    expect(authorOf(entry)).toBe('北区<综合>执法局');
    expect(textOf(children(entry, ATOM, 'content')[0])).toContain('执法机关：北区<综合>执法局');
    expect(textOf(children(entry, ATOM, 'summary')[0])).toMatch(/^北区<综合>执法局 /);
    const tombstone = children(f, TOMBSTONES, 'deleted-entry').find((d) => d.attrs.ref === idOf('n-2', NORTH))!;
    expect(textOf(children(children(tombstone, TOMBSTONES, 'by')[0]!, ATOM, 'name')[0])).toBe('北区<综合>执法局');
    expect(res.body).toContain('北区&lt;综合&gt;执法局');
    expect(entryIds(f)).toContain(idOf('n-1', NORTH));
  });
});

describe('the public lists', () => {
  it('when the officer list is read without a token, then it has the public members only', async () => {
    const res = await t.call('GET', `/v1/officers?agency=${COUNTY}`);
    expect(res.status).toBe(200);
    expect(() => validate('urn:evidence-ledger:schema:response:officer-list', res.body)).not.toThrow();
    expect(res.body.items).toEqual([
      {
        name: '执法人员alice',
        certificateNo: '1405-alice',
        agency: COUNTY,
        categories: [],
        validFrom: '2018-01-01',
        validTo: '2030-12-31',
        status: 'active',
        keys: [],
      },
      expect.objectContaining({ name: '执法人员bob', agency: COUNTY }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/roles|officerId|registeredAt/);
    const all = await t.call('GET', '/v1/officers?limit=1');
    expect(all.body.items).toHaveLength(1);
    expect(all.body.next).toEqual(expect.any(String));
    expect((await t.call('GET', '/v1/officers?status=gone')).status).toBe(400);
  });

  it('when the item list is read without a token, then it is filtered by agency and category and shows each item’s duties and powers', async () => {
    const res = await t.call('GET', '/v1/items?category=licensing');
    expect(res.status).toBe(200);
    expect(() => validate('urn:evidence-ledger:schema:response:item-list', res.body)).not.toThrow();
    expect(res.body.items).toEqual([
      {
        code: 'L-001',
        agency: CITY,
        name: '未按规定公示执业信息',
        category: 'licensing',
        legalBasis: '《律师法》第五十条',
        duties: LICENSING_DUTIES,
        powers: LICENSING_POWERS,
        retired: false,
      },
    ]);
    const county = await t.call('GET', `/v1/items?agency=${COUNTY}&retired=false`);
    expect(county.body.items.map((i: { code: string }) => i.code)).toEqual(['P-001']);
  });
});

describe('the rate limit of the public routes', () => {
  it('when a client goes over PUBLIC_RATE_LIMIT, then 429 rate_limited with Retry-After; other routes are not limited', async () => {
    const small = await startTestService({ PUBLIC_RATE_LIMIT: '3' });
    try {
      const routes = ['/v1/disclosures', '/v1/officers', '/v1/disclosures/feed.atom'];
      for (const route of routes) expect([route, (await small.call('GET', route)).status]).toEqual([route, 200]);
      const refused = await small.call('GET', '/v1/items');
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'rate_limited', status: 429, title: 'Rate limit exceeded' });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      // r: nothing left; t: when the whole quota is back, no sooner than the next request (Retry-After)
      const [, full] = /"requests";r=0;t=(\d+)/.exec(refused.headers.get('ratelimit') ?? '') ?? [];
      expect(Number(full)).toBeGreaterThanOrEqual(retryAfter);
      expect(Number(full)).toBeLessThanOrEqual(60);
      expect((await small.call('GET', '/healthz')).status).toBe(200);
    } finally {
      await small.stop();
    }
  });
});

describe('refusals of the public routes', () => {
  it('when a client is refused before a public route runs (400, 405, 406), then each refusal is counted against PUBLIC_RATE_LIMIT and labelled with it', async () => {
    // a clock that stands still: no request is given back while the test runs, however slowly it runs
    const startedAt = new Date();
    const small = await startTestService({ PUBLIC_RATE_LIMIT: '5' }, { clock: { now: () => startedAt } });
    try {
      const refusals = [
        ['GET', '/v1/officers?bogus=1', {}, 400],
        ['GET', '/v1/items?format=xml', {}, 400],
        ['GET', '/v1/items', { accept: 'text/csv' }, 406],
        ['DELETE', '/v1/officers', {}, 405],
        ['POST', '/v1/verify?strict=1', {}, 400],
      ] as const;
      for (const [i, [method, route, headers, status]] of refusals.entries()) {
        const res = await small.call(method, route, { headers });
        expect([route, res.status, res.headers.get('ratelimit-policy'), res.headers.get('ratelimit')]).toEqual([
          route,
          status,
          expect.stringMatching(/^"requests";q=5;w=60/),
          expect.stringMatching(new RegExp(`^"requests";r=${4 - i};`)),
        ]);
      }
      // the budget is spent: the next refusal, and the next read, are 429
      for (const route of ['/v1/officers?bogus=1', '/v1/officers']) {
        const res = await small.call('GET', route);
        expect([route, res.status, res.body.code, res.headers.get('ratelimit')]).toEqual([
          route,
          429,
          'rate_limited',
          expect.stringMatching(/^"requests";r=0;/),
        ]);
      }
      // a route with a token is not the public limit's: its refusals are neither counted nor labelled
      const own = await small.call('GET', '/v1/cases?bogus=1');
      expect([own.status, own.headers.get('ratelimit-policy'), own.headers.get('ratelimit')]).toEqual([
        400,
        null,
        null,
      ]);
    } finally {
      await small.stop();
    }
  });
});

describe('what the public side leaves out', () => {
  const AGENCY = 'quiet-bureau';
  let officer: string;
  let head: string;
  beforeAll(async () => {
    ({ officer, admin: head } = await seedAgency(t, AGENCY, { officers: ['qi', 'qin'] }));
  });

  it('when a published decision carries no fine, then the JSON list says fineFen 0, as the case file, and neither the feed nor the pages show an amount', async () => {
    const pos = await caseWith(
      officer,
      'pub-warning',
      'P-001',
      ['qi', 'qin'],
      [decide('县司告〔2026〕5号', { decisionType: 'warning' }), disclose],
    );
    const res = await t.call('GET', `/v1/disclosures?agency=${AGENCY}&consistentWith=${pos}`);
    expect(() => validate('urn:evidence-ledger:schema:response:disclosure-list', res.body)).not.toThrow();
    expect(res.body.items).toEqual([expect.objectContaining({ caseId: 'pub-warning', decisionType: 'warning' })]);
    expect(res.body.items[0].fineFen).toBe(0);
    const file = await t.call('GET', '/v1/cases/pub-warning', { token: officer });
    expect(file.body.decision.fineFen).toBe(0);
    const { feed: f } = await feed(`?agency=${AGENCY}`);
    const content = textOf(children(entryOf(f, 'pub-warning', AGENCY)!, ATOM, 'content')[0]);
    expect(content).toContain('处理决定：警告');
    expect(content).not.toMatch(/罚款金额|0\.00/);
    for (const page of [`/disclosures?agency=${AGENCY}`, `/disclosures/${AGENCY}/pub-warning`]) {
      const html = await fetch(`${t.url}${page}`, { headers: { accept: 'text/html' } });
      expect([page, html.status]).toEqual([page, 200]);
      const text = await html.text();
      expect(text).toContain('警告');
      expect(text).not.toMatch(/罚款金额|¥0\.00/);
    }
  });

  it('when a person recorded as an organization is corrected to a person, then the public entry masks the name at once and after an update, and the case file shows the parties as corrected', async () => {
    const misKinded = { kind: 'organization', name: '欧阳娜娜' };
    const opened = await t.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId: 'pub-kind',
        itemCode: 'P-001',
        title: '某案',
        openedOn: today,
        officers: ['qi', 'qin'],
        parties: [PERSON, misKinded],
      },
    });
    expect(opened.status).toBe(201);
    await record(officer, 'pub-kind', decide('县司罚〔2026〕9号'));
    let pos = await record(officer, 'pub-kind', disclose);
    const listed = async () =>
      JSON.stringify(
        (await t.call('GET', `/v1/disclosures?agency=${AGENCY}&consistentWith=${pos}`)).body.items.find(
          (i: { caseId: string }) => i.caseId === 'pub-kind',
        ),
      );
    expect(await listed()).toContain('欧阳娜娜'); // as recorded: an organization's name is published

    const file = await t.call('GET', '/v1/cases/pub-kind', { token: officer });
    const openingId = (file.body.timeline as { type: string; eventId: string }[]).find(
      (e) => e.type === 'CaseOpened',
    )!.eventId;
    const before = JSON.parse(await listed()) as { updatedAt: string; eventId: string };
    pos = await record(officer, 'pub-kind', {
      type: 'RecordCorrected',
      occurredAt: at('12:00:00'),
      data: {
        corrects: openingId,
        reason: '当事人为自然人',
        data: { parties: [PERSON, { kind: 'person', name: '欧阳娜娜', address: '某县孙家庄5号' }] },
      },
    });
    const masked = async () => {
      const entry = await listed();
      expect(entry).toContain('欧***');
      expect(entry).not.toContain('欧阳娜娜');
      expect(entry).not.toContain('140521199001011234');
      // a page holding only this entry (searched, filtered, one item): opened as well, never the stored names
      for (const query of ['q=9号', `agency=${AGENCY}&decisionType=fine&limit=1&q=县司罚`]) {
        const only = await t.call('GET', `/v1/disclosures?${query}&consistentWith=${pos}`);
        const item = only.body.items.find((i: { caseId: string }) => i.caseId === 'pub-kind');
        expect([query, JSON.stringify(item)]).toEqual([query, expect.stringContaining('欧***')]);
        expect(JSON.stringify(only.body)).not.toContain('欧阳娜娜');
        expect(JSON.stringify((await feed(`?${query}`)).res.body)).not.toContain('欧阳娜娜');
      }
      // nor does the real name find it
      const searched = await t.call('GET', `/v1/disclosures?q=${encodeURIComponent('欧阳娜娜')}&consistentWith=${pos}`);
      expect(searched.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain('pub-kind');
      const { feed: f } = await feed(`?agency=${AGENCY}`);
      expect(JSON.stringify(entryOf(f, 'pub-kind', AGENCY))).not.toContain('欧阳娜娜');
      const page = await fetch(`${t.url}/disclosures/${AGENCY}/pub-kind`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('欧阳娜娜');
      // the read models keep the correction sealed: its address is nowhere in them in clear
      const files = fs.readdirSync(t.dataDir).filter((f) => f.startsWith('read-models.sqlite'));
      for (const file of files) {
        expect([file, fs.readFileSync(path.join(t.dataDir, file)).includes('某县孙家庄5号')]).toEqual([file, false]);
      }
      return JSON.parse(entry) as { updatedAt: string; eventId: string };
    };
    // the correction alone: the entry is rendered again (a mirror of the feed sees it changed), with no update
    const corrected = await masked();
    expect(corrected.eventId).not.toBe(before.eventId);
    expect(corrected.updatedAt > before.updatedAt).toBe(true);
    pos = await record(officer, 'pub-kind', {
      type: 'DisclosureUpdated',
      occurredAt: at('13:00:00'),
      data: { reason: '更正当事人' },
    });
    expect((await masked()).updatedAt > corrected.updatedAt).toBe(true);
    const caseFile = await t.call('GET', `/v1/cases/pub-kind?consistentWith=${pos}`, { token: officer });
    expect(caseFile.body.parties).toEqual([
      expect.objectContaining({ kind: 'person', name: PERSON.name }),
      { kind: 'person', name: '欧阳娜娜', address: '某县孙家庄5号' },
    ]);

    // once erased, no name of it is shown: not the masked one, nor the opening's name recorded as an organization
    const erased = await t.call('POST', '/v1/cases/pub-kind/erasure', {
      token: head,
      body: { ground: 'retention_expired', reason: '保管期限届满' },
    });
    expect(erased.status).toBe(201);
    pos = erased.body.position;
    const after = JSON.parse(await listed()) as { parties: { name: string }[] };
    expect(after.parties.map((p) => p.name)).toEqual(['[erased]', '[erased]']);
    // which the Chinese page and feed say in Chinese, the English page in English
    const zh = await (
      await fetch(`${t.url}/disclosures/${AGENCY}/pub-kind`, { headers: { accept: 'text/html' } })
    ).text();
    expect(zh).toContain('〔已依法删除〕（自然人）');
    expect(zh).not.toContain('[erased]');
    const { feed: erasedFeed } = await feed(`?agency=${AGENCY}`);
    const content = textOf(children(entryOf(erasedFeed, 'pub-kind', AGENCY)!, ATOM, 'content')[0]);
    expect(content).toContain('当事人：〔已依法删除〕、〔已依法删除〕');
    const en = await fetch(`${t.url}/disclosures/${AGENCY}/pub-kind?lang=en`, { headers: { accept: 'text/html' } });
    expect(await en.text()).toContain('[erased] (Person)');
    const erasedFile = await t.call('GET', `/v1/cases/pub-kind?consistentWith=${pos}`, { token: head });
    expect(erasedFile.body.parties.map((p: { name: string }) => p.name)).toEqual(['[erased]', '[erased]']);
    expect(JSON.stringify(erasedFile.body)).not.toContain('欧阳娜娜');
  });

  it('when a decision is exempted from publication, then it never appears in the list or the feed, and its case closes', async () => {
    await caseWith(officer, 'pub-secret', 'P-001', ['qi', 'qin'], [decide('县司罚〔2026〕6号')]);
    const exempted = await t.call('POST', '/v1/cases/pub-secret/acts', {
      token: head,
      body: {
        type: 'DisclosureExempted',
        occurredAt: at('12:00:00'),
        data: { ground: 'state_secret', legalBasis: '《保守国家秘密法》第二十八条', reason: '涉及国家秘密事项' },
      },
    });
    expect(exempted.status).toBe(201);
    const pos = await record(officer, 'pub-secret', {
      type: 'CaseClosed',
      occurredAt: at('13:00:00'),
      data: { closedOn: today },
    });
    const res = await t.call('GET', `/v1/disclosures?agency=${AGENCY}&consistentWith=${pos}`);
    const ids = [...res.body.items, ...res.body.withdrawals].map((i: { caseId: string }) => i.caseId);
    expect(ids).not.toContain('pub-secret');
    const atom = (await feed(`?agency=${AGENCY}`)).res.body as string;
    expect(atom).not.toMatch(/pub-secret|县司罚〔2026〕6号|保守国家秘密法|state_secret/);
    // the agency's case file shows the exemption, in the shape its published schema describes
    const file = await t.call('GET', `/v1/cases/pub-secret?consistentWith=${pos}`, { token: officer });
    expect(file.body.decision.exemption).toMatchObject({ ground: 'state_secret', exemptedOn: today });
    expect(() => validate('urn:evidence-ledger:schema:response:case-file', file.body)).not.toThrow();
  });
});

describe('the XML checker the feed tests rely on', () => {
  it.each([
    ['crossed tags', '<a><b></a></b>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>x & y</a>'],
    ['two roots', '<a/><b/>'],
    ['an undeclared prefix', '<x:a/>'],
    ['an unclosed element', '<a><b/>'],
    ['a control character', '<a>\u0001</a>'],
    ['a < in an attribute', '<a b="<"/>'],
  ])('refuses %s', (_what, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
  });

  it('accepts a namespaced document and resolves entities', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="utf-8"?>\n<f xmlns="urn:a" xmlns:t="urn:t"><t:d r="&lt;1&gt;"/>A&amp;B</f>',
    );
    expect([root.ns, root.name, textOf(root)]).toEqual(['urn:a', 'f', 'A&B']);
    expect(children(root, 'urn:t', 'd')[0]!.attrs).toEqual({ r: '<1>' });
  });
});
