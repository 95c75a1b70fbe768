/** An entry of a recording list (音像记录事项清单) for `actType`: recorded on audio-video, in full, on site. */
export const recordingEntry = (actType: string) => ({
  entryId: actType,
  actType,
  method: 'audio_video',
  content: '全过程',
  keyStages: ['告知'],
  place: '现场',
});

/**
 * A body of `PUT /v1/agencies/{agency}/recording-list` the service accepts: the mandatory floors (seizure and
 * forced demolition, docs/domain.md) and service by leaving.
 */
export const recordingListBody = (agency: string) => ({
  agency,
  entries: [
    recordingEntry('PropertySeized'),
    recordingEntry('ForcedDemolition'),
    { ...recordingEntry('DocumentServed'), serviceMethods: ['left'] },
  ],
  reason: '年度调整',
});
