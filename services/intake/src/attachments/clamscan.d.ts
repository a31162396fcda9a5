// clamscan 2.4.0 ships no types: the part of its API intake uses (index.js, API.md).
declare module 'clamscan' {
  import type { Readable } from 'node:stream';

  interface ClamdscanOptions {
    host?: string | false;
    port?: number | false;
    socket?: string | false;
    timeout?: number;
    localFallback?: boolean;
    active?: boolean;
    bypassTest?: boolean;
  }

  interface NodeClamOptions {
    preference?: 'clamdscan' | 'clamscan';
    clamdscan?: ClamdscanOptions;
    clamscan?: { active?: boolean };
    debugMode?: boolean;
  }

  interface ScanResult {
    /** null: the scan timed out, so nothing is known. */
    isInfected: boolean | null;
    viruses: string[];
  }

  class NodeClam {
    init(options?: NodeClamOptions): Promise<NodeClam>;
    scanStream(stream: Readable): Promise<ScanResult>;
    getVersion(): Promise<string>;
  }

  export = NodeClam;
}
