/**
 * Gateway certificates, made the way a provider's are: self-signed, EC P-256, CN = the provider's address,
 * SAN for the loopback host; registered on chain with MsgCreateCertificate (cert and public key in PEM).
 */
import { generateKeyPairSync, randomBytes, X509Certificate } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

interface JsrsasignCertificate {
  getPEM(): string;
}
interface Jsrsasign {
  KEYUTIL: { getKey(pem: string): unknown };
  KJUR: { asn1: { x509: { Certificate: new (params: Record<string, unknown>) => JsrsasignCertificate } } };
}
const jsrsasign = createRequire(import.meta.url)("jsrsasign") as Jsrsasign;

export interface CertBundle {
  certPem: string;
  /** PEM of the public key, labelled "EC PUBLIC KEY" as akash's tooling writes it */
  pubkeyPem: string;
  keyPem: string;
  /** decimal serial, as stored on chain */
  serial: string;
  notBefore: Date;
  notAfter: Date;
}

function asn1Time(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${String(d.getUTCFullYear()).slice(2)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

export function generateCert(address: string, host: string, opts: { notBefore?: Date; notAfter?: Date } = {}): CertBundle {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const spkiPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const notBefore = opts.notBefore ?? new Date(Date.now() - 60_000);
  const notAfter = opts.notAfter ?? new Date(notBefore.getTime() + 365 * 24 * 3600_000);
  const serialBytes = randomBytes(8);
  serialBytes[0] = (serialBytes[0]! & 0x6f) | 0x10; // positive and minimal DER (no leading zero byte)
  const serialHex = serialBytes.toString("hex");
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(host);
  const san = [{ dns: "localhost" }, ...(isIp ? [{ ip: host }] : [{ dns: host }])];
  if (host !== "127.0.0.1") san.push({ ip: "127.0.0.1" });
  const cert = new jsrsasign.KJUR.asn1.x509.Certificate({
    version: 3,
    serial: { hex: serialHex },
    issuer: { str: `/CN=${address}` },
    subject: { str: `/CN=${address}` },
    notbefore: asn1Time(notBefore),
    notafter: asn1Time(notAfter),
    sbjpubkey: spkiPem,
    ext: [
      { extname: "keyUsage", critical: true, names: ["digitalSignature", "keyEncipherment", "dataEncipherment"] },
      { extname: "extKeyUsage", array: [{ name: "clientAuth" }, { name: "serverAuth" }] },
      { extname: "basicConstraints", cA: true, critical: true },
      { extname: "subjectAltName", array: san },
    ],
    sigalg: "SHA256withECDSA",
    cakey: keyPem,
  });
  const certPem = cert.getPEM().replace(/\r\n/g, "\n");
  // sanity: node must be able to parse what we produced
  const parsed = new X509Certificate(certPem);
  return {
    certPem,
    pubkeyPem: spkiPem.replaceAll("PUBLIC KEY", "EC PUBLIC KEY"),
    keyPem,
    serial: BigInt("0x" + parsed.serialNumber).toString(10),
    notBefore,
    notAfter,
  };
}

/** Loads the provider's main cert from stateDir if there is a still-valid one, else generates (and saves) it. */
export function loadOrCreateCert(address: string, host: string, stateDir?: string): { bundle: CertBundle; reused: boolean } {
  const file = stateDir ? path.join(stateDir, `${address}.cert.json`) : undefined;
  if (file && existsSync(file)) {
    try {
      const raw = JSON.parse(readFileSync(file, "utf8")) as Omit<CertBundle, "notBefore" | "notAfter"> & { notBefore: string; notAfter: string };
      const bundle: CertBundle = { ...raw, notBefore: new Date(raw.notBefore), notAfter: new Date(raw.notAfter) };
      if (bundle.notAfter.getTime() > Date.now() + 24 * 3600_000) return { bundle, reused: true };
    } catch {
      // corrupt state: regenerate
    }
  }
  const bundle = generateCert(address, host);
  if (file && stateDir) {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(file, JSON.stringify(bundle, null, 2), { mode: 0o600 });
  }
  return { bundle, reused: false };
}

/** Decimal serial of a DER/PEM certificate (node gives it in hex). */
export function serialOf(cert: X509Certificate): string {
  return BigInt("0x" + cert.serialNumber).toString(10);
}
