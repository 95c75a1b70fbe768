import { parseVerifierKey, NOTE_ED25519, NOTE_SM2, type NamedKey } from '../ledger/cosignature.js';
import type { Signer } from '../ledger/ed25519.js';
import { parseCheckpoint } from '../ledger/checkpoint.js';
import {
  judgeAddCheckpoint,
  parseAddCheckpoint,
  witnessedHeadsRoot,
  type Judgement,
  type RefusalKind,
} from '../ledger/witness-protocol.js';
import type { Clock } from '../ports/clock.js';
import type { Refusal, WitnessStore } from '../ports/witness-store.js';

export interface WitnessDependencies {
  readonly store: WitnessStore;
  readonly name: string;
  readonly signer: Signer;
  readonly clock: Clock;
  /** Told of every refusal recorded (a fork, a rollback, an inconsistent checkpoint). */
  readonly onRefusal?: (refusal: Refusal) => void;
  /**
   * Origins whose checkpoints may carry no `evidence-ledger/heads/v1` line (logs that are not evidence ledgers);
   * every other log's checkpoint must commit to its stream heads.
   */
  readonly plainOrigins?: readonly string[];
}

/** The witness's answer: a status, and the body (cosignature lines, a size, or a reason). */
export interface WitnessAnswer {
  readonly status: 200 | 400 | 403 | 404 | 409 | 422;
  readonly body: string;
  /** `text/x.tlog.size` for a 409 that carries the witness's size. */
  readonly sizeBody?: true;
  readonly refusal?: RefusalKind;
}

/**
 * A C2SP tlog-witness: cosigns a log's checkpoint only when its note verifies with a key configured for its origin
 * and a consistency proof shows it extends the checkpoint cosigned before; never trusts the log. Judging and
 * storing the new state happen in one store transaction. A validly signed checkpoint that contradicts the cosigned
 * one (smaller, same size and another root, or not consistent) is refused and recorded as evidence.
 */
export class Witness {
  constructor(private readonly deps: WitnessDependencies) {}

  addCheckpoint(body: string): WitnessAnswer {
    const request = parseAddCheckpoint(body);
    if (!request) return { status: 400, body: 'malformed add-checkpoint request\n' };
    const { store, clock, name, signer } = this.deps;
    const keysOf = new Map(store.logs().map((l) => [l.origin, l.keys]));
    const logKeys = (origin: string): NamedKey[] | undefined =>
      keysOf
        .get(origin)
        ?.map(parseVerifierKey)
        .filter((k) => k !== undefined && isLogKeyType(k.type))
        .map((k) => ({ name: k!.name, publicKey: k!.publicKey }));
    let recorded: Refusal | undefined;
    const judgement: Judgement = store.atomically(() => {
      const now = clock.now();
      const j = judgeAddCheckpoint({
        request,
        logKeys,
        latest: (origin) => store.latest(origin),
        witness: { name, signer },
        now: Math.floor(now.getTime() / 1000),
        allowsPlain: (o) => this.deps.plainOrigins?.includes(o) ?? false,
      });
      const origin = request.note.slice(0, request.note.indexOf('\n'));
      if (j.status === 200) {
        store.setLatest({
          origin,
          size: j.checkpoint.size,
          rootHash: j.checkpoint.rootHash.toString('base64'),
          headsRoot: witnessedHeadsRoot(j.checkpoint) ?? null,
          note: request.note,
          cosignature: j.cosignature.slice(0, -1),
          cosignedAt: now.toISOString(),
        });
      } else if (j.refusal) {
        const cosigned = store.latest(origin)!;
        const parsed = checkpointOf(request.note);
        recorded = store.recordRefusal({
          at: now.toISOString(),
          origin,
          kind: j.refusal,
          size: parsed.size,
          rootHash: parsed.rootHash,
          headsRoot: parsed.headsRoot,
          note: request.note,
          oldSize: request.oldSize,
          cosignedSize: cosigned.size,
          cosignedRootHash: cosigned.rootHash,
          cosignedHeadsRoot: cosigned.headsRoot,
        });
      }
      return j;
    });
    if (recorded) this.deps.onRefusal?.(recorded);
    if (judgement.status === 200) return { status: 200, body: judgement.cosignature };
    if (judgement.status === 409 && judgement.size !== undefined) {
      return {
        status: 409,
        body: `${judgement.size}\n`,
        sizeBody: true,
        ...(judgement.refusal ? { refusal: judgement.refusal } : {}),
      };
    }
    return {
      status: judgement.status,
      body: `${judgement.reason}\n`,
      ...(judgement.refusal ? { refusal: judgement.refusal } : {}),
    };
  }
}

/** A log signs its checkpoints with an Ed25519 (0x01) or, in the SM2 suite, an SM2 (0xff) note key. */
const isLogKeyType = (type: number) => type === NOTE_ED25519 || type === NOTE_SM2;

/**
 * Adds a log for a witness to follow: its note verifier key (type 0x01, or 0xff for a log of the SM2 suite), for
 * `origin` (default: the key's name, as the ledger signs its checkpoints under its origin). RangeError on a key or
 * origin that is not one.
 */
export function addWitnessLog(store: WitnessStore, key: string, origin?: string): { origin: string } {
  const o = witnessLogOrigin(key, origin);
  store.addLog(o, key);
  return { origin: o };
}

/**
 * The origin a log key (and the origin given with it, if any) names, checked: a RangeError saying what is wrong
 * when the key is not a log's note verifier key or the origin is not one line.
 */
export function witnessLogOrigin(key: string, origin?: string): string {
  const parsed = parseVerifierKey(key);
  if (!parsed || !isLogKeyType(parsed.type)) {
    throw new RangeError(
      'a log key is a note verifier key <name>+<key ID>+<base64(0x01 || Ed25519 key)> or, for a log of the SM2 ' +
        'suite, <name>+<key ID>+<base64(0xff || evidence-ledger/sm2-sm3/v1 || SM2 point)>',
    );
  }
  const o = origin ?? parsed.name;
  if (!o || o.includes('\n')) throw new RangeError('an origin is one non-empty line');
  return o;
}

/** Size, root and heads root of a note the judge already parsed (a refusal is only for a validly signed checkpoint). */
function checkpointOf(note: string): { size: number; rootHash: string; headsRoot: string | null } {
  const split = note.lastIndexOf('\n\n');
  const parsed = parseCheckpoint(note.slice(0, split + 1));
  return {
    size: parsed?.size ?? 0,
    rootHash: parsed?.rootHash.toString('base64') ?? '',
    headsRoot: (parsed && witnessedHeadsRoot(parsed)) ?? null,
  };
}
