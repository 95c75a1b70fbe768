import type { Router } from 'express';
import { listingOf } from '../../http/retrieval.js';
import type { RecordingReads } from '../../app/recording-reads.js';
import { id } from '../../http/query.js';
import type { PortalAssets } from '../assets.js';
import { html } from '../html.js';
import { pageContext, sendPage } from '../layout.js';
import { caseHref } from '../links.js';
import { portalPrincipal, signedIn } from '../session.js';
import { enumerationSeparator, label, localMinuteWithOffset, personShown } from './labels.js';
import { dataTable } from './data-table.js';
import { listPaging } from './paging.js';
import { pager } from './public-parts.js';

/** How many devices (and recordings) a page lists; `?cursor=` (`?recordingsCursor=`) goes on. */
export const DEVICE_ROWS = 50;

/**
 * `/supervise/devices`: the recording devices (执法记录仪) of the supervisor's agencies and the recordings each
 * made (`?deviceId=` for one), as `GET /v1/audit/devices` and `/v1/audit/device-recordings` answer them, each list
 * a page at a time by its own cursor (`?limit=` rows for both); each pager's links keep the other list's cursor.
 */
export function registerDevicePage(
  router: Router,
  deps: {
    recordings: RecordingReads;
    /** Minutes east of UTC of an agency's local time, in which its recordings' times are shown. */
    utcOffsetOf: (agency: string) => number;
    assets: PortalAssets;
  },
): void {
  router.get('/supervise/devices', signedIn('supervisor'), async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const principal = portalPrincipal(res);
    const agency = id(req.query.agency === '' ? undefined : req.query.agency, 'agency');
    const deviceId = id(req.query.deviceId === '' ? undefined : req.query.deviceId, 'deviceId');
    const query = { principal, ...listingOf(req, res), ...(agency === undefined ? {} : { agency }) };
    const devicesPage = listPaging(req, DEVICE_ROWS);
    const recordingsPage = listPaging(req, DEVICE_ROWS, 'recordingsCursor');
    const [devices, recordings] = await Promise.all([
      deps.recordings.devices(query, devicesPage.paging),
      deps.recordings.deviceRecordings({ ...query, ...(deviceId ? { deviceId } : {}) }, recordingsPage.paging),
    ]);
    // each list pages on by its own cursor, keeping the agency and the device chosen and the other list's page
    const view = {
      ...(agency === undefined ? {} : { agency }),
      ...(deviceId === undefined ? {} : { deviceId }),
      ...devicesPage.params,
      ...recordingsPage.params,
    };
    const path = '/supervise/devices';
    const devicesPager = pager(ctx, path, view, devices.next, { label: 'devices.list' });
    const recordingsPager = pager(ctx, path, view, recordings.next, {
      cursor: 'recordingsCursor',
      label: 'devices.recordingsTitle',
    });
    sendPage(res, ctx, {
      title: ctx.t('devices.title'),
      main: html`<h1>${ctx.t('devices.title')}</h1>
        <p class="lead">${ctx.t('devices.lead')}</p>
        <p><a href="/supervise#missing">${ctx.t('devices.missingLink')}</a></p>
        ${dataTable(
          ctx,
          ['devices.device', 'devices.holder', 'devices.model', 'devices.status', 'devices.recordings'],
          devices.items.map(
            (d) =>
              html`<tr>
                <td><a href="/supervise/devices?deviceId=${d.deviceId}&amp;agency=${d.agency}">${d.deviceId}</a></td>
                <td>${d.holder}</td>
                <td>${d.model ?? '—'}</td>
                <td>${label(ctx, 'deviceStatus', d.status)}</td>
                <td>${d.recordings}</td>
              </tr>`,
          ),
          'devices.none',
        )}
        ${devicesPager}
        <section aria-labelledby="recordings-heading">
          <h2 id="recordings-heading">${ctx.t('devices.recordingsTitle')} · ${deviceId ?? ctx.t('devices.all')}</h2>
          ${dataTable(
            ctx,
            ['devices.device', 'devices.case', 'devices.at', 'devices.by', 'devices.media'],
            recordings.items.map(
              (r) =>
                html`<tr>
                  <td>${r.deviceId}</td>
                  <td><a href="${caseHref(r)}">${r.caseId}</a></td>
                  <td>${localMinuteWithOffset(r.occurredAt, deps.utcOffsetOf(r.agency))}</td>
                  <td>${personShown(ctx, r.agency, r.recordedBy)}</td>
                  <td>
                    ${r.media.map((m) => `${m.contentType} ${m.sha256.slice(0, 12)}…`).join(enumerationSeparator(ctx)) || '—'}
                  </td>
                </tr>`,
            ),
            'devices.noRecordings',
          )}
          ${recordingsPager}
        </section>`,
    });
  });
}
