import { Interface } from 'ethers';

/** The part of ERC-20 the wallet calls: balances and plain transfers. */
export const ERC20_INTERFACE = new Interface([
  'function balanceOf(address owner) view returns (uint256)',
  'function transfer(address to, uint256 amount) returns (bool)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
]);
