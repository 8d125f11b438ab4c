/**
 * A self-signed server certificate for local use (sslmode=require clients encrypt without
 * verifying). Node's crypto can make keys but not X.509 certificates, so the `selfsigned`
 * package (node-forge) builds the certificate; the RSA key itself comes from Node's native
 * generator through forge, which matters because pure-JS RSA generation takes seconds.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdir, readFile, rename, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import selfsigned from 'selfsigned';

export interface PemPair {
  cert: string;
  key: string;
}

/** Apple rejects TLS server certificates valid for more than 825 days, even self-signed ones. */
const VALIDITY_DAYS = 825;
/** Regenerate a cached certificate this long before it expires, not on the day clients start failing. */
const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;

export function generateSelfSigned(): Promise<PemPair> {
  // Backdated a day so clients with a slightly slow clock do not see a "not yet valid" certificate.
  const notBeforeDate = new Date(Date.now() - 24 * 3600 * 1000);
  return new Promise((resolve, reject) => {
    selfsigned.generate(
      [{ name: 'commonName', value: 'localhost' }],
      {
        keySize: 2048,
        days: VALIDITY_DAYS,
        algorithm: 'sha256',
        notBeforeDate,
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
          { name: 'extKeyUsage', serverAuth: true },
          {
            name: 'subjectAltName',
            altNames: [
              { type: 2, value: 'localhost' }, // dNSName
              { type: 7, ip: '127.0.0.1' }, // iPAddress
              { type: 7, ip: '::1' },
            ],
          },
        ],
      },
      (err, pems) => (err ? reject(err) : resolve({ cert: pems.cert, key: pems.private })),
    );
  });
}

/** Whether a cached pair is still worth serving: parses, belongs together, and is not about to expire. */
function isUsable(pair: PemPair, now: number): boolean {
  try {
    const x509 = new X509Certificate(pair.cert);
    return x509.checkPrivateKey(createPrivateKey(pair.key)) && Date.parse(x509.validTo) - now > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}

async function readPair(dir: string): Promise<PemPair | undefined> {
  try {
    const [cert, key] = await Promise.all([
      readFile(join(dir, 'server.crt'), 'utf8'),
      readFile(join(dir, 'server.key'), 'utf8'),
    ]);
    return { cert, key };
  } catch {
    return undefined; // missing or unreadable: make a new pair
  }
}

/** Write-then-rename, so a crash mid-write never leaves a truncated file that is loaded next time. */
async function writeAtomically(path: string, data: string, mode: number): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data, { mode });
  await chmod(tmp, mode); // `mode` is masked by the umask and ignored if the file already existed
  await rename(tmp, path);
}

/**
 * The pair cached in <dataDir>/tls/, generated on first use, so the certificate stays the same
 * across restarts (clients that pinned it keep working). The private key is written 0600, as
 * PostgreSQL insists for its own server.key.
 */
export async function loadOrCreateSelfSigned(dataDir: string): Promise<PemPair> {
  const dir = join(dataDir, 'tls');
  const cached = await readPair(dir);
  if (cached && isUsable(cached, Date.now())) return cached;

  const pair = await generateSelfSigned();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Key first: a crash between the two writes leaves a cert/key mismatch, which isUsable rejects.
  await writeAtomically(join(dir, 'server.key'), pair.key, 0o600);
  await writeAtomically(join(dir, 'server.crt'), pair.cert, 0o644);
  return pair;
}
