// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.22;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {OFT} from "@layerzerolabs/oft-evm/contracts/OFT.sol";

/// @title Strata Bridge Token (devnet): a LayerZero V2 OFT on both devnet chains
/// @notice The owner (the devnet deployer) is also the OApp delegate on the endpoint and wires the peers. `mint` is
///         owner-only so that the devnet's supply is set by the deploy steps alone; bridging burns on the source and
///         mints on the destination (OFT).
contract StrataBridgeToken is OFT {
    constructor(string memory name_, string memory symbol_, address endpoint_, address owner_)
        OFT(name_, symbol_, endpoint_, owner_)
        Ownable(owner_)
    {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
