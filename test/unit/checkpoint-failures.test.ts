import { Writable } from 'node:stream';
import pino from 'pino';
import { checkpointFailureLogger } from '../../src/checkpoint-failures.js';
import { IntegrityFault, NotCaughtUp } from '../../src/errors.js';

function logged() {
  const lines: { level: number; msg: string; stream?: string; code?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as (typeof lines)[number]);
      done();
    },
  });
  return { lines, log: pino({ level: 'info' }, sink) };
}

describe('what the service logs when a checkpoint could not be issued', () => {
  it('when stored data fails its check before the checkpoint is signed, then INTEGRITY FAULT at error level, with where', () => {
    const { lines, log } = logged();
    checkpointFailureLogger(log)(
      new IntegrityFault('stream ledger-checkpoints: the head the store records is not its last stored event', {
        stream: 'ledger-checkpoints',
      }),
    );
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        code: 'integrity_fault',
        stream: 'ledger-checkpoints',
        msg: 'INTEGRITY FAULT: stored data failed its check and no checkpoint was signed; run `ledger check`',
      }),
    ]);
  });

  it('when the read models catch up, then info; any other failure, a warning to retry on schedule', () => {
    const { lines, log } = logged();
    const failed = checkpointFailureLogger(log);
    failed(new NotCaughtUp(10, 8));
    failed(new Error('the signer is busy'));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [30, 'checkpoint: not issued while the read models catch up'],
      [40, 'checkpoint: issuing failed; retrying on schedule'],
    ]);
  });
});
