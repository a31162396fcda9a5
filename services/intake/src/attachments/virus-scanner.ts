import { Readable } from 'node:stream';
import NodeClam from 'clamscan';
import type { IntakeConfig } from '../config';

/** What a scan found: clean, a signature's name, or nothing at all because the scanner could not be asked. */
export type ScanOutcome = { status: 'clean' } | { status: 'infected'; signature: string } | { status: 'unavailable'; reason: string };

export interface VirusScanner {
  /** Never throws: a scanner that cannot answer is `unavailable`, and the caller decides what that means. */
  scan(bytes: Buffer): Promise<ScanOutcome>;
}

/**
 * ClamAV's daemon over TCP (clamd's INSTREAM), through clamscan. The bytes scanned are always the plain
 * file (before encryption at submission, after decryption at download). No local binary is used.
 */
export class ClamdScanner implements VirusScanner {
  private scanner?: Promise<NodeClam>;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
  ) {}

  static fromConfig(config: IntakeConfig): VirusScanner {
    if (config.CLAMD_HOST === undefined) return { scan: async () => ({ status: 'unavailable', reason: 'CLAMD_HOST is not set' }) };
    return new ClamdScanner(config.CLAMD_HOST, config.CLAMD_PORT, config.CLAMD_TIMEOUT_MS);
  }

  async scan(bytes: Buffer): Promise<ScanOutcome> {
    try {
      const scanner = await this.client();
      const { isInfected, viruses } = await scanner.scanStream(Readable.from([bytes]));
      if (isInfected === null) return { status: 'unavailable', reason: 'the scan timed out' };
      return isInfected ? { status: 'infected', signature: viruses[0] ?? 'unknown' } : { status: 'clean' };
    } catch (error) {
      return { status: 'unavailable', reason: (error as Error)?.message ?? String(error) };
    }
  }

  /** Set up once; clamd itself is reached per scan, so a scanner that comes back later is used at once. */
  private client(): Promise<NodeClam> {
    this.scanner ??= new NodeClam()
      .init({
        preference: 'clamdscan',
        clamdscan: { host: this.host, port: this.port, timeout: this.timeoutMs, localFallback: false, bypassTest: true, active: true },
        clamscan: { active: false },
      })
      .catch((error: unknown) => {
        this.scanner = undefined;
        throw error;
      });
    return this.scanner;
  }
}
