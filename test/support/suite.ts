import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { isSuiteName, SUITES, type CryptoSuite } from '../../src/ledger/suite.js';

/**
 * The crypto suite the tests run in: LEDGER_CRYPTO_SUITE of the test run's environment (default ed25519). Services
 * started by the tests run in it, and so do the keys tests make themselves, so `npm run test:sm2` runs the integrity
 * tests on the SM2 suite.
 */
export const testSuite: CryptoSuite =
  SUITES[isSuiteName(process.env.LEDGER_CRYPTO_SUITE) ? process.env.LEDGER_CRYPTO_SUITE : 'ed25519'];

/** A fresh private key of the test run's suite (Ed25519, or SM2 on the SM2 suite). */
export function testPrivateKey(suite: CryptoSuite = testSuite): KeyObject {
  return suite.name === 'sm2'
    ? generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey
    : generateKeyPairSync('ed25519').privateKey;
}

/**
 * A size that depends on the test run's suite: on SM2, whose pure-TypeScript signatures cost milliseconds each,
 * tests that seal or verify many events use fewer of them, and still cover what they test.
 */
export function bySuite<T>(sizes: Readonly<Record<CryptoSuite['name'], T>>, suite: CryptoSuite = testSuite): T {
  return sizes[suite.name];
}
