import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityCommand } from '../../electron/cli/commands/activity';
import { ActivityJournal } from '../../electron/services/activity/activityJournal';
import { nativeAssetOf } from '../../electron/services/assets/nativeAsset';
import { resolveChain } from '../../electron/services/chains/chainRegistry';

const hub = resolveChain('cosmoshub');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-activity-cli-'));
  const journal = await ActivityJournal.open(dir);
  const base = {
    kind: 'transfer' as const,
    chain: hub.id,
    accountId: 'acc',
    from: 'cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5',
    to: 'cosmos1jc26t6dp59smtkf75e784dzwmgjlhkscdp7e3m',
    asset: nativeAssetOf(hub),
    amount: '500000',
    nonce: '8',
    createdAt: Date.parse('2026-12-01T10:00:00Z'),
    updatedAt: Date.parse('2026-12-01T10:00:00Z'),
  };
  await journal.record({ ...base, id: 'oog', fee: '1647', hash: 'A'.repeat(64), status: 'failed', blockNumber: '2029', error: 'The transaction failed on chain (the fee was charged): out of gas' });
  await journal.record({ ...base, id: 'refused', fee: '0', hash: 'B'.repeat(64), nonce: '9', createdAt: base.createdAt + 1000, status: 'failed', blockNumber: null, error: 'The node rejected the transaction' });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('strata activity', () => {
  it('says "failed, fee charged" with the fee and block for a failure the chain included, plain "failed" otherwise', async () => {
    const io = { stdin: async () => '', env: {}, stdout: () => undefined, stderr: () => undefined };
    const result = await activityCommand(['--dir', dir, '--no-recheck'], io);
    const lines = result.text.split('\n');
    expect(lines.find((l) => l.includes('A'.repeat(64)))).toBe(
      `2026-12-01T10:00:00.000Z  failed    0.5 ATOM → cosmos1jc26t6dp59smtkf75e784dzwmgjlhkscdp7e3m  ${'A'.repeat(64)}  (failed, fee charged: 0.001647 ATOM in block 2029)`,
    );
    expect(lines.find((l) => l.includes('B'.repeat(64)))).toBe(`2026-12-01T10:00:01.000Z  failed    0.5 ATOM → cosmos1jc26t6dp59smtkf75e784dzwmgjlhkscdp7e3m  ${'B'.repeat(64)}`);
  });
});
