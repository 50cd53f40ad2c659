/**
 * Verifying the keyed evidence, in the order an auditor would read it; the first failure is returned, naming the
 * row and why:
 *  1. the database belongs to this key;
 *  2. the seals form one unbroken MAC chain, and each seal's digest matches the log rows it covers (contiguous);
 *  3. no log row lies outside a seal (written outside the program);
 *  4. the anchor file agrees with the newest seal (the newest rows were not cut off);
 *  5. every table's shape and every trigger (append-only and logging) are as the program sealed them;
 *  6. every business row equals its last sealed image, no sealed row is missing, no row exists that was never sealed.
 */
import type { Sqlite } from '../../db/connection';
import type { BatchReport } from '../batch/report';
import { CHECK_PHASES } from '../../shared/contract/batch';
import { readAnchor } from './anchor';
import { anchorProblem, recordedSignature, recordedTriggers } from './install';
import type { IntegrityKey } from './key';
import { rowsMatchLog } from './rowsMatch';
import { parseRun, runRange, runsBetween } from './runs';
import { digestRange, GENESIS_MAC, sealMac, type SealRow } from './seal';
import { currentSpecs, currentTriggers, imageExpr, keyExpr, registerPii, rowLabel, specSignature, TABLE_LABELS, type TableSpec } from './tracked';

/**
 * Parts of the verification computed ahead, e.g. by another thread on the same snapshot (parallelCheck.ts): each
 * seal's digest over its range, and which tables the quick proof (rowsMatch.ts) went through for. The findings and
 * their order are the same; a missing or non-matching part is computed here as usual.
 */
export interface Precomputed {
  digests: Map<number, { from: number; to: number; digest: string; rows: number }>;
  proofs: Map<string, boolean>;
}

export interface IntegrityReport {
  problem: string | null;
  seals: number;
  loggedChanges: number;
}


export function verifyIntegrity(sqlite: Sqlite, key: IntegrityKey, anchorFile: string | null, pre?: Precomputed, progress: BatchReport = () => undefined): IntegrityReport {
  registerPii(sqlite, key.key);
  const seals = (sqlite.prepare('SELECT COUNT(*) AS n FROM integrity_seals').get() as { n: number }).n;
  const logRows = (sqlite.prepare('SELECT COUNT(*) AS n FROM integrity_log').get() as { n: number }).n;
  // The changes the seals cover: a run (runs.ts) counts as the rows it stands for.
  const loggedChanges = (sqlite.prepare('SELECT COALESCE(SUM(rows), 0) AS n FROM integrity_seals').get() as { n: number }).n;
  return { problem: firstProblem(sqlite, key, anchorFile, logRows, pre, progress, seals), seals, loggedChanges };
}

/**
 * Every seal's digest over the log rows it covers (what verifySeals compares). With `claim`, only the seals it hands
 * out: two threads on one snapshot share the seals through one counter (claimFrom), each taking the next one not
 * yet taken, so neither waits while the other has seals left.
 */
export function sealDigests(sqlite: Sqlite, progress: BatchReport = () => undefined, claim: () => number = counter()): Precomputed['digests'] {
  const out: Precomputed['digests'] = new Map();
  const seals = sqlite.prepare('SELECT id, from_seq, to_seq FROM integrity_seals ORDER BY id').all() as Array<{ id: number; from_seq: number; to_seq: number }>;
  progress(CHECK_PHASES.seals, 0, seals.length);
  for (let i = claim(); i < seals.length; i = claim()) {
    const s = seals[i]!;
    out.set(s.id, { from: s.from_seq, to: s.to_seq, ...digestRange(sqlite, s.from_seq, s.to_seq) });
    progress(CHECK_PHASES.seals, i + 1, seals.length);
  }
  return out;
}

const counter = () => {
  let i = 0;
  return () => i++;
};

/** Claims on a counter two threads share: each call takes the next index (an Int32 at the buffer's start). */
export function claimFrom(shared: SharedArrayBuffer): () => number {
  const next = new Int32Array(shared, 0, 1);
  return () => Atomics.add(next, 0, 1);
}

/** The quick proof for the named tables (those that exist and are tracked), computed ahead of the verdict's table pass. */
export function tableProofs(sqlite: Sqlite, tables: readonly string[], progress: BatchReport = () => undefined): Precomputed['proofs'] {
  const logRows = (sqlite.prepare('SELECT COUNT(*) AS n FROM integrity_log').get() as { n: number }).n;
  const out: Precomputed['proofs'] = new Map();
  const specs = currentSpecs(sqlite).filter((s) => tables.includes(s.table));
  for (const [i, spec] of specs.entries()) {
    progress(CHECK_PHASES.bigTables, i, specs.length);
    out.set(spec.table, rowsMatchLog(sqlite, spec, logRows));
  }
  return out;
}

function firstProblem(sqlite: Sqlite, key: IntegrityKey, anchorFile: string | null, logRows: number, pre: Precomputed | undefined, progress: BatchReport, sealCount: number): string | null {
  const stored = sqlite.prepare(`SELECT value FROM meta WHERE key = 'integrity_key_id'`).get() as { value: string } | undefined;
  if (!stored) return '数据库没有完整性密钥记录（integrity_key_id 被删除）';
  if (stored.value !== key.id) return `完整性密钥与本数据库不符（数据库记载 ${stored.value}，提供的是 ${key.id}）`;

  const chain = verifySeals(sqlite, key, pre?.digests, (done) => progress(CHECK_PHASES.seals, done, sealCount));
  if (chain) return chain;

  if (anchorFile) {
    const anchor = anchorProblem(sqlite, readAnchor(anchorFile, key));
    if (anchor) return `锚定文件：${anchor}`;
  }

  const specs = currentSpecs(sqlite);
  for (const spec of specs) {
    const recorded = recordedSignature(sqlite, spec.table);
    if (recorded === null) return `表${spec.table}不在签封记录中（在程序之外建立）`;
    if (recorded !== specSignature(spec)) return `表${spec.table}（${TABLE_LABELS[spec.table] ?? ''}）的结构与签封记录不符（在程序之外被改动）`;
  }
  const want = recordedTriggers(sqlite);
  if (!want) return '签封记录中没有触发器清单';
  const have = new Map(currentTriggers(sqlite));
  for (const [name, sql] of want) {
    const now = have.get(name);
    if (now === undefined) return `触发器${name}被删除（${describeTrigger(name)}）`;
    if (now !== sql) return `触发器${name}被改动（${describeTrigger(name)}）`;
  }
  for (const name of have.keys()) {
    if (!want.some(([n]) => n === name)) return `触发器${name}不在签封记录中（在程序之外建立）`;
  }

  for (const [i, spec] of specs.entries()) {
    progress(CHECK_PHASES.tables, i, specs.length);
    if (pre?.proofs.get(spec.table) ?? rowsMatchLog(sqlite, spec, logRows)) continue; // proven equal to its sealed images (rowsMatch.ts)
    const p = tableProblem(sqlite, spec);
    if (p) return p;
  }
  progress(CHECK_PHASES.tables, specs.length, specs.length);
  return null;
}

function describeTrigger(name: string): string {
  if (name.startsWith('integrity_')) return '变更记录触发器';
  if (name.endsWith('_no_update') || name.endsWith('_no_delete')) return '只追加保护';
  return '数据库触发器';
}

function verifySeals(sqlite: Sqlite, key: IntegrityKey, digests: Precomputed['digests'] | undefined, done: (n: number) => void): string | null {
  done(0);
  let prevMac = GENESIS_MAC;
  let nextId = 1;
  let nextSeq: number | null = null;
  const first = sqlite.prepare('SELECT MIN(seq) AS n FROM integrity_log').get() as { n: number | null };
  for (const s of sqlite.prepare('SELECT * FROM integrity_seals ORDER BY id').iterate() as IterableIterator<SealRow>) {
    if (s.id !== nextId) return `签封#${nextId}缺失（被删除）`;
    if (s.prev_mac !== prevMac) return `签封#${s.id}与前一签封不衔接（签封链被改写）`;
    if (sealMac(key, s) !== s.mac) return `签封#${s.id}的密钥校验码不符（签封被伪造或改动）`;
    if (nextSeq === null && first.n !== null && s.from_seq > first.n) {
      return `变更记录第${first.n}至${s.from_seq - 1}条未经签封（在程序之外写入）：${describeRows(sqlite, first.n, s.from_seq - 1)}`;
    }
    if (nextSeq !== null && s.from_seq !== nextSeq) {
      if (s.from_seq > nextSeq) {
        return `变更记录第${nextSeq}至${s.from_seq - 1}条未经签封（在程序之外写入）：${describeRows(sqlite, nextSeq, s.from_seq - 1)}`;
      }
      return `签封#${s.id}的范围与前一签封重叠`;
    }
    const ahead = digests?.get(s.id);
    const { digest, rows } = ahead && ahead.from === s.from_seq && ahead.to === s.to_seq ? ahead : digestRange(sqlite, s.from_seq, s.to_seq);
    if (rows !== s.rows || digest !== s.digest) {
      return `签封#${s.id}所覆盖的变更记录第${s.from_seq}至${s.to_seq}条被改动或删除（应有${s.rows}条，现有${rows}条）${runsNote(sqlite, s.from_seq, s.to_seq)}`;
    }
    prevMac = s.mac;
    nextId = s.id + 1;
    nextSeq = s.to_seq + 1;
    done(s.id);
  }
  const tail = sqlite.prepare('SELECT seq FROM integrity_log WHERE seq >= ? ORDER BY seq LIMIT 1').get(nextSeq ?? 0) as { seq: number } | undefined;
  if (tail) return `变更记录第${tail.seq}条起未经签封（在程序之外写入）：${describeRows(sqlite, tail.seq, tail.seq)}`;
  return null;
}

/** A run's rows as messages name them. */
const runLabel = (tbl: string, r: { from: number; to: number }) => `${TABLE_LABELS[tbl] ?? tbl}（${tbl}）主键${r.from}至${r.to}`;

/** The business rows a seal's runs stand for: a changed or deleted one shows only as its seal's digest. */
function runsNote(sqlite: Sqlite, from: number, to: number): string {
  const runs = runsBetween(sqlite, from, to).map(parseRun).filter((r) => r !== null);
  if (!runs.length) return '';
  return `；其中按段记录、以表中现存各行核对的有：${runs.map((r) => runLabel(r.tbl, r)).join('、')}，请逐行与备份或中心的副本比对`;
}

function describeRows(sqlite: Sqlite, from: number, to: number): string {
  const r = sqlite.prepare('SELECT tbl, row_key, op FROM integrity_log WHERE seq BETWEEN ? AND ? ORDER BY seq LIMIT 1').get(from, to) as
    | { tbl: string; row_key: string; op: string }
    | undefined;
  if (!r) return '（记录已不存在）';
  const range = r.op === 'A' ? runRange(r.row_key) : null;
  if (range) return `${runLabel(r.tbl, range)}（${OPS.A}）`;
  return `${rowLabel(r.tbl, r.row_key)}（${OPS[r.op] ?? r.op}）`;
}

const OPS: Record<string, string> = { I: '新增', U: '修改', D: '删除', B: '基线', S: '结构', A: '按段新增' };

function tableProblem(sqlite: Sqlite, spec: TableSpec): string | null {
  const t = `"${spec.table}"`;
  // The newest logged image of every row of this table (SQLite takes the bare columns from the MAX row). Runs are
  // not row images: their rows were proven by their seals' digests (runs.ts); a row in none and logged nowhere else
  // is unsealed.
  const latest = `SELECT row_key, op, image, MAX(seq) AS seq FROM integrity_log WHERE tbl = @tbl AND op <> 'S' AND op <> 'A' GROUP BY row_key`;
  const inRun = spec.runs ? registerRunTest(sqlite, spec) : '0';
  const changed = sqlite
    .prepare(
      `WITH latest AS (${latest}),
            cur AS (SELECT ${keyExpr(spec, '')} AS k, ${imageExpr(spec, '')} AS img${spec.runs ? `, "${spec.pk[0]}" AS id` : ''} FROM ${t})
       SELECT cur.k AS k, latest.op AS op FROM cur LEFT JOIN latest ON latest.row_key = cur.k
        WHERE (latest.op IS NULL AND NOT ${spec.runs ? `${inRun}(cur.id)` : '0'}) OR latest.op = 'D' OR latest.image IS NOT cur.img AND latest.op IS NOT NULL
        ORDER BY latest.seq IS NOT NULL, latest.seq LIMIT 1`,
    )
    .get({ tbl: spec.table }) as { k: string; op: string | null } | undefined;
  if (changed) {
    return changed.op === null || changed.op === 'D'
      ? `${rowLabel(spec.table, changed.k)}没有签封记录（在程序之外写入）`
      : `${rowLabel(spec.table, changed.k)}的内容与签封记录不符（在程序之外被修改）`;
  }
  const live = (sqlite.prepare(`SELECT COUNT(*) AS n FROM (${latest}) WHERE op <> 'D'`).get({ tbl: spec.table }) as { n: number }).n;
  const rows = (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  // Rows of runs that were not logged again one by one (a baseline after a migration logs every row).
  const runRows = spec.runs
    ? (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t} c WHERE ${inRun}(c."${spec.pk[0]}") AND NOT EXISTS (SELECT 1 FROM (${latest}) l WHERE l.row_key = ${keyExpr(spec, 'c.')} AND l.op <> 'D')`).get({ tbl: spec.table }) as { n: number }).n
    : 0;
  if (live + runRows !== rows) {
    const gone = sqlite
      .prepare(
        `WITH latest AS (${latest}), cur AS (SELECT ${keyExpr(spec, '')} AS k FROM ${t})
         SELECT latest.row_key AS k FROM latest WHERE latest.op <> 'D' AND latest.row_key NOT IN (SELECT k FROM cur) ORDER BY latest.seq LIMIT 1`,
      )
      .get({ tbl: spec.table }) as { k: string } | undefined;
    if (gone) return `${rowLabel(spec.table, gone.k)}已被删除（签封记录中存在）`;
    return `表${spec.table}的行数与签封记录不符：签封记录${live + runRows}行，实有${rows}行`;
  }
  return null;
}

/** An SQL function on this connection: is an id inside one of the table's runs? Returns its name. */
function registerRunTest(sqlite: Sqlite, spec: TableSpec): string {
  const runs = (sqlite.prepare(`SELECT seq, tbl, row_key, image FROM integrity_log WHERE tbl = ? AND op = 'A'`).all(spec.table) as Array<{ seq: number; tbl: string; row_key: string; image: string | null }>)
    .map(parseRun)
    .filter((r) => r !== null)
    .sort((a, b) => a.from - b.from);
  const from = runs.map((r) => r.from);
  const to = runs.map((r) => r.to);
  const name = 'gjj_in_run';
  sqlite.function(name, { deterministic: false }, (v: unknown) => {
    if (typeof v !== 'number' && typeof v !== 'bigint') return 0;
    const id = Number(v);
    let lo = 0;
    let hi = from.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (from[mid]! <= id) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && id <= to[hi]! ? 1 : 0;
  });
  return name;
}
