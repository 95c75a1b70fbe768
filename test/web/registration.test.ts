import { itemStream } from '../../src/domain/registry/items.js';
import { officerStream } from '../../src/domain/registry/officers.js';
import { browse, csrfOf, Jar, rowWithCode } from '../support/portal-session.js';
import { AGENCY, DAY, OTHER, startScreensService, type ScreensFixture } from '../support/screens.js';

let f: ScreensFixture;
let jar: Jar;

beforeAll(async () => {
  f = await startScreensService();
  jar = new Jar();
  expect((await browse(f.t.url, jar, '/signin/dev', { form: { token: f.admin } })).res.status).toBe(303);
}, 60_000);
afterAll(() => f.t.stop());

const OFFICER_FORM = '/admin/register-officer';
const ITEM_FORM = '/admin/register-item';

const recorded = async (stream: string) => (await f.t.service.events.readStream(stream)).map((r) => r.event);

/** The form as shown: its CSRF token and its submission key. */
async function shown(path: string, session = jar) {
  const { res, text } = await browse(f.t.url, session, path);
  expect(res.status).toBe(200);
  const key = /name="_submission" value="([^"]+)"/.exec(text)?.[1];
  expect(key).toMatch(/^[0-9a-f-]{36}$/);
  return { text, token: { _csrf: csrfOf(text), _submission: key! } };
}

/** Sends a form as shown (with its CSRF token and submission key, unless `keep` gives others). */
async function send(path: string, form: Record<string, string | string[]>, keep?: Record<string, string>) {
  const token = keep ?? (await shown(path)).token;
  return browse(f.t.url, jar, path, { form: { ...token, ...form } });
}

const OFFICER = {
  officerId: 'carol',
  name: '陈晓',
  certificateNo: 'JS-2026-0031',
  validFrom: '2026-01-01',
  validTo: '2030-12-31',
  roles: ['officer', 'reviewer'],
  categories: '司法行政\r\n\r\n 律师管理 ',
  'legalQualification.certificateNo': 'A20190001',
  'legalQualification.grantedOn': '2019-03-01',
  training: '法制审核业务培训；2026-05-20；16学时\r\n行政执法证件培训|2025-11-01',
  counsel: '',
};

describe("the administrator's registration of an officer (登记执法人员)", () => {
  it('when the admin opens the roster, then it links to the form, which asks for every member of POST /v1/officers in Chinese', async () => {
    const roster = await browse(f.t.url, jar, '/admin/officers');
    expect(roster.text).toContain(`<a class="button" href="${OFFICER_FORM}">登记执法人员</a>`);
    const { text } = await shown(OFFICER_FORM);
    expect(text).toContain('<h1>登记执法人员</h1>');
    expect(text).toContain(`<form method="post" action="${OFFICER_FORM}" novalidate>`);
    for (const label of ['人员编号', '姓名', '执法证号', '执法证有效期自', '执法证有效期至', '执法类别']) {
      expect(text).toMatch(new RegExp(`<label for="f-[\\w-]+">${label}</label>`));
    }
    // the roles as a group of boxes (a person's roles: no integration account), the counsel role to choose or not
    expect(text).toContain('<legend>职责</legend>');
    const roles = [...text.matchAll(/type="checkbox"\s+id="f-roles-\d"\s+name="roles"\s+value="(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(roles).toEqual(['officer', 'reviewer', 'supervisor', 'admin']);
    expect(text).toContain('<option value="legal_adviser" >法律顾问</option>');
    expect(text).toContain('<a href="/admin/officers">返回执法人员列表</a>');
  });

  it('when an officer (not the admin) asks for the form or posts it, then 403, and nothing is recorded', async () => {
    const officer = new Jar();
    await browse(f.t.url, officer, '/signin/dev', { form: { token: f.alice } });
    expect((await browse(f.t.url, officer, OFFICER_FORM)).res.status).toBe(403);
    const work = await browse(f.t.url, officer, '/work');
    const posted = await browse(f.t.url, officer, OFFICER_FORM, {
      form: { _csrf: csrfOf(work.text), ...OFFICER, officerId: 'intruder', roles: ['admin'] },
    });
    expect(posted.res.status).toBe(403);
    expect(await recorded(officerStream(AGENCY, 'intruder'))).toEqual([]);
  });

  it('when the form is sent empty, then every missing field is named at once with what was typed kept, and nothing is recorded', async () => {
    const { res, text } = await send(OFFICER_FORM, { officerId: 'dave', name: '' });
    expect(res.status).toBe(400);
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(text)![0];
    const named = [...summary.matchAll(/<a href="#(f-[\w-]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(named).toEqual([
      'f-name 请填写“姓名”。',
      'f-certificateNo 请填写“执法证号”。',
      'f-validFrom 请填写“执法证有效期自”。',
      'f-validTo 请填写“执法证有效期至”。',
      'f-roles 请选择“职责”。',
    ]);
    expect(text).toContain('id="f-officerId" name="officerId" value="dave"');
    expect(await recorded(officerStream(AGENCY, 'dave'))).toEqual([]);
  });

  it('when a validity ends before it starts, a legal qualification lacks its day, or the id is not one, then the field at fault is named and nothing is recorded', async () => {
    const backwards = await send(OFFICER_FORM, { ...OFFICER, officerId: 'erin', validTo: '2025-12-31' });
    expect(backwards.res.status).toBe(422);
    expect(backwards.text).toContain('<a href="#f-validTo">执法证有效期的截止日期早于起始日期。</a>');
    const half = await send(OFFICER_FORM, { ...OFFICER, officerId: 'erin', 'legalQualification.grantedOn': '' });
    expect(half.res.status).toBe(400);
    expect(half.text).toContain('<a href="#f-legalQualification-grantedOn">请填写“法律职业资格取得日期”。</a>');
    const badId = await send(OFFICER_FORM, { ...OFFICER, officerId: '张 三' });
    expect(badId.res.status).toBe(400);
    expect(badId.text).toContain('<a href="#f-officerId">');
    // a system's role, sent by hand (the form offers a person's only)
    const system = await send(OFFICER_FORM, { ...OFFICER, officerId: 'erin', roles: ['officer', 'integration'] });
    expect(system.res.status).toBe(422);
    expect(system.text).toContain('<a href="#f-roles">“系统对接”是其他系统令牌的角色，不能登记为执法人员的职责。</a>');
    // a training record's line that is not one: the field is named
    const training = await send(OFFICER_FORM, { ...OFFICER, officerId: 'erin', training: '培训了很多次' });
    expect(training.res.status).toBe(400);
    expect(training.text).toContain('<a href="#f-training">“培训记录”的写法不符合要求，请对照说明填写。</a>');
    expect(await recorded(officerStream(AGENCY, 'erin'))).toEqual([]);
  });

  it('when the admin registers an officer, then OfficerRegistered holds the form in the agency, the roster names them, the public list shows them, and the form sent twice records once', async () => {
    const { token } = await shown(OFFICER_FORM);
    const first = await send(OFFICER_FORM, OFFICER, token);
    expect(first.res.status).toBe(303);
    const location = first.res.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/officers\?registered=carol&consistentWith=\d+$/);
    const events = await recorded(officerStream(AGENCY, 'carol'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'OfficerRegistered',
      actor: { agency: AGENCY, roles: ['admin'] },
      data: {
        officerId: 'carol',
        name: '陈晓',
        agency: AGENCY,
        certificateNo: 'JS-2026-0031',
        validFrom: '2026-01-01',
        validTo: '2030-12-31',
        roles: ['officer', 'reviewer'],
        categories: ['司法行政', '律师管理'],
        legalQualification: { certificateNo: 'A20190001', grantedOn: '2019-03-01' },
        training: [
          { course: '法制审核业务培训', completedOn: '2026-05-20', hours: 16 },
          { course: '行政执法证件培训', completedOn: '2025-11-01' },
        ],
      },
    });
    expect(events[0]!.data).not.toHaveProperty('counsel');

    const roster = await browse(f.t.url, jar, location);
    expect(roster.text).toContain('执法人员陈晓（carol）已登记，并已记入账本。');
    expect(rowWithCode(roster.text, 'carol')).toBe('carol 陈晓 JS-2026-0031 2026-01-01 至 2030-12-31 在岗 管理');
    const listed = await f.t.call('GET', `/v1/officers?agency=${AGENCY}`);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({
        name: '陈晓',
        certificateNo: 'JS-2026-0031',
        categories: ['司法行政', '律师管理'],
        status: 'active',
      }),
    );

    // sent again as it was (a double click, a resend): the same page, nothing more recorded
    const again = await send(OFFICER_FORM, OFFICER, token);
    expect([again.res.status, again.res.headers.get('location')]).toEqual([303, location]);
    expect(await recorded(officerStream(AGENCY, 'carol'))).toHaveLength(1);

    // a new form with the same id: refused by the rules, the field named; the other agency may use the id
    const taken = await send(OFFICER_FORM, { ...OFFICER, name: '陈二' });
    expect(taken.res.status).toBe(409);
    expect(taken.text).toContain('<a href="#f-officerId">本机关已登记该人员编号。</a>');
    expect(taken.text).toContain('value="陈二"');
    expect(await recorded(officerStream(OTHER, 'carol'))).toEqual([]);

    // another id under carol's certificate number: refused, the number's field named with its holder
    const sameCertificate = await send(OFFICER_FORM, { ...OFFICER, officerId: 'chen', name: '陈三' });
    expect(sameCertificate.res.status).toBe(409);
    expect(sameCertificate.text).toContain(
      '<a href="#f-certificateNo">本机关另一名在岗执法人员（carol）已登记这一执法证号。请核对证号：一个执法证号只能对应一名执法人员。</a>',
    );
    expect(await recorded(officerStream(AGENCY, 'chen'))).toEqual([]);
  });

  it('when the officer registered is a legal adviser, then the counsel role is recorded with them', async () => {
    const { res } = await send(OFFICER_FORM, {
      ...OFFICER,
      officerId: 'gao',
      name: '高律师',
      certificateNo: 'JS-2026-0032',
      roles: ['reviewer'],
      categories: '',
      counsel: 'public_lawyer',
    });
    expect(res.status).toBe(303);
    const [event] = await recorded(officerStream(AGENCY, 'gao'));
    expect(event!.data).toMatchObject({ roles: ['reviewer'], counsel: 'public_lawyer' });
    expect(event!.data).not.toHaveProperty('categories');
  });

  it('when the form sent is larger than a form may be, then the page says so (413), as the API says too_large, and nothing is recorded', async () => {
    const { token } = await shown(OFFICER_FORM);
    const huge = await send(
      OFFICER_FORM,
      { ...OFFICER, officerId: 'huge', categories: '类别\n'.repeat(60_000) },
      token,
    );
    expect(huge.res.status).toBe(413);
    expect(huge.res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(huge.text).toContain('<h1>提交的内容过大</h1>');
    const json = await browse(f.t.url, jar, OFFICER_FORM, {
      form: { ...token, ...OFFICER, officerId: 'huge', categories: '类别\n'.repeat(60_000) },
      headers: { accept: 'application/json' },
    });
    expect([json.res.status, JSON.parse(json.text).code]).toEqual([413, 'too_large']);
    expect(await recorded(officerStream(AGENCY, 'huge'))).toEqual([]);
  });

  it('when the form is sent without its CSRF token, then 403 and nothing is recorded', async () => {
    const { token } = await shown(OFFICER_FORM);
    const forged = await send(OFFICER_FORM, { ...OFFICER, officerId: 'forged' }, { _submission: token._submission });
    expect(forged.res.status).toBe(403);
    expect(await recorded(officerStream(AGENCY, 'forged'))).toEqual([]);
  });
});

const ITEM = {
  code: 'L-010',
  name: '基层法律服务所设立审核',
  category: 'licensing',
  field: '法律服务',
  legalBasis: '《基层法律服务所管理办法》第十条',
  duties: '审核基层法律服务所的设立申请',
  powers: '',
  'major.fineFenAtLeast': '5,000.50 元',
  'major.decisionTypes': ['license_revocation', 'business_suspension'],
  reviewMaterials: '申请书\n 证明材料 \n',
  reviewWorkingDays: '１０',
  disclosureWorkingDays: '',
  retention: '永久',
};

describe("the administrator's registration of an enforcement item (登记执法事项)", () => {
  it('when the admin opens the items, then they link to the form, which offers the categories and the kinds of decision', async () => {
    const items = await browse(f.t.url, jar, '/admin/items');
    expect(items.text).toContain(`<a class="button" href="${ITEM_FORM}">登记执法事项</a>`);
    const { text } = await shown(ITEM_FORM);
    expect(text).toContain('<h1>登记执法事项</h1>');
    expect(text).toContain('<option value="licensing" >行政许可</option>');
    expect(text).toContain('<legend>重大执法决定：决定种类</legend>');
    expect(text).toContain('<label for="f-major-decisionTypes-0">警告</label>');
    expect(text).toMatch(/id="f-major-fineFenAtLeast" name="major.fineFenAtLeast" value=""\s+inputmode="decimal"/);
    expect(text).toMatch(/id="f-reviewWorkingDays" name="reviewWorkingDays" value=""\s+inputmode="numeric"/);
  });

  it('when the admin registers an item, then ItemRegistered holds it with the sum in fen, the days as numbers and the lists, the list names it, and a case opens under it', async () => {
    const { res } = await send(ITEM_FORM, ITEM);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/items\?registered=L-010&consistentWith=\d+$/);
    const events = await recorded(itemStream(AGENCY, 'L-010'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'ItemRegistered', actor: { agency: AGENCY } });
    expect(events[0]!.data).toEqual({
      code: 'L-010',
      agency: AGENCY,
      name: '基层法律服务所设立审核',
      category: 'licensing',
      field: '法律服务',
      legalBasis: '《基层法律服务所管理办法》第十条',
      duties: '审核基层法律服务所的设立申请',
      major: { fineFenAtLeast: 500_050, decisionTypes: ['license_revocation', 'business_suspension'] },
      reviewMaterials: ['申请书', '证明材料'],
      reviewWorkingDays: 10,
      retention: 'permanent',
    });
    const list = await browse(f.t.url, jar, location);
    expect(list.text).toContain('执法事项“基层法律服务所设立审核”（L-010）已登记，并已记入账本。');
    expect(rowWithCode(list.text, 'L-010')).toBe('L-010 基层法律服务所设立审核 行政许可 有效 管理');

    const opened = await f.t.call('POST', '/v1/cases', {
      token: f.alice,
      body: {
        caseId: 'under-registered',
        itemCode: 'L-010',
        title: '设立申请审核',
        openedOn: DAY,
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某某法律服务所' }],
      },
    });
    expect(opened.status).toBe(201);

    const taken = await send(ITEM_FORM, { ...ITEM, name: '另一个事项' });
    expect(taken.res.status).toBe(409);
    expect(taken.text).toContain('<a href="#f-code">本机关已登记该事项编码。</a>');
  });

  it('when the category is not chosen, the retention is not a period, a time limit is past its bound and a sum is not one, then each is named at once and nothing is recorded', async () => {
    const { res, text } = await send(ITEM_FORM, {
      ...ITEM,
      code: 'L-011',
      category: '',
      retention: '很久',
      reviewWorkingDays: '99',
      'major.fineFenAtLeast': '10,00',
    });
    expect(res.status).toBe(400);
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(text)![0];
    const named = [...summary.matchAll(/<a href="#(f-[\w-]+)">/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(['f-category', 'f-major-fineFenAtLeast', 'f-retention', 'f-reviewWorkingDays'].sort());
    expect(summary).toContain('请选择“执法类别”');
    // a box typed into, whose value is one of a few: as its hint says, not "choose from the options"
    expect(summary).toContain('“案卷保管期限”的写法不符合要求，请对照说明填写。');
    // what was typed stays, the boxes ticked too
    expect(text).toContain('value="很久"');
    expect(text).toMatch(/value="license_revocation"\s+checked/);
    expect(await recorded(itemStream(AGENCY, 'L-011'))).toEqual([]);
  });

  it('when the pages are asked for in English, then they render in English', async () => {
    const officer = await browse(f.t.url, jar, `${OFFICER_FORM}?lang=en`);
    expect(officer.text).toContain('<h1>Register an officer</h1>');
    expect(officer.text).toContain('<label for="f-roles-1">Legal reviewer</label>');
    const item = await browse(f.t.url, jar, ITEM_FORM);
    expect(item.text).toContain('<h1>Register an enforcement item</h1>');
    expect(item.text).toContain('<button type="submit">Register</button>');
    await browse(f.t.url, jar, `${ITEM_FORM}?lang=zh-CN`);
  });
});
