import fs from 'node:fs';
import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import type { BundleReport } from '../../src/ledger/bundle-verify.js';
import { runCli } from '../support/cli.js';
import { parseCsv } from '../support/csv.js';
import {
  attestAll,
  bundleOf,
  disclosedCase,
  startTrustedLedger,
  type TrustedLedger,
} from '../support/trusted-ledger.js';

/**
 * Witness cosignature timestamps as attested time (docs/integrity.md §15.5), with no TSA: two real witnesses cosign
 * the checkpoints, and the service (quorum: both, the default of WITNESS_QUORUM), the supervision CSV and
 * `ledger verify` (with --witness/--quorum) state the same time: the later of the two witnesses' earliest
 * cosignatures of a checkpoint covering the disclosure.
 */

const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
/** The agencies' date today (UTC+8): a decision taken today is due days after any cosignature now. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

let l: TrustedLedger;
let onTime: Buffer;
let late: Buffer;
let cosigned: { size: number; cosignatures: { witness: string; timestamp: number }[] };

beforeAll(async () => {
  l = await startTrustedLedger({
    origin: 'ledger.example.gov.cn/witness-time',
    witnesses: ['procuratorate.test/witness', 'court.test/witness'],
  });
  await disclosedCase(l, 'WT-ON-TIME', today, today);
  await disclosedCase(l, 'WT-LATE', '2020-01-02', '2020-01-03');
  await disclosedCase(l, 'WT-OWNED-LATE', '2020-01-02', '2020-03-02'); // late by its own account too
  cosigned = (await attestAll(l)) as unknown as typeof cosigned;
  onTime = await bundleOf(l, 'WT-ON-TIME');
  late = await bundleOf(l, 'WT-LATE');
}, 240_000);
afterAll(async () => {
  await l?.stop();
});

async function verify(bundle: Buffer, ...args: string[]): Promise<{ code: number; report: BundleReport; out: string }> {
  const file = path.join(l.dir, `b-${Math.random().toString(36).slice(2)}.tar`);
  fs.writeFileSync(file, bundle);
  const json = await runCli(['verify', file, '--key', l.keyFile, '--json', ...args]);
  const text = await runCli(['verify', file, '--key', l.keyFile, ...args]);
  return { code: json.code, report: JSON.parse(json.stdout) as BundleReport, out: text.stdout };
}

const witnessArgs = (keys: readonly string[], quorum: number) => [
  ...keys.flatMap((k) => ['--witness', k]),
  '--quorum',
  String(quorum),
];

describe('witness cosignatures as attested time', () => {
  it('when both witnesses cosigned a checkpoint covering a disclosure, then the public list states it attested by their cosignatures, at the later of their times', async () => {
    const list = await l.t.call('GET', `/v1/disclosures?agency=${l.agency}&limit=50`);
    expect(list.status).toBe(200);
    expect(() => validate('urn:evidence-ledger:schema:response:disclosure-list', list.body)).not.toThrow();
    const of = (caseId: string) => list.body.items.find((d: { caseId: string }) => d.caseId === caseId).attestation;
    const second = Math.max(...cosigned.cosignatures.map((c) => c.timestamp));
    expect(of('WT-ON-TIME')).toMatchObject({ status: 'on_time', source: 'witnesses' });
    // the disclosure may be covered by an earlier cosigned checkpoint than the one awaited: never a later time
    expect(Date.parse(of('WT-ON-TIME').attestedBy)).toBeLessThanOrEqual(second * 1000);
    expect(of('WT-LATE')).toMatchObject({
      status: 'late',
      source: 'witnesses',
      dueBy: expect.stringMatching(/^2020-01-/),
    });
    // the decision page states the attested time in the agency's time (UTC+8), the offset written, as its due date is
    const page = await fetch(`${l.t.url}/disclosures/${l.agency}/WT-LATE?lang=en`);
    const local = new Date(Date.parse(of('WT-LATE').attestedBy) + 8 * 3_600_000).toISOString();
    const shown = `${local.slice(0, 10)} ${local.slice(11, 19)} +08:00`;
    expect(await page.text()).toContain(
      `Published by ${shown} (witnesses&#39; cosignatures), due ${of('WT-LATE').dueBy}: late`,
    );
  });

  it('when a supervisor exports the overdue disclosures as CSV, then each published decision carries the source of its time', async () => {
    const supervisor = l.t.token('sup-1', l.agency, ['supervisor']);
    const json = await l.t.call('GET', '/v1/audit/overdue-disclosures?limit=100', { token: supervisor });
    expect(() => validate('urn:evidence-ledger:schema:response:audit-overdue-disclosures', json.body)).not.toThrow();
    const res = await fetch(`${l.t.url}/v1/audit/overdue-disclosures?limit=100`, {
      headers: { authorization: `Bearer ${supervisor}`, accept: 'text/csv' },
    });
    expect(res.status).toBe(200);
    const rows = parseCsv(await res.text());
    const header = rows[0]!;
    const row = rows.find((r) => r.includes('WT-OWNED-LATE'))!;
    expect(row[header.indexOf('attestation.status')]).toBe('late');
    expect(row[header.indexOf('attestation.source')]).toBe('witnesses');
  });

  it('when ledger verify is given both witness keys and a quorum of 2, then it states the same time from the bundle alone', async () => {
    const { code, report, out } = await verify(onTime, ...witnessArgs(l.witnessKeys, 2));
    expect([code, report.failure]).toEqual([0, undefined]);
    const [d] = report.disclosures!;
    expect(d).toMatchObject({ status: 'on_time', source: 'witnesses' });
    expect(d!.cosignatures!.map((c) => c.name).sort()).toEqual(['court.test/witness', 'procuratorate.test/witness']);
    expect(d!.attestedBy).toBe(new Date(Math.max(...d!.cosignatures!.map((c) => c.timestamp)) * 1000).toISOString());
    expect(d).not.toHaveProperty('genTime');
    const list = await l.t.call('GET', `/v1/disclosures?agency=${l.agency}&limit=50`);
    const served = list.body.items.find((x: { caseId: string }) => x.caseId === 'WT-ON-TIME').attestation;
    expect(served).toMatchObject({ attestedBy: d!.attestedBy, deadline: d!.deadline, status: d!.status });
    expect(out).toMatch(
      /disclosure \(revision 2\): published by \S+, due \S+ \(the agency's day, ending \S+\): on time \(cosignatures of /,
    );
  });

  it('when ledger verify is given one witness key and a quorum of 1, then that witness alone attests, at its own earliest time', async () => {
    const { report } = await verify(late, ...witnessArgs([l.witnessKeys[1]!], 1));
    const [d] = report.disclosures!;
    expect(d).toMatchObject({ status: 'late', source: 'witnesses', cosignatures: [{ name: 'court.test/witness' }] });
    expect(d!.attestedBy).toBe(new Date(d!.cosignatures![0]!.timestamp * 1000).toISOString());
  });

  it('when ledger verify is given no witness key, then no cosignature counts and the disclosure is not yet attested', async () => {
    const { code, report } = await verify(onTime);
    expect(code).toBe(0);
    expect(report.disclosures![0]).toMatchObject({ status: 'not_attested' });
    expect(report.disclosures![0]).not.toHaveProperty('attestedBy');
  });
});
