// The command line of `npm run check-addresses` (scripts/lib/cli-arguments.ts): every option read as the usage
// text says, and every mistake answered in French (the CLI then prints the usage and exits with status 2, see
// batch-cli.test.ts).
import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../scripts/lib/cli-arguments.ts';
import { UsageError } from '../../scripts/lib/cli-columns.ts';

/** The French message of the usage error `argv` raises (fails the test if none). */
function usageMessage(argv: string[]): string {
  try {
    parseArguments(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`aucune erreur pour ${JSON.stringify(argv)}`);
}

describe('check-addresses arguments', () => {
  it('reads the input alone with every default', () => {
    expect(parseArguments(['beneficiaires.csv'])).toEqual({
      input: 'beneficiaires.csv',
      output: null,
      utf8: false,
      minimise: false,
      ban: [],
      remove: [],
    });
  });

  it('reads every option, the repeatable ones in order, wherever the input stands', () => {
    expect(
      parseArguments([
        '--retirer',
        'Nom',
        'beneficiaires.xlsx',
        '-o',
        'resultat.csv',
        '--utf8',
        '--minimiser',
        '--retirer',
        'Téléphone',
        '--ban',
        'adresses-59.csv.gz',
        '--ban',
        'adresses-59163.csv',
      ]),
    ).toEqual({
      input: 'beneficiaires.xlsx',
      output: 'resultat.csv',
      utf8: true,
      minimise: true,
      ban: ['adresses-59.csv.gz', 'adresses-59163.csv'],
      remove: ['Nom', 'Téléphone'],
    });
    expect(parseArguments(['--output=sortie.csv', 'a.csv']).output).toBe('sortie.csv');
    expect(parseArguments(['a.csv', '--output', 'sortie.csv']).output).toBe('sortie.csv');
    // After « -- », a file whose name starts with a dash is the input.
    expect(parseArguments(['--', '-liste.csv']).input).toBe('-liste.csv');
  });

  it('says in French which value is missing, even when the next argument is another option', () => {
    expect(usageMessage(['a.csv', '-o'])).toBe('Il manque le nom du fichier après -o.');
    expect(usageMessage(['a.csv', '-o', '--utf8'])).toBe('Il manque le nom du fichier après -o.');
    expect(usageMessage(['a.csv', '--output='])).toBe('Il manque le nom du fichier après -o.');
    expect(usageMessage(['a.csv', '--ban'])).toBe('Il manque le nom du fichier après --ban.');
    expect(usageMessage(['a.csv', '--retirer'])).toBe('Il manque le nom de la colonne après --retirer.');
    expect(usageMessage(['a.csv', '--retirer', '   '])).toBe(
      'Il manque le nom de la colonne après --retirer.',
    );
    expect(usageMessage(['a.csv', '--retirer', '--minimiser'])).toBe(
      'Il manque le nom de la colonne après --retirer.',
    );
  });

  it('refuses unknown options, stray values, a second input and no input, in French', () => {
    expect(usageMessage(['a.csv', '--verbeux'])).toBe('Option inconnue : --verbeux');
    expect(usageMessage(['-x', 'a.csv'])).toBe('Option inconnue : -x');
    expect(usageMessage(['--utf8=oui', 'a.csv'])).toBe(
      'L’option --utf8 ne prend pas de valeur (« --utf8=oui »).',
    );
    expect(usageMessage(['a.csv', 'b.csv'])).toBe(
      'Un seul fichier d’entrée à la fois (reçu aussi « b.csv »).',
    );
    expect(usageMessage([])).toBe('Indiquez le fichier à vérifier.');
    expect(usageMessage(['--utf8'])).toBe('Indiquez le fichier à vérifier.');
  });

  it('asks for the usage text alone with -h or --help (an empty message)', () => {
    expect(usageMessage(['-h'])).toBe('');
    expect(usageMessage(['a.csv', '--help'])).toBe('');
  });
});
