import { caseDecider, type CaseContext } from '../../../src/domain/case/decider.js';
import { missingReviewMaterials } from '../../../src/domain/case/rules.js';
import { specification } from '../../support/decider-spec.js';
import { act, context, items, opened, record } from '../../support/domain.js';

const spec = specification(caseDecider);
const MATERIALS = ['调查终结报告', '拟处理意见', '证据材料'];
/** P-001 with its submission materials (送审材料) listed. */
const withMaterials: CaseContext = {
  ...context,
  item: (code) => (code === 'P-001' ? { ...items['P-001']!, reviewMaterials: MATERIALS } : items[code]),
};
const request = (materials?: string[]) => {
  const command = act('LegalReviewRequested', {
    proposed: { decisionType: 'warning', legalBasis: '《律师法》第五十条' },
    ...(materials ? { materials } : {}),
  });
  return { ...command, context: withMaterials };
};

describe('submission materials of a legal review (明确送审材料)', () => {
  it('when the request names every material the item requires, then it is recorded with them', () => {
    spec
      .given(record(opened()))
      .when(request([...MATERIALS, '听证笔录']))
      .then([{ type: 'LegalReviewRequested', data: { materials: [...MATERIALS, '听证笔录'] } }]);
  });

  it('when the request lacks materials the item requires, then review_materials_missing names them', () => {
    const error = spec
      .given(record(opened()))
      .when(request(['拟处理意见']))
      .thenFails('review_materials_missing', 422);
    expect(error.details).toEqual({ missing: ['调查终结报告', '证据材料'] });
    spec.given(record(opened())).when(request()).thenFails('review_materials_missing', 422);
  });

  it('when the item lists no materials, then a request without any is recorded as before', () => {
    spec
      .given(record(opened()))
      .when({ ...request(), context })
      .then([{ type: 'LegalReviewRequested' }]);
  });

  it('when materials are compared, then the missing ones keep the order of the item list', () => {
    expect(missingReviewMaterials(MATERIALS, ['证据材料'])).toEqual(['调查终结报告', '拟处理意见']);
    expect(missingReviewMaterials(undefined, undefined)).toEqual([]);
  });
});
