import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  attributeEncodingFor,
  eventAttributeValues,
  normalizeEventAttributes,
  type RawEvent,
} from '../../electron/services/cosmos/rpc/normalizeEventAttributes';
import { COSMJS_TEST_ADDRESS_0, COSMJS_TEST_ADDRESS_1 } from './support/cosmosTestKeys';

/** `tx` responses as a Tendermint 0.34 node (base64 attributes) and a CometBFT 0.38 node (plain) write them. */
function fixtureEvents(name: string): RawEvent[] {
  const response = JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as { result: { tx_result: { events: RawEvent[] } } };
  return response.result.tx_result.events;
}

const FEE_COLLECTOR = 'cosmos17xpfvakm2amg962yls6f84z3kell8c5lserqta';

describe('attributeEncodingFor', () => {
  it('reads base64 from Tendermint before 0.37 and plain text from 0.37 on', () => {
    expect(attributeEncodingFor('0.34.24')).toBe('base64');
    expect(attributeEncodingFor('v0.34.27')).toBe('base64');
    expect(attributeEncodingFor('0.33.9')).toBe('base64');
    expect(attributeEncodingFor('0.37.4')).toBe('plain');
    expect(attributeEncodingFor('0.38.17')).toBe('plain');
    expect(attributeEncodingFor('1.0.1')).toBe('plain');
    expect(attributeEncodingFor('')).toBe('plain');
  });
});

describe('normalizeEventAttributes', () => {
  it('decodes a Tendermint 0.34 tx_result: base64 keys and values become text', () => {
    const raw = fixtureEvents('tx-tendermint-0.34.json');
    expect(raw[3]).toEqual({ type: 'message', attributes: [{ key: 'c2VuZGVy', value: expect.any(String), index: true }] });
    const events = normalizeEventAttributes(raw, 'base64');
    expect(events[3]).toEqual({ type: 'message', attributes: [{ key: 'sender', value: COSMJS_TEST_ADDRESS_0 }] });
    expect(events[10]).toEqual({
      type: 'transfer',
      attributes: [
        { key: 'recipient', value: COSMJS_TEST_ADDRESS_1 },
        { key: 'sender', value: COSMJS_TEST_ADDRESS_0 },
        { key: 'amount', value: '1000000uatom' },
      ],
    });
    expect(eventAttributeValues(events, 'transfer', 'recipient')).toEqual([FEE_COLLECTOR, COSMJS_TEST_ADDRESS_1]);
    expect(eventAttributeValues(events, 'tx', 'acc_seq')).toEqual([`${COSMJS_TEST_ADDRESS_0}/7`]);
    expect(eventAttributeValues(events, 'message', 'action')).toEqual(['/cosmos.bank.v1beta1.MsgSend']);
  });

  it('keeps a CometBFT 0.38 tx_result as it is, minus the index flags', () => {
    const raw = fixtureEvents('tx-cometbft-0.38.json');
    const events = normalizeEventAttributes(raw, 'plain');
    expect(events[10]).toEqual({
      type: 'transfer',
      attributes: [
        { key: 'recipient', value: COSMJS_TEST_ADDRESS_1 },
        { key: 'sender', value: COSMJS_TEST_ADDRESS_0 },
        { key: 'amount', value: '1000000uatom' },
        { key: 'msg_index', value: '0' },
      ],
    });
    expect(eventAttributeValues(events, 'transfer', 'recipient')).toEqual([FEE_COLLECTOR, COSMJS_TEST_ADDRESS_1]);
    expect(eventAttributeValues(events, 'tx', 'fee')).toEqual(['2500uatom']);
  });

  it('gives the same events for both node versions of the same transaction', () => {
    const strip = (events: ReturnType<typeof normalizeEventAttributes>) =>
      events
        .map((e) => ({ type: e.type, attributes: e.attributes.filter((a) => a.key !== 'msg_index' && a.key !== 'fee_payer') }))
        .filter((e) => e.attributes.length > 0);
    const old = strip(normalizeEventAttributes(fixtureEvents('tx-tendermint-0.34.json'), 'base64'));
    const current = strip(normalizeEventAttributes(fixtureEvents('tx-cometbft-0.38.json'), 'plain'));
    for (const type of ['transfer', 'coin_spent', 'coin_received']) {
      expect(old.filter((e) => e.type === type)).toEqual(current.filter((e) => e.type === type));
    }
    expect(eventAttributeValues(old, 'tx', 'signature')).toEqual(eventAttributeValues(current, 'tx', 'signature'));
  });

  it('copes with missing values and attributes, and with text that is not base64', () => {
    expect(
      normalizeEventAttributes(
        [
          { type: 'a', attributes: [{ key: 'a2V5', value: null }, { key: 'not base64!', value: 'dmFsdWU=' }] },
          { type: 'b', attributes: null },
          { type: 'c' },
        ],
        'base64',
      ),
    ).toEqual([
      { type: 'a', attributes: [{ key: 'key', value: '' }, { key: 'not base64!', value: 'value' }] },
      { type: 'b', attributes: [] },
      { type: 'c', attributes: [] },
    ]);
    // Plain mode never decodes, even text that happens to be valid base64.
    expect(normalizeEventAttributes([{ type: 'message', attributes: [{ key: 'c2VuZGVy', value: 'abcd' }] }], 'plain')).toEqual([
      { type: 'message', attributes: [{ key: 'c2VuZGVy', value: 'abcd' }] },
    ]);
  });
});
