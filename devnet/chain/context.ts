/**
 * Execution context of one transaction (or of the end blocker): the state branch it writes, a deterministic
 * gas meter, and the events it emits. Costs follow cosmos-sdk's KVGasConfig and auth params in spirit
 * (flat + per-byte for reads and writes, 10 gas per tx byte, 1000 per secp256k1 verification) so that
 * `simulate` returns exactly what delivery consumes.
 */
import { ChainError, sdkErr } from "./errors";
import type { AppState } from "./state";

export interface EventAttribute {
  key: string;
  value: string;
  index: boolean;
}
export interface AbciEvent {
  type: string;
  attributes: EventAttribute[];
}

export const GAS = {
  txSizePerByte: 10,
  sigVerifySecp256k1: 1000,
  readFlat: 1000,
  readPerByte: 3,
  writeFlat: 2000,
  writePerByte: 30,
  /** Bytes charged per record touched; the devnet doesn't measure real store keys. */
  recordBytes: 120,
} as const;

export class GasMeter {
  used = 0;
  private unmetered = 0;
  constructor(readonly limit: number) {}
  /** Runs `fn` without metering it, then charges `flat` (for work whose size the signer cannot foresee). */
  flat<T>(flat: number, descriptor: string, fn: () => T): T {
    this.unmetered++;
    try {
      return fn();
    } finally {
      this.unmetered--;
      this.consume(flat, descriptor);
    }
  }
  consume(amount: number, descriptor: string): void {
    if (this.unmetered > 0) return;
    this.used += amount;
    if (this.used > this.limit) {
      throw sdkErr.outOfGas(
        `out of gas in location: ${descriptor}; gasWanted: ${this.limit}, gasUsed: ${this.used}`,
      );
    }
  }
  read(n = 1): void {
    for (let i = 0; i < n; i++) this.consume(GAS.readFlat + GAS.readPerByte * GAS.recordBytes, "ReadFlat");
  }
  write(n = 1): void {
    for (let i = 0; i < n; i++) this.consume(GAS.writeFlat + GAS.writePerByte * GAS.recordBytes, "WriteFlat");
  }
}

export class Ctx {
  events: AbciEvent[] = [];
  msgIndex: number | undefined;
  constructor(
    public state: AppState,
    readonly height: number,
    readonly time: Date,
    readonly gas: GasMeter,
  ) {}

  emit(type: string, attrs: Record<string, string>): void {
    const attributes = Object.entries(attrs).map(([key, value]) => ({ key, value, index: true }));
    if (this.msgIndex !== undefined) attributes.push({ key: "msg_index", value: String(this.msgIndex), index: true });
    this.events.push({ type, attributes });
  }

  /**
   * A typed event as cosmos-sdk's EmitTypedEvent renders it: type = proto full name, one attribute per field,
   * each value the field's proto-JSON (OrigName, EmitDefaults), so strings arrive quoted: owner="\"akash1...\"".
   */
  emitTyped(protoName: string, fields: Record<string, unknown>): void {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) attrs[k] = JSON.stringify(v);
    this.emit(protoName, attrs);
  }
}

export function fail(err: ChainError): never {
  throw err;
}
