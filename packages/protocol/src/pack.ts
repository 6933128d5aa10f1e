/**
 * A pack: every precache entry in one immutable file, so a first install is one request instead of
 * hundreds (Chromium lets an installing worker fetch only three files at a time). Its bytes are
 * a 4-byte big-endian length N, then N bytes of UTF-8 JSON ({@link PackIndex}), then the bodies,
 * one after another in the index's order. The worker checks every body against the manifest
 * before storing it, exactly as a single download; a pack that fails or mismatches is dropped and
 * the entries are fetched one by one.
 */
export type PackIndex = [url: string, contentType: string, length: number][];
