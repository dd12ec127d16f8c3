import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../shared/domain/send';
import { ActivityJournal } from '../../electron/services/activity/activityJournal';
import { expectStrataRejection } from '../unit/expectStrataError';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-activity-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const USDC = { chain: 'eip155:31337', ref: '0x5632C04D71dE31E42B72A94cAabb45DE643617AF', symbol: 'USDC', name: 'USD Coin (devnet)', decimals: 6, priceId: 'usd-coin' };

function entry(id: string, createdAt: number, overrides: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    id,
    kind: 'transfer',
    chain: 'eip155:31337',
    accountId: 'acc-1',
    from: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    to: '0xBcd4042DE499D14e55001CcbB24a551F3b954096',
    asset: USDC,
    amount: '1500000',
    fee: '63000000000000',
    hash: `0x${id.padStart(64, '0')}`,
    nonce: '0',
    status: 'pending',
    createdAt,
    updatedAt: createdAt,
    blockNumber: null,
    error: null,
    ...overrides,
  };
}

const file = () => join(dir, 'activity.json');

describe('ActivityJournal (file)', () => {
  it('records, updates and lists newest first; every change is on disk and announced', async () => {
    const changes: ActivityEntry[] = [];
    let now = 5_000;
    const journal = await ActivityJournal.open(dir, { onChange: (e) => changes.push(e), now: () => now });
    expect(journal.list()).toEqual([]);
    await journal.record(entry('a1', 1_000));
    await journal.record(entry('b2', 3_000, { nonce: '2' }));
    await journal.record(entry('c3', 2_000, { nonce: '1' }));
    expect(journal.list().map((e) => e.id)).toEqual(['b2', 'c3', 'a1']);
    now = 9_000;
    const updated = await journal.update('c3', { status: 'confirmed', blockNumber: '42', fee: '21000000000000' });
    expect(updated).toEqual(entry('c3', 2_000, { nonce: '1', status: 'confirmed', blockNumber: '42', fee: '21000000000000', updatedAt: 9_000 }));
    expect(changes.map((e) => [e.id, e.status])).toEqual([['a1', 'pending'], ['b2', 'pending'], ['c3', 'pending'], ['c3', 'confirmed']]);

    const onDisk = JSON.parse(await readFile(file(), 'utf8')) as { version: number; entries: ActivityEntry[] };
    expect(onDisk.version).toBe(1);
    expect(onDisk.entries.map((e) => e.id).sort()).toEqual(['a1', 'b2', 'c3']);
    expect((await stat(file())).mode & 0o777).toBe(0o600);

    // A new instance on the same directory sees exactly the same journal.
    const reopened = await ActivityJournal.open(dir);
    expect(reopened.list()).toEqual(journal.list());
    expect(reopened.recovered).toBeNull();
  });

  it('refuses invalid entries, duplicate ids and unknown ids without changing anything', async () => {
    const journal = await ActivityJournal.open(dir);
    await journal.record(entry('a1', 1_000));
    const before = await readFile(file(), 'utf8');
    await expectStrataRejection(journal.record(entry('a1', 2_000)), 'INVALID_INPUT', /exists/);
    await expectStrataRejection(journal.record({ ...entry('x', 1), amount: '-5' }), 'INVALID_INPUT');
    await expectStrataRejection(journal.record({ ...entry('x', 1), chain: 'not a chain' }), 'INVALID_INPUT');
    await expectStrataRejection(journal.record({ ...entry('x', 1), extra: true } as ActivityEntry), 'INVALID_INPUT');
    await expectStrataRejection(journal.update('nope', { status: 'confirmed' }), 'INVALID_INPUT', /No activity entry/);
    await expectStrataRejection(journal.update('a1', { status: 'gone' as 'failed' }), 'INVALID_INPUT');
    await expectStrataRejection(journal.update('a1', { fee: '1.5' }), 'INVALID_INPUT');
    expect(await readFile(file(), 'utf8')).toBe(before);
    expect(journal.list()).toEqual([entry('a1', 1_000)]);
  });

  it('restores from the backup when activity.json is damaged, and keeps the damaged file', async () => {
    const journal = await ActivityJournal.open(dir);
    await journal.record(entry('a1', 1_000));
    await journal.record(entry('b2', 2_000));
    await writeFile(file(), '{"version":1,"entries":[{"id":');
    const restored = await ActivityJournal.open(dir);
    // The backup holds the version before the last write.
    expect(restored.list().map((e) => e.id)).toEqual(['a1']);
    expect(restored.recovered).toMatch(/damaged \(not JSON\); restored from the backup/);
    expect((await readdir(dir)).filter((name) => name.startsWith('activity.json.damaged-'))).toHaveLength(1);
  });

  it('refuses a journal written by a newer Strata and leaves it untouched', async () => {
    const newer = JSON.stringify({ version: 2, entries: [], somethingNew: true });
    await writeFile(file(), newer);
    await expectStrataRejection(ActivityJournal.open(dir), 'IO_ERROR', /newer Strata/);
    expect(await readFile(file(), 'utf8')).toBe(newer);
  });

  it('starts empty when both files are unusable', async () => {
    await writeFile(file(), JSON.stringify({ version: 1, entries: [{ id: 'x' }] }));
    const journal = await ActivityJournal.open(dir);
    expect(journal.list()).toEqual([]);
    expect(journal.recovered).toMatch(/entries do not match the format\); the journal starts empty/);
  });
});
