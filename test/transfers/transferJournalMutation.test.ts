/**
 * The transfer journal's smaller rules pinned exactly (issue #18): ordering of list(), change listeners (copies,
 * failures swallowed), no-op updates that write nothing, when an actual output becomes the next step's input, damaged
 * files without a backup, write failures, and the file's exact text.
 */
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransferJournal } from '../../electron/services/transfers/transferJournal';
import type { Transfer } from '../../shared/domain/transferRecord';
import { asset, routeOf, routeStep } from './testSteps';

let dir: string;
let clock: number;
const now = () => clock;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-journal-mutation-'));
  clock = 1_700_000_000_000;
});
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

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

describe('TransferJournal details', () => {
  it('lists newest first, and by id descending when created at the same time', async () => {
    const journal = await TransferJournal.open(dir, { now });
    await journal.create(route(), { id: 'b' });
    await journal.create(route(), { id: 'c' });
    await journal.create(route(), { id: 'a' });
    clock += 1;
    await journal.create(route(), { id: 'd' });
    clock -= 10;
    await journal.create(route(), { id: 'e' });
    expect(journal.list().map((t) => t.id)).toEqual(['d', 'c', 'b', 'a', 'e']);
    expect(journal.get('zzz')).toBeNull();
  });

  it('gives a new transfer a random 32-hex-digit id and keeps the account id when given', async () => {
    const journal = await TransferJournal.open(dir, { now });
    expect(journal.recovered).toBeNull();
    const one = await journal.create(route());
    const two = await journal.create(route(), { accountId: 'acc-7' });
    expect(one.id).toMatch(/^[0-9a-f]{32}$/);
    expect(two.id).toMatch(/^[0-9a-f]{32}$/);
    expect(one.id).not.toBe(two.id);
    expect('accountId' in one).toBe(false);
    expect(two.accountId).toBe('acc-7');
  });

  it('calls onChange with a copy after each committed change; a throwing listener changes nothing', async () => {
    const seen: Transfer[] = [];
    const journal = await TransferJournal.open(dir, {
      now,
      onChange: (t) => {
        seen.push(t);
        t.status = 'failed';
        throw new Error('listener failure');
      },
    });
    const created = await journal.create(route(), { id: 't' });
    expect(created.status).toBe('running');
    expect(journal.get('t')?.status).toBe('running');
    const signed = await journal.updateStep('t', 0, 'signed', { calls: [CALL] });
    const done = await journal.finish('t', 'completed');
    expect(seen.map((t) => [t.id, t.steps[0]?.state])).toEqual([
      ['t', 'pending'],
      ['t', 'signed'],
      ['t', 'signed'],
    ]);
    expect(signed.status).toBe('running');
    expect(done.status).toBe('completed');
    // the returned transfer is a copy as well
    done.steps[0]!.state = 'failed';
    expect(journal.get('t')?.steps[0]?.state).toBe('signed');
  });

  it('an update to the same state without a patch writes nothing and changes nothing', async () => {
    const journal = await TransferJournal.open(dir, { now });
    const created = await journal.create(route(), { id: 't' });
    const before = await readFile(join(dir, 'transfers.json'), 'utf8');
    clock += 100;
    const same = await journal.updateStep('t', 0, 'pending');
    expect(same).toEqual(created);
    expect(await readFile(join(dir, 'transfers.json'), 'utf8')).toBe(before);
    // a patch alone on the same state is written, with the new time
    const delayed = await journal.updateStep('t', 0, 'pending', { delayed: true });
    expect([delayed.steps[0]?.delayed, delayed.steps[0]?.updatedAt, delayed.updatedAt]).toEqual([true, clock, clock]);
  });

  it("carries an actual output to the next step only while that step is pending, and never a null one", async () => {
    const journal = await TransferJournal.open(dir, { now });
    await journal.create(route(), { id: 't' });
    await journal.updateStep('t', 0, 'signed', { calls: [CALL] });
    const nulled = await journal.updateStep('t', 0, 'signed', { amountOut: null, delayed: true });
    expect(nulled.steps[1]?.amountIn).toBe('1000000000000000000');
    await journal.updateStep('t', 1, 'signed', { calls: [{ ...CALL, nonce: '8', hash: `0x${'cd'.repeat(32)}` }] });
    const late = await journal.updateStep('t', 0, 'confirmed', { calls: [{ ...CALL, state: 'confirmed', blockNumber: '3' }], amountOut: '5' });
    expect(late.steps.map((s) => [s.state, s.amountIn, s.amountOut])).toEqual([
      ['confirmed', '1000000000000000000', '5'],
      ['signed', '1000000000000000000', null],
    ]);
    // the last step has no next step to carry to
    const last = await journal.updateStep('t', 1, 'confirmed', { calls: [{ ...CALL, nonce: '8', hash: `0x${'cd'.repeat(32)}`, state: 'confirmed', blockNumber: '4' }], amountOut: '4' });
    expect(last.steps.map((s) => s.amountOut)).toEqual(['5', '4']);
  });

  it('writes the file as {version: 1, transfers} with one-space indentation and a trailing newline', async () => {
    const journal = await TransferJournal.open(dir, { now });
    const created = await journal.create(route(), { id: 't' });
    expect(await readFile(join(dir, 'transfers.json'), 'utf8')).toBe(`${JSON.stringify({ version: 1, transfers: [created] }, null, 1)}\n`);
  });

  it('a damaged file without a backup starts an empty journal and says so; the damaged file is kept', async () => {
    await writeFile(join(dir, 'transfers.json'), 'not json at all');
    const journal = await TransferJournal.open(dir, { now });
    expect(journal.recovered).toBe('transfers.json was damaged (not JSON); the journal starts empty');
    expect(journal.list()).toEqual([]);
    const names = await readdir(dir);
    expect(names.filter((n) => /^transfers\.json\.damaged-\d+$/.test(n))).toHaveLength(1);
    expect(names.includes('transfers.json')).toBe(false);
  });

  it('names the journal in its errors and reasons, and clears leftovers of interrupted writes of both files', async () => {
    await writeFile(join(dir, 'transfers.json'), JSON.stringify({ version: 1, transfers: [{ id: 'x' }] }));
    await writeFile(join(dir, 'transfers.json.tmp-00aa'), 'half');
    await writeFile(join(dir, 'transfers.json.bak.tmp-00bb'), 'half');
    const journal = await TransferJournal.open(dir, { now });
    expect(journal.recovered).toBe('transfers.json was damaged (transfers do not match the format); the journal starts empty');
    expect((await readdir(dir)).filter((n) => n.includes('.tmp-'))).toEqual([]);
    await writeFile(join(dir, 'transfers.json'), JSON.stringify({ version: 7, transfers: [] }));
    await expect(TransferJournal.open(dir)).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: 'The transfer journal was written by a newer Strata (format 7); update Strata to read it',
    });
  });

  it('a write that fails is IO_ERROR and changes nothing in memory', async () => {
    const journal = await TransferJournal.open(dir, { now });
    const created = await journal.create(route(), { id: 't' });
    await chmod(dir, 0o500);
    if (process.getuid?.() === 0) {
      // root ignores directory permissions: make the write fail another way (the temp file name is taken by a dir)
      await chmod(dir, 0o700);
      await rm(join(dir, 'transfers.json'));
      await (await import('node:fs/promises')).mkdir(join(dir, 'transfers.json'));
    }
    const failure = await journal.updateStep('t', 0, 'signed', { calls: [CALL] }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'IO_ERROR', message: 'The transfer journal could not be saved' });
    expect((failure as Error).cause).toMatchObject({ code: expect.stringMatching(/^E[A-Z]+$/) });
    expect(journal.get('t')).toEqual(created);
    await expect(journal.finish('t', 'failed')).rejects.toMatchObject({ code: 'IO_ERROR' });
    expect(journal.get('t')?.status).toBe('running');
  });

  it('changing one transfer keeps every other one, in memory and on disk', async () => {
    const journal = await TransferJournal.open(dir, { now });
    const a = await journal.create(route(), { id: 'a' });
    clock += 1;
    await journal.create(route(), { id: 'b' });
    const b = await journal.updateStep('b', 0, 'signed', { calls: [CALL] });
    const c = await journal.finish('b', 'needs-attention');
    expect(journal.list()).toEqual([c, a]);
    expect(b.steps[0]?.state).toBe('signed');
    const reopened = await TransferJournal.open(dir);
    expect(reopened.list()).toEqual([c, a]);
    const done = await journal.finish('a', 'completed');
    expect((await TransferJournal.open(dir)).list()).toEqual([c, done]);
  });

  it('says exactly what is wrong with a bad route, a used id, or a change that breaks the format', async () => {
    const journal = await TransferJournal.open(dir, { now });
    const bad = await journal.create({ ...route(), steps: [] }).catch((error: unknown) => error);
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', message: 'Not a valid route' });
    expect(String((bad as { details?: unknown }).details)).toMatch(/steps/);
    await journal.create(route(), { id: 't' });
    await expect(journal.create(route(), { id: 't' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'A transfer with this id exists' });
    const broken = await journal.updateStep('t', 0, 'signed', { calls: [{ ...CALL, hash: 'not hex' }] }).catch((error: unknown) => error);
    expect(broken).toMatchObject({ code: 'INTERNAL', message: 'The transfer change does not match the format' });
    expect(String((broken as { details?: unknown }).details)).toMatch(/hash/);
    await expect(journal.updateStep('t', 0, 'failed')).rejects.toMatchObject({ code: 'INTERNAL', message: 'A failed step, and only a failed step, carries its failure' });
  });

  it('names the illegal transitions and the unknown transfer', async () => {
    const journal = await TransferJournal.open(dir, { now });
    await journal.create(route(), { id: 't' });
    await expect(journal.updateStep('t', 0, 'delivered')).rejects.toMatchObject({ code: 'INTERNAL', message: 'Illegal step transition pending -> delivered' });
    await expect(journal.updateStep('x', 0, 'signed')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'No transfer has this id' });
    await expect(journal.updateStep('t', 2, 'signed')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'The transfer has no such step' });
    await journal.finish('t', 'failed');
    await expect(journal.finish('t', 'completed')).rejects.toMatchObject({ code: 'INTERNAL', message: 'Illegal transfer status change failed -> completed' });
    await expect(journal.updateStep('t', 0, 'signed', { calls: [CALL] })).rejects.toMatchObject({ code: 'INTERNAL', message: 'Transfer t is failed; its steps cannot change' });
  });
});
