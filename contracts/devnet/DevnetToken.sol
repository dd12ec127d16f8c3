// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title An ERC-20 for local devnets only
/// @notice Decimals are chosen at deployment (6 for the USD stablecoin, like USDC), EIP-2612 permit is supported
///         because wallets sign permits, and `mint` is open to anyone: on a devnet the token is its own faucet.
contract DevnetToken is ERC20, ERC20Permit {
    uint8 private immutable _decimals;

    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) ERC20Permit(name_) {
        _decimals = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Creates `amount` base units for `to`. Devnet only: there is no access control on purpose.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
