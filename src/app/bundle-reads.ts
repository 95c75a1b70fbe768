import { RuleViolation } from '../domain/errors.js';
import { InvalidQuery } from '../errors.js';
import type { EventStore } from '../ports/event-store.js';
import type { BundleExporter, PreparedBundle } from './bundle-export.js';
import { openedInLog, type CaseReads, type Retrieval } from './case-reads.js';
import { ProofUnavailable, type TransparencyLog } from './transparency-log.js';

export interface BundleReadsDependencies {
  readonly events: Pick<EventStore, 'readStream'>;
  readonly reads: CaseReads;
  readonly exporter: Pick<BundleExporter, 'prepare'>;
  /** The tree's size at the log's head, which no checkpoint a reader can trust passes. */
  readonly log: Pick<TransparencyLog, 'sizeAtHead'>;
}

export interface BundleOptions {
  /** A tree size the reader already trusts: the bundle then proves its checkpoint consistent with it. */
  readonly trustedSize?: number;
}

/**
 * Exports of evidence bundles (docs/integrity.md §13). The case is looked up in the log through
 * {@link CaseReads} (which agency's case the id means, scope, `404`/`409`), and the retrieval (`read_bundle`) is
 * recorded before the bundle is prepared, so the bundle holds its own access record. A tree size the log cannot
 * prove against is the reader's error (`400 invalid_query`, `reason` saying why): one larger than the tree at the
 * log's head, which no checkpoint has had, is refused before anything is recorded (no bundle was exported).
 */
export class BundleReads {
  constructor(private readonly deps: BundleReadsDependencies) {}

  async export(retrieval: Retrieval, options: BundleOptions): Promise<PreparedBundle> {
    const { caseId } = retrieval;
    if (options.trustedSize !== undefined) {
      const size = await this.deps.log.sizeAtHead();
      if (options.trustedSize > size) {
        throw new InvalidQuery(
          `trustedSize ${options.trustedSize} is beyond this log's tree of ${size} entries: no checkpoint of this log is that large`,
          { reason: 'tree_size_invalid' },
        );
      }
    }
    const { agency } = await this.deps.reads.retrieve(retrieval, openedInLog(this.deps.events, caseId));
    let bundle;
    try {
      bundle = await this.deps.exporter.prepare(agency, caseId, options);
    } catch (err) {
      if (err instanceof ProofUnavailable) throw new InvalidQuery(err.message, { reason: err.code });
      throw err;
    }
    if (!bundle) throw new RuleViolation('not_found', 404, `no case ${caseId}`);
    return bundle;
  }
}
