/** Utilities: formatDate with Java patterns in any IANA zone, sleep on the fake clock, UUIDs, base64, blobs. */
import { createHash, randomUUID } from 'node:crypto';
import { checkTimeZone, formatJavaDate } from '../zone';
import { isDate } from './cells';
import { counted, type Runtime } from './runtime';

export interface FakeBlob {
  getDataAsString(charset?: string): string;
  getBytes(): number[];
  getContentType(): string | null;
  getName(): string | null;
  setName(name: string): FakeBlob;
  setContentType(contentType: string): FakeBlob;
}

/** Text as UTF-8, or Apps Script's byte arrays (signed, as Java has them). */
function toBuffer(data: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return Buffer.from(Array.from((data ?? []) as ArrayLike<number>, (b) => Number(b) & 0xff));
}

const signedBytes = (b: Buffer): number[] => [...b].map((x) => (x > 127 ? x - 256 : x));

export function createBlob(rt: Runtime, data: unknown, contentType: string | null = null, name: string | null = null): FakeBlob {
  const bytes = toBuffer(data);
  let type = contentType;
  let fileName = name;
  const blob: FakeBlob = {
    getDataAsString: () => bytes.toString('utf8'),
    getBytes: () => signedBytes(bytes),
    getContentType: () => type,
    getName: () => fileName,
    setName(n) {
      fileName = String(n);
      return blob;
    },
    setContentType(t) {
      type = String(t);
      return blob;
    },
  };
  return counted('Blob', blob, rt);
}

export function createUtilities(rt: Runtime) {
  return counted('Utilities', {
    formatDate(date: Date, tz: string, pattern: string): string {
      if (!isDate(date)) throw rt.error('Invalid argument: date');
      try {
        checkTimeZone(tz);
        return formatJavaDate(date.getTime(), tz, String(pattern));
      } catch (e) {
        throw rt.error((e as Error).message);
      }
    },
    sleep(ms: number) {
      rt.state.clock.sleep(Number(ms));
    },
    getUuid: () => randomUUID(),
    base64Encode: (data: unknown) => toBuffer(data).toString('base64'),
    base64EncodeWebSafe: (data: unknown) => toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (text: string) => signedBytes(Buffer.from(String(text), 'base64')),
    newBlob: (data: unknown, contentType?: string, name?: string) => createBlob(rt, data, contentType ?? null, name ?? null),
    computeDigest(algorithm: string, value: unknown) {
      const names: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_512: 'sha512' };
      const algo = names[String(algorithm)];
      if (!algo) throw rt.error('Invalid argument: algorithm');
      return signedBytes(createHash(algo).update(toBuffer(value)).digest());
    },
    DigestAlgorithm: { MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_512: 'SHA_512' },
    Charset: { UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' },
  }, rt);
}
