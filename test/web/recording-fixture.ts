import {
  AGENCY,
  at,
  openCase,
  recordAct,
  startScreensService,
  uploadMedium,
  type ScreensFixture,
} from '../support/screens.js';
import { asVideo } from '../support/media-bytes.js';

const floor = (entryId: string, actType: string, content: string) => ({
  entryId,
  actType,
  method: 'audio_video',
  content,
  keyStages: ['表明身份', '告知权利', '清点签字'],
  place: '执法现场',
});

/**
 * The screens' service with the county's recording list published (the floors and service by public notice) and a
 * body camera of alice's whose recording is filed to case rec-1.
 */
export async function recordingFixture(): Promise<ScreensFixture> {
  const f = await startScreensService();
  const list = {
    agency: AGENCY,
    entries: [
      floor('seizure', 'PropertySeized', '查封扣押财产全过程'),
      floor('demolition', 'ForcedDemolition', '强制拆除全过程'),
      {
        ...floor('notice', 'DocumentServed', '公告张贴过程'),
        serviceMethods: ['public_notice'],
        itemCodes: ['P-001'],
        method: 'any_medium',
      },
    ],
    reason: '依据实施方案公布',
  };
  const put = await f.t.call('PUT', `/v1/agencies/${AGENCY}/recording-list`, { token: f.admin, body: list });
  if (put.status !== 201) throw new Error(`publishing the list: ${put.status} ${JSON.stringify(put.body)}`);
  const device = { deviceId: 'cam-07', agency: AGENCY, holder: 'alice', model: 'DSJ-V7' };
  const registered = await f.t.call('POST', '/v1/devices', { token: f.admin, body: device });
  if (registered.status !== 201) throw new Error(`registering the device: ${registered.status}`);
  await openCase(f, 'rec-1');
  const video = await uploadMedium(f, f.alice, asVideo('body camera footage'), 'video/mp4');
  // made after the device was registered (the fixture's clock starts at 18:00; a recording is judged by the device
  // as it stood when it was made)
  await recordAct(f, f.alice, 'rec-1', {
    type: 'RecordingAttached',
    occurredAt: at('18:02'),
    data: { description: '执法记录仪视频', deviceId: 'cam-07' },
    media: [video],
  });
  // the recording list, the devices and the case are read from the read models: once they hold all of it
  await f.t.service.readModelsCaughtUp();
  return f;
}
