import { Registry } from '@cosmjs/proto-signing';
import { AminoTypes, createBankAminoConverters, createIbcAminoConverters, defaultRegistryTypes } from '@cosmjs/stargate';
import { createOsmosisAminoConverters, MSG_SWAP_EXACT_AMOUNT_IN_TYPE_URL, MsgSwapExactAmountInType } from '../osmosis/poolManagerTypes';

/** Protobuf types of the messages Strata builds (bank, IBC transfer, staking, Osmosis poolmanager swaps, ...). */
export const cosmosRegistry = new Registry([...defaultRegistryTypes, [MSG_SWAP_EXACT_AMOUNT_IN_TYPE_URL, MsgSwapExactAmountInType]]);

/** Amino JSON converters for the messages Strata may sign in LEGACY_AMINO_JSON mode. */
export const cosmosAminoTypes = new AminoTypes({ ...createBankAminoConverters(), ...createIbcAminoConverters(), ...createOsmosisAminoConverters() });
