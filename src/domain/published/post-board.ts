import { violation } from '../errors.js';
import type { OfficerState } from '../registry/officers.js';
import { agencyStream } from '../streams.js';
import { versionedDecider, type VersionedCommand, type VersionedEvent, type VersionedState } from './versioned.js';

/**
 * The post information board of a service window (岗位信息公示牌, plan 二(一)3): 执法人员姓名、单位、职务、执法种类、
 * 岗位职责、申请材料示范文本、办理进度查询、咨询服务和投诉举报.
 */
export interface PostBoard {
  /** The window the board stands at (窗口). */
  readonly window: string;
  /** 姓名: the officer at the window, as the officer list publishes the name. */
  readonly officerName: string;
  /** The officer's id in the agency's register, when the officer is registered there. */
  readonly officerId?: string;
  /** 单位 */
  readonly unit: string;
  /** 职务 */
  readonly post: string;
  /** 执法种类 */
  readonly enforcementType: string;
  /** 岗位职责 */
  readonly duties: string;
  /** 申请材料示范文本: the model texts on offer, by title. */
  readonly sampleMaterials: readonly string[];
  /** 办理进度查询: where and how to follow an application. */
  readonly progressLookup: string;
  /** 咨询服务 */
  readonly consultation: string;
  /** 投诉举报 */
  readonly complaints: string;
}

export type PostBoardState = VersionedState<PostBoard>;
export type PostBoardCommand = VersionedCommand<PostBoard, { readonly officer?: OfficerState }>;
export type PostBoardEvent = VersionedEvent<'PostBoard', PostBoard>;

/** A window's board's stream: boards have a stable id within their agency. */
export function postBoardStream(agency: string, boardId: string): string {
  return agencyStream('postboard', agency, boardId);
}

export const postBoardDecider = versionedDecider<'PostBoard', PostBoard, { readonly officer?: OfficerState }>({
  kind: 'PostBoard',
  what: 'post information board',
  check(board, { officer }) {
    if (board.officerId !== undefined && (!officer?.exists || officer.status === 'retired'))
      throw violation('officer_unknown', `officer ${board.officerId} is not a current officer of the agency`, {
        officerId: board.officerId,
      });
  },
});
