import fc from 'fast-check';
import type { Party } from '../../../src/domain/redaction.js';
import { maskPersonName, redactParty, redactPublic, scrubText } from '../../../src/domain/redaction.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

const codePoints = (text: string) => Array.from(text).length;

describe('maskPersonName', () => {
  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李', '*'],
    ['John Smith', 'J*** S****'],
    ["Mary-Jane O'Neil", 'M******** O*****'],
    ['  张三丰 ', '张**'],
    ['', ''],
    ['   ', ''],
  ])('when the name is %j, then it is published as %j', (name, expected) => {
    expect(maskPersonName(name)).toBe(expected);
  });

  it('when the name starts with a supplementary-plane character, then that character is kept whole', () => {
    expect(maskPersonName('𠀀明')).toBe('𠀀*');
    expect(maskPersonName('明𠀀')).toBe('明*');
  });

  it('when given any string, then the result has as many code points as the trimmed input', () => {
    const names = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.array(fc.stringMatching(/^[A-Za-z]{1,8}$/), { maxLength: 4 }).map((words) => words.join(' ')),
    );
    fc.assert(
      fc.property(names, (name) => {
        expect(codePoints(maskPersonName(name))).toBe(codePoints(name.trim()));
      }),
    );
  });
});

describe('redactParty', () => {
  const person: Party = {
    kind: 'person',
    name: '张三丰',
    idNumber: '11010519491231002X',
    phone: '13812345678',
    address: '北京市东城区某街1号',
  };

  it('when the party is an organization, then its name is published unchanged', () => {
    expect(redactParty({ kind: 'organization', name: '某某科技有限公司', phone: '010-12345678' })).toEqual({
      kind: 'organization',
      name: '某某科技有限公司',
    });
  });

  it('when the party is a person, then the name is masked and id, phone and address are dropped', () => {
    expect(redactParty(person)).toEqual({ kind: 'person', name: '张**' });
  });

  it('when the party carries members beyond its type, then they are dropped too', () => {
    const withExtra = { ...person, email: 'zhang@example.com' };
    expect(Object.keys(redactParty(withExtra))).toEqual(['kind', 'name']);
  });

  it('when given any person, then the output never carries the id, phone or address', () => {
    const persons = fc.record({
      kind: fc.constant('person' as const),
      name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
      idNumber: fc.stringMatching(/^\d{17}[\dX]$/),
      phone: fc.stringMatching(/^1[3-9]\d{9}$/),
      address: fc.string({ minLength: 1 }).map((rest) => `地址:${rest}`),
    });
    fc.assert(
      fc.property(persons, (party) => {
        const published = redactParty(party);
        expect(Object.keys(published).sort()).toEqual(['kind', 'name']);
        expect(Object.values(published)).not.toContain(party.idNumber);
        expect(Object.values(published)).not.toContain(party.phone);
        expect(Object.values(published)).not.toContain(party.address);
      }),
    );
  });
});

describe('scrubText', () => {
  it.each([
    ['an 18-character id ending in X', '身份证号11010519491231002X，', '身份证号[已删除]，'],
    ['an 18-character id ending in lowercase x', 'id 11010519491231002x', 'id [已删除]'],
    ['an 18-digit id', '证件号码：110105194912310021。', '证件号码：[已删除]。'],
    ['a 15-digit id', '旧证号110105491231002', '旧证号[已删除]'],
    ['a mobile number', '联系电话13812345678', '联系电话[已删除]'],
    ['a mobile number with +86', '电话+8613812345678。', '电话[已删除]。'],
    ['a mobile number with +86 and a space', '电话 +86 13812345678', '电话 [已删除]'],
    ['a mobile number with 86 and a hyphen', '电话86-13812345678', '电话[已删除]'],
    ['a landline with a 3-digit area code', '座机010-12345678', '座机[已删除]'],
    ['a landline with a 4-digit area code', '座机0571-8888123，', '座机[已删除]，'],
    ['an id in full-width digits', '身份证１１０１０１１９９００３０７１２３４号', '身份证[已删除]号'],
    ['an id ending in a full-width X', '身份证11010119900307123Ｘ', '身份证[已删除]'],
    ['an id in groups of 6, 8 and 4', '身份证110101 19900307 1234，', '身份证[已删除]，'],
    ['an id in hyphenated groups', '身份证110101-19900307-1234', '身份证[已删除]'],
    ['an id in groups of 6, 4, 4 and 4', '身份证 110101 1990 0307 123X', '身份证 [已删除]'],
    ['an id with its last 4 apart', '11010119900307 1234', '[已删除]'],
    ['a 15-digit id in groups', '旧证号110105 491231 002', '旧证号[已删除]'],
    ['a mobile number in full-width digits', '电话：１３８１２３４５６７８。', '电话：[已删除]。'],
    ['a mobile number in hyphenated groups', '手机138-1234-5678', '手机[已删除]'],
    ['a mobile number in spaced groups', '手机 138 1234 5678 联系', '手机 [已删除] 联系'],
    ['a mobile number with a full-width +86', '电话＋８６ １３８１２３４５６７８', '电话[已删除]'],
    ['a landline with the area code in parentheses', '座机(010)12345678', '座机[已删除]'],
    ['a landline with full-width parentheses', '座机（０３５１）1234567', '座机[已删除]'],
    ['a landline with a space', '座机010 12345678', '座机[已删除]'],
    ['a landline without a separator', '座机01012345678', '座机[已删除]'],
    ['a landline with a full-width hyphen', '座机0351－1234567', '座机[已删除]'],
    ['a landline with a dash', '座机0351—1234567', '座机[已删除]'],
    ['an email address', '邮箱zhang.san+1@example.com.cn。', '邮箱[已删除]。'],
    ['an email address with a full-width @', '邮箱zhangsan＠example.com', '邮箱[已删除]'],
  ])('when the text holds %s, then it is replaced', (_what, text, expected) => {
    expect(scrubText(text)).toBe(expected);
  });

  it.each([
    ['a 20-digit case number', '案号12345678901234567890'],
    ['a 19-digit number that starts like an id', '编号1101051949123100213'],
    ['an amount', '罚款5000元'],
    ['a date', '2019-09-27作出决定'],
    ['a postcode', '邮编100010'],
    ['a 12-digit number starting like a mobile', '138123456789'],
    ['a landline-shaped run with a 9-digit number', '0571-888812345'],
    ['a date in full-width digits', '２０１９－０９－２７作出决定'],
    ['an amount in full-width digits', '罚款５０００元'],
    ['a mobile-shaped run of 3, 4 and 5 digits', '编号138-1234-56789'],
    ['a 12-digit run in full-width digits starting like a mobile', '１３８１２３４５６７８９'],
    ['a case number with years and numbers', '县司罚〔2026〕12号，2026-12-01 10:30'],
  ])('when the text holds %s, then it is left untouched', (_what, text) => {
    expect(scrubText(text)).toBe(text);
  });

  it('when the text holds several identifiers, then each is replaced and the rest is kept', () => {
    expect(scrubText('当事人张三（身份证11010519491231002X，电话13812345678）于2019-09-27被罚款5000元。')).toBe(
      '当事人张三（身份证[已删除]，电话[已删除]）于2019-09-27被罚款5000元。',
    );
  });
});

describe('redactPublic', () => {
  const decision = {
    caseNumber: '京市监罚〔2019〕123号',
    fineFen: 500000,
    paid: false,
    appeal: null,
    summary: '当事人电话13812345678，于2019-09-27被罚款5000元。',
    confidential: ['ownerNote', 'formula'],
    ownerNote: '配方来源于某合作方',
    formula: 'secret',
    parties: [
      { kind: 'person', name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678', address: '某地' },
      { kind: 'organization', name: '某某科技有限公司', address: '某园区', licence: '91110000XXXXXXXXXX' },
    ],
    evidence: [
      { title: '询问笔录', phone: '010-12345678', notes: ['联系人座机010-12345678', 7] },
      { title: '检验报告', meta: { address: '某实验室', inspector: { idNumber: '110105491231002', rank: 2 } } },
    ],
  };

  it('when an object lists members as confidential, then those members and the list are removed', () => {
    const published = redactPublic(decision) as Record<string, unknown>;
    expect(published).not.toHaveProperty('confidential');
    expect(published).not.toHaveProperty('ownerNote');
    expect(published).not.toHaveProperty('formula');
  });

  it('when a nested object lists members as confidential, then only that object loses them', () => {
    const input = { formula: 'public', detail: { confidential: ['formula'], formula: 'secret', title: 't' } };
    expect(redactPublic(input)).toEqual({ formula: 'public', detail: { title: 't' } });
  });

  it('when given a decision, then identifiers are removed at every depth and everything else is kept', () => {
    expect(redactPublic(decision)).toEqual({
      caseNumber: '京市监罚〔2019〕123号',
      fineFen: 500000,
      paid: false,
      appeal: null,
      summary: '当事人电话[已删除]，于2019-09-27被罚款5000元。',
      parties: [
        { kind: 'person', name: '张**' },
        { kind: 'organization', name: '某某科技有限公司' },
      ],
      evidence: [
        { title: '询问笔录', notes: ['联系人座机[已删除]', 7] },
        { title: '检验报告', meta: { inspector: { rank: 2 } } },
      ],
    });
  });

  it('when a parties array holds elements that are not parties, then they are only redacted', () => {
    expect(redactPublic({ parties: ['电话13812345678', { role: 'x', phone: '1' }] })).toEqual({
      parties: ['电话[已删除]', { role: 'x' }],
    });
  });

  it('when given a scalar or an array at the top, then it is redacted the same way', () => {
    expect(redactPublic(42)).toBe(42);
    expect(redactPublic(null)).toBeNull();
    expect(redactPublic('电话13812345678')).toBe('电话[已删除]');
    expect(redactPublic([{ phone: '1', a: 1 }])).toEqual([{ a: 1 }]);
  });

  it('when the input is deeply frozen, then it is not mutated', () => {
    const input = deepFreeze(structuredClone(decision));
    const before = JSON.stringify(input);
    expect(() => redactPublic(input)).not.toThrow();
    expect(JSON.stringify(input)).toBe(before);
  });

  it('when an object has a member named __proto__, then the copy keeps it as data', () => {
    const published = redactPublic(JSON.parse('{"__proto__": {"phone": "1", "x": 1}}')) as object;
    expect(Object.getPrototypeOf(published)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(published, '__proto__')?.value).toEqual({ x: 1 });
  });
});
