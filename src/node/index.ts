// The package's Node entry `consentry/node`: tools to mount in a server or a build.
// Never imported by browser code.
export { createReceiver, openStore, verifyChain } from './receiver/index.js';
export type { InsertOutcome, Receiver, ReceiverOptions, Store, StoredConfig, StoredReceipt, VerifyReport } from './receiver/index.js';
