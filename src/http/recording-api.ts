import { Router, type RequestHandler } from 'express';
import type { Principal } from '../app/auth.js';
import type { RecordingReads } from '../app/recording-reads.js';
import type { DeviceChange, RecordingRegistry } from '../app/recording-registry.js';
import { deviceStream, DEVICE_STATUSES, type DeviceProfile } from '../domain/registry/devices.js';
import { recordingListStream, type RecordingListEntry } from '../domain/registry/recording-list.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { consistencyOf } from './consistency.js';
import { id, oneOf, pagingOf, pathId } from './query.js';
import { eventIdFor, ifMatch } from './request.js';
import { sendList, supervisionQuery } from './supervision-api.js';
import { SUPERVISION_TABLES } from './supervision-csv.js';
import { InvalidBody } from '../errors.js';
import type { Validate } from './validation.js';
import { written } from './written.js';

export interface RecordingApiDependencies {
  readonly registry: RecordingRegistry;
  readonly reads: RecordingReads;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  /** The public routes' rate limit. */
  readonly limited: RequestHandler;
}

/**
 * The recording list (音像记录事项清单: published, the admin changes it) and the recording devices (执法记录仪: the
 * admin registers and changes them, supervisors see them and the recordings each made).
 */
export function recordingApi({ registry, reads, verify, validate, newId, limited }: RecordingApiDependencies): Router {
  const router = Router();
  const auth = authenticate(verify);
  const readJson = jsonBody();

  router.get('/v1/agencies/:agency/recording-list', limited, async (req, res) => {
    res.json(await reads.list(pathId(req.params.agency, 'agency'), consistencyOf(req)));
  });

  router.put('/v1/agencies/:agency/recording-list', auth, requireRoles('admin'), readJson, async (req, res) => {
    const agency = pathId(req.params.agency, 'agency');
    validate('urn:evidence-ledger:schema:command:publish-recording-list', req.body);
    const body = req.body as { agency: string; entries: RecordingListEntry[]; reason: string };
    if (body.agency !== agency) throw new InvalidBody('the body names another agency than the path');
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, recordingListStream(principal.agency), newId);
    const result = await registry.publishList(principal, body, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ agency, version: result.revision + 1, ...written(result) });
  });

  router.post('/v1/devices', auth, requireRoles('admin'), readJson, async (req, res) => {
    validate('urn:evidence-ledger:schema:command:register-device', req.body);
    const profile = req.body as DeviceProfile;
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, deviceStream(principal.agency, profile.deviceId), newId);
    const result = await registry.registerDevice(principal, profile, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ deviceId: profile.deviceId, ...written(result) });
  });

  router.post('/v1/devices/:deviceId/changes', auth, requireRoles('admin'), readJson, async (req, res) => {
    const deviceId = pathId(req.params.deviceId, 'deviceId');
    validate('urn:evidence-ledger:schema:command:change-device', req.body);
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, deviceStream(principal.agency, deviceId), newId);
    const result = await registry.changeDevice(principal, deviceId, req.body as DeviceChange, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ deviceId, ...written(result) });
  });

  const guard = [auth, requireRoles('supervisor')];
  router.get('/v1/audit/devices', ...guard, async (req, res) => {
    const status = oneOf(req.query.status, 'status', DEVICE_STATUSES);
    const query = { ...supervisionQuery(req, res), ...(status ? { status } : {}) };
    sendList(req, res, SUPERVISION_TABLES.devices, await reads.devices(query, pagingOf(req)));
  });

  router.get('/v1/audit/device-recordings', ...guard, async (req, res) => {
    const deviceId = id(req.query.deviceId, 'deviceId');
    const query = { ...supervisionQuery(req, res), ...(deviceId ? { deviceId } : {}) };
    sendList(req, res, SUPERVISION_TABLES.deviceRecordings, await reads.deviceRecordings(query, pagingOf(req)));
  });

  return router;
}
