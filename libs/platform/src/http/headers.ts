/** Where a controller sets an answer's headers (Express's response, with `passthrough: true`). */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}
