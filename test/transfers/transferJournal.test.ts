/**
 * The transfer journal on a real file system: the step state machine (every pair of states, from a journal file),
 * illegal transitions change nothing (memory and file), the format on disk, backup recovery, newer formats.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransferJournal } from '../../electron/services/transfers/transferJournal';
import { STEP_TRANSITIONS, StepState, type Transfer } from '../../shared/domain/transferRecord';
import { asset, routeOf, routeStep } from './testSteps';

let dir: string;
let clock: number;
const now = () => clock;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-transfer-journal-'));
  clock = 1_700_000_000_000;
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const eth = asset('eip155:31337', 'native', 'ETH');
const weth = asset('eip155:31337', '0x970c131e0F07aE3b3242fA335A469911a6b00646', 'WETH');
const route = (id = 'r1') => routeOf(id, [routeStep('swap', 'uniswap-v2', eth, weth, 10n ** 18n, 30), routeStep('swap', 'uniswap-v2', weth, weth, 10n ** 18n, 60)]);
const CALL = {
  label: 'deposit',
  chain: 'eip155:31337',
  from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  nonce: '7',
  hash: `0x${'ab'.repeat(32)}`,
  raw: '0x02f8',
  state: 'signed' as const,
  blockNumber: null,
  signedAt: 1_700_000_000_000,
};
const FAILURE = {
  reason: 'reverted' as const,
  message: 'reverted',
  fundsAt: { chain: 'eip155:31337', asset: eth, address: CALL.from, amount: '1' },
  action: 'retry' as const,
  summary: '1 wei is still at the sender',
};

describe('TransferJournal', () => {
  it('records a route as a running transfer, every step pending, in a versioned file; newest first', async () => {
    const journal = await TransferJournal.open(dir, { now });
    const first = await journal.create(route('r1'), { id: 'one' });
    clock += 1000;
    const second = await journal.create(route('r2'), { id: 'two' });
    expect(first).toEqual({
      id: 'one',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      route: route('r1'),
      status: 'running',
      steps: [
        { index: 0, state: 'pending', calls: [], amountIn: '1000000000000000000', amountOut: null, startedAt: null, updatedAt: 1_700_000_000_000, expectedSeconds: 30, delayed: false, failure: null },
        { index: 1, state: 'pending', calls: [], amountIn: '1000000000000000000', amountOut: null, startedAt: null, updatedAt: 1_700_000_000_000, expectedSeconds: 60, delayed: false, failure: null },
      ],
    });
    expect(journal.list().map((t) => t.id)).toEqual(['two', 'one']);
    const onDisk = JSON.parse(await readFile(join(dir, 'transfers.json'), 'utf8')) as { version: number; transfers: Transfer[] };
    expect(onDisk.version).toBe(1);
    expect(onDisk.transfers).toEqual([first, second]);
    expect((await TransferJournal.open(dir)).list()).toEqual([second, first]);
  });

  it('rejects an invalid route or a used id with INVALID_INPUT, and writes nothing', async () => {
    const journal = await TransferJournal.open(dir, { now });
    await expect(journal.create({ ...route(), steps: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(journal.create({ ...route(), amountIn: '-1' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await readdir(dir)).toEqual([]);
    await journal.create(route(), { id: 'same' });
    await expect(journal.create(route(), { id: 'same' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(journal.updateStep('nope', 0, 'signed')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(journal.updateStep('same', 5, 'signed')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(journal.list()).toHaveLength(1);
  });

  it('allows exactly the transitions of the state machine; an illegal one throws INTERNAL and changes neither memory nor file', async () => {
    const states = StepState.options;
    let allowed = 0;
    let refused = 0;
    for (const from of states) {
      for (const to of states) {
        if (from === to) continue;
        const base = await seedJournal(from);
        const journal = await TransferJournal.open(dir, { now });
        const fileBefore = await readFile(join(dir, 'transfers.json'), 'utf8');
        const patch = to === 'failed' ? { failure: FAILURE } : {};
        const legal = STEP_TRANSITIONS[from].includes(to);
        if (legal) {
          const after = await journal.updateStep('t', 0, to, patch);
          expect(after.steps[0]!.state, `${from} -> ${to}`).toBe(to);
          allowed += 1;
        } else {
          await expect(journal.updateStep('t', 0, to, patch), `${from} -> ${to}`).rejects.toMatchObject({ code: 'INTERNAL' });
          expect(journal.get('t'), `${from} -> ${to}`).toEqual(base);
          expect(await readFile(join(dir, 'transfers.json'), 'utf8'), `${from} -> ${to}`).toBe(fileBefore);
          refused += 1;
        }
      }
    }
    expect([allowed, refused]).toEqual([12, 30]);
  });

  it('carries a step\'s actual output into the next step\'s input; patches alone keep the state', async () => {
    const journal = await TransferJournal.open(dir, { now });
    await journal.create(route(), { id: 't' });
    await journal.updateStep('t', 0, 'signed', { calls: [CALL], startedAt: clock });
    await journal.updateStep('t', 0, 'signed', { delayed: true });
    clock += 5;
    const after = await journal.updateStep('t', 0, 'confirmed', { calls: [{ ...CALL, state: 'confirmed', blockNumber: '12' }], amountOut: '999' });
    expect(after.steps.map((s) => [s.state, s.amountIn, s.amountOut, s.delayed, s.updatedAt])).toEqual([
      ['confirmed', '1000000000000000000', '999', true, clock],
      ['pending', '999', null, false, clock - 5],
    ]);
    expect(after.updatedAt).toBe(clock);
  });

  it('ends a transfer once; then its steps are frozen (INTERNAL)', async () => {
    const journal = await TransferJournal.open(dir, { now });
    await journal.create(route(), { id: 't' });
    const done = await journal.finish('t', 'needs-attention');
    expect(done.status).toBe('needs-attention');
    await expect(journal.finish('t', 'completed')).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(journal.updateStep('t', 0, 'signed', { calls: [CALL] })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(journal.get('t')).toEqual(done);
  });

  it('rejects a change that breaks the format (INTERNAL) without writing: a bad hash, a failure without where the funds are', async () => {
    const journal = await TransferJournal.open(dir, { now });
    const created = await journal.create(route(), { id: 't' });
    const fileBefore = await readFile(join(dir, 'transfers.json'), 'utf8');
    await expect(journal.updateStep('t', 0, 'signed', { calls: [{ ...CALL, hash: 'not hex' }] })).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(journal.updateStep('t', 0, 'failed')).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(journal.updateStep('t', 0, 'signed', { calls: [CALL], failure: FAILURE })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(journal.get('t')).toEqual(created);
    expect(await readFile(join(dir, 'transfers.json'), 'utf8')).toBe(fileBefore);
  });

  it('recovers from the backup when the file is damaged (the damaged file is kept); refuses a newer format', async () => {
    const journal = await TransferJournal.open(dir, { now });
    const first = await journal.create(route(), { id: 'a' });
    await journal.create(route(), { id: 'b' });
    await writeFile(join(dir, 'transfers.json'), '{"version":1,"transfers":[{"id":');
    await writeFile(join(dir, 'transfers.json.tmp-0011223344556677'), 'half');
    const reopened = await TransferJournal.open(dir);
    expect(reopened.recovered).toBe('transfers.json was damaged (not JSON); restored from the backup');
    expect(reopened.list()).toEqual([first]);
    const names = await readdir(dir);
    expect(names.filter((n) => n.startsWith('transfers.json.damaged-'))).toHaveLength(1);
    expect(names.filter((n) => n.includes('.tmp-'))).toEqual([]);

    await writeFile(join(dir, 'transfers.json'), JSON.stringify({ version: 2, transfers: [] }));
    await expect(TransferJournal.open(dir)).rejects.toMatchObject({ code: 'IO_ERROR' });
  });
});

/** Writes a journal whose transfer `t` has step 0 in `state` (with what that state carries) and returns it. */
async function seedJournal(state: StepState): Promise<Transfer> {
  await rm(dir, { recursive: true, force: true });
  const journal = await TransferJournal.open(dir, { now });
  const created = await journal.create(route(), { id: 't' });
  const step = created.steps[0]!;
  const callState = state === 'pending' ? null : state === 'signed' || state === 'submitted' ? state : state === 'failed' ? 'failed' : 'confirmed';
  const seeded: Transfer = {
    ...created,
    steps: [
      { ...step, state, calls: callState === null ? [] : [{ ...CALL, state: callState }], failure: state === 'failed' ? FAILURE : null, startedAt: state === 'pending' ? null : clock },
      created.steps[1]!,
    ],
  };
  await writeFile(join(dir, 'transfers.json'), JSON.stringify({ version: 1, transfers: [seeded] }));
  return seeded;
}
