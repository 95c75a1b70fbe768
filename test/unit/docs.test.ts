import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES } from '../../src/config.js';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe('documentation matches the code', () => {
  it.each(CONFIG_VARIABLES.map((v) => v.name))('docs/configuration.md documents %s', (name) => {
    expect(read('docs/configuration.md')).toContain(`\`${name}\``);
  });

  it('docs/configuration.md gives each variable the default the code and `ledger serve --help` give it', () => {
    const defaults = new Map(
      [...read('docs/configuration.md').matchAll(/^\| `([A-Z0-9_]+)` *\| *(.*?) *\|/gm)].map((m) => [
        m[1],
        m[2]!.replaceAll('`', ''),
      ]),
    );
    expect(CONFIG_VARIABLES.map((v) => [v.name, defaults.get(v.name)])).toEqual(
      CONFIG_VARIABLES.map((v) => [v.name, v.default]),
    );
  });

  it('docs/configuration.md documents no variable the code does not read', () => {
    const documented = [...read('docs/configuration.md').matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(CONFIG_VARIABLES.map((v) => v.name).sort());
  });

  it('the README shows exactly the two set-up commands', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it('.ci/run installs from the lockfile and runs the type-check, lint and the README test command', () => {
    const ci = read('.ci/run');
    for (const step of ['npm ci', 'npm run typecheck', 'npm run lint', 'npm test']) expect(ci).toContain(step);
  });

  it('docker-compose.yml wires the service with the variables of the configuration', () => {
    const compose = read('docker-compose.yml');
    for (const name of [
      'EVENTSTORE_URL',
      'S3_ENDPOINT',
      'S3_BUCKET',
      'S3_ACCESS_KEY_ID',
      'S3_SECRET_ACCESS_KEY',
      'LEDGER_DATA_DIR',
      'PORT',
    ]) {
      expect(compose).toContain(name);
    }
  });
});
