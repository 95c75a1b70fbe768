/**
 * The supervision dashboard's live feed: follows `/supervise/live` (Server-Sent Events, the API's live stream served
 * to the session) and puts each new act of a case at the top of the feed list, which is `aria-live="polite"`, so a
 * screen reader announces it. Events of other streams (access records, media, registries) are not acts and are
 * left out. The browser's EventSource reconnects by itself, resuming after the last event it saw (Last-Event-ID).
 */
import { parseAgencyStream } from '../../ledger/streams.js';
import { caseHref } from '../links.js';
import { localMinute } from '../pages/labels.js';

interface LiveEvent {
  readonly stream: string;
  readonly type: string;
  readonly agency: string;
  readonly actor: string;
  readonly occurredAt: string;
  readonly eventId: string;
}

/** How many acts the feed keeps on the page; older ones drop off the bottom. */
const FEED_MAX = 50;

const feed = document.querySelector<HTMLOListElement>('#live-feed');
const labels = JSON.parse(document.querySelector('#act-labels')?.textContent ?? '{}') as Record<string, string>;
/** Minutes east of UTC of each agency the feed shows: an act's time is shown in its case's agency's local time. */
const offsets = JSON.parse(document.querySelector('#utc-offsets')?.textContent ?? '{}') as Record<string, number>;
/** The name each of those agencies recorded (its code where it recorded none). */
const names = JSON.parse(document.querySelector('#agency-names')?.textContent ?? '{}') as Record<string, string>;
/** The names on each of those agencies' officer lists, by id, and the brackets an id goes in after a name. */
const persons = JSON.parse(document.querySelector('#person-names')?.textContent ?? '{}') as {
  people?: Record<string, Record<string, string>>;
  open?: string;
  close?: string;
};

/** Who recorded an act: 姓名（编号） as the pages name people, or the id alone. */
function personOf(agency: string, actor: string): string {
  const name = persons.people?.[agency]?.[actor];
  return name === undefined ? actor : `${name}${persons.open ?? '('}${actor}${persons.close ?? ')'}`;
}

function show(event: LiveEvent): void {
  const ofCase = parseAgencyStream(event.stream);
  if (!feed || ofCase?.category !== 'case') return;
  document.querySelector('#live-waiting')?.remove();
  const item = document.createElement('li');
  item.dataset.eventId = event.eventId;
  const time = document.createElement('time');
  time.dateTime = event.occurredAt;
  // the page names every agency the feed may show (the supervisor's own and those it supervises)
  time.textContent = localMinute(event.occurredAt, offsets[ofCase.agency] ?? 0);
  const what = document.createElement('strong');
  what.textContent = labels[event.type] ?? event.type;
  const link = document.createElement('a');
  link.href = caseHref({ agency: ofCase.agency, caseId: ofCase.id });
  link.textContent = ofCase.id;
  const who = document.createElement('span');
  who.className = 'muted';
  who.textContent = `${names[event.agency] ?? event.agency} · ${personOf(event.agency, event.actor)}`;
  item.append(time, ' ', what, ' ', link, ' ', who);
  feed.prepend(item);
  while (feed.children.length > FEED_MAX) feed.lastElementChild?.remove();
}

if (feed?.dataset.src) {
  const source = new EventSource(feed.dataset.src);
  // whether the feed is following the log: `live` once connected, `retrying` while the browser reconnects
  source.addEventListener('open', () => (feed.dataset.state = 'live'));
  source.addEventListener('error', () => (feed.dataset.state = 'retrying'));
  // the stream's events are unnamed messages: `onmessage` receives them
  source.onmessage = (message: MessageEvent<string>) => show(JSON.parse(message.data) as LiveEvent);
}
