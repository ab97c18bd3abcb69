/**
 * The command line of `npm run check-addresses` (scripts/check-addresses.ts): its options, its French usage text,
 * and their parsing with Node's own `util.parseArgs` (strict: an unknown option or a missing value is an error),
 * whose English messages are replaced by French ones. Reads and writes nothing.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './cli-columns.ts';

export interface CheckAddressesOptions {
  input: string;
  output: string | null;
  utf8: boolean;
  minimise: boolean;
  /** BAN files (`--ban`, repeatable): house-number answers. */
  ban: string[];
  /** Columns named after `--retirer` (repeatable), left out of the export. */
  remove: string[];
}

export const USAGE = `Usage : npm run check-addresses -- FICHIER.csv|FICHIER.xlsx [-o RESULTAT.csv] [--utf8] [--minimiser]
                [--retirer COLONNE]…
  -o, --output FICHIER  écrit le résultat dans FICHIER (sinon sur la sortie standard) ; jamais le fichier d’entrée
  --utf8                écrit en UTF-8 avec BOM (par défaut : même encodage que l’entrée)
  --minimiser           ne garde que les colonnes d’adresse (minimisation des données)
  --retirer COLONNE     retire de l’export la colonne nommée ainsi dans l’en-tête (répétable ; majuscules et
                        accents facultatifs) ; jamais une colonne utilisée pour la vérification
  --ban FICHIER         Base Adresse Nationale (adresses-59.csv.gz ou adresses-<insee>.csv) : réponses au numéro`;

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  utf8: { type: 'boolean' },
  minimiser: { type: 'boolean' },
  retirer: { type: 'string', multiple: true },
  ban: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What follows each option that takes a value, for the « Il manque … » message. */
const MISSING_VALUE: Record<string, string> = {
  '-o': 'le nom du fichier après -o',
  '--output': 'le nom du fichier après -o',
  '--ban': 'le nom du fichier après --ban',
  '--retirer': 'le nom de la colonne après --retirer',
};

/** The option an argument names (`--output=x` → `--output`). */
const optionName = (argument: string) => argument.split('=')[0]!;

/**
 * The options of `argv` (the arguments after the script's name). Throws a {@link UsageError} with a French message
 * — empty for `-h` / `--help`, which asks for the usage text alone.
 */
export function parseArguments(argv: readonly string[]): CheckAddressesOptions {
  // A value-taking option given last, or followed by another option, has no value: said in French, before
  // parseArgs (which would take « --utf8 » as a file name, or answer in English).
  argv.forEach((argument, index) => {
    const missing = MISSING_VALUE[argument];
    const next = argv[index + 1];
    if (missing && (next === undefined || (next.startsWith('-') && next !== '-')))
      throw new UsageError(`Il manque ${missing}.`);
  });
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const unknown = argv.find((argument) => argument.startsWith('-') && !isKnown(argument));
      throw new UsageError(`Option inconnue : ${unknown ?? argv.join(' ')}`);
    }
    // A value given to an option that takes none (`--utf8=oui`), or an option left without its value.
    const wrong = argv.find((argument) => argument.includes('=') && argument.startsWith('--'));
    throw new UsageError(
      wrong
        ? `L’option ${optionName(wrong)} ne prend pas de valeur (« ${wrong} »).`
        : `Options illisibles : « ${argv.join(' ')} ».`,
    );
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  const [input, ...others] = positionals;
  if (others.length > 0)
    throw new UsageError(`Un seul fichier d’entrée à la fois (reçu aussi « ${others[0]} »).`);
  if (!input) throw new UsageError('Indiquez le fichier à vérifier.');
  if (values.output === '') throw new UsageError(`Il manque ${MISSING_VALUE['-o']}.`);
  const remove = values.retirer ?? [];
  if (remove.some((column) => !column.trim()))
    throw new UsageError(`Il manque ${MISSING_VALUE['--retirer']}.`);
  const ban = values.ban ?? [];
  if (ban.some((file) => file === '')) throw new UsageError(`Il manque ${MISSING_VALUE['--ban']}.`);
  return {
    input,
    output: values.output ?? null,
    utf8: values.utf8 ?? false,
    minimise: values.minimiser ?? false,
    ban,
    remove,
  };
}

/** True for an option of {@link OPTIONS}, long (`--utf8`, `--ban=x`) or short (`-o`, `-h`). */
function isKnown(argument: string): boolean {
  if (argument.startsWith('--')) return optionName(argument).slice(2) in OPTIONS;
  return Object.values(OPTIONS).some((option) => 'short' in option && `-${option.short}` === argument);
}
