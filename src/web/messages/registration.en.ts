import type { REGISTRATION_ZH_CN } from './registration.zh-CN.js';

/** The administrator's registration forms of officers and enforcement items, in English. */
export const REGISTRATION_EN: { readonly [K in keyof typeof REGISTRATION_ZH_CN]: string } = {
  'register.submit': 'Register',
  'register.id.hint':
    'Starts with a letter or digit; letters, digits, ".", "_" and "-" may follow. It cannot be changed later.',
  'register.officer.title': 'Register an officer',
  'register.officer.lead':
    'Registers an enforcement officer of the agency and their enforcement certificate as a signed event in the ledger; the public officer list shows the name, certificate number, validity and categories. An officer is named in acts only while the certificate is valid.',
  'register.officer.officerId': 'Officer id',
  'register.officer.validFrom': 'Certificate valid from',
  'register.officer.validTo': 'Certificate valid to',
  'register.officer.roles': 'Roles',
  'register.officer.roles.hint':
    "At least one. Legal reviewers count toward the agency's ratio of reviewers to officers (at least 5%; a legal qualification is needed).",
  'register.officer.categories': 'Enforcement categories',
  'register.officer.categories.hint': 'The categories the certificate covers, one a line; optional.',
  'register.officer.qualification': 'Legal qualification certificate no.',
  'register.officer.qualification.hint':
    'For a holder of the legal professional qualification: its certificate number and the day it was granted, both.',
  'register.officer.grantedOn': 'Legal qualification granted on',
  'register.officer.counsel': 'Legal adviser or public-sector lawyer',
  'register.officer.counsel.hint':
    'The role in which this person gives legal opinions on cases, when they do; otherwise leave it unchosen.',
  'register.role.officer': 'Enforcement officer',
  'register.role.reviewer': 'Legal reviewer',
  'register.role.supervisor': 'Supervisor',
  'register.role.admin': 'Head of the agency, administration',
  'register.item.title': 'Register an enforcement item',
  'register.item.lead':
    "Registers an enforcement item of the agency as a signed event in the ledger; the public list of items shows it. The criteria of a major decision, the review time limit and the publication deadline follow the item's legal basis; what is left empty takes the default.",
  'register.item.field': 'Field',
  'register.item.field.hint':
    'For example "food safety"; the review catalogue may name major decisions by field. Optional.',
  'register.item.duties': 'Duties',
  'register.item.powers': 'Powers',
  'register.item.majorFine': 'Major decision: a fine of at least (yuan)',
  'register.item.majorFine.hint':
    'A decision with a fine of at least this sum is major and needs a legal review first; leave empty for no such sum.',
  'register.item.majorTypes': 'Major decision: kinds of decision',
  'register.item.majorTypes.hint': 'A decision of a kind chosen here needs a legal review first. Optional.',
  'register.item.materials': 'Materials a legal review needs',
  'register.item.materials.hint': 'The names of the materials a review request must submit, one a line; optional.',
  'register.item.reviewDays': 'Legal review time limit (working days)',
  'register.item.reviewDays.hint': "When empty, the agency's review time limit (5 working days by default).",
  'register.item.disclosureDays': 'Publication deadline (working days)',
  'register.item.disclosureDays.hint':
    'Where the legal basis sets its own; when empty, licensing and penalty decisions are published within 7 working days, others within 20.',
  'register.item.retention': 'Case file retention',
  'register.item.retention.hint':
    'A number of years (1 to 100) or "permanent"; when empty, a major case is kept permanently, penalty, licensing, coercive and levy cases 30 years, inspection and other cases 10 years.',
  'rule.certificate_taken':
    'Another officer of the agency in service ({heldBy}) is listed under this certificate number: a certificate belongs to one officer only.',
  'rule.officer_exists': 'The agency has an officer with that id already.',
  'rule.item_exists': 'The agency has an item with that code already.',
  'rule.validity_invalid': "The certificate's validity ends before it starts.",
  'amend.link': 'Amend',
  'amend.officer.title': "Amend the officer's record: {name}",
  'amend.item.title': 'Amend the enforcement item: {name}',
  'amend.lead':
    'The form shows what is registered now. Only the members you change are amended, with the reason, as a signed event in the ledger; what they held before stays in the ledger.',
  'amend.reason': 'Reason for the amendment',
  'amend.reason.hint':
    "For example the renewed certificate's document or the revised legal basis; it is recorded with the amendment.",
  'amend.submit': 'Amend',
  'amend.back': 'Back',
  'amend.retired': 'This entry was retired after the form was opened: it cannot be amended, and nothing was recorded.',
  'amend.saved': 'The record was amended and recorded in the ledger.',
  'amend.notClearable': '"{field}" is registered and cannot be emptied; to correct it, type the new value.',
  'amend.permanent': 'permanent',
  'rule.role_not_for_officer': "Integration is the role of a system's token, not an officer's.",
  'keyForm.link': 'Register a signing key',
  'keyForm.title': 'Register a signing key: {name}',
  'keyForm.retired':
    'The officer was retired after the form was opened: no signing key is registered, and nothing was recorded.',
  'keyForm.lead':
    "Once an officer's own signing key (Ed25519) is registered, the acts they sign with it are checked when recorded and when a bundle is verified. The private key stays with the officer and is never sent here. A key belongs to one officer only.",
  'keyForm.publicKey': 'Public key',
  'keyForm.publicKey.hint': 'Its PEM (-----BEGIN PUBLIC KEY-----), or the base64 of its SubjectPublicKeyInfo DER.',
  'keyForm.certificate': 'Certificate',
  'keyForm.certificate.hint':
    "An X.509 certificate of the key, as PEM; with one, the validity may be left empty and is the certificate's. Optional.",
  'keyForm.validFrom': 'Valid from',
  'keyForm.validFrom.hint': 'The first day of the acts it may sign; required without a certificate.',
  'keyForm.validTo': 'Valid to',
  'keyForm.validTo.hint': 'Optional: no end (with a certificate, its end).',
  'keyForm.submit': 'Register',
  'keyForm.saved': 'The key {keyId} was registered and recorded in the ledger.',
  'rule.officer_key_exists': 'The officer holds this key already.',
  'rule.officer_key_taken': 'Another officer of the agency holds this key: a key belongs to one officer only.',
  'rule.officer_key_malformed': 'The public key is neither a PEM nor the base64 of a SubjectPublicKeyInfo DER.',
  'rule.officer_key_unsupported': 'Only Ed25519 keys are registered; RSA, EC or SM2 keys are not.',
  'rule.officer_key_validity_required': 'Without a certificate, the first day of the validity is needed.',
  'rule.officer_key_validity_outside_certificate': "The validity lies outside the certificate's.",
  'rule.officer_certificate_malformed': 'The certificate is not an X.509 certificate in PEM.',
  'rule.officer_certificate_mismatch': "The certificate's public key is not the key given.",
  'register.officer.training': 'Training records',
  'register.officer.training.hint':
    'One a line: the course; the day completed; the hours (optional), e.g. "Legal review training; 2026-05-20; 16". Optional.',
  'register.officer.training.hours': '{hours} hours',
};
