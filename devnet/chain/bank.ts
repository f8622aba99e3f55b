/** x/bank in miniature: balances, transfers with the coin_spent / coin_received / transfer events. */
import { sha256 } from "@cosmjs/crypto";
import { toBech32, toUtf8 } from "@cosmjs/encoding";
import type { Ctx } from "./context";
import { sdkErr } from "./errors";
import type { AppState } from "./state";

export const BECH32_PREFIX = "akash";
export const moduleAddress = (name: string) => toBech32(BECH32_PREFIX, sha256(toUtf8(name)).slice(0, 20));
export const FEE_COLLECTOR = moduleAddress("fee_collector");
export const ESCROW_MODULE = moduleAddress("escrow");
export const BME_MODULE = moduleAddress("bme");

export interface Coin {
  denom: string;
  amount: bigint;
}

export const coinsToString = (coins: Coin[]) =>
  [...coins].sort((a, b) => a.denom.localeCompare(b.denom)).map((c) => `${c.amount}${c.denom}`).join(",");

export function balanceOf(state: AppState, address: string, denom: string): bigint {
  return state.balances.get(address)?.get(denom) ?? 0n;
}

export function allBalances(state: AppState, address: string): Coin[] {
  const m = state.balances.get(address);
  if (!m) return [];
  return [...m.entries()]
    .filter(([, a]) => a > 0n)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([denom, amount]) => ({ denom, amount }));
}

export function addBalance(state: AppState, address: string, denom: string, delta: bigint): void {
  let m = state.balances.get(address);
  if (!m) {
    m = new Map();
    state.balances.set(address, m);
  }
  m.set(denom, (m.get(denom) ?? 0n) + delta);
}

/** Creates the account record if the address has never been seen (as x/bank does for recipients). */
export function ensureAccount(state: AppState, address: string): void {
  if (!state.accounts.has(address)) {
    state.accounts.set(address, { address, accountNumber: state.nextAccountNumber++, sequence: 0 });
  }
}

export function sendCoins(ctx: Ctx, from: string, to: string, coins: Coin[]): void {
  ctx.gas.read(coins.length);
  for (const c of coins) {
    if (c.amount < 0n) throw sdkErr.invalidCoins(`${c.amount}${c.denom}`);
    const have = balanceOf(ctx.state, from, c.denom);
    if (have < c.amount) {
      throw sdkErr.insufficientFunds(`spendable balance ${have}${c.denom} is smaller than ${c.amount}${c.denom}`);
    }
  }
  ctx.gas.write(coins.length * 2);
  for (const c of coins) {
    addBalance(ctx.state, from, c.denom, -c.amount);
    addBalance(ctx.state, to, c.denom, c.amount);
  }
  ensureAccount(ctx.state, to);
  const amount = coinsToString(coins.filter((c) => c.amount > 0n));
  ctx.emit("coin_spent", { spender: from, amount });
  ctx.emit("coin_received", { receiver: to, amount });
  ctx.emit("transfer", { recipient: to, sender: from, amount });
  ctx.emit("message", { sender: from });
}

export function mintCoins(ctx: Ctx, to: string, coins: Coin[]): void {
  ctx.gas.write(coins.length);
  for (const c of coins) addBalance(ctx.state, to, c.denom, c.amount);
  ensureAccount(ctx.state, to);
  const amount = coinsToString(coins);
  ctx.emit("coinbase", { minter: to, amount });
  ctx.emit("coin_received", { receiver: to, amount });
}

export function burnCoins(ctx: Ctx, from: string, coins: Coin[]): void {
  for (const c of coins) {
    const have = balanceOf(ctx.state, from, c.denom);
    if (have < c.amount) {
      throw sdkErr.insufficientFunds(`spendable balance ${have}${c.denom} is smaller than ${c.amount}${c.denom}`);
    }
  }
  ctx.gas.write(coins.length);
  for (const c of coins) addBalance(ctx.state, from, c.denom, -c.amount);
  const amount = coinsToString(coins);
  ctx.emit("coin_spent", { spender: from, amount });
  ctx.emit("burn", { burner: from, amount });
}

export function parseCoin(c: { denom: string; amount: string } | undefined): Coin {
  if (!c || !c.denom || !/^\d+$/.test(c.amount)) throw sdkErr.invalidCoins(c ? `${c.amount}${c.denom}` : "empty coin");
  return { denom: c.denom, amount: BigInt(c.amount) };
}
