import { itemStream } from '../../src/domain/registry/items.js';
import { officerStream } from '../../src/domain/registry/officers.js';
import { browse, csrfOf, Jar } from '../support/portal-session.js';
import { AGENCY, OTHER, startScreensService, type ScreensFixture } from '../support/screens.js';

let f: ScreensFixture;
let jar: Jar;

/** Registers through the API, as the agency's admin. */
async function register(route: string, body: object, agency = AGENCY) {
  const res = await f.t.call('POST', route, { token: f.t.token(`head-${agency}`, agency, ['admin']), body });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  f = await startScreensService();
  await register('/v1/officers', {
    officerId: 'dora',
    name: '丁一',
    agency: AGENCY,
    certificateNo: 'JS-2020-0007',
    validFrom: '2020-01-01',
    validTo: '2025-12-31',
    roles: ['reviewer', 'officer'],
    categories: ['司法行政'],
    legalQualification: { certificateNo: 'A2015', grantedOn: '2015-06-01' },
  });
  await register('/v1/items', {
    code: 'L-020',
    agency: AGENCY,
    name: '法律援助机构设立审核',
    category: 'licensing',
    legalBasis: '《法律援助法》第十二条',
    major: { fineFenAtLeast: 1_000_000, decisionTypes: ['license_revocation'] },
    reviewMaterials: ['申请书'],
    retention: 'permanent',
  });
  await register(
    '/v1/officers',
    {
      officerId: 'olaf',
      name: '欧阳',
      agency: OTHER,
      certificateNo: 'SC-1',
      validFrom: '2020-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    },
    OTHER,
  );
  await f.t.service.readModelsCaughtUp();
  jar = new Jar();
  expect((await browse(f.t.url, jar, '/signin/dev', { form: { token: f.admin } })).res.status).toBe(303);
}, 60_000);
afterAll(() => f.t.stop());

const OFFICER_FORM = '/admin/officers/dora/amendment';
const ITEM_FORM = '/admin/items/L-020/amendment';

const amendments = async (stream: string, type: string) =>
  (await f.t.service.events.readStream(stream)).map((r) => r.event).filter((e) => e.type === type);

/** The form as shown, filled in: its hidden fields and every field's value. */
async function shown(path: string) {
  const { res, text } = await browse(f.t.url, jar, path);
  expect(res.status).toBe(200);
  const values: Record<string, string | string[]> = {};
  for (const m of text.matchAll(/<input\s+type="(text|date|hidden)"[^>]*?name="([^"]+)"\s+value="([^"]*)"/g))
    values[m[2]!] = m[3]!;
  for (const m of text.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) values[m[1]!] = m[2]!;
  for (const m of text.matchAll(/<select[^>]*name="([^"]+)"[\s\S]*?<\/select>/g)) {
    values[m[1]!] = /<option value="([^"]*)" selected>/.exec(m[0])?.[1] ?? '';
  }
  for (const m of text.matchAll(/type="checkbox"\s+id="[^"]+"\s+name="([^"]+)"\s+value="([^"]+)"\s+checked/g)) {
    values[m[1]!] = [...[values[m[1]!] ?? []].flat(), m[2]!];
  }
  values._csrf = csrfOf(text);
  return { text, values };
}

describe("the administrator's amendment of a registered officer (修改登记信息)", () => {
  it("when the admin opens the officer's page, then it shows the record and links to the form, which is filled in with it", async () => {
    const page = await browse(f.t.url, jar, '/admin/officers/dora');
    expect(page.text).toContain('<dd>2020-01-01 至 2025-12-31</dd>');
    expect(page.text).toContain('<dd>法制审核人员、执法人员</dd>');
    expect(page.text).toContain('A2015（法律职业资格取得日期：2015-06-01）');
    expect(page.text).toContain(`<a href="${OFFICER_FORM}">修改登记信息</a>`);
    const { text, values } = await shown(OFFICER_FORM);
    expect(text).toContain('<h1>修改执法人员登记信息：丁一</h1>');
    expect(values).toMatchObject({
      'changes.name': '丁一',
      'changes.certificateNo': 'JS-2020-0007',
      'changes.validTo': '2025-12-31',
      'changes.roles': ['officer', 'reviewer'],
      'changes.categories': '司法行政',
      'changes.legalQualification.grantedOn': '2015-06-01',
      'changes.training': '',
      'changes.counsel': '',
      reason: '',
    });
    expect(values).not.toHaveProperty('changes.officerId');
  });

  it('when the certificate is renewed, then OfficerAmended names only what changed, with the reason, and the page says so', async () => {
    const { values } = await shown(OFFICER_FORM);
    const sent = {
      ...values,
      'changes.certificateNo': 'JS-2026-0107',
      'changes.validFrom': '2026-01-01',
      'changes.validTo': '2030-12-31',
      // the same roles in another order are no change
      'changes.roles': ['reviewer', 'officer'],
      reason: '换发执法证（2026 年第 3 批）',
    };
    const { res } = await browse(f.t.url, jar, OFFICER_FORM, { form: sent });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/officers\/dora\?amended=1&consistentWith=\d+$/);
    const events = await amendments(officerStream(AGENCY, 'dora'), 'OfficerAmended');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({
      changes: { certificateNo: 'JS-2026-0107', validFrom: '2026-01-01', validTo: '2030-12-31' },
      reason: '换发执法证（2026 年第 3 批）',
    });
    const page = await browse(f.t.url, jar, location);
    expect(page.text).toContain('<p class="notice" role="status">登记信息已修改，并已记入账本。</p>');
    expect(page.text).toContain('<dd>2026-01-01 至 2030-12-31</dd>');

    // sent again as it was: the same page, nothing more recorded
    const again = await browse(f.t.url, jar, OFFICER_FORM, { form: sent });
    expect(again.res.status).toBe(303);
    expect(await amendments(officerStream(AGENCY, 'dora'), 'OfficerAmended')).toHaveLength(1);
  });

  it('when nothing changed, a required member is emptied, or a registered qualification is cleared, then the form says so at the field and nothing is recorded', async () => {
    const before = (await amendments(officerStream(AGENCY, 'dora'), 'OfficerAmended')).length;
    const { values } = await shown(OFFICER_FORM);
    const same = await browse(f.t.url, jar, OFFICER_FORM, { form: { ...values, reason: '核对' } });
    expect(same.res.status).toBe(409);
    expect(same.text).toContain('内容与当前有效的相同，没有需要保存的修改。');
    const emptied = await browse(f.t.url, jar, OFFICER_FORM, {
      form: {
        ...values,
        'changes.name': '',
        'changes.legalQualification.certificateNo': '',
        'changes.legalQualification.grantedOn': '',
        reason: '更正',
      },
    });
    expect(emptied.res.status).toBe(400);
    expect(emptied.text).toContain('<a href="#f-changes-name">请填写“姓名”。</a>');
    expect(emptied.text).toContain(
      '<a href="#f-changes-legalQualification-certificateNo">“法律职业资格证书编号”已登记，不能清空；如需更正，请填写新的内容。</a>',
    );
    const reversed = await browse(f.t.url, jar, OFFICER_FORM, {
      form: { ...values, 'changes.validTo': '2019-12-31', reason: '更正' },
    });
    expect(reversed.res.status).toBe(422);
    expect(reversed.text).toContain('<a href="#f-changes-validTo">执法证有效期的截止日期早于起始日期。</a>');
    const noReason = await browse(f.t.url, jar, OFFICER_FORM, { form: { ...values, 'changes.name': '丁一一' } });
    expect(noReason.res.status).toBe(400);
    expect(noReason.text).toContain('<a href="#f-reason">请填写“修改理由”。</a>');
    expect(await amendments(officerStream(AGENCY, 'dora'), 'OfficerAmended')).toHaveLength(before);
  });

  it("when a training record is added, then the amendment holds the officer's records, and the page lists them", async () => {
    const { values } = await shown(`${OFFICER_FORM}?consistentWith=${await f.t.service.events.headPosition()}`);
    const { res } = await browse(f.t.url, jar, OFFICER_FORM, {
      form: { ...values, 'changes.training': '法制审核业务培训；2026-05-20；16', reason: '补录培训记录' },
    });
    expect(res.status).toBe(303);
    const events = await amendments(officerStream(AGENCY, 'dora'), 'OfficerAmended');
    expect(events.at(-1)!.data).toEqual({
      changes: { training: [{ course: '法制审核业务培训', completedOn: '2026-05-20', hours: 16 }] },
      reason: '补录培训记录',
    });
    const page = await browse(f.t.url, jar, res.headers.get('location')!);
    expect(page.text).toContain('法制审核业务培训（2026-05-20；16 学时）');
    const again = await shown(`${OFFICER_FORM}?consistentWith=${await f.t.service.events.headPosition()}`);
    expect(again.values['changes.training']).toBe('法制审核业务培训；2026-05-20；16');
  });

  it("when the categories are emptied, then the officer holds none; another agency's officer, a retired one, or another role is refused", async () => {
    const { values } = await shown(OFFICER_FORM);
    const { res } = await browse(f.t.url, jar, OFFICER_FORM, {
      form: { ...values, 'changes.categories': '', reason: '执法类别以新证为准' },
    });
    expect(res.status).toBe(303);
    const events = await amendments(officerStream(AGENCY, 'dora'), 'OfficerAmended');
    expect(events.at(-1)!.data).toMatchObject({ changes: { categories: [] } });

    expect((await browse(f.t.url, jar, '/admin/officers/olaf/amendment')).res.status).toBe(404);
    const posted = await browse(f.t.url, jar, '/admin/officers/olaf/amendment', {
      form: { ...values, reason: '越权' },
    });
    expect(posted.res.status).toBe(404);
    expect(await amendments(officerStream(OTHER, 'olaf'), 'OfficerAmended')).toEqual([]);

    const officer = new Jar();
    await browse(f.t.url, officer, '/signin/dev', { form: { token: f.alice } });
    expect((await browse(f.t.url, officer, OFFICER_FORM)).res.status).toBe(403);

    // retired: the page offers no amendment, and the form is not found; a form shown before, sent after, is told
    // why (409, as the API answers), and records nothing
    const stale = await shown('/admin/officers/bob/amendment');
    const retired = await f.t.call('POST', '/v1/officers/bob/retirement', {
      token: f.admin,
      body: { reason: '调离' },
    });
    expect(retired.status).toBe(201);
    const page = await browse(f.t.url, jar, `/admin/officers/bob?consistentWith=${retired.body.position}`);
    expect(page.text).not.toContain('/admin/officers/bob/amendment');
    expect((await browse(f.t.url, jar, '/admin/officers/bob/amendment')).res.status).toBe(404);
    const late = await browse(f.t.url, jar, '/admin/officers/bob/amendment', {
      form: { ...stale.values, 'changes.validTo': '2031-12-31', reason: '证件延期' },
    });
    expect(late.res.status).toBe(409);
    expect(late.text).toContain('这项登记已在您打开表单后注销（停用），不能再修改；本次提交未记录。');
    expect(late.text).not.toContain('name="reason"');
    expect(await amendments(officerStream(AGENCY, 'bob'), 'OfficerAmended')).toEqual([]);
  });
});

describe("the administrator's amendment of an enforcement item (修改执法事项)", () => {
  it("when the admin opens the item's page, then it shows the record, and the form is filled in with the sum in yuan and 永久", async () => {
    const page = await browse(f.t.url, jar, '/admin/items/L-020');
    expect(page.text).toContain('<dd>¥10,000.00</dd>');
    expect(page.text).toContain('<dd>吊销许可证件</dd>');
    expect(page.text).toContain('<dd>永久</dd>');
    expect(page.text).toContain(`<a href="${ITEM_FORM}">修改登记信息</a>`);
    const { values } = await shown(ITEM_FORM);
    expect(values).toMatchObject({
      'changes.name': '法律援助机构设立审核',
      'changes.category': 'licensing',
      'changes.major.fineFenAtLeast': '10000.00',
      'changes.major.decisionTypes': ['license_revocation'],
      'changes.reviewMaterials': '申请书',
      'changes.retention': '永久',
      'changes.reviewWorkingDays': '',
    });
  });

  it('when the criteria and time limits change, then ItemAmended holds the new criteria whole and the new days, and nothing else', async () => {
    const { values } = await shown(ITEM_FORM);
    const { res } = await browse(f.t.url, jar, ITEM_FORM, {
      form: {
        ...values,
        'changes.major.fineFenAtLeast': '20000',
        'changes.reviewWorkingDays': '10',
        'changes.reviewMaterials': '申请书\n章程草案',
        reason: '依据修订',
      },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/admin\/items\/L-020\?amended=1&consistentWith=\d+$/);
    const [event] = await amendments(itemStream(AGENCY, 'L-020'), 'ItemAmended');
    expect(event!.data).toEqual({
      changes: {
        major: { fineFenAtLeast: 2_000_000, decisionTypes: ['license_revocation'] },
        reviewMaterials: ['申请书', '章程草案'],
        reviewWorkingDays: 10,
      },
      reason: '依据修订',
    });

    // the criteria emptied: none; a registered time limit cannot be emptied
    const next = await shown(`${ITEM_FORM}?consistentWith=${await f.t.service.events.headPosition()}`);
    const cleared = await browse(f.t.url, jar, ITEM_FORM, {
      form: {
        ...next.values,
        'changes.major.fineFenAtLeast': '',
        'changes.major.decisionTypes': [],
        'changes.reviewWorkingDays': '',
        reason: '不再认定为重大',
      },
    });
    expect(cleared.res.status).toBe(400);
    expect(cleared.text).toContain('<a href="#f-changes-reviewWorkingDays">');
    const criteria = await browse(f.t.url, jar, ITEM_FORM, {
      form: {
        ...next.values,
        'changes.major.fineFenAtLeast': '',
        'changes.major.decisionTypes': [],
        reason: '不再认定为重大',
      },
    });
    expect(criteria.res.status).toBe(303);
    const events = await amendments(itemStream(AGENCY, 'L-020'), 'ItemAmended');
    expect(events.at(-1)!.data).toMatchObject({ changes: { major: {} } });
  });

  it('when the record changed after the form was shown, then the form sends only what it changed, and the other change stands', async () => {
    const { values } = await shown(ITEM_FORM);
    const renamed = await f.t.call('POST', '/v1/items/L-020/amendments', {
      token: f.admin,
      body: { changes: { name: '法律援助机构设立审批' }, reason: '名称以清单为准' },
    });
    expect(renamed.status).toBe(201);
    const { res } = await browse(f.t.url, jar, ITEM_FORM, {
      form: { ...values, 'changes.disclosureWorkingDays': '15', reason: '依据另有规定' },
    });
    expect(res.status).toBe(303);
    const events = await amendments(itemStream(AGENCY, 'L-020'), 'ItemAmended');
    expect(events.at(-1)!.data).toEqual({ changes: { disclosureWorkingDays: 15 }, reason: '依据另有规定' });
    const page = await browse(f.t.url, jar, res.headers.get('location')!);
    expect(page.text).toContain('<h1>执法事项：法律援助机构设立审批</h1>');
    expect(page.text).toContain('<dd>15 个工作日</dd>');
  });

  it('when the browser sends line breaks as CR LF, or the hidden copy is forged or nested past any bound, then only what the form changed is sent, and nothing fails', async () => {
    await register('/v1/items', {
      code: 'L-030',
      agency: AGENCY,
      name: '公证机构设立审核',
      category: 'licensing',
      legalBasis: '《公证法》第九条\n《公证机构执业管理办法》第十条',
      powers: '审核\n批准',
    });
    const path = `/admin/items/L-030/amendment?consistentWith=${await f.t.service.events.headPosition()}`;
    const { values } = await shown(path);
    const crlf = (text: unknown) => String(text).replace(/\n/g, '\r\n');
    const posted = await browse(f.t.url, jar, '/admin/items/L-030/amendment', {
      form: {
        ...values,
        'changes.legalBasis': crlf(values['changes.legalBasis']),
        'changes.powers': crlf(values['changes.powers']),
        'changes.reviewWorkingDays': '8',
        reason: '依据另有规定',
      },
    });
    expect(posted.res.status).toBe(303);
    const recorded = await amendments(itemStream(AGENCY, 'L-030'), 'ItemAmended');
    expect(recorded.at(-1)!.data).toEqual({ changes: { reviewWorkingDays: 8 }, reason: '依据另有规定' });

    // a copy that is not the form's: what equals the record now is not sent
    const forged = Buffer.from(JSON.stringify({ name: '别的名称', category: 'penalty' })).toString('base64url');
    const next = await shown(`/admin/items/L-030/amendment?consistentWith=${await f.t.service.events.headPosition()}`);
    const withForged = await browse(f.t.url, jar, '/admin/items/L-030/amendment', {
      form: { ...next.values, _shown: forged, 'changes.disclosureWorkingDays': '9', reason: '依据另有规定' },
    });
    expect(withForged.res.status).toBe(303);
    expect((await amendments(itemStream(AGENCY, 'L-030'), 'ItemAmended')).at(-1)!.data).toEqual({
      changes: { disclosureWorkingDays: 9 },
      reason: '依据另有规定',
    });
    // nested past every bound: read as no copy at all, the record as it is now
    const deep = Buffer.from(`{"name":${'['.repeat(20_000)}${']'.repeat(20_000)}}`).toString('base64url');
    const nested = await browse(f.t.url, jar, '/admin/officers/dora/amendment', {
      form: { ...(await shown(OFFICER_FORM)).values, _shown: deep, 'changes.name': '丁一二', reason: '更名' },
    });
    expect(nested.res.status).toBe(303);
    expect((await amendments(officerStream(AGENCY, 'dora'), 'OfficerAmended')).at(-1)!.data).toEqual({
      changes: { name: '丁一二' },
      reason: '更名',
    });
  });

  it('when the page is asked for in English, then the form is in English, with "permanent"', async () => {
    const { text, values } = await shown(`${ITEM_FORM}?lang=en`);
    expect(text).toContain('<h1>Amend the enforcement item: 法律援助机构设立审批</h1>');
    expect(values['changes.retention']).toBe('permanent');
    await browse(f.t.url, jar, `${ITEM_FORM}?lang=zh-CN`);
  });
});
