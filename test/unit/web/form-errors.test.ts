import { RuleViolation } from '../../../src/domain/errors.js';
import { InvalidBody } from '../../../src/errors.js';
import type { FieldSpec } from '../../../src/web/forms/fields.js';
import { formErrorOf, sizeText } from '../../../src/web/forms/errors.js';
import { BlobTooLarge } from '../../../src/ports/blob-store.js';
import { translator } from '../../../src/web/i18n.js';

/*
 * What a form says of a refusal: what is wrong with each field (missing, a choice, a bound, how it is written), in the
 * reader's language, and for a rule, which officer or day it is about.
 */
const zh = translator('zh-CN');
const en = translator('en');
const FIELDS: FieldSpec[] = [
  { name: 'title', label: 'form.title', kind: 'text' },
  { name: 'data.decisionType', label: 'form.decisionType', kind: 'select' },
  { name: 'data.fineFen', label: 'form.fineYuan', kind: 'money' },
  { name: 'data.items', label: 'form.seizedItems', kind: 'lines' },
  { name: 'data.heldOn', label: 'form.heldOn', kind: 'date' },
  { name: 'officers', label: 'form.officers', kind: 'text' },
];
const refused = (...errors: object[]) =>
  new InvalidBody('refused', { pointer: (errors[0] as { pointer: string }).pointer, errors });

describe('the words of a refused form', () => {
  it.each([
    [{ pointer: '/title', kind: 'missing' }, '请填写“案由”。'],
    [{ pointer: '/data/decisionType', kind: 'missing' }, '请选择“决定类型”。'],
    [{ pointer: '/data/decisionType', kind: 'choice' }, '请选择“决定类型”。'],
    [{ pointer: '/data/fineFen', kind: 'too_large', limit: 100_000_000_00 }, '“罚款金额（元）”不能大于 100000000.00。'],
    [{ pointer: '/data/fineFen', kind: 'type' }, '“罚款金额（元）”应为金额（元），例如 1500 或 1500.50。'],
    [{ pointer: '/data/items', kind: 'too_long', limit: 100 }, '“查封扣押的财物”最多填写 100 项。'],
    // one line of the list too long: its characters, not the lines
    [{ pointer: '/data/items/3', kind: 'too_long', limit: 200 }, '“查封扣押的财物”太长：最多 200 个字。'],
    [{ pointer: '/data/heldOn', kind: 'format' }, '“听证日期”应为日期，例如 2026-03-02。'],
    [{ pointer: '/title', kind: 'too_long', limit: 200 }, '“案由”太长：最多 200 个字。'],
    [{ pointer: '/title', kind: 'other' }, '“案由”填写有误，请检查后重新填写。'],
    [{ pointer: '/title' }, '“案由”填写有误，请检查后重新填写。'],
  ])('when the schema reports %j, then the form says %p', (fault, message) => {
    expect(formErrorOf(zh, refused({ detail: 'x', ...fault }), FIELDS)).toMatchObject({ message });
  });

  it.each([
    [null, '尚未经法制审核：请先提请法制审核'],
    [{ outcome: 'returned' }, '法制审核已退回补充：请补充材料后重新提请法制审核'],
    [{ outcome: 'rejected' }, '可由机关负责人作出协调决定，或修改拟处理意见后重新提请法制审核'],
    [{ outcome: 'rejected', resolution: 'review_upheld' }, '不得按原拟处理意见作出决定'],
    [{ outcome: 'approved' }, '决定与审核通过的拟作决定一致'],
    [{ outcome: 'rejected', resolution: 'proposal_upheld' }, '决定与审核通过的拟作决定一致'],
  ])(
    'when a major decision is refused with the latest review %j, then the form says what to do next',
    (reviewed, said) => {
      const refusal = new RuleViolation('legal_review_required', 409, 'a major decision needs a passed legal review', {
        reviewed,
      });
      expect(formErrorOf(zh, refusal, FIELDS).message).toContain(said);
      // and in English, a sentence of its own for each
      expect(formErrorOf(en, refusal, FIELDS).message).not.toMatch(/^rule\./);
    },
  );

  it('when a major decision is refused while its review is requested and not given, then the form says to wait for it', () => {
    const refusal = new RuleViolation('legal_review_required', 409, 'x', { reviewed: null, reviewPending: true });
    expect(formErrorOf(zh, refusal, FIELDS).message).toBe('法制审核已提请、尚未完成：请待审核通过后再作出决定。');
  });

  it('when several fields are wrong, then each is named once, in the order of the form', () => {
    const error = formErrorOf(
      zh,
      refused(
        { pointer: '/data/heldOn', detail: 'x', kind: 'missing' },
        { pointer: '/title', detail: 'x', kind: 'missing' },
      ),
      FIELDS,
    );
    expect([error.field, ...(error.others ?? []).map((e) => e.field)]).toEqual(['title', 'data.heldOn']);
  });

  it('when several fields are wrong, then each is named once, the first first', () => {
    const error = formErrorOf(
      en,
      refused(
        { pointer: '/title', detail: 'x', kind: 'missing' },
        { pointer: '/data/decisionType', detail: 'x', kind: 'choice' },
      ),
      FIELDS,
    );
    expect(error).toEqual({
      message: 'Fill in "Subject of the case".',
      field: 'title',
      others: [{ message: 'Choose "Decision type".', field: 'data.decisionType' }],
    });
  });

  it('when a rule refuses an officer, then the sentence names the officer (and the day), at the officers field', () => {
    const certificate = new RuleViolation('certificate_invalid', 422, 'x', { officerId: 'bob', date: '2026-03-02' });
    expect(formErrorOf(zh, certificate, FIELDS)).toEqual({
      message: '执法人员 bob 的执法证在 2026-03-02 无效（尚未生效、已过期或被暂停），不能执法。',
      field: 'officers',
    });
    const unknown = new RuleViolation('officer_unknown', 422, 'x', { officerId: 'zed' });
    expect(formErrorOf(en, unknown, FIELDS).message).toBe(
      'Officer id zed is unknown or not of this agency: check the officer list.',
    );
    // one named who does not count toward the two is named, at the officers field
    const reviewer = new RuleViolation('two_officers_required', 422, 'x', {
      officers: ['alice'],
      notEnforcing: ['rita'],
    });
    expect(formErrorOf(zh, reviewer, FIELDS)).toEqual({
      message: 'rita 登记为法制审核或其他人员，不是执法人员，不计入；现场执法须有两名以上本机关执法人员在场。',
      field: 'officers',
    });
    const role = new RuleViolation('officer_role_required', 422, 'x', { officerId: 'rita', roles: ['reviewer'] });
    expect(formErrorOf(zh, role, FIELDS)).toMatchObject({
      field: 'officers',
      message: expect.stringContaining('rita'),
    });
    // the form names people by name where it knows them (the agency's officer list), by id where not
    const names: Record<string, string> = { bob: '李强', rita: '王芳' };
    const person = (id: string) => (names[id] ? `${names[id]}（${id}）` : id);
    expect(formErrorOf(zh, certificate, FIELDS, undefined, person).message).toBe(
      '执法人员 李强（bob） 的执法证在 2026-03-02 无效（尚未生效、已过期或被暂停），不能执法。',
    );
    const two = new RuleViolation('two_officers_required', 422, 'x', {
      officers: ['alice'],
      notEnforcing: ['rita', 'x1'],
    });
    expect(formErrorOf(zh, two, FIELDS, undefined, person).message).toMatch(/^王芳（rita）、x1 登记为法制审核/);
    const alone = new RuleViolation('two_officers_required', 422, 'x', { officers: ['alice'] });
    expect(formErrorOf(zh, alone, FIELDS).message).toBe(
      '现场执法须有两名以上本机关执法人员在场，请填写至少两名执法人员。',
    );
    // opening a case: its handling officers, not officers on site
    const opening = new RuleViolation('two_officers_required', 422, 'x', { officers: ['alice'], handling: true });
    expect(formErrorOf(zh, opening, FIELDS)).toEqual({
      message: '案件须由两名以上本机关执法人员承办，请填写至少两名承办人员。',
      field: 'officers',
    });
    const reviewerOpening = new RuleViolation('two_officers_required', 422, 'x', {
      officers: ['alice'],
      notEnforcing: ['rita'],
      handling: true,
    });
    expect(formErrorOf(zh, reviewerOpening, FIELDS, undefined, person).message).toBe(
      '王芳（rita） 登记为法制审核或其他人员，不是执法人员，不计入；案件须由两名以上本机关执法人员承办。',
    );
    expect(formErrorOf(en, opening, FIELDS).message).toBe(
      'A case is handled by two officers of the agency at least: name two officers.',
    );
  });

  it('when a file is over the upload limit, then the sentence gives the limit in words a reader knows', () => {
    expect(formErrorOf(zh, new BlobTooLarge(2_000_000), FIELDS).message).toBe(
      '上传的文件过大：每个文件不能超过 1.9 MB。',
    );
    expect(formErrorOf(en, new BlobTooLarge(4 * 1024 ** 3), FIELDS).message).toBe(
      'The file is too large: each file may be 4.0 GB at most.',
    );
    expect([sizeText(512), sizeText(2048), sizeText(1536 * 1024)]).toEqual(['512 B', '2 KB', '1.5 MB']);
  });

  it('when a review approves with checks not met, then the sentence names them by their labels', () => {
    const review = new RuleViolation('review_inconsistent', 422, 'x', {
      failed: ['documentsComplete', 'criminalReferralNeeded'],
    });
    expect(formErrorOf(zh, review, FIELDS).message).toBe(
      '审核通过时，前九项审核内容须全部符合，且无需移送司法机关；不符合的是：“执法文书完备规范”、“涉嫌犯罪，需移送司法机关”。',
    );
  });

  it('when a file is not what it is declared as, then the sentence says what it was declared', () => {
    const mismatch = (details: Record<string, unknown>) => new RuleViolation('media_type_mismatch', 422, 'x', details);
    expect(formErrorOf(zh, mismatch({}), FIELDS).message).toBe(
      '该文件不是可识别格式的音频或视频，不能作为音像记录上传。',
    );
    expect(formErrorOf(zh, mismatch({ image: true }), FIELDS).message).toMatch(/^该文件不是可识别格式的照片/);
    expect(formErrorOf(zh, mismatch({ pdf: true }), FIELDS).message).toBe('该文件不是 PDF 文书，不能作为 PDF 上传。');
  });

  it('when a decision gives a document number another case bears, then the sentence names the case, at the number', () => {
    const fields: FieldSpec[] = [...FIELDS, { name: 'data.documentNo', label: 'form.documentNo', kind: 'text' }];
    const taken = new RuleViolation('document_number_taken', 409, 'x', { heldBy: '2026-017' });
    expect(formErrorOf(zh, taken, fields)).toEqual({
      message: '本机关案件 2026-017 的决定已使用这一文书号：一个文书号只能用于一份决定。请核对文书号。',
      field: 'data.documentNo',
    });
    expect(formErrorOf(en, taken, fields).message).toContain('case 2026-017');
    // the drafting form names the decision's members without `data.`
    const drafting: FieldSpec[] = [{ name: 'documentNo', label: 'form.documentNo', kind: 'text' }];
    expect(formErrorOf(zh, taken, drafting).field).toBe('documentNo');
  });
});
