import type { StreamEvent } from '@vmsc/core';
import { subjectToken } from './subjects.js';

/**
 * The key an event is partitioned by: its platform and channel (`kick:xqc`), so that every event of
 * one channel lands in the same partition. An event without a channel is keyed by its platform alone.
 */
export function channelKeyOf(event: StreamEvent): string {
  return `${event.meta?.platform ?? event.source}:${event.meta?.channel ?? ''}`;
}

/**
 * The partition (0 … `partitions - 1`) of a channel key: FNV-1a 32-bit hash modulo `partitions`.
 * Deterministic across processes and releases: changing `partitions` moves channels, so stop every
 * rules process before changing it (see docs/scaling.md).
 */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}

/** The subject of an event in a partitioned stream: `<prefix>.p<n>.<source>.<type>`. */
export function partitionedSubjectOf(prefix: string, partitions: number, event: StreamEvent): string {
  return `${prefix}.p${partitionOf(channelKeyOf(event), partitions)}.${subjectToken(event.source)}.${subjectToken(event.type)}`;
}

/** The subject filter of one partition: `<prefix>.p<n>.>`. */
export function partitionFilter(prefix: string, partition: number): string {
  return `${prefix}.p${partition}.>`;
}
