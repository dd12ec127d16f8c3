/** A chain's refresh failure in a few quiet words ("no RPC answered"); main's message when the code is unusual. */
export function chainErrorText(code: string, message: string): string {
  switch (code) {
    case 'RPC_UNAVAILABLE':
      return 'no RPC answered';
    case 'CHAIN_ID_MISMATCH':
      return 'its RPC endpoint serves another network';
    case 'PRICE_UNAVAILABLE':
      return 'no price available';
    default:
      return message.replace(/\.$/, '');
  }
}
