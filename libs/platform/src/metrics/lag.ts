/**
 * Pure arithmetic of Kafka offsets, kept apart from the admin client so it is tested without a broker.
 * Offsets arrive as strings (kafkajs); a group's committed offset is "-1" when it committed nothing there.
 */
export interface TopicPartitionOffsets {
  partition: number;
  /** The next offset to be written (log end). */
  high: string;
  /** The earliest offset still retained. */
  low: string;
}

export interface CommittedOffset {
  partition: number;
  offset: string;
}

export interface PartitionLag {
  partition: number;
  lag: number;
}

/**
 * Messages a group has yet to handle per partition: log end minus committed offset. With nothing committed the
 * group starts from the earliest retained message (the platform consumes from the beginning), so all retained
 * messages count; a committed offset below the retention start counts from the start, never more than is there.
 */
export function consumerLag(topicOffsets: TopicPartitionOffsets[], committed: CommittedOffset[]): PartitionLag[] {
  const byPartition = new Map(committed.map((entry) => [entry.partition, Number(entry.offset)]));
  return topicOffsets
    .map(({ partition, high, low }) => {
      const end = Number(high);
      const start = Number(low);
      const offset = byPartition.get(partition);
      const from = offset === undefined || offset < 0 ? start : Math.max(offset, start);
      return { partition, lag: Math.max(0, end - from) };
    })
    .sort((a, b) => a.partition - b.partition);
}

/** Messages retained in a topic: the sum over partitions of log end minus earliest offset. */
export function retainedMessages(topicOffsets: TopicPartitionOffsets[]): number {
  return topicOffsets.reduce((sum, { high, low }) => sum + Math.max(0, Number(high) - Number(low)), 0);
}

/** `2xx`, `4xx`…: the status class label, so a label never holds more than a handful of values. */
export function statusClass(status: number): string {
  if (!Number.isInteger(status) || status < 100 || status > 599) return 'other';
  return `${Math.floor(status / 100)}xx`;
}
