import type { StandIns } from '../cosmos/support/cosmosStandIns';

/** Stand-in chains as new between tests: no transactions or broadcasts, no accepted messages, acknowledging relayer, no accounts. */
export function resetCosmosStandIns(standIns: StandIns): void {
  for (const chain of Object.values(standIns.chains)) {
    chain.txs.length = 0;
    chain.broadcasts.length = 0;
  }
  standIns.accepted.length = 0;
  standIns.relay.mode = 'ack';
  standIns.sequences.clear();
}
