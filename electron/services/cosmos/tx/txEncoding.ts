import { Registry } from '@cosmjs/proto-signing';
import { AminoTypes, createBankAminoConverters, createIbcAminoConverters, defaultRegistryTypes } from '@cosmjs/stargate';

/** Protobuf types of the messages Strata builds (bank, IBC transfer, staking, ...), as cosmjs registers them. */
export const cosmosRegistry = new Registry(defaultRegistryTypes);

/** Amino JSON converters for the messages Strata may sign in LEGACY_AMINO_JSON mode. */
export const cosmosAminoTypes = new AminoTypes({ ...createBankAminoConverters(), ...createIbcAminoConverters() });
