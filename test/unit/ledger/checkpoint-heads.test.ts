import { checkpointBody, parseCheckpoint } from '../../../src/ledger/checkpoint.js';
import { HEADS_EXTENSION, headsExtension, headsRootOfCheckpoint } from '../../../src/ledger/checkpoint-heads.js';

const root = Buffer.alloc(32, 0xab);
const line = headsExtension(root);

describe('the heads extension line of a checkpoint', () => {
  it('when written, then it is the name, one space and the padded base64 root, after the root hash line', () => {
    expect(line).toBe(`evidence-ledger/heads/v1 ${root.toString('base64')}`);
    const body = checkpointBody({ origin: 'o.example/log', size: 3, rootHash: Buffer.alloc(32), extensions: [line] });
    expect(body.split('\n')).toEqual(['o.example/log', '3', Buffer.alloc(32).toString('base64'), line, '']);
    expect(headsRootOfCheckpoint(parseCheckpoint(body)!.extensions)).toEqual(root);
  });

  it('when a checkpoint has no heads line, then it commits to no heads (null), other lines ignored', () => {
    expect(headsRootOfCheckpoint([])).toBeNull();
    expect(headsRootOfCheckpoint(['some/other extension'])).toBeNull();
  });

  it('when the heads line is repeated or malformed, then the checkpoint commits to nothing usable (undefined)', () => {
    for (const bad of [
      [line, line],
      [line, headsExtension(Buffer.alloc(32))],
      [HEADS_EXTENSION],
      [`${HEADS_EXTENSION} ${root.toString('base64').slice(0, -1)}`],
      [`${HEADS_EXTENSION}  ${root.toString('base64')}`],
      [`${HEADS_EXTENSION} ${root.toString('base64')} x`],
      [`${HEADS_EXTENSION} ${root.toString('base64').slice(0, 42)}B=`], // non-canonical padding bits
    ]) {
      expect(headsRootOfCheckpoint(bad)).toBeUndefined();
    }
  });
});
