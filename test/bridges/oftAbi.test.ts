import { Interface } from 'ethers';
import { describe, expect, it } from 'vitest';
import { OFT_ABI } from '../../electron/services/bridges/layerzeroOft/oftAbi';
import { loadDevnetArtifacts } from '../../electron/services/devnet/solidity/compileContracts';

describe('OFT ABI', () => {
  it('matches the compiled OFT (StrataBridgeToken, from @layerzerolabs/oft-evm) function by function and event by event', async () => {
    const compiled = new Interface((await loadDevnetArtifacts()).artifacts.contracts.StrataBridgeToken?.abi as never);
    const ours = new Interface(OFT_ABI as never);
    const names: string[] = [];
    ours.forEachFunction((f) => {
      names.push(f.name);
      expect(f.format('minimal')).toBe(compiled.getFunction(f.name)?.format('minimal'));
    });
    ours.forEachEvent((e) => {
      names.push(e.name);
      expect(e.format('minimal')).toBe(compiled.getEvent(e.name)?.format('minimal'));
    });
    expect(names.sort()).toEqual(['OFTReceived', 'OFTSent', 'quoteOFT', 'quoteSend', 'send']);
  });
});
