import { parseAgencyStream } from '../streams.js';

/**
 * The kinds of document an agency publishes before enforcement (事前公开), each versioned in streams of its own
 * category: `<category>-<agency>:<id>`, with the events `<Kind>Published` and `<Kind>Withdrawn`.
 */
export const PUBLISHED_KINDS = {
  'inspection-list': { category: 'inspectionentry', events: 'InspectionEntry' },
  'flow-charts': { category: 'flowchart', events: 'FlowChart' },
  'review-charts': { category: 'reviewchart', events: 'ReviewChart' },
  'service-guides': { category: 'serviceguide', events: 'ServiceGuide' },
  'post-boards': { category: 'postboard', events: 'PostBoard' },
} as const;

export type PublishedKind = keyof typeof PUBLISHED_KINDS;

/** The kind, agency and id of a published document's stream, or undefined for a stream of anything else. */
export function publishedStream(
  stream: string,
): { readonly kind: PublishedKind; readonly agency: string; readonly id: string } | undefined {
  const parsed = parseAgencyStream(stream);
  if (!parsed) return undefined;
  const kind = (Object.keys(PUBLISHED_KINDS) as PublishedKind[]).find(
    (k) => PUBLISHED_KINDS[k].category === parsed.category,
  );
  return kind === undefined ? undefined : { kind, agency: parsed.agency, id: parsed.id };
}
