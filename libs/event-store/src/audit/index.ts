export { canonicalJson, NotCanonicalisableError } from './canonical-json';
export { eventHash, GENESIS_HASH, HASH_FIELD, PREVIOUS_HASH_FIELD } from './event-hash';
export type { HashableEvent } from './event-hash';
export { verifyStream, verifyStreamInStore } from './verify-stream';
export type { BrokenLinkReason, ChainVerification } from './verify-stream';
export { withHashChain, UnchainedStreamError } from './with-hash-chain';
export {
  checkCheckpoints,
  checkpointBytes,
  checkpointStatement,
  checkSignature,
  CHECKPOINT_PURPOSE,
  signingKeyIdOf,
  publishedSigningKey,
  signCheckpoint,
} from './checkpoint';
export type {
  CheckpointFailureReason,
  CheckpointSigner,
  CheckpointsCheck,
  CheckpointStatement,
  PublishedSigningKey,
  SignatureCheck,
  SignedCheckpoint,
} from './checkpoint';
