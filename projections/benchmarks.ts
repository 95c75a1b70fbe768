import type { BenchmarkCircumstance, BenchmarkSet } from '../src/domain/registry/benchmarks.js';
import { benchmarkStream } from '../src/domain/registry/benchmarks.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';

/** What the public reads of a benchmark's version. */
export interface PublicBenchmark {
  agency: string;
  itemCode: string;
  basis: string;
  version: number;
  circumstances: BenchmarkCircumstance[];
  setAt: string;
  /** Why this version changed the benchmark (absent on the first). */
  reason?: string;
}

/** An item's discretion benchmark (裁量基准) as it stands: its current version. Key: {@link benchmarkKey}. */
export interface BenchmarkDoc extends Doc, PublicBenchmark {
  /** The admin who set it (kept off the public lists). */
  setBy: string;
}

/** One version of a benchmark, kept as it was set. Key: {@link benchmarkVersionKey}. */
export type BenchmarkVersionDoc = BenchmarkDoc;

export const BENCHMARKS = 'benchmarks';
export const BENCHMARK_VERSIONS = 'benchmark_versions';
export const benchmarkKey = (agency: string, itemCode: string): string => benchmarkStream(agency, itemCode);
/** The versions of a benchmark are the keys starting with `<benchmarkKey>/`, in order. */
export const benchmarkVersionKey = (key: string, version: number): string =>
  `${key}/${String(version).padStart(10, '0')}`;

/** The discretion benchmarks, from the `benchmark-<agency>:<itemCode>` streams: the current version and every version. */
export const benchmarksProjection: Projection = {
  name: 'benchmarks',
  version: 1,
  collections: [{ name: BENCHMARKS, indexes: ['agency', 'itemCode'] }, { name: BENCHMARK_VERSIONS }],
  apply({ event }): Change[] {
    const stream = parseAgencyStream(event.stream);
    if (stream?.category !== 'benchmark' || event.type !== 'DiscretionBenchmarkSet') return [];
    const data = event.data as unknown as BenchmarkSet['data'];
    const key = benchmarkKey(stream.agency, stream.id);
    const doc: BenchmarkDoc = {
      agency: stream.agency,
      itemCode: stream.id,
      basis: data.basis,
      version: data.version,
      circumstances: data.circumstances.map((c) => ({ ...c })),
      setAt: event.recordedAt,
      setBy: event.actor.sub,
    };
    const version: BenchmarkVersionDoc = { ...doc, ...(data.reason ? { reason: data.reason } : {}) };
    // the current version carries its reason too, so that the list says why it changed
    return [
      { collection: BENCHMARKS, key, doc: version },
      { collection: BENCHMARK_VERSIONS, key: benchmarkVersionKey(key, data.version), doc: version },
    ];
  },
};
