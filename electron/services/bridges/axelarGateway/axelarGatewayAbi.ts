import { parseAbi } from 'viem';

/** The parts of Axelar's IAxelarGateway the adapter calls and reads (as in @axelar-network/axelar-gmp-sdk-solidity). */
export const AXELAR_GATEWAY_ABI = parseAbi([
  'function sendToken(string destinationChain, string destinationAddress, string symbol, uint256 amount)',
  'function isCommandExecuted(bytes32 commandId) view returns (bool)',
  'event TokenSent(address indexed sender, string destinationChain, string destinationAddress, string symbol, uint256 amount)',
  'event Executed(bytes32 indexed commandId)',
]);
