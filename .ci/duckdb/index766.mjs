// DuckDB computing the Decision 766 counts that `p06 index766` computes, on the same file: the
// yardstick of .ci/bench-index766. Usage: node index766.mjs FILE jsonl|csv [THREADS [FEE_CODES]]
// Prints one JSON object of counts (summed over the (MaDonVi, MaTTHC) cells, as p06 keeps them)
// and the query's wall time in seconds. FEE_CODES, a file with one MaTTHC per line, lists the
// fee-bearing procedures (CoPhiLePhi) of the catalogue: QD766-3.6 counts only their dossiers.
// QD766-2.1 is judged on the as-of day p06 uses without a period: the latest NgayTiepNhan or
// NgayKetThucXuLy in the data (Vietnam days); an unfinished dossier due before it is late.
import { DuckDBInstance } from '@duckdb/node-api';

import { readFileSync } from 'node:fs';

const [file, format, threads = '2', feeFile] = process.argv.slice(2);
if (!file || (format !== 'jsonl' && format !== 'csv')) {
  console.error('usage: node index766.mjs FILE jsonl|csv [THREADS]');
  process.exit(2);
}
const cols = `{
  'MaHoSo': 'VARCHAR', 'MaDonVi': 'VARCHAR', 'MaTTHC': 'VARCHAR', 'KenhThucHien': 'INTEGER',
  'NgayTiepNhan': 'VARCHAR', 'NgayHenTra': 'VARCHAR', 'NgayKetThucXuLy': 'VARCHAR',
  'PhiLePhi': 'BIGINT', 'DuocThanhToanTrucTuyen': 'INTEGER', 'DuongDanTepTinKetQua': 'VARCHAR',
  'DuocSoHoa': 'INTEGER', 'DuocLayTuKhoDMQG': 'INTEGER', 'TaiKhoanDuocXacThucVoiVNeID': 'INTEGER'}`;
const quoted = file.replaceAll("'", "''");
const src = format === 'csv'
  ? `read_csv('${quoted}', header = true, columns = ${cols})`
  : `read_json('${quoted}', format = 'newline_delimited', columns = ${cols})`;

const instance = await DuckDBInstance.create(':memory:', { threads });
const conn = await instance.connect();
// Both date forms of the national synchronisation: yyyyMMddHHmmss in Vietnam time (UTC+7), or
// RFC 3339 with its offset; as Unix seconds.
await conn.run(`CREATE MACRO ts(s) AS CASE
  WHEN s IS NULL OR s = '' THEN NULL
  WHEN length(s) = 14 THEN epoch(strptime(s, '%Y%m%d%H%M%S')) - 25200
  ELSE epoch(CAST(s AS TIMESTAMPTZ)) END`);
// The Vietnam-time day number of Unix seconds.
await conn.run(`CREATE MACRO vday(t) AS floor((t + 25200) / 86400)`);
const feeCodes = feeFile
  ? readFileSync(feeFile, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '')
  : [];
const feeList = feeCodes.length
  ? feeCodes.map((c) => `'${c.replaceAll("'", "''")}'`).join(', ')
  : 'NULL';
const sql = `
WITH d AS (
  SELECT MaDonVi, MaTTHC, KenhThucHien AS k, PhiLePhi AS fee, DuocThanhToanTrucTuyen AS paid,
         DuongDanTepTinKetQua AS link, DuocSoHoa AS so, DuocLayTuKhoDMQG AS kho,
         TaiKhoanDuocXacThucVoiVNeID AS vneid,
         ts(NgayHenTra) AS due, ts(NgayKetThucXuLy) AS fin, ts(NgayTiepNhan) AS recv,
         MaTTHC IN (${feeList}) AS fee_proc
  FROM ${src}),
latest AS (SELECT vday(max(greatest(recv, coalesce(fin, recv)))) AS day FROM d),
cells AS (
  SELECT MaDonVi, MaTTHC,
    count(*) AS dossiers,
    count(*) FILTER (WHERE k = 2) AS online,
    count(*) FILTER (WHERE fin IS NOT NULL) AS finished,
    count(*) FILTER (WHERE fin IS NOT NULL AND due IS NOT NULL) AS finished_due,
    count(*) FILTER (WHERE fin <= due) AS on_time,
    count(*) FILTER (WHERE fee > 0) AS fee,
    count(*) FILTER (WHERE fee > 0 AND paid IN (1, 2)) AS paid_online,
    count(*) FILTER (WHERE fee_proc AND fee > 0) AS fee_cat,
    count(*) FILTER (WHERE fee_proc AND fee > 0 AND paid IN (1, 2)) AS paid_online_cat,
    count(*) FILTER (WHERE fin IS NULL AND due IS NOT NULL) AS open_due,
    count(*) FILTER (WHERE fin IS NULL AND due IS NOT NULL AND vday(due) < (SELECT day FROM latest)) AS overdue,
    count(*) FILTER (WHERE fin IS NOT NULL AND link <> '') AS result_link,
    count(*) FILTER (WHERE so = 1) AS digitised,
    count(*) FILTER (WHERE kho = 1) AS from_store,
    count(*) FILTER (WHERE vneid = 1 OR kho = 1) AS population_data
  FROM d GROUP BY MaDonVi, MaTTHC)
SELECT count(*) AS cells, sum(dossiers) AS dossiers, sum(online) AS online,
  sum(finished) AS finished, sum(finished_due) AS finished_due, sum(on_time) AS on_time,
  sum(fee) AS fee, sum(paid_online) AS paid_online, sum(result_link) AS result_link,
  sum(fee_cat) AS fee_cat, sum(paid_online_cat) AS paid_online_cat,
  sum(finished_due) + sum(open_due) AS due_total,
  sum(on_time) + sum(open_due) - sum(overdue) AS on_time_asof, sum(overdue) AS overdue,
  sum(digitised) AS digitised, sum(from_store) AS from_store,
  sum(population_data) AS population_data
FROM cells`;
const t0 = process.hrtime.bigint();
const reader = await conn.runAndReadAll(sql);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const row = reader.getRowObjectsJson()[0];
const out = {};
for (const [k, v] of Object.entries(row)) out[k] = Number(v);
out.seconds = seconds;
console.log(JSON.stringify(out));
