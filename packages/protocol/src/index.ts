export { PREFIX, FILES, WORKER_FILE, MANIFEST_FILE, RESERVED_PATH, STATE_PATH } from './files.js';
export { cacheName, cacheScope, parseCacheName, isCacheWord, ownerKey, OWNER_MARK } from './cache-name.js';
export type { CacheKind, CacheNameParts } from './cache-name.js';
export { routeCacheName } from './route-cache-name.js';
export { compilePathPattern } from './path-pattern.js';
export type { PathPattern } from './path-pattern.js';
export { looksLikeFile } from './looks-like-file.js';
export { normalizeBase } from './normalize-base.js';
export { MESSAGE } from './messages.js';
export type {
  MessageType, PageMessage, WorkerMessage, SkipWaitingMessage, ClearMessage, CacheUrlsMessage,
  DebugMessage, StatusMessage, UpdateFailedMessage, UpdateFailure, ClearReply, StatusReply,
  UserChangedMessage, UserChangeReason, ErrorReply, UpdateCheck, InstallFailure, CacheState, SafeModeMessage, RetiredMessage, QuotaMessage,
  FreshMessage, SyncReply,
} from './messages.js';
export type { RequestLike } from './headers.js';
export { APPSHELL_PARAM, CONTENT_HEADER, USER_HEADER, HEADER, PRELOAD_CONTENT, SHELL_PATH, CONTENT_ATTR, ANONYMOUS, wantsContentOnly, contentUrl, parseUserTags } from './headers.js';
export { manifestProblems, hashOfDigest, isHashedName, HASH_LENGTH } from './manifest.js';
export { RUNTIME_GLOBAL, runtimeFile, packFile, versionPack, isBuildHashedFile } from './runtime-file.js';
export type { PackIndex } from './pack.js';
export type { InlinedManifest, Manifest, ManifestEntry } from './manifest.js';
export { LOGOUT_PATHS } from './config.js';
export type { StrategyName, ExpirationConfig, RouteConfig, PagesConfig, WorkerConfig, AppShellConfig, IdentityConfig, SaveConfig, DataSourceConfig, WorkerAppConfig } from './config.js';
export { SAVE_MESSAGE } from './save-messages.js';
export type { BackgroundSave, SavedItem, SaveErrorCode, SaveFailure, SaveState, SaveMessage, SaveProgressMessage, SaveReply, SavedListReply, SavedChangedMessage } from './save-messages.js';
export { parseRange } from './byte-range.js';
export type { ByteRange } from './byte-range.js';
