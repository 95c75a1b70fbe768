import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';

/**
 * docker-compose.yml, checked without a Docker engine: against the Compose Specification's own JSON Schema (a copy
 * in test/fixtures/compose-spec, see SOURCE.md there), and for what a real host needs.
 */
const root = path.resolve(__dirname, '../..');
const compose = load(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as ComposeFile;
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  restart?: string;
  ports?: (string | { host_ip?: string; published?: string | number })[];
  environment?: Record<string, string>;
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
}
interface ComposeFile {
  services: Record<string, Service>;
}

const services = Object.entries(compose.services);
/** Services others wait for to complete (`service_completed_successfully`): one-shot set-up, not kept running. */
const oneShot = new Set(
  services.flatMap(([, s]) =>
    Object.entries(s.depends_on ?? {})
      .filter(([, d]) => d.condition === 'service_completed_successfully')
      .map(([name]) => name),
  ),
);

describe('docker-compose.yml', () => {
  it('when validated against the Compose Specification schema, then it is valid', () => {
    // the upstream schema names draft-07 by its https address; strict mode is off because it was written for
    // validators that accept union types without saying so
    const ajv = new Ajv({ allErrors: true, strict: false });
    const json = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as { $id?: string };
    const draft07 = json('node_modules/ajv/dist/refs/json-schema-draft-07.json');
    ajv.addMetaSchema({ ...draft07, $id: 'https://json-schema.org/draft-07/schema' });
    const schema = json('test/fixtures/compose-spec/compose-spec.json');
    const validate = ajv.compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    // and the schema does refuse what is not Compose
    expect(validate({ services: { ledger: { restart: ['always'] } } })).toBe(false);
  });

  it('when a port is published, then only on the loopback address', () => {
    const published = services.flatMap(([name, s]) => (s.ports ?? []).map((p) => [name, p] as const));
    expect(published.map(([name]) => name)).toEqual(expect.arrayContaining(['kurrentdb', 'minio']));
    for (const [name, port] of published) {
      const hostIp = typeof port === 'string' ? port.split(':').length === 3 && port.split(':')[0] : port.host_ip;
      expect([name, port, hostIp]).toEqual([name, port, '127.0.0.1']);
    }
  });

  it('when an image is named, then it is pinned to a version, never latest', () => {
    for (const [name, s] of services) {
      if (s.image === undefined) {
        expect([name, s.build]).toEqual([name, expect.anything()]);
        continue;
      }
      const tag = /:([^:/]+)$/.exec(s.image)?.[1];
      expect([name, tag]).toEqual([name, expect.stringMatching(/\d/)]);
      expect(tag).not.toMatch(/latest/i);
    }
  });

  it('when a service is long-running, then it restarts unless stopped; a one-shot set-up does not restart', () => {
    expect(oneShot).toEqual(new Set(['minio-init']));
    for (const [name, s] of services) {
      expect([name, s.restart]).toEqual([name, oneShot.has(name) ? 'no' : 'unless-stopped']);
    }
  });

  it('when the service is configured, then it uses its own MinIO user, never the root credentials', () => {
    const env = compose.services.ledger!.environment!;
    for (const [variable, value] of Object.entries(env)) {
      expect([variable, value]).toEqual([variable, expect.not.stringMatching(/MINIO_ROOT/)]);
    }
    expect(env.S3_ACCESS_KEY_ID).toMatch(/^\$\{LEDGER_S3_ACCESS_KEY:\?/);
    expect(env.S3_SECRET_ACCESS_KEY).toMatch(/^\$\{LEDGER_S3_SECRET_KEY:\?/);
    expect(env.LEDGER_LOG_ORIGIN).toMatch(/^\$\{LEDGER_LOG_ORIGIN:\?/);
  });

  it('when the service is configured, then the agency keeping the working-day calendar is the exported one, else none', () => {
    // empty counts as unset: nobody records a year until CALENDAR_AGENCY is exported (docs/configuration.md)
    expect(compose.services.ledger!.environment!.CALENDAR_AGENCY).toBe('${CALENDAR_AGENCY:-}');
  });

  it('when the public reaches it through the reverse proxy on the host, then the service believes the proxy, not the world', () => {
    // the proxy connects from the Docker network's gateway, a private address; the port is published on loopback only
    expect(compose.services.ledger!.environment!.TRUST_PROXY).toBe('uniquelocal');
  });

  it('when the set-up runs, then it gives that user a policy that reaches only the media bucket', () => {
    const script = compose.services['minio-init']!.command!.join('\n');
    const user = '"$$LEDGER_S3_ACCESS_KEY"';
    expect(script).toContain(`mc admin user add local ${user} "$$LEDGER_S3_SECRET_KEY"`);
    expect(script).toContain('mc admin policy create local ledger-media /tmp/ledger-media.json');
    expect(script).toContain(`mc admin policy attach local ledger-media --user ${user}`);
    const policy = JSON.parse(/<<'POLICY'\n([\s\S]*?)\n\s*POLICY\n/.exec(script)![1]!) as {
      Statement: { Effect: string; Action: string[]; Resource: string[] }[];
    };
    const bucket = compose.services.ledger!.environment!.S3_BUCKET;
    for (const { Effect, Action, Resource } of policy.Statement) {
      expect(Effect).toBe('Allow');
      for (const resource of Resource) expect(resource).toMatch(new RegExp(`^arn:aws:s3:::${bucket}(/|$)`));
      for (const action of Action) expect(action).toMatch(/^s3:(Get|Put|List|Abort|Delete)[A-Za-z]+$/);
      if (Action.some((a) => a.startsWith('s3:Delete'))) expect(Resource).toEqual([`arn:aws:s3:::${bucket}/tmp/*`]);
    }
  });

  it('when the secrets are kept in .env beside the file, then git ignores it', () => {
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toContain('.env');
  });

  it('when the README tells how to run it, then it says how to issue tokens there', () => {
    const production = readme.slice(readme.indexOf('## Production'));
    expect(production).toMatch(/docker compose exec (-\S+ )*ledger \S.* token --sub \S+ --agency \S+ --roles /);
  });
});
