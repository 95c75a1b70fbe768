import type { InclusionStep } from './ledger-inclusion.js';

/**
 * The ledger badge's words, in the page's language (`<html lang>`). They live here, with the script, because the
 * badge is an enhancement of whichever page carries `#ledger-badge`, and reads nothing else from it.
 */
export interface BadgeText {
  readonly checking: string;
  readonly verified: (size: number, time: string) => string;
  readonly failed: (step: string) => string;
  readonly steps: Record<InclusionStep | 'fetch' | 'unsupported', string>;
}

export const BADGE_TEXT: Record<'zh-CN' | 'en', BadgeText> = {
  'zh-CN': {
    checking: '正在核验是否已记入账本……',
    verified: (size, time) => `已记入账本 · 检查点大小 ${size} · ${time}`,
    failed: (step) => `未能验证已记入账本：${step}`,
    steps: {
      fetch: '无法从账本获取公钥、检查点或包含证明',
      unsupported: '此浏览器无法验证 Ed25519 签名（需要较新的浏览器，并通过 HTTPS 访问）',
      keys: '账本公布的公钥无法读取',
      signature: '检查点的签名与账本公布的公钥不符',
      checkpoint: '检查点的内容格式不正确',
      proof: '包含证明的格式不正确，或不是该事件、该检查点的证明',
      leaf: '包含证明中的记录不是该事件',
      inclusion: '包含证明与检查点的根哈希不符',
    },
  },
  en: {
    checking: 'Checking that this is recorded in the ledger…',
    verified: (size, time) => `Recorded in the ledger · checkpoint size ${size} · ${time}`,
    failed: (step) => `Could not verify that this is recorded in the ledger: ${step}`,
    steps: {
      fetch: "the ledger's keys, checkpoint or inclusion proof could not be fetched",
      unsupported: 'this browser cannot verify Ed25519 signatures (it takes a recent browser, and the page over HTTPS)',
      keys: "the ledger's published keys could not be read",
      signature: "the checkpoint's signature does not match the ledger's published keys",
      checkpoint: 'the checkpoint is malformed',
      proof: 'the inclusion proof is malformed, or not of this event and checkpoint',
      leaf: 'the record the inclusion proof shows is not this event',
      inclusion: "the inclusion proof does not lead to the checkpoint's root hash",
    },
  },
};

export function badgeText(lang: string): BadgeText {
  return lang.toLowerCase().startsWith('en') ? BADGE_TEXT.en : BADGE_TEXT['zh-CN'];
}
