import type { VerifyMessages } from './verify.zh-CN.js';

/** The text of the evidence verifier (`/verify`) in English, spread into `en.ts`. */
export const VERIFY_EN: VerifyMessages = {
  'verify.title': 'Verify an evidence bundle',
  'verify.lead':
    'Checks an enforcement evidence bundle (.tar) in your browser. The file is never uploaded: it is checked on your device, with the same checks as the command-line ledger verify.',
  'verify.what':
    "What is checked: the manifest against the archive's files, the manifest's signature, the signed checkpoint, every event's hash and signature, the hash chains of the case and of its access records, every medium's size and SHA-256, and every event's inclusion proof in the checkpoint. The first problem found is named.",
  'verify.noscript':
    'This page needs JavaScript to check a bundle locally in your browser. Without JavaScript you can verify a bundle like this:',
  'verify.other': 'Other ways to verify',
  'verify.cli': "Offline, with the command line (fetch the ledger's public key first):",
  'verify.api':
    "Or send the bundle to this service (the file is uploaded and checked against the service's published keys; the report is the same):",
  'verify.form': 'Choose a bundle',
  'verify.file': 'Evidence bundle file (.tar)',
  'verify.drop': 'You can also drop the file here. It never leaves your device.',
  'verify.key.legend': 'Trusted keys (optional)',
  'verify.key.hint':
    "Paste the ledger's published public key (PEM; Ed25519, or SM2 for a ledger of the SM2 suite), or use the keys this ledger publishes. Without one, the keys the bundle carries are trusted, which shows only that the bundle is consistent with itself.",
  'verify.key.label': 'Public keys (PEM, one or more)',
  'verify.key.fetch': "Use this ledger's published keys",
  'verify.key.fetched': 'Filled in the {count} keys this ledger publishes.',
  'verify.key.fetchFailed': "Could not fetch the ledger's published keys.",
  'verify.key.invalid': 'What was pasted is not an Ed25519 or SM2 public key in PEM.',
  'verify.witness.legend': 'Witnesses (optional)',
  'verify.witness.hint':
    "Paste the verifier keys of the witnesses you trust (as ledger witness key prints them), one per line. The checkpoint must then carry valid cosignatures of enough of them, and their cosignatures' times can attest when a decision was published.",
  'verify.witness.label': 'Witness verifier keys (one per line)',
  'verify.witness.invalid': 'A line is not a witness verifier key (<name>+<key ID>+<base64>).',
  'verify.quorum.label': 'How many of them must have cosigned',
  'verify.quorum.hint': 'Leave empty to require all of them.',
  'verify.quorum.invalid': 'The number must be a whole number from 1 to the number of witness keys given.',
  'verify.tsa.legend': "Time-stamping authorities' CA certificates (optional)",
  'verify.tsa.hint':
    'Paste or choose the CA certificate (PEM) of the RFC 3161 time-stamping authority. Without one, time-stamps are still checked, but not their certificate chain, and are reported as not checked against a CA.',
  'verify.tsa.label': 'CA certificates (PEM, one or more)',
  'verify.tsa.file': 'Or choose a certificate file',
  'verify.tsa.loaded': 'Read the certificate file {name}.',
  'verify.tsa.invalid': 'What was given is not an RSA certificate in PEM.',
  'verify.witnesses': 'Cosigned by {count} of the given witnesses (quorum {quorum}): {names}',
  'verify.disclosure': 'Disclosure (revision {revision}), due {dueBy}: {status}',
  'verify.disclosure.tsa': 'published by {time} (RFC 3161 time-stamp)',
  'verify.disclosure.witnesses': "published by {time} (witnesses' cosignatures)",
  'verify.status.on_time': 'on time',
  'verify.status.late': 'late',
  'verify.status.not_attested': 'not yet attested',
  'verify.submit': 'Verify',
  'verify.checking': 'Checking on this device…',
  'verify.result': 'Result',
  'verify.valid': 'Valid: the bundle is intact, and every signature and inclusion proof verifies.',
  'verify.validSelf':
    "Consistent with itself only: every signature and inclusion proof matches the keys the bundle carries, but it was not checked against this ledger's published keys, so nothing shows it came from this ledger. Give the published keys and check again.",
  'verify.invalid': 'Invalid: {reason}',
  'verify.countsBefore': 'Read before the failure: ',
  'verify.notChecked': 'Not checked: correct the input marked above, then choose “Check”.',
  'verify.error': 'The check could not be completed: {reason}',
  'verify.unsupported':
    'This browser cannot verify Ed25519 signatures (it takes a recent browser, and this page served over HTTPS), so the bundle cannot be checked here. Use the command line below.',
  'verify.detail': 'Technical detail ({code}): ',
  'verify.case': 'Case {caseId} (agency {agency})',
  'verify.decision': 'Decision document {documentNo}, decided on {decidedOn}.',
  'verify.decisionCorrected':
    'Corrected later by {count} record(s), whose contents are sealed: the case file shows them.',
  'verify.counts':
    '{events} events, {access} access records, {media} media ({mediaBytes} bytes), {proofs} inclusion proofs; {files} files, {bytes} bytes read.',
  'verify.checkpoint': 'Checkpoint: {origin}, size {size}, root {root}',
  'verify.exportedAt':
    'Exported at {time}: the case as the log held it at the checkpoint below; acts recorded after it are not in this bundle (export again for the latest).',
  'verify.hint.compressed':
    'The file is a bundle compressed with gzip: unpack it first (to a .tar file) and verify that .tar.',
  'verify.hint.zip':
    'The file is a ZIP archive, not a bundle (a .tar). If it holds the exported .tar, unpack it and verify that file; if it holds a bundle’s files zipped again, it is no longer the bundle: verify the .tar as it was exported.',
  'verify.hint.repacked':
    'The file is a tar archive, but not as the ledger exports bundles: a bundle unpacked and packed again (with any tool) is no longer the bundle. Verify the file as it was exported.',
  'verify.hint.cut_short':
    'The file is incomplete (an interrupted download or copy?): get the bundle again and verify it.',
  'verify.hint.empty': 'The file is empty: get the bundle again.',
  'verify.complete':
    'Completeness proven: at the checkpoint (size {size}) the ledger held no event of these records that the bundle lacks:',
  'verify.complete.through': '{count} records (revisions 0 to {revision})',
  'verify.complete.empty': '(no record yet)',
  'verify.complete.notProven':
    "Completeness not proven: the checkpoint was issued before the ledger committed to its records' latest state, so it cannot show the bundle holds every record of the case.",
  'verify.keys': 'Trusted keys:',
  'verify.keys.given': '(given)',
  'verify.keys.bundle': '(from the bundle)',
  'verify.keys.signed': ', signed the {what}',
  'verify.keys.signed.manifest': 'manifest',
  'verify.keys.signed.checkpoint': 'checkpoint',
  'verify.keys.and': ' and the ',
  'verify.keys.signedNothing': ', signed neither the manifest nor the checkpoint',
  'verify.keys.bundleNote':
    "These keys were taken from the bundle itself: compare the ids of the keys that signed the manifest and the checkpoint with the ledger's published keys (GET /v1/ledger/keys) (a key in the bundle that signed nothing shows nothing), or give a key and check again.",
  'verify.json': 'Full report (JSON, as ledger verify --json prints it)',
  'verify.code.malformed':
    'The bundle is malformed: not a readable bundle archive, or one of its files is not in its format.',
  'verify.code.manifest_mismatch': "The manifest does not match the archive's files: a file is missing or extra.",
  'verify.code.file_hash_mismatch': 'A file does not have the hash or size the manifest lists: it was changed.',
  'verify.code.unknown_key': 'A signature is by a key that is not trusted.',
  'verify.code.manifest_signature_invalid':
    "The manifest's signature does not verify: the manifest was changed, or that key did not sign it.",
  'verify.code.checkpoint_invalid':
    "The checkpoint's signature is invalid, or it is not the checkpoint the manifest names.",
  'verify.code.checkpoint_inconsistent':
    'The checkpoint is not consistent with the trusted checkpoint: the log may have been rewritten.',
  'verify.code.consistency_proof_missing':
    "There is no consistency proof, so the bundle's checkpoint is not shown to be of the same log as the trusted one; this does not show the log rewritten. Ask the ledger for the proof (GET /v1/ledger/proof/consistency) and verify again.",
  'verify.code.cosignature_invalid': "A witness's cosignature of the checkpoint does not verify.",
  'verify.code.witness_quorum_not_met': 'Fewer of the given witnesses cosigned the checkpoint than required.',
  'verify.code.malformed_event': 'An event record is malformed.',
  'verify.code.event_hash_mismatch': 'An event does not have the hash it records: it was changed.',
  'verify.code.unsupported_algorithm': 'A signature uses an algorithm that is not supported.',
  'verify.code.signature_invalid': "An event's signature does not verify.",
  'verify.code.actor_key_unknown': "An event carries an officer's signature, but the officer's key is not known.",
  'verify.code.actor_signature_invalid': "An officer's signature does not verify.",
  'verify.code.officer_key_invalid':
    "A file of an officer's key in the bundle is not a key event signed by the service, names another key or agency, or lacks a revocation the key's own records name.",
  'verify.code.actor_key_revoked':
    "An event is signed with an officer's key that was revoked before the event was recorded.",
  'verify.code.actor_key_not_valid':
    "An event is signed with an officer's key that was not valid on the day of the act.",
  'verify.code.stream_mismatch': "An event does not belong to the case's records.",
  'verify.code.duplicate_event': 'The same event appears twice.',
  'verify.code.revision_gap': 'The records are not contiguous: a record is missing or extra, or records were swapped.',
  'verify.code.chain_broken': 'The hash chain of the events is broken: an event was deleted, inserted or replaced.',
  'verify.code.media_missing': 'A medium an event references is missing.',
  'verify.code.media_mismatch': 'A medium does not have the size or hash its event records.',
  'verify.code.proof_missing': 'An event has no inclusion proof.',
  'verify.code.proof_invalid':
    "An event's inclusion proof does not match the checkpoint: it does not show the event is in the signed ledger.",
  'verify.code.stream_incomplete':
    "The records are incomplete: the signed ledger holds later records of the case (or of an officer's key it carries) than the file, or the file cannot show it holds them all.",
  'verify.code.timestamp_invalid':
    'A time-stamp in the bundle is not a valid RFC 3161 token over its checkpoint: it proves no time.',
  'verify.code.timestamp_untrusted':
    'A time-stamp was not issued by a trusted time-stamping authority (unknown CA, or a certificate not valid then).',
};
