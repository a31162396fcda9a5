// The part of clamscan (2.4, untyped) that attachments.int.spec.ts uses: clamd over TCP, scanning a stream.
declare module 'clamscan' {
  import type { Readable } from 'node:stream';

  interface ClamdScanOptions {
    host: string;
    port: number;
    timeout?: number;
    localFallback?: boolean;
    active?: boolean;
  }

  interface ScanResult {
    isInfected: boolean | null;
    viruses: string[];
  }

  class NodeClam {
    init(options: {
      removeInfected?: boolean;
      quarantineInfected?: boolean;
      scanLog?: string | null;
      clamscan?: { active: boolean };
      clamdscan: ClamdScanOptions;
      preference?: 'clamdscan' | 'clamscan';
    }): Promise<NodeClam>;
    scanStream(stream: Readable): Promise<ScanResult>;
  }

  export = NodeClam;
}
