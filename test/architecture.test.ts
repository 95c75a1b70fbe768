import fs from 'node:fs';
import path from 'node:path';

/**
 * Layer rules of docs/architecture.md, checked over the source tree: dependencies point down only, the pure
 * layers do no I/O and read no clock, and each database client is imported by its adapter alone.
 */
const src = path.resolve(__dirname, '../src');
const projectionsDir = path.resolve(__dirname, '../projections');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') || entry.name.endsWith('.mjs') ? [full] : [];
  });
}

function layerOf(file: string): string {
  if (!path.relative(projectionsDir, file).startsWith('..')) return 'projections';
  const rel = path.relative(src, file).split(path.sep);
  if (rel.length === 1) return /^config(-[\w-]+)?\.ts$/.test(rel[0]!) ? 'config' : 'root';
  return rel[0]!;
}

/** What a file imports: `import … from`, `export … from`, a bare `import '…'` and `import('…')` of a literal. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
}

/** Which layers each layer may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  ledger: ['root:errors'],
  domain: ['ledger', 'root:errors'],
  ports: ['ledger', 'domain', 'root:errors'],
  // the read use cases read the documents the projections define
  app: ['ports', 'domain', 'ledger', 'projections', 'root:errors'],
  // src/folders.ts: `mkdir -p` without Node's recursive mkdir (which never returns under /proc), for every adapter
  // that makes its folders
  adapters: ['ports', 'domain', 'ledger', 'root:errors', 'root:folders'],
  // read-model definitions (top-level projections/): pure code over the domain, read by the read use cases
  projections: ['ports', 'domain', 'ledger'],
  http: ['app', 'ports', 'domain', 'ledger', 'projections', 'root:errors', 'config'],
  // the web portal: pages over the same read and write use cases as the API, sharing its HTTP plumbing
  web: ['app', 'ports', 'domain', 'ledger', 'projections', 'http', 'root:errors', 'config'],
  // the typed reading of the environment (src/config.ts and its parts, src/config-*.ts): pure checks of values
  config: ['domain', 'ledger', 'root:errors'],
  cli: ['*'],
  root: ['*'],
};
const PURE = ['ledger', 'domain', 'projections'];
// node-forge: pure JavaScript ASN.1, RSA and SHA-2, for RFC 3161 time-stamp tokens (docs/integrity.md §10)
const PURE_MODULES = ['node:crypto', 'node:buffer', 'node-forge'];
const DRIVERS: Record<string, string> = {
  'better-sqlite3': 'adapters/sqlite',
  '@eventstore/db-client': 'adapters/eventstoredb',
  '@aws-sdk/': 'adapters/s3',
};

const files = [...sourceFiles(src), ...sourceFiles(projectionsDir)];

describe('architecture', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [path.relative(src, f), f]))('%s imports only what its layer may', (_rel, file) => {
    const layer = layerOf(file);
    const violations: string[] = [];
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
        const targetLayer = layerOf(target);
        const name = targetLayer === 'root' ? `root:${path.basename(target, '.ts')}` : targetLayer;
        const allowed = ALLOWED[layer]!;
        if (targetLayer !== layer && !allowed.includes('*') && !allowed.includes(name)) violations.push(spec);
        if (layer === 'adapters' && targetLayer === 'adapters') {
          const own = path.relative(src, file).split(path.sep)[1];
          const other = path.relative(src, target).split(path.sep)[1];
          if (own !== other) violations.push(`${spec} (another adapter)`);
        }
        continue;
      }
      if (PURE.includes(layer) && !PURE_MODULES.includes(spec))
        violations.push(`${spec} (I/O or framework in a pure layer)`);
      for (const [driver, home] of Object.entries(DRIVERS)) {
        if (spec.startsWith(driver) && !path.relative(src, file).startsWith(home))
          violations.push(`${spec} (only ${home} may)`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('when a route or a page reads the read models, then it does so through a read use case of src/app, never the store', () => {
    const readModelsPort = path.join(src, 'ports', 'read-models.ts');
    const offenders = files
      .filter((f) => layerOf(f) === 'http' || layerOf(f) === 'web')
      .filter((f) =>
        importsOf(f).some(
          (spec) =>
            spec.startsWith('.') && path.resolve(path.dirname(f), spec.replace(/\.js$/, '.ts')) === readModelsPort,
        ),
      )
      .map((f) => path.relative(src, f));
    expect(offenders).toEqual([]);
  });

  it('the pure layers never read the clock', () => {
    const offenders = files
      .filter((f) => PURE.includes(layerOf(f)))
      .filter((f) => /new Date\(\)|Date\.now\(\)/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(src, f));
    expect(offenders).toEqual([]);
  });
});
