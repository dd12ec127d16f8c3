// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

interface IERC20Pull {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// @title The EVM side of Axelar's gateway as the wallet sees it, for tests only
/// @notice `sendToken` pulls the approved tokens and emits `TokenSent` with the real gateway's signature and fields;
///         the Axelar network that would act on it is stood in for by its APIs' recorded answers.
contract StandInAxelarGateway {
    event TokenSent(address indexed sender, string destinationChain, string destinationAddress, string symbol, uint256 amount);

    address public immutable token;

    constructor(address token_) {
        token = token_;
    }

    function sendToken(string calldata destinationChain, string calldata destinationAddress, string calldata symbol, uint256 amount) external {
        require(IERC20Pull(token).transferFrom(msg.sender, address(this), amount), "transferFrom failed");
        emit TokenSent(msg.sender, destinationChain, destinationAddress, symbol, amount);
    }
}
