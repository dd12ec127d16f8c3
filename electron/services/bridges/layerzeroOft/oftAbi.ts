/** The parts of LayerZero V2's IOFT the adapter calls and reads (same as @layerzerolabs/oft-evm's IOFT.sol). */

const SEND_PARAM = {
  name: 'sendParam',
  type: 'tuple',
  components: [
    { name: 'dstEid', type: 'uint32' },
    { name: 'to', type: 'bytes32' },
    { name: 'amountLD', type: 'uint256' },
    { name: 'minAmountLD', type: 'uint256' },
    { name: 'extraOptions', type: 'bytes' },
    { name: 'composeMsg', type: 'bytes' },
    { name: 'oftCmd', type: 'bytes' },
  ],
} as const;

const MESSAGING_FEE = {
  type: 'tuple',
  components: [
    { name: 'nativeFee', type: 'uint256' },
    { name: 'lzTokenFee', type: 'uint256' },
  ],
} as const;

const OFT_RECEIPT = {
  name: 'receipt',
  type: 'tuple',
  components: [
    { name: 'amountSentLD', type: 'uint256' },
    { name: 'amountReceivedLD', type: 'uint256' },
  ],
} as const;

export const OFT_ABI = [
  {
    type: 'function',
    name: 'quoteOFT',
    stateMutability: 'view',
    inputs: [SEND_PARAM],
    outputs: [
      { name: 'limit', type: 'tuple', components: [{ name: 'minAmountLD', type: 'uint256' }, { name: 'maxAmountLD', type: 'uint256' }] },
      { name: 'oftFeeDetails', type: 'tuple[]', components: [{ name: 'feeAmountLD', type: 'int256' }, { name: 'description', type: 'string' }] },
      OFT_RECEIPT,
    ],
  },
  {
    type: 'function',
    name: 'quoteSend',
    stateMutability: 'view',
    inputs: [SEND_PARAM, { name: 'payInLzToken', type: 'bool' }],
    outputs: [{ name: 'fee', ...MESSAGING_FEE }],
  },
  {
    type: 'function',
    name: 'send',
    stateMutability: 'payable',
    inputs: [SEND_PARAM, { name: 'fee', ...MESSAGING_FEE }, { name: 'refundAddress', type: 'address' }],
    outputs: [
      {
        name: 'msgReceipt',
        type: 'tuple',
        components: [
          { name: 'guid', type: 'bytes32' },
          { name: 'nonce', type: 'uint64' },
          { name: 'fee', ...MESSAGING_FEE },
        ],
      },
      OFT_RECEIPT,
    ],
  },
  {
    type: 'event',
    name: 'OFTSent',
    inputs: [
      { name: 'guid', type: 'bytes32', indexed: true },
      { name: 'dstEid', type: 'uint32', indexed: false },
      { name: 'fromAddress', type: 'address', indexed: true },
      { name: 'amountSentLD', type: 'uint256', indexed: false },
      { name: 'amountReceivedLD', type: 'uint256', indexed: false },
    ],
  },
  {
    type: 'event',
    name: 'OFTReceived',
    inputs: [
      { name: 'guid', type: 'bytes32', indexed: true },
      { name: 'srcEid', type: 'uint32', indexed: false },
      { name: 'toAddress', type: 'address', indexed: true },
      { name: 'amountReceivedLD', type: 'uint256', indexed: false },
    ],
  },
] as const;

/** OAppCore's peer of a remote eid (bytes32(0): not wired, every send to it reverts NoPeer). */
export const OAPP_PEERS_ABI = [
  {
    type: 'function',
    name: 'peers',
    stateMutability: 'view',
    inputs: [{ name: 'eid', type: 'uint32' }],
    outputs: [{ name: 'peer', type: 'bytes32' }],
  },
] as const;

/** EndpointV2's LzReceiveAlert (ILayerZeroEndpointV2): the executor's report of a receiver that reverted. */
export const LZ_RECEIVE_ALERT_ABI = [
  {
    type: 'event',
    name: 'LzReceiveAlert',
    inputs: [
      { name: 'receiver', type: 'address', indexed: true },
      { name: 'executor', type: 'address', indexed: true },
      {
        name: 'origin',
        type: 'tuple',
        indexed: false,
        components: [
          { name: 'srcEid', type: 'uint32' },
          { name: 'sender', type: 'bytes32' },
          { name: 'nonce', type: 'uint64' },
        ],
      },
      { name: 'guid', type: 'bytes32', indexed: false },
      { name: 'gas', type: 'uint256', indexed: false },
      { name: 'value', type: 'uint256', indexed: false },
      { name: 'message', type: 'bytes', indexed: false },
      { name: 'extraData', type: 'bytes', indexed: false },
      { name: 'reason', type: 'bytes', indexed: false },
    ],
  },
] as const;
