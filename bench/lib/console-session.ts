/**
 * Bench support: a console session for a devnet account without a browser wallet (the ADR-36 sign-in the header
 * does, signed here with cosmjs), and the deployment record the wizard saves after MsgCreateDeployment.
 * The deployment page needs that record (its SDL gives the groups the bid table is drawn per).
 */
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { adr36Doc } from "../../test/support/adr36";

export interface ConsoleSession {
  address: string;
  /** the session cookie, for fetch (`cookie` header) and for the browser context (addCookies) */
  cookie: { name: string; value: string };
}

async function postJson(url: string, body: unknown, cookie?: ConsoleSession["cookie"]): Promise<Response> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie: `${cookie.name}=${cookie.value}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`POST ${new URL(url).pathname} answered HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res;
}

export async function signInAs(baseUrl: string, mnemonic: string): Promise<ConsoleSession> {
  const wallet = await Secp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "akash" });
  const [account] = await wallet.getAccounts();
  const { nonce, message } = (await (await postJson(`${baseUrl}/api/auth/nonce`, { address: account!.address })).json()) as { nonce: string; message: string };
  const { signature } = await wallet.signAmino(account!.address, adr36Doc(account!.address, message));
  const res = await postJson(`${baseUrl}/api/auth/verify`, { address: account!.address, pubkey: signature.pub_key.value, signature: signature.signature, nonce });
  const raw = res.headers.getSetCookie().find((c) => c.startsWith("console_session="));
  if (!raw) throw new Error("the console signed in but set no console_session cookie");
  const [name, ...rest] = raw.split(";")[0]!.split("=");
  return { address: account!.address, cookie: { name: name!, value: rest.join("=") } };
}

export interface DeploymentRecord {
  dseq: string;
  name: string;
  sdl: string;
  manifestVersion: string;
  deposit: { denom: "uakt" | "uact"; amount: string };
  createTxHash: string;
}

export async function recordDeployment(baseUrl: string, session: ConsoleSession, record: DeploymentRecord): Promise<void> {
  await postJson(`${baseUrl}/api/deployments`, { ...record, draftId: null }, session.cookie);
}
