import { describe, expect, it } from 'vitest';
import { assertSendableRecipient, EVM_BURN_ADDRESSES } from '../../shared/addresses/assertSendableRecipient';
import { expectStrataError } from '../vault/helpers';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ACCOUNT_5 = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

describe('assertSendableRecipient', () => {
  it('refuses the zero address and every known burn address, in any case, for native and token sends', async () => {
    expect(EVM_BURN_ADDRESSES).toHaveLength(4);
    for (const burn of EVM_BURN_ADDRESSES) {
      for (const form of [burn, burn.toUpperCase().replace('0X', '0x'), ` ${burn} `]) {
        for (const asset of ['native', USDC]) await expectStrataError(() => assertSendableRecipient(form, asset), 'INVALID_RECIPIENT');
      }
    }
    const zero = await expectStrataError(() => assertSendableRecipient('0x0000000000000000000000000000000000000000', 'native'), 'INVALID_RECIPIENT');
    expect(zero.message).toBe('The zero address cannot receive a send: the funds would be lost');
  });

  it("refuses the token's own contract, but not another token's", async () => {
    const own = await expectStrataError(() => assertSendableRecipient(USDC.toLowerCase(), USDC), 'INVALID_RECIPIENT');
    expect(own.message).toBe("That is the token's own contract: tokens sent there are lost");
    expect(assertSendableRecipient(USDC, 'native')).toBeUndefined();
    expect(assertSendableRecipient(ACCOUNT_5, USDC)).toBeUndefined();
    expect(assertSendableRecipient('0x0000000000000000000000000000000000000002', 'native')).toBeUndefined();
    expect(assertSendableRecipient('cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5', 'uatom')).toBeUndefined();
  });
});
