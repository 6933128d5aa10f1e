// `npm start`: the demo on PORT (default 3000) and HOST (default 127.0.0.1).
import { startSongbook } from './server.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
try {
  const running = await startSongbook({ port, host, dbPath: process.env.SONGBOOK_DB });
  console.log(`Songbook: ${running.url}/ (alice or bob, password "songbook")`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
