import { describe, expect, it } from 'vitest';
import { activityStatusText } from '../../renderer/src/lib/activityStatus';

describe('activityStatusText', () => {
  it('a transaction that failed in a block says the fee was charged, and where', () => {
    expect(activityStatusText({ status: 'failed', fee: '1647', blockNumber: '2029' })).toEqual({
      label: 'Failed, fee charged',
      title: 'Included in block 2029 but failed: nothing was sent, and the network kept the fee',
    });
  });

  it('a transaction refused before any block cost nothing', () => {
    expect(activityStatusText({ status: 'failed', fee: '0', blockNumber: null })).toEqual({
      label: 'Failed',
      title: 'The network refused the transaction: nothing was sent and no fee was charged',
    });
  });

  it('other states keep their words', () => {
    expect(activityStatusText({ status: 'confirmed', fee: '2483', blockNumber: '2030' }).label).toBe('Confirmed');
    expect(activityStatusText({ status: 'pending', fee: '2483', blockNumber: null }).label).toBe('Pending');
    expect(activityStatusText({ status: 'dropped', fee: '0', blockNumber: null }).label).toBe('Dropped');
  });
});
