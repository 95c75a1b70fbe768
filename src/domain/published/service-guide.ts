import { violation } from '../errors.js';
import type { ItemState } from '../registry/items.js';
import { agencyStream } from '../streams.js';
import { versionedDecider, type VersionedCommand, type VersionedEvent, type VersionedState } from './versioned.js';

/**
 * A licensing item's service guide (行政执法服务指南, plan 二(一)2(1)) with the fourteen things the plan names:
 * 事项名称、依据、受理机构、条件、优惠政策、申请材料、办理流程、办理时限、监督方式、责任追究、救济渠道、办公时间、
 * 办公地址、办公电话.
 */
export interface ServiceGuide {
  /** 事项名称 */
  readonly name: string;
  /** 依据 */
  readonly basis: string;
  /** 受理机构 */
  readonly acceptingOffice: string;
  /** 条件 */
  readonly conditions: string;
  /** 优惠政策 (“无” where there are none) */
  readonly preferentialPolicies: string;
  /** 申请材料: one entry per document to bring. */
  readonly materials: readonly string[];
  /** 办理流程 */
  readonly procedure: string;
  /** 办理时限, as the law states it (e.g. 20个工作日). */
  readonly timeLimit: string;
  /** 监督方式 */
  readonly supervision: string;
  /** 责任追究 */
  readonly accountability: string;
  /** 救济渠道 */
  readonly remedies: string;
  /** 办公时间 */
  readonly hours: string;
  /** 办公地址 */
  readonly address: string;
  /** 办公电话 */
  readonly telephone: string;
}

export type ServiceGuideState = VersionedState<ServiceGuide>;
export type ServiceGuideCommand = VersionedCommand<ServiceGuide, { readonly item?: ItemState }>;
export type ServiceGuideEvent = VersionedEvent<'ServiceGuide', ServiceGuide>;

/** A licensing item's guide's stream: one guide per item, named by the item's code. */
export function serviceGuideStream(agency: string, itemCode: string): string {
  return agencyStream('serviceguide', agency, itemCode);
}

export const serviceGuideDecider = versionedDecider<'ServiceGuide', ServiceGuide, { readonly item?: ItemState }>({
  kind: 'ServiceGuide',
  what: 'service guide',
  check(_guide, { item }) {
    if (!item?.exists || item.retired)
      throw violation('item_unknown', 'a service guide belongs to a current enforcement item of the agency');
    if (item.category !== 'licensing')
      throw violation(
        'item_not_licensing',
        `item ${item.code} is not a licensing item: service guides are for licensing`,
      );
  },
});
