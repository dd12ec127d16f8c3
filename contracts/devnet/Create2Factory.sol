// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";

/// @title CREATE2 factory of the devnet deployer
/// @notice Every devnet contract is deployed through this factory with a salt named after its deploy step, so its
///         address depends only on the salt and the init code: the same on every chain and every run, whatever
///         else was deployed before. Deployed constructors see this factory as `msg.sender`.
contract Create2Factory {
    event Deployed(address indexed addr, bytes32 indexed salt);

    function deploy(bytes32 salt, bytes calldata initCode) external payable returns (address addr) {
        addr = Create2.deploy(msg.value, salt, initCode);
        emit Deployed(addr, salt);
    }

    function computeAddress(bytes32 salt, bytes32 initCodeHash) external view returns (address) {
        return Create2.computeAddress(salt, initCodeHash);
    }
}
