export { PREFIX, cacheName, scopePrefix, FILES, RESERVED_PATH } from './names.js';
export type { CacheKind } from './names.js';
export { MESSAGE } from './messages.js';
export type {
  MessageType, PageMessage, WorkerMessage, SkipWaitingMessage, ClearMessage, CacheUrlsMessage,
  DebugMessage, StatusMessage, UpdateFailedMessage, UpdateFailure, ClearReply, StatusReply,
  UserChangedMessage, UserChangeReason,
} from './messages.js';
export type { RequestLike } from './headers.js';
export { APPSHELL_PARAM, CONTENT_HEADER, USER_HEADER, HEADER, PRELOAD_CONTENT, SHELL_PATH, CONTENT_ATTR, ANONYMOUS, wantsContentOnly, contentUrl, parseUserTags } from './headers.js';
export { manifestProblems } from './manifest.js';
export type { Manifest, ManifestEntry } from './manifest.js';
export { USER_LOGOUT_PATHS } from './config.js';
export type { StrategyName, ExpirationConfig, RouteConfig, PagesConfig, WorkerConfig, AppShellConfig, UserConfig } from './config.js';
