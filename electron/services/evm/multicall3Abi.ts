import { Interface } from 'ethers';

/**
 * Multicall3's canonical address: the same on nearly every public EVM chain (deployed with a presigned transaction),
 * and where the Strata devnet places its own.
 */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** The Multicall3 functions balances are read with. */
export const MULTICALL3_INTERFACE = new Interface([
  'function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)',
  'function getEthBalance(address addr) view returns (uint256 balance)',
]);
