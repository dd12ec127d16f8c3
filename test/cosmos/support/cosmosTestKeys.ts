/** The cosmjs test mnemonic, a vault holding it, and the chains the tests sign for. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vault } from '../../../electron/services/vault/vault';

/** cosmjs' test mnemonic; account 0 on m/44'/118'/0'/0/0 is cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5. */
export const COSMJS_TEST_MNEMONIC = 'special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling';
export const COSMJS_TEST_ADDRESS_0 = 'cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5';
export const COSMJS_TEST_ADDRESS_1 = 'cosmos1jc26t6dp59smtkf75e784dzwmgjlhkscdp7e3m';

const PASSWORD = 'cosmos test password';

export interface TestVault {
  vault: Vault;
  /** id of HD account 0 */
  accountId: string;
  dispose(): Promise<void>;
}

/** A real vault in a temp dir (cheap scrypt), created from `mnemonic`, unlocked. */
export async function openTestVault(mnemonic: string = COSMJS_TEST_MNEMONIC): Promise<TestVault> {
  const dir = await mkdtemp(join(tmpdir(), 'strata-cosmos-test-'));
  const vault = new Vault({ dir, kdf: { N: 2 ** 10 } });
  await vault.create(PASSWORD, { mnemonic, passphrase: '' });
  const [first] = vault.accounts();
  if (first === undefined) throw new Error('the vault has no account');
  return {
    vault,
    accountId: first.id,
    dispose: async () => {
      vault.lock();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
