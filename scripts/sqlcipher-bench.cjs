/**
 * The measurement behind the README's SQLCipher proposal (not a dependency of the project):
 *   mkdir /tmp/sqlc && cd /tmp/sqlc && npm init -y && npm install --ignore-scripts better-sqlite3-multiple-ciphers@13.0.3
 *   MC_PATH=/tmp/sqlc/node_modules/better-sqlite3-multiple-ciphers node_modules/.bin/node scripts/sqlcipher-bench.cjs
 */
const path = require('path'), fs = require('fs'), os = require('os');
const Plain = require('better-sqlite3');
const MC = require(process.env.MC_PATH || 'better-sqlite3-multiple-ciphers');
const R=[];
function run(label, Ctor, key, cipher) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlc-'));
  const file = path.join(dir, 'b.sqlite');
  const db = new Ctor(file);
  if (cipher) db.pragma(`cipher='${cipher}'`);
  if (key) db.pragma(`key='${key}'`);
  db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE p (id INTEGER PRIMARY KEY, entry INTEGER, account TEXT, amount INTEGER, memo TEXT)');
  db.exec('CREATE INDEX p_acc ON p(account)');
  const ins = db.prepare('INSERT INTO p (entry, account, amount, memo) VALUES (?, ?, ?, ?)');
  let t = process.hrtime.bigint();
  const batch = db.transaction((k) => { for (let i = 0; i < 1000; i++) ins.run(k, `201:${(k * 1000 + i) % 5000}`, i * 7, '汇缴 2026-11'); });
  for (let k = 0; k < 100; k++) batch(k);
  const bulk = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  const one = db.transaction((i) => { ins.run(i, '201:1', i, '提取'); ins.run(i, '101', -i, '提取'); });
  for (let i = 0; i < 1000; i++) one(i);
  const small = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  for (let i = 0; i < 20; i++) db.prepare("SELECT account, SUM(amount) FROM p GROUP BY account").all();
  const scan = Number(process.hrtime.bigint() - t) / 1e6 / 20;
  db.close();
  const size = fs.statSync(file).size;
  const head = fs.readFileSync(file).subarray(0, 16).toString('latin1');
  let reopen = 'n/a';
  if (key) { try { const d = new Ctor(file); d.prepare('SELECT COUNT(*) FROM p').get(); reopen = 'READ WITHOUT KEY?!'; d.close(); } catch (e) { reopen = 'refused without key: ' + e.message; } }
  fs.rmSync(dir, { recursive: true, force: true });
  R.push({label,bulk,small,scan,reopen}); if(0) console.log(`${label.padEnd(42)} 100k rows in 100 tx: ${bulk.toFixed(0)} ms | 1000 two-row tx (fsync each): ${small.toFixed(0)} ms | group-by scan: ${scan.toFixed(1)} ms | ${(size/1048576).toFixed(1)} MiB | header ${JSON.stringify(head.slice(0,15))} | ${reopen}`);
}
console.log('node', process.version, 'sqlite', new Plain(':memory:').prepare('select sqlite_version() v').get().v, '/ mc', new MC(':memory:').prepare('select sqlite_version() v').get().v);
for (let r = 0; r < 3; r++) {
  run('better-sqlite3 13.2.0', Plain);
  run('multiple-ciphers 13.0.3, no key', MC);
  run('multiple-ciphers, sqlcipher (AES-256-CBC)', MC, 'secret-key-2026', 'sqlcipher');
  run('multiple-ciphers, default chacha20', MC, 'secret-key-2026');
}

const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const l of [...new Set(R.map((r) => r.label))]) { const rs = R.filter((r) => r.label === l);
  console.log(`| ${l} | ${med(rs.map(r=>r.bulk)).toFixed(0)} | ${med(rs.map(r=>r.small)).toFixed(0)} | ${med(rs.map(r=>r.scan)).toFixed(1)} | ${rs[0].reopen} |`); }
