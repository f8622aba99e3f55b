/**
 * What a transaction needs beyond the page: chain-sdk's generated message types, the message builders, cosmjs's
 * signing path. Pages load it when the tenant acts (lib/wallet/sign-lazily.ts), not with their first paint.
 */
export { signWithWallet } from "@/lib/wallet/sign-with-wallet";
export { closeDeploymentMsg, createDeploymentMsg, createLeaseMsg, depositMsg, mintActMsg, updateDeploymentMsg } from "@/lib/chain/messages";
