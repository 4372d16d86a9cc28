// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {UnitHelpers} from "./UnitHelpers.sol";

/// @notice BridgedToken: minter role, decimals, burn, permit.
contract BridgedTokenTest is UnitHelpers {
    address internal dave = makeAddr("dave");

    function test_Metadata_NameSymbolDecimals() public view {
        vm.assertEq(usdt.name(), "Tether USD (local)");
        vm.assertEq(usdt.symbol(), "USDT");
        vm.assertEq(uint256(usdt.decimals()), 6);
        vm.assertEq(uint256(wbtc.decimals()), 8);
        vm.assertEq(uint256(ifil.decimals()), 18);
    }

    function test_Constructor_GrantsAdminOnly() public {
        BridgedToken t = new BridgedToken("X", "X", 0, carol);
        vm.assertTrue(t.hasRole(t.DEFAULT_ADMIN_ROLE(), carol));
        vm.assertFalse(t.hasRole(t.MINTER_ROLE(), carol), "the admin must appoint minters");
        vm.assertEq(uint256(t.decimals()), 0);
    }

    function test_Mint_ByMinterEmitsAndCredits() public {
        vm.expectEmit(address(wbtc));
        emit IERC20.Transfer(address(0), dave, 5e8);
        vm.prank(bridge);
        wbtc.mint(dave, 5e8);
        vm.assertEq(wbtc.balanceOf(dave), 5e8);
        vm.assertEq(wbtc.totalSupply(), 5e8);
    }

    function test_RevertWhen_NonMinterMints() public {
        bytes32 role = wbtc.MINTER_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, dave, role));
        vm.prank(dave);
        wbtc.mint(dave, 1);
    }

    function test_RevertWhen_AdminWithoutMinterRoleMints() public {
        bytes32 role = wbtc.MINTER_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, address(this), role)
        );
        wbtc.mint(dave, 1);
    }

    function test_RevertWhen_MintingToZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, address(0)));
        vm.prank(bridge);
        wbtc.mint(address(0), 1);
    }

    function test_Burn_HolderRedeems() public {
        vm.prank(bridge);
        wbtc.mint(dave, 5e8);
        vm.expectEmit(address(wbtc));
        emit IERC20.Transfer(dave, address(0), 2e8);
        vm.prank(dave);
        wbtc.burn(2e8);
        vm.assertEq(wbtc.balanceOf(dave), 3e8);
        vm.assertEq(wbtc.totalSupply(), 3e8);
    }

    function test_BurnFrom_SpendsAllowance() public {
        vm.prank(bridge);
        wbtc.mint(dave, 5e8);
        vm.prank(dave);
        wbtc.approve(bridge, 3e8);
        vm.prank(bridge);
        wbtc.burnFrom(dave, 2e8);
        vm.assertEq(wbtc.balanceOf(dave), 3e8);
        vm.assertEq(wbtc.allowance(dave, bridge), 1e8);
    }

    function test_RevertWhen_BurningMoreThanBalance() public {
        vm.prank(bridge);
        wbtc.mint(dave, 1);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, dave, 1, 2));
        vm.prank(dave);
        wbtc.burn(2);
    }

    function test_RevertWhen_BurnFromWithoutAllowance() public {
        vm.prank(bridge);
        wbtc.mint(dave, 1);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, bridge, 0, 1));
        vm.prank(bridge);
        wbtc.burnFrom(dave, 1);
    }

    function test_Permit_SetsAllowanceAndBumpsNonce() public {
        uint256 deadline = block.timestamp + 1 days;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(usdt, "dave", carol, 77e6, deadline);
        vm.expectEmit(address(usdt));
        emit IERC20.Approval(dave, carol, 77e6);
        usdt.permit(dave, carol, 77e6, deadline, v, r, s); // anyone may submit it
        vm.assertEq(usdt.allowance(dave, carol), 77e6);
        vm.assertEq(usdt.nonces(dave), 1);
    }

    function test_Permit_DomainIsPerToken() public view {
        vm.assertTrue(usdt.DOMAIN_SEPARATOR() != ifil.DOMAIN_SEPARATOR());
    }

    function test_RevertWhen_PermitExpired() public {
        uint256 deadline = block.timestamp - 1;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(usdt, "dave", carol, 1, deadline);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612ExpiredSignature.selector, deadline));
        usdt.permit(dave, carol, 1, deadline, v, r, s);
    }

    function test_RevertWhen_PermitSignedBySomeoneElse() public {
        uint256 deadline = block.timestamp + 1;
        (uint8 v, bytes32 r, bytes32 s) = _signPermitAs(usdt, "carol", dave, carol, 1, deadline);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, carol, dave));
        usdt.permit(dave, carol, 1, deadline, v, r, s);
    }

    function test_RevertWhen_PermitReplayed() public {
        uint256 deadline = block.timestamp + 1;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(usdt, "dave", carol, 1, deadline);
        usdt.permit(dave, carol, 1, deadline, v, r, s);
        vm.expectRevert(); // the nonce moved on: the signature recovers to some other address
        usdt.permit(dave, carol, 1, deadline, v, r, s);
    }
}
