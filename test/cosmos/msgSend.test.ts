import { describe, expect, it } from 'vitest';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { assertSufficientFunds } from '../../electron/services/cosmos/tx/assertSufficientFunds';
import { buildMsgSend } from '../../electron/services/cosmos/tx/buildMsgSend';
import { expectStrataError } from '../unit/expectStrataError';
import { COSMJS_TEST_ADDRESS_0, COSMJS_TEST_ADDRESS_1 } from './support/cosmosTestKeys';

const cosmoshub = resolveChain('cosmoshub');
const osmosis = resolveChain('osmosis');
/** The same 20 bytes as COSMJS_TEST_ADDRESS_0, with Osmosis' prefix. */
const OSMO_ADDRESS_0 = 'osmo1jhg0e7s6gn44tfc5k37kr04sznyhedtcdc35xx';
const USDC_ON_OSMOSIS = 'ibc/498A0751C798A0D9A389AA3691123DADA57DAA4FE165D5C75894505B876BA6E4';

describe('buildMsgSend', () => {
  it('builds a bank MsgSend in base units from a decimal amount', () => {
    expect(buildMsgSend(cosmoshub, { from: COSMJS_TEST_ADDRESS_0, to: ` ${COSMJS_TEST_ADDRESS_1.toUpperCase()} `, amount: '1.5' })).toEqual({
      typeUrl: '/cosmos.bank.v1beta1.MsgSend',
      value: { fromAddress: COSMJS_TEST_ADDRESS_0, toAddress: COSMJS_TEST_ADDRESS_1, amount: [{ denom: 'uatom', amount: '1500000' }] },
    });
  });

  it('reads decimals of IBC assets from the registry, and takes base units as bigint', () => {
    const usdc = buildMsgSend(osmosis, { from: OSMO_ADDRESS_0, to: OSMO_ADDRESS_0, amount: '2.25', denom: USDC_ON_OSMOSIS.toLowerCase() });
    expect(usdc.value.amount).toEqual([{ denom: USDC_ON_OSMOSIS, amount: '2250000' }]);
    const raw = buildMsgSend(osmosis, { from: OSMO_ADDRESS_0, to: OSMO_ADDRESS_0, amount: 7n, denom: 'factory/osmo1abc/utoken' });
    expect(raw.value.amount).toEqual([{ denom: 'factory/osmo1abc/utoken', amount: '7' }]);
  });

  it("rejects a recipient with another chain's prefix", () => {
    expectStrataError(
      () => buildMsgSend(cosmoshub, { from: COSMJS_TEST_ADDRESS_0, to: OSMO_ADDRESS_0, amount: '1' }),
      'INVALID_ADDRESS',
      /prefix "osmo", expected "cosmos"/,
    );
    expectStrataError(
      () => buildMsgSend(osmosis, { from: COSMJS_TEST_ADDRESS_0, to: OSMO_ADDRESS_0, amount: '1' }),
      'INVALID_ADDRESS',
      /prefix "cosmos", expected "osmo"/,
    );
  });

  it('rejects bad checksums, bad amounts and denoms', () => {
    const badChecksum = `${COSMJS_TEST_ADDRESS_1.slice(0, -1)}${COSMJS_TEST_ADDRESS_1.endsWith('m') ? 'n' : 'm'}`;
    expectStrataError(() => buildMsgSend(cosmoshub, { from: COSMJS_TEST_ADDRESS_0, to: badChecksum, amount: '1' }), 'INVALID_ADDRESS');
    const base = { from: COSMJS_TEST_ADDRESS_0, to: COSMJS_TEST_ADDRESS_1 };
    expectStrataError(() => buildMsgSend(cosmoshub, { ...base, amount: '0' }), 'INVALID_AMOUNT');
    expectStrataError(() => buildMsgSend(cosmoshub, { ...base, amount: '-1' }), 'INVALID_AMOUNT');
    expectStrataError(() => buildMsgSend(cosmoshub, { ...base, amount: '0.0000001' }), 'INVALID_AMOUNT', /Too many decimals/);
    expectStrataError(() => buildMsgSend(cosmoshub, { ...base, amount: '1e3' }), 'INVALID_AMOUNT');
    expectStrataError(() => buildMsgSend(cosmoshub, { ...base, amount: 0n }), 'INVALID_AMOUNT');
    expectStrataError(() => buildMsgSend(cosmoshub, { ...base, amount: 2n ** 256n }), 'INVALID_AMOUNT');
    expectStrataError(() => buildMsgSend(cosmoshub, { ...base, amount: '1', denom: 'u' }), 'INVALID_INPUT');
    expectStrataError(() => buildMsgSend(cosmoshub, { ...base, amount: '1', denom: 'ufoo' }), 'UNKNOWN_ASSET');
  });
});

describe('assertSufficientFunds', () => {
  const balances = [
    { denom: 'uatom', symbol: 'ATOM', decimals: 6, amount: 1_000_000n },
    { denom: USDC_ON_OSMOSIS, symbol: 'USDC', decimals: 6, amount: 5_000_000n },
  ];

  it('counts the fee against the sent denom when it is paid in that denom', () => {
    expect(() => assertSufficientFunds(balances, [{ denom: 'uatom', amount: 995_000n }], { denom: 'uatom', amount: 5_000n })).not.toThrow();
    expectStrataError(
      () => assertSufficientFunds(balances, [{ denom: 'uatom', amount: 995_001n }], { denom: 'uatom', amount: 5_000n }),
      'INSUFFICIENT_FUNDS',
      /^Not enough ATOM: 1\.000001 ATOM needed \(0\.995001 ATOM \+ fee 0\.005 ATOM\), 1 ATOM available$/,
    );
  });

  it('checks each denom on its own when the fee is paid in another one', () => {
    expect(() =>
      assertSufficientFunds(balances, [{ denom: USDC_ON_OSMOSIS, amount: 5_000_000n }], { denom: 'uatom', amount: 1_000_000n }),
    ).not.toThrow();
    expectStrataError(
      () => assertSufficientFunds(balances, [{ denom: USDC_ON_OSMOSIS, amount: 5_000_000n }], { denom: 'uatom', amount: 1_000_001n }),
      'INSUFFICIENT_FUNDS',
      /^Not enough ATOM: 1\.000001 ATOM needed for the fee, 1 ATOM available$/,
    );
    expectStrataError(
      () => assertSufficientFunds(balances, [{ denom: 'uosmo', amount: 1n }]),
      'INSUFFICIENT_FUNDS',
      /^Not enough uosmo: 1 uosmo needed, 0 uosmo available$/,
    );
  });
});
