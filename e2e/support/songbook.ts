import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSongbook, type RunningSongbook } from '../../examples/songbook/src/server.js';
import { FrontServer } from './front-server.js';
import { SONGBOOK_BUILD } from './songbook-paths.js';

/** The Songbook demo with its own fresh database, behind a {@link FrontServer}. */
export class SongbookServer extends FrontServer {
  private readonly dir = mkdtempSync(join(tmpdir(), 'shellac-songbook-'));
  running?: RunningSongbook;
  /** The secret that keys user tags, read at each (re)start; default: a file beside the database. */
  secret?: string | string[];

  /** The Songbook itself (behind the front server). */
  get backendPort() {
    return this.running!.port;
  }

  /** `buildDir`: another `shellac build --app` of the static folder (default: the one global setup made). */
  constructor(buildDir = SONGBOOK_BUILD) {
    super(async () => {
      this.running = await startSongbook({ port: 0, dbPath: join(this.dir, 'songbook.db'), buildDir, secret: this.secret });
      return { port: this.running.port, close: () => this.running!.close() };
    });
  }

  /** Ends every session of a user on the server, as if it had expired; returns how many. */
  expireSessions(username: string): number {
    return this.running!.expireSessions(username);
  }

  /** Stops and starts the Songbook again on the same port and database (sessions survive). */
  async restart() {
    await super.stop();
    await this.start(this.port);
  }

  /** Stops serving, the Songbook included, keeping its database: `start(this.port)` serves it again. */
  async pause() {
    await super.stop();
  }

  override async stop() {
    await super.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
