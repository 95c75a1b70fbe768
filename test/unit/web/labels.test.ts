import { localDate, localMinute, localMinuteWithOffset, sizeText } from '../../../src/web/pages/labels.js';
import { translator } from '../../../src/web/i18n.js';

describe("times in an agency's local time", () => {
  it('when an instant is written in UTC or with another offset, then it reads as the same local minute', () => {
    for (const instant of ['2026-06-14T17:30:00Z', '2026-06-14T17:30:00.250Z', '2026-06-15T01:30:00+08:00']) {
      expect(localMinute(instant, 480)).toBe('2026-06-15 01:30');
      expect(localMinuteWithOffset(instant, 480)).toBe('2026-06-15 01:30 +08:00');
      expect(localDate(instant, 480)).toBe('2026-06-15');
    }
    expect(localMinuteWithOffset('2026-06-15T01:30:00Z', -330)).toBe('2026-06-14 20:00 -05:30');
    expect(localDate('2026-06-15T01:30:00Z', -330)).toBe('2026-06-14');
  });

  it('when a value names no instant (no offset, or not a time), then it is shown as written', () => {
    expect(localMinuteWithOffset('2026-06-15T01:30', 480)).toBe('2026-06-15 01:30');
    expect(localDate('2026-06-15', 480)).toBe('2026-06-15');
    expect(localMinuteWithOffset('not a time', 480)).toBe('not a time');
  });
});

describe("files' sizes", () => {
  it('when a size is shown, then bytes below a kibibyte, else KB or MB with one decimal and the exact bytes beside', () => {
    const zh = translator('zh-CN');
    expect(sizeText(zh, 0)).toBe('0 字节');
    expect(sizeText(zh, 1023)).toBe('1023 字节');
    expect(sizeText(zh, 200_024)).toBe('195.3 KB（200,024 字节）');
    expect(sizeText(zh, 5 * 1024 * 1024)).toBe('5.0 MB（5,242,880 字节）');
    expect(sizeText(translator('en'), 76_633)).toBe('74.8 KB (76,633 bytes)');
  });
});
