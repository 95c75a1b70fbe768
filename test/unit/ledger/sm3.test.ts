import { sm3Hex } from '../../../src/ledger/sm3.js';
import { SUITES } from '../../../src/ledger/suite.js';
import { rootOf } from '../../../src/ledger/merkle.js';

/** GB/T 32905-2016 Appendix A: the two worked examples (also GM/T 0004-2012 Appendix A). */
describe('SM3', () => {
  it('when "abc" is hashed, then the digest is the standard example A.1', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('when "abcd" repeated 16 times (64 bytes, two blocks once padded) is hashed, then the digest is example A.2', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('when the SM2 suite builds a Merkle tree, then leaves and nodes are SM3 with the RFC 6962 prefixes', () => {
    const tree = SUITES.sm2.tree;
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    expect(tree.leaf(a).toString('hex')).toBe(sm3Hex(Buffer.concat([Buffer.from([0]), a])));
    const node = sm3Hex(Buffer.concat([Buffer.from([1]), tree.leaf(a), tree.leaf(b)]));
    expect(rootOf([tree.leaf(a), tree.leaf(b)], tree).toString('hex')).toBe(node);
    expect(tree.emptyRoot.toString('hex')).toBe(sm3Hex(''));
    expect(rootOf([tree.leaf(a), tree.leaf(b)]).toString('hex')).not.toBe(node);
  });
});
