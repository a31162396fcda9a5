import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { serviceNodeFlags } from '@civic/testing';
import type { TickerReply, TickerRequest } from './ticker-process';

/** The benchmark's handle on the ticker process: one request at a time, each answered by one reply. */
export class TickerProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(eventStoreUrl: string, mongoUri: string, timerStore: string, clockFile: string): Promise<TickerProcess> {
    const child = fork(join(__dirname, 'ticker-process.js'), [eventStoreUrl, mongoUri, timerStore, clockFile], {
      // deadline-watch's own flags (infra/node-flags.sh: its heap cap), so its RSS is the service's.
      execArgv: serviceNodeFlags('deadline-watch'),
    });
    const ticker = new TickerProcess(child);
    await ticker.next();
    return ticker;
  }

  async tick(): Promise<Extract<TickerReply, { type: 'ticked' }>> {
    return this.ask({ type: 'tick' }, 'ticked');
  }

  async steps(ticks: number, tickMs: number): Promise<string> {
    return (await this.ask({ type: 'steps', ticks, tickMs }, 'steps')).table;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'stop' } satisfies TickerRequest);
    await exited;
  }

  private async ask<T extends TickerReply['type']>(request: TickerRequest, type: T): Promise<Extract<TickerReply, { type: T }>> {
    const reply = this.next();
    this.child.send(request);
    const answer = await reply;
    if (answer.type !== type) throw new Error(`ticker process: ${answer.type === 'failed' ? answer.error : `unexpected ${answer.type}`}`);
    return answer as Extract<TickerReply, { type: T }>;
  }

  private next(): Promise<TickerReply> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the ticker process exited (${String(code)})`));
      this.child.once('exit', onExit);
      this.child.once('message', (message: TickerReply) => {
        this.child.off('exit', onExit);
        resolve(message);
      });
    });
  }
}
