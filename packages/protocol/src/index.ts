export { PREFIX, cacheName, scopePrefix, FILES, RESERVED_PATH } from './names.js';
export type { CacheKind } from './names.js';
export { MESSAGE } from './messages.js';
export type {
  MessageType, PageMessage, WorkerMessage, SkipWaitingMessage, ClearMessage, CacheUrlsMessage,
  DebugMessage, StatusMessage, UpdateFailedMessage, UpdateFailure, ClearReply, StatusReply,
} from './messages.js';
export { APPSHELL_PARAM, CONTENT_HEADER, HEADER, PRELOAD_CONTENT, SHELL_PATH, CONTENT_ATTR, wantsContentOnly, contentUrl } from './headers.js';
export { manifestProblems } from './manifest.js';
export type { Manifest, ManifestEntry } from './manifest.js';
export type { StrategyName, ExpirationConfig, RouteConfig, PagesConfig, WorkerConfig, AppShellConfig } from './config.js';
