/**
 * make-ban-file.ts — a BAN file of the Nord's real size for the benchmarks (`npx tsx scripts/bench/make-ban-file.ts
 * [ROWS] [OUT]`, or imported by scripts/bench/ban.ts).
 *
 * Reads: data/roads.geojson (real street centre-lines and names, OpenStreetMap), data/communes.geojson.
 * Writes: one gzip CSV in the official layout of `adresses-59.csv.gz` (`;`, UTF-8, the 23 columns of the BAN schema
 * `adresses-csv.md`) to a temporary directory (default `$TMPDIR/perimetre-bench/adresses-59-bench.csv.gz`), never
 * into the repository.
 *
 * **TEST VALUES, NOT BAN DATA.** Street names and axes are real; house numbers and positions are made up (numbers
 * 1, 2, 3… spread along each axis, odd numbers 6 m on one side, even numbers on the other); ids contain `bench`,
 * `source_position` / `source_nom_voie` say `valeur-de-test`. About 40 % of the rows carry the INSEE code of their
 * street's commune (the covered area), the rest the codes of Nord communes outside it (as the real file does: the
 * Nord has ≈ 650 communes, the map 74). Deterministic: the same ROWS give the same bytes.
 */
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';

/** Rows of the real `adresses-59.csv.gz` (order of magnitude, 2025). */
export const NORD_ROWS = 1_100_000;

export const BAN_HEADER =
  'id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles';

interface Street {
  nom: string;
  insee: string;
  commune: string;
  cp: string;
  line: [number, number][];
}

function loadStreets(): Street[] {
  const communes = JSON.parse(readFileSync('data/communes.geojson', 'utf8')) as {
    features: { properties: { insee: string; nom: string; codes_postaux: string[] } }[];
  };
  const byInsee = new Map(communes.features.map((f) => [f.properties.insee, f.properties]));
  const roads = JSON.parse(readFileSync('data/roads.geojson', 'utf8')) as {
    features: {
      properties: { nom: string | null; insee: string | null };
      geometry: { coordinates: [number, number][] };
    }[];
  };
  const streets: Street[] = [];
  for (const f of roads.features) {
    const { nom, insee } = f.properties;
    const commune = insee ? byInsee.get(insee) : undefined;
    if (!nom || !insee || !commune || f.geometry.coordinates.length < 2) continue;
    streets.push({
      nom,
      insee,
      commune: commune.nom,
      cp: commune.codes_postaux[0] ?? '',
      line: f.geometry.coordinates,
    });
  }
  return streets;
}

/** Point at fraction `t` of a polyline, moved `side` metres to its left (negative: right). */
function along(line: [number, number][], t: number, side: number): [number, number] {
  const k = Math.min(line.length - 2, Math.floor(t * (line.length - 1)));
  const u = t * (line.length - 1) - k;
  const [x0, y0] = line[k]!;
  const [x1, y1] = line[k + 1]!;
  const kx = 111_320 * Math.cos((y0 * Math.PI) / 180);
  const ky = 110_574;
  const dx = (x1 - x0) * kx;
  const dy = (y1 - y0) * ky;
  const length = Math.hypot(dx, dy) || 1;
  return [
    x0 + u * (x1 - x0) + (-dy / length) * (side / kx),
    y0 + u * (y1 - y0) + (dx / length) * (side / ky),
  ];
}

/**
 * Writes the file and resolves with its path and row count.
 *
 * @example
 * const { path } = await makeBanFile(1_100_000); // ≈ 1.1 M rows, gzip
 */
export async function makeBanFile(
  rows = NORD_ROWS,
  out = join(tmpdir(), 'perimetre-bench', 'adresses-59-bench.csv.gz'),
): Promise<{ path: string; rows: number; covered: number }> {
  const streets = loadStreets();
  const covered = new Set(streets.map((s) => s.insee));
  // Nord INSEE codes outside the covered area (made-up assignment of made-up rows).
  const others: string[] = [];
  for (let k = 1; k <= 670 && others.length < 560; k++) {
    const code = `59${String(k).padStart(3, '0')}`;
    if (!covered.has(code)) others.push(code);
  }
  mkdirSync(dirname(out), { recursive: true });
  const gzip = createGzip({ level: 6 });
  const file = createWriteStream(out);
  gzip.pipe(file);
  const done = new Promise<void>((resolve, reject) => {
    file.on('finish', resolve);
    file.on('error', reject);
    gzip.on('error', reject);
  });
  const write = (text: string) =>
    gzip.write(text) ? Promise.resolve() : new Promise<void>((r) => gzip.once('drain', r));
  await write(`${BAN_HEADER}\n`);
  // Numbers per street so that the whole file has `rows` rows.
  const perStreet = Math.ceil(rows / streets.length);
  let written = 0;
  let inArea = 0;
  let buffer = '';
  for (let s = 0; written < rows; s = (s + 1) % streets.length) {
    const street = streets[s]!;
    const round = Math.floor(written / (perStreet * streets.length));
    for (let n = 1; n <= perStreet && written < rows; n++) {
      const numero = n + round * perStreet;
      // 2 rows out of 5 in the covered commune, 3 in other Nord communes.
      const own = written % 5 < 2;
      const insee = own ? street.insee : others[(s * 7 + n) % others.length]!;
      const commune = own ? street.commune : `Commune ${insee}`;
      const cp = own ? street.cp : `59${insee.slice(2)}`;
      const [lon, lat] = along(street.line, (n - 0.5) / perStreet, numero % 2 === 1 ? 6 : -6);
      const rep = numero % 37 === 0 ? 'bis' : '';
      const id = `${insee}_bench_${String(s).padStart(5, '0')}_${String(numero).padStart(5, '0')}${rep ? `_${rep}` : ''}`;
      buffer += `${id};;${numero};${rep};${street.nom};${cp};${insee};${commune};;;;;${lon.toFixed(7)};${lat.toFixed(7)};entrée;;;${commune.toUpperCase()};${street.nom.toUpperCase()};valeur-de-test;valeur-de-test;0;\n`;
      written++;
      if (own) inArea++;
      if (buffer.length > 1 << 20) {
        await write(buffer);
        buffer = '';
      }
    }
  }
  await write(buffer);
  gzip.end();
  await done;
  return { path: out, rows: written, covered: inArea };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? NORD_ROWS);
  makeBanFile(rows, process.argv[3]).then((r) =>
    console.log(
      `${r.path}: ${r.rows} lignes (valeurs de test), dont ${r.covered} dans les communes couvertes`,
    ),
  );
}
