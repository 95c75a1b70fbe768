import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { loadOrCreateKeys } from '../../src/adapters/keys/file-keyring.js';
import { verifierKey } from '../../src/ledger/checkpoint.js';
import { seedAgency, startTestService, testSuite, type TestService } from './service.js';
import { makeTsaPki, startLoopbackTsa, type LoopbackTsa, type TsaPki } from './tsa.js';
import { startWitness, type WitnessProcess } from './witness.js';

/**
 * A ledger whose checkpoints are cosigned by real witnesses (`ledger witness serve`, child processes on loopback)
 * and, when asked, time-stamped by a real TSA (OpenSSL's `ts -reply` on loopback): the trust inputs a verifier
 * is given (the ledger's key, the witnesses' verifier keys, the TSA's CA) as files and strings.
 */
export interface TrustedLedger {
  readonly t: TestService;
  readonly officer: string;
  readonly agency: string;
  readonly witnesses: readonly WitnessProcess[];
  /** The witnesses' cosignature verifier keys, in order. */
  readonly witnessKeys: readonly string[];
  /** The ledger's event key as PEM, in a file. */
  readonly keyFile: string;
  /** The TSA's CA certificate (PEM file), when a TSA stamps the checkpoints. */
  readonly tsaCaFile?: string;
  /** Another CA's certificate, which certified no TSA of this ledger. */
  readonly foreignCaFile?: string;
  readonly dir: string;
  stop(): Promise<void>;
}

export async function startTrustedLedger(options: {
  origin: string;
  witnesses: readonly string[];
  tsa?: boolean;
  env?: Record<string, string>;
}): Promise<TrustedLedger> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-trusted-'));
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  const { eventSigner } = loadOrCreateKeys(path.join(dataDir, 'keys'), systemClock, testSuite.name);
  const keyFile = path.join(dir, 'ledger-key.pem');
  fs.writeFileSync(keyFile, eventSigner.publicKey.export({ type: 'spki', format: 'pem' }));
  const noteKey = verifierKey(options.origin, eventSigner.publicKey);
  let pki: TsaPki | undefined;
  let tsa: LoopbackTsa | undefined;
  const witnesses: WitnessProcess[] = [];
  try {
    if (options.tsa) {
      pki = await makeTsaPki();
      tsa = await startLoopbackTsa(pki);
    }
    for (const name of options.witnesses) witnesses.push(await startWitness({ logs: [noteKey], name }));
    const t = await startTestService({
      LEDGER_DATA_DIR: dataDir,
      LEDGER_LOG_ORIGIN: options.origin,
      CHECKPOINT_EVERY_EVENTS: '1000000',
      WITNESSES: witnesses.map((w) => `${w.url} ${w.verifierKey}`).join(','),
      WITNESS_RETRY_MAX_SECONDS: '1',
      WITNESS_BUNDLE_WAIT_MS: '60000',
      ...(tsa && pki ? { TSA_URLS: tsa.url, TSA_CA_FILES: pki.caFile } : {}),
      ...options.env,
    });
    const agency = 'county-justice';
    const { officer } = await seedAgency(t, agency);
    return {
      t,
      officer,
      agency,
      witnesses,
      witnessKeys: witnesses.map((w) => w.verifierKey),
      keyFile,
      ...(pki ? { tsaCaFile: pki.caFile, foreignCaFile: pki.foreignCaFile } : {}),
      dir,
      async stop() {
        await t.stop();
        for (const w of witnesses) await w.remove();
        await tsa?.close();
        pki?.remove();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    for (const w of witnesses) await w.remove();
    await tsa?.close();
    pki?.remove();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Opens a case decided on `decidedOn` and disclosed on `publishedOn` (dates in the agency's time). */
export async function disclosedCase(l: TrustedLedger, caseId: string, decidedOn: string, publishedOn: string) {
  const call = async (url: string, body: unknown) => {
    const res = await l.t.call('POST', url, { token: l.officer, body });
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await call('/v1/cases', {
    caseId,
    itemCode: 'P-001',
    title: '某律所未公示执业信息案',
    openedOn: decidedOn,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某律师事务所' }],
  });
  const data = {
    decisionType: 'warning',
    legalBasis: '《律师法》第五十条',
    documentNo: `司罚〔${caseId}〕`,
    decidedOn,
  };
  await call(`/v1/cases/${caseId}/acts`, {
    type: 'DecisionIssued',
    occurredAt: `${decidedOn}T00:00:10+08:00`,
    data,
  });
  await call(`/v1/cases/${caseId}/acts`, {
    type: 'DecisionDisclosed',
    occurredAt: `${publishedOn}T00:00:10+08:00`,
    data: { publishedOn },
  });
}

/**
 * Issues a checkpoint over everything so far and waits (generously) until every witness cosigned it and, with a
 * TSA, until it is time-stamped; returns it as `GET /v1/ledger/checkpoints` lists it.
 */
export async function attestAll(l: TrustedLedger): Promise<Record<string, unknown> & { size: number }> {
  const { size } = (await l.t.call('GET', '/v1/ledger/checkpoint')).body as { size: number };
  const names = l.witnesses.map((w) => w.verifierKey.slice(0, w.verifierKey.indexOf('+')));
  for (let i = 0; i < 1200; i++) {
    const list = await l.t.call('GET', '/v1/ledger/checkpoints?limit=5');
    const found = list.body.items.find((c: { size: number }) => c.size === size) as
      { size: number; timestamps: unknown[]; cosignatures: { witness: string }[] } | undefined;
    const cosigned = names.every((n) => found?.cosignatures.some((c) => c.witness === n));
    if (found && cosigned && (!l.tsaCaFile || found.timestamps.length > 0)) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the checkpoint of size ${size} was not attested within two minutes`);
}

export async function bundleOf(l: TrustedLedger, caseId: string): Promise<Buffer> {
  const res = await fetch(`${l.t.url}/v1/cases/${caseId}/bundle`, {
    headers: { authorization: `Bearer ${l.officer}` },
  });
  if (res.status !== 200) throw new Error(`exporting ${caseId}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
