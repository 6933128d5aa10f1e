// `npm run seed`: drops the database's tables and seeds them afresh (users, lessons, no sessions).
import { openDatabase } from './db/open-database.js';
import { DEFAULT_DB_PATH } from './paths.js';

const path = process.env.SONGBOOK_DB ?? DEFAULT_DB_PATH;
const db = openDatabase(path, { reset: true });
const { n } = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM lessons').get()!;
db.close();
console.log(`Songbook: seeded ${path} with ${n} lessons and the users alice and bob (password "songbook").`);
